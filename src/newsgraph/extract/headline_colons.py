"""Headlines that name a speaker, then a colon, then what was said: "Quill: 'We will not pay'", "Harbour chief
Dario Venn: ...", "Mayor Lin on the budget: we will cut nothing", "Vale slams board: 'Fares are too high'".

A headline parsed alone gives the tagger little to go on (one-word names come out as common nouns,
title-case verbs as names), so a speaker is also recognised by a name the article's text tags.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entity_lexicon import fold
from newsgraph.extract.statement_context import Context, content_draft
from newsgraph.model import Mention, Statement

SPEAKER_TYPES = {"PERSON", "ORG", "NORP"}
MAX_SPEAKER_WORDS = 5
# The word joining a speaker to its topic before the colon: "Obama on X:" ("Clinton to visit Ohio:" is no speech).
LINK = "on"
OPENING_MARKS = "\"'“‘"
# Words opening a label, not a statement: "What we know", "Why the vote matters", "How to vote".
LABEL_OPENERS = {"what", "why", "how", "who", "when", "where", "which"}


def known_names(mentions: list[Mention]) -> frozenset[str]:
    """The folded last words of the people and bodies the article's text names ("quill" of "Edwina Quill")."""
    return frozenset(fold(m.text).split()[-1] for m in mentions if m.type in SPEAKER_TYPES and fold(m.text).split())


def headline_colon_statement(title: Doc, known: frozenset[str]) -> Statement | None:
    """The statement of a headline "Speaker[ on X]: what was said" or "Speaker verb X: 'quote'", if it has one colon."""
    colons = [t for t in title if t.text == ":"]
    if len(colons) != 1 or not 0 < colons[0].i < len(title) - 1:
        return None
    colon = colons[0]
    content = title[colon.i + 1 :]
    speaker = _speaker(title[: colon.i], known, _is_quotation(content))
    if speaker is None or not (_is_quotation(content) or _is_clause(content)):
        return None
    draft = content_draft(Context(title), colon.i + 1, len(title) - 1, cue=colon, speaker=speaker)
    if draft is None:
        return None
    return Statement(speaker=speaker.text, speaker_text=speaker.text, speaker_start=speaker.start_char, speaker_end=speaker.end_char,
                     cue=colon.text, content=title.text[draft.start : draft.end], content_start=draft.start, content_end=draft.end,
                     direct=draft.direct, cue_start=colon.idx, cue_end=colon.idx + 1, in_title=True)


def _speaker(lead: Span, known: frozenset[str], quoted: bool) -> Span | None:
    """The words before the colon when they are a name ("Harbour chief Dario Venn"), the words before "on"
    ("Mayor Lin on X"), or, before a quotation, the name that opens them ("Warren Hammers Bank CEO")."""
    if _is_name(lead, known):
        return lead
    link = next((t.i for t in lead if t.lower_ == LINK), None)
    if link is not None and link > lead.start and _is_name(lead.doc[lead.start : link], known):
        return lead.doc[lead.start : link]
    if not quoted:
        return None
    end = next((end for end in range(lead.start + 1, lead.end) if _is_name(lead.doc[lead.start : end], known)), None)
    if end is None:
        return None
    while end < lead.end and _continues_name(lead.doc[end], known):  # "Donald" + "Trump"
        end += 1
    return lead.doc[lead.start : end]


def _is_name(span: Span, known: frozenset[str]) -> bool:
    """A few capitalised words ending in a person or body: tagged so here, or named so in the article's text."""
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > MAX_SPEAKER_WORDS or not all(t.is_title or t.is_upper for t in words):
        return False
    last = span[-1]
    return last.ent_type_ in SPEAKER_TYPES or fold(last.text) in known


def _continues_name(token: Token, known: frozenset[str]) -> bool:
    return token.is_title and (token.ent_iob_ == "I" or fold(token.text) in known)


def _is_quotation(content: Span) -> bool:
    return content.text.lstrip()[:1] in OPENING_MARKS


def _is_clause(content: Span) -> bool:
    """A clause, not a label ("What we know", "A timeline" are not statements)."""
    return content[0].lower_ not in LABEL_OPENERS and any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in content)
