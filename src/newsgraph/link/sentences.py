"""The sentence around a span, found in the plain text (stored documents carry no parse)."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (and closing quotes) followed by space and an upper-case letter or a quote, or at a paragraph break.
END = re.compile(r"""[.!?]["'”’]?\s+(?=["“‘A-Z0-9])|\n\s*\n""")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end offsets of the sentence(s) holding text[start:end]."""
    begin = 0
    for match in END.finditer(text, 0, max(start, 0)):
        begin = match.end()
    after = END.search(text, max(end, start))
    finish = after.start() + len(after.group().rstrip()) if after else len(text)
    return begin, max(finish, begin)
