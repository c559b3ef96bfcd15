"""Replay of consumer groups: plans computed from offsets (`plan`) and applied to
an idle group (`apply`)."""
