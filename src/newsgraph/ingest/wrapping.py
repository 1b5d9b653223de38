"""Hard-wrapped plain text (wire dumps, mail, saved terminals) joined back into one line per paragraph.

A line break inside a sentence cuts names, contents and sentences apart downstream (a statement's
content ends at its line), so a text wrapped at a fixed width has its wrap breaks replaced by spaces.
A break is a wrap when the next line's first word would not have fitted on the line before it; a
short line ("10 a.m.", a list item) keeps its break.
"""

from __future__ import annotations

# Widths a wrapped text is set at: narrower is a list or a poem, wider is a paragraph per line.
MIN_WIDTH, MAX_WIDTH = 40, 120
# How short of the width a wrapped line may end (the next word was that long).
WRAP_SLACK = 20
# Lines followed by another line that a text needs before it counts as wrapped, and their least share of
# its lines (a wrapped text has few paragraph ends; a list of headlines in a page is a few lines among many).
MIN_WRAPPED_LINES, WRAPPED_SHARE = 4, 0.5
# Of those lines, the share that must be no wider than MAX_WIDTH, and the share that must end near the width.
NARROW_SHARE, FULL_SHARE = 0.8, 0.5


def unwrap(text: str) -> str:
    """The text with the line breaks of its fixed-width wrapping replaced by spaces; unchanged when not wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    joined = [lines[0]]
    for before, line in zip(lines, lines[1:]):
        if _is_wrap(before, line, width):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return "\n".join(joined)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text is wrapped at, or None: most of its lines run on into the next, are narrow and end near
    one width."""
    inner = [len(line) for line, after in zip(lines, lines[1:]) if line and after]
    narrow = [n for n in inner if n <= MAX_WIDTH]
    written = sum(1 for line in lines if line)
    if len(narrow) < max(MIN_WRAPPED_LINES, NARROW_SHARE * len(inner), WRAPPED_SHARE * written):
        return None
    width = max(narrow)
    full = sum(1 for n in narrow if n >= width - WRAP_SLACK)
    return width if width >= MIN_WIDTH and full >= FULL_SHARE * len(narrow) else None


def _is_wrap(before: str, line: str, width: int) -> bool:
    """Both lines hold text and the line's first word would have made the one before it too wide."""
    return bool(before) and bool(line) and len(before) + 1 + len(line.split(" ", 1)[0]) > width
