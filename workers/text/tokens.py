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
    caps: bytes
    """1 where a token's word starts with a capital (Arabic script has none), else 0."""
    breaks: bytes
    """1 where punctuation or a line break follows a token (and for the last), else 0."""
    body: int
    """The first token after the first line break (the body's first, after a headline,
    where a dateline stands); 0 when the text is one line."""

    @classmethod
    def of(cls, analysis: Analysis) -> Tokens:
        return cls(
            analysis,
            analysis.words(),
            analysis.capitals(),
            analysis.breaks(),
            _after_first_line(analysis),
        )

    def joined(self, index: int) -> bool:
        """Token `index` runs on to the next one (no punctuation between)."""
        return not self.breaks[index]

    def past(self, index: int, words: frozenset[str], most: int) -> int:
        """The token after at most `most` lower-case words of `words` from `index`,
        each running on to the next ("the town of ...", "a battu le ...")."""
        skipped = 0
        while (
            index < len(self.words)
            and skipped < most
            and self.words[index] in words
            and not self.caps[index]
            and self.joined(index)
        ):
            index, skipped = index + 1, skipped + 1
        return index

    def back(self, index: int, words: frozenset[str], most: int) -> int:
        """`past` read backwards: the token before at most `most` lower-case words of
        `words` ending at `index`, each running on to the next ("village of ...")."""
        skipped = 0
        while (
            index >= 0
            and skipped < most
            and self.words[index] in words
            and not self.caps[index]
            and self.joined(index)
        ):
            index, skipped = index - 1, skipped + 1
        return index

    def capitalised_end(self, start: int, most: int) -> int:
        """The end of the capitalised run at `start`, its tokens running on to each
        other: `start` when there is none or it runs on past `most` tokens."""
        end = start
        while end < len(self.words) and end - start < most and self.caps[end]:
            end += 1
            if not self.joined(end - 1):
                break
        if end < len(self.words) and self.caps[end] and self.joined(end - 1):
            return start
        return end

    def capitalised_start(self, end: int, most: int, low: int = 0) -> int:
        """`capitalised_end` read backwards: the first token of the capitalised run
        that ends right before token `end`, not before `low`, its tokens running on
        to each other: `end` when there is none or it runs on past `most` tokens.
        Whether the run runs on to token `end` is the caller's to ask."""
        start = end
        while start > low and end - start < most and self.caps[start - 1]:
            if start < end and not self.joined(start - 1):
                break
            start -= 1
        if start > low and start < end and self.caps[start - 1] and self.joined(start - 1):
            return end
        return start


def _after_first_line(analysis: Analysis) -> int:
    end = analysis.original.find("\n")
    low, high = 0, len(analysis) if end >= 0 else 0
    while low < high:
        middle = (low + high) // 2
        if analysis.span(middle, middle + 1).start < end:
            low = middle + 1
        else:
            high = middle
    return low
