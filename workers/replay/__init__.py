"""Replay of consumer groups, dead-letter re-drive, consumer lag and pipeline stats."""
