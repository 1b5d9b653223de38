"""The sentence around a span, found in the plain text: stored documents carry no parse, and evidence and highlights must agree."""

from __future__ import annotations

import re

# Titles whose period does not end a sentence.
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Gov", "Sen", "Rep", "Col", "Lt", "Sgt", "Capt", "Prof", "St", "Jr", "Sr")
# A sentence ends at . ! ? (and any closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote; a paragraph ("\n\n") always ends one.
_SENTENCE_END = re.compile("".join(rf"(?<!\b{title})" for title in _TITLES)
                           + r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"“‘(])|\n\s*\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence of `text` holding the span start..end."""
    begin, finish = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= start:
            begin = match.end()
        elif match.start() >= max(end - 1, start):
            finish = match.start() + len(match.group().rstrip())
            break
    return begin, max(finish, end)

