"""The analysis of an article's text (normalized tokens tied to the original),
made once per text and shared by the steps that read it: entities, topics and the
dedup fingerprint each ask for the same headline-and-body text."""

from __future__ import annotations

from newswire_text import Analysis, analyze

__all__ = ["RECENT_TEXTS", "Analysis", "text_analysis"]

RECENT_TEXTS = 512
"""Texts remembered: twice the articles the enrichment takes through its steps together."""

_recent: dict[str, Analysis] = {}


def text_analysis(text: str) -> Analysis:
    """`analyze(text)`, remembered for the most recent texts."""
    found = _recent.get(text)
    if found is not None:
        return found
    if len(_recent) >= RECENT_TEXTS:
        del _recent[next(iter(_recent))]
    made = _recent[text] = analyze(text)
    return made
