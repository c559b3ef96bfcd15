"""An analysis's tokens as plain Python lists, read from the compiled core once per
article and shared by the steps that walk tokens one by one (names, small places)."""

from __future__ import annotations

from dataclasses import dataclass

from newswire_text import Analysis


@dataclass(frozen=True, slots=True)
class Tokens:
    analysis: Analysis
    words: list[str]
    """Normalized tokens."""
    caps: list[bool]
    """Whether each token's word starts with a capital (Arabic script has none)."""
    breaks: list[bool]
    """Whether punctuation or a line break follows each token (True for the last)."""

    @classmethod
    def of(cls, analysis: Analysis) -> Tokens:
        words = analysis.normalized.split(" ") if len(analysis) else []
        return cls(analysis, words, analysis.capitals(), analysis.breaks())

    def joined(self, index: int) -> bool:
        """Token `index` runs on to the next one (no punctuation between)."""
        return not self.breaks[index]
