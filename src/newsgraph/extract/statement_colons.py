"""Statements a line gives after its speaker's name and a colon: headlines ("Minister: talks will
resume") and transcripts ("CLINTON: Honestly, I believe ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsgraph.extract.statement_context import Context, Draft, content_draft
from newsgraph.extract.statement_speakers import is_source_noun

# A line start, up to five words before a colon, then what was said up to a semicolon or line end.
COLON_LINE = re.compile(r"(?m)^[ \t\"“]*([A-Z][^\n:;]{0,50}?):[ \t]+([^\n;]*\w[^\n;]*)")
MAX_SPEAKER_WORDS = 5
SPEAKER_ENTITIES = {"PERSON", "ORG", "NORP"}
# Capitalised kickers a headline or page puts before a colon: labels, never speakers ("EXCLUSIVE: ...", "WATCH: ...").
KICKERS = {"exclusive", "breaking", "watch", "look", "video", "photos", "photo", "live", "update", "updated", "boom",
           "busted", "analysis", "opinion", "editorial", "byline", "correction", "related", "listen", "read"}


def colon_drafts(ctx: Context) -> Iterator[Draft]:
    """A Draft for each line "Speaker: content" whose speaker is a named person, body or group."""
    doc = ctx.doc
    for match in COLON_LINE.finditer(ctx.text):
        speaker = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        colon = doc.char_span(match.end(1), match.end(1) + 1)
        content = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
        if speaker is None or colon is None or content is None or not _names_a_speaker(speaker):
            continue
        draft = content_draft(ctx, content.start, content.end - 1, cue=colon[0], speaker=speaker)
        if draft is not None:
            yield draft


def _names_a_speaker(span: Span) -> bool:
    """A name, not a label: "Clinton", "HUFFPOLLSTER", "Historians", "Poll"; never "Q", "Editor's note", "EXCLUSIVE",
    a time or a clause.

    A one-word speaker is a name the article tags as a person or body elsewhere ("Pence: ..." in a
    headline the tagger reads as common words), or a document noun ("Poll: ...", "Report: ...": PolNeAR
    train marks 8 of 9 such lines)."""
    words = span.text.split()
    if not words or len(words) > MAX_SPEAKER_WORDS or any(ch.isdigit() for ch in span.text) or len(span.text) < 3:
        return False
    if span.text.lower() in KICKERS:
        return False
    if any(t.pos_ == "VERB" for t in span):  # a clause ("Said Ellis:", "Limbaugh continued:"), not a name
        return False
    last = span[-1]
    if last.ent_type_ in SPEAKER_ENTITIES:
        return True
    if len(words) != 1:
        return False
    return span.text.isupper() or last.tag_ == "NNS" or is_source_noun(last) or _named_elsewhere(last)


def _named_elsewhere(word: Token) -> bool:
    """Whether the article tags this word as (the last word of) a person or body's name somewhere."""
    return any(ent.label_ in SPEAKER_ENTITIES and ent[-1].text == word.text for ent in word.doc.ents)
