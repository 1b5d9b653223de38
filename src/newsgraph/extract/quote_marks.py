"""Quoted passages of a text, found from its quote marks alone (no parse).

Handles curly and straight double marks, doubled straight apostrophes ('', as in some newspaper
archives), guillemets, curly single marks used as primary quotes, quotes running over several
paragraphs (news style leaves the quote open at each paragraph end and reopens it at the next),
stray or unbalanced marks, which are dropped, and a closing curly mark typed for an opening one at a
line start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_MARKS = "“„«‘"
STRAIGHT = '"'
DOUBLED = "''"  # two straight apostrophes standing for one straight double mark
# Single curly marks count only at word edges, so apostrophes (don’t, Ankara’s) are not marks.
MARK_RE = re.compile(r"''" r'|[“”„«»"]|(?<![\w’])‘|(?<=[\w.,!?;:])’(?![\w’])')
PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
# Characters before a straight mark that make it an opening one.
OPENING_CONTEXT = " \n\t([{—–-/:"

Open = tuple[int, str]  # (first character inside the quote, "single" or "double")


@dataclass(frozen=True)
class Quote:
    """The characters between a pair of quote marks (start, end exclusive)."""

    start: int
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Top-level quoted passages in text order; nested quotes stay inside their outer quote."""
    quotes: list[Quote] = []
    carried: Open | None = None
    for paragraph in PARAGRAPH_RE.finditer(text):
        carried = _scan_paragraph(text, paragraph.start(), paragraph.end(), carried, quotes)
    return quotes


def _scan_paragraph(text: str, start: int, end: int, carried: Open | None, quotes: list[Quote]) -> Open | None:
    """Find the quotes of one paragraph; return the quote left open at its end, if any."""
    opened: Open | None = None
    first = len(text[start:end]) - len(text[start:end].lstrip()) + start
    for match in MARK_RE.finditer(text, start, end):
        mark, pos = match.group(), match.start()
        if carried is not None and pos == first and _is_opening(text, mark, pos):
            opened = carried  # the quote of the previous paragraph goes on
        else:
            opened = _step(text, mark, pos, opened, quotes)
        carried = None
    return opened


def _step(text: str, mark: str, pos: int, opened: Open | None, quotes: list[Quote]) -> Open | None:
    """Advance the open/close state by one mark, appending a Quote when one closes."""
    kind = "single" if mark in "‘’" else "double"
    if opened is None:
        return (pos + len(mark), kind) if _is_opening(text, mark, pos) else None
    if opened[1] != kind:
        return opened  # a nested mark of the other kind
    if mark in OPEN_MARKS or (_straight(mark) and _is_opening(text, mark, pos) and _closes_later(text, mark, pos)):
        return (pos + len(mark), kind)  # the previous quote never closed: restart here
    if pos > opened[0]:
        quotes.append(Quote(opened[0], pos))
    return None


def _is_opening(text: str, mark: str, pos: int) -> bool:
    """Whether a mark found outside any quote opens one."""
    if mark in OPEN_MARKS:
        return True
    if mark == "”" and (pos == 0 or text[pos - 1] == "\n") and text[pos + 1 : pos + 2].isalnum():
        return True  # a closing mark typed for an opening one at a line start (”Fear. I am afraid ...”)
    return _straight(mark) and (pos == 0 or text[pos - 1] in OPENING_CONTEXT)


def _straight(mark: str) -> bool:
    return mark in (STRAIGHT, DOUBLED)


def _closes_later(text: str, mark: str, pos: int) -> bool:
    """Whether a straight mark that looks like an opener is followed by another such mark in its paragraph."""
    end = text.find("\n\n", pos)
    return text.find(mark, pos + len(mark), end if end != -1 else len(text)) != -1
