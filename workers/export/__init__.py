"""Stored articles written out in standard news formats."""
