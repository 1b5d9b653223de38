"""Reported numbers: value, what they count, period and the statement (source) reporting them."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quantity_values import Reading, read_quantity, words
from newsgraph.extract.statement_lexicon import cues
from newsgraph.model import Quantity, Statement

NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
YEAR_RE = re.compile(r"(1[89]|20)\d\d")
# Prepositions kept with a period ("in 2016", "since January", "between 2011 and 2016").
PERIOD_PREPS = {"in", "since", "during", "between", "from", "by", "until", "over", "through", "throughout", "for", "on"}
WHAT_MODIFIERS = {"compound", "amod"}


def find_quantities(doc: Doc, statements: list[Statement]) -> list[Quantity]:
    """Every reported number of the article except dates, times and ordinals."""
    found = []
    for span in _number_spans(doc):
        reading = read_quantity(span.text)
        if reading is None:
            continue
        index = _statement_of(span, statements)
        found.append(_quantity(span, reading, index, statements))
    return found


def _quantity(span: Span, reading: Reading, index: int | None, statements: list[Statement]) -> Quantity:
    source = statements[index] if index is not None else None
    return Quantity(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        value=reading.value,
        unit=reading.unit,
        what=None if reading.unit else _what(span),
        bound=reading.bound,
        period=_period(span),
        statement=index,
        source=(source.speaker or source.speaker_text) if source is not None else None,
    )


def _number_spans(doc: Doc) -> list[Span]:
    """Number entities (widened to a bound phrase before them) and numbers the tagger left out."""
    spans = [_with_unit(_with_bound(ent)) for ent in doc.ents if ent.label_ in NUMBER_LABELS and not _is_year(ent)]
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans += [doc[t.i : t.i + 1] for t in doc if t.text[0].isdigit() and t.i not in covered and t.tag_ == "CD" and not _is_year(t)]
    return sorted((s for s in spans if not _is_pronoun_one(s)), key=lambda s: s.start)


def _is_pronoun_one(span: Span) -> bool:
    """ "One of them said": "one" standing for a person is not a reported number."""
    return span.text.lower() in {"one", "a", "an"} and span.root.dep_ != "nummod"


def _with_unit(span: Span) -> Span:
    """ "[850,000] euros" -> "850,000 euros": a unit word the tagger left outside."""
    after = span.end
    if after < len(span.doc) and words().get(span.doc[after].lower_, ("",))[0] == "unit":
        return span.doc[span.start : after + 1]
    return span


def _is_year(span: Span | Token) -> bool:
    return YEAR_RE.fullmatch(span.text) is not None


def _with_bound(ent: Span) -> Span:
    """ "above [6 percent]" -> "above 6 percent": a bound phrase the tagger left outside."""
    doc, table = ent.doc, words()
    for size in (3, 2, 1):
        start = ent.start - size
        if start >= 0 and table.get(doc[start : ent.start].text.lower(), ("",))[0] == "bound":
            return doc[start : ent.end]
    return ent


def _what(span: Span) -> str | None:
    """The noun a number counts: "3,359 [suspects]", "thousands of [people]", "two senior [diplomats]"."""
    root = span.root
    noun = root.head if root.dep_ in {"nummod", "quantmod", "amod", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"} else None
    if noun is None:
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.i < span.start and noun.i >= span.end:
        return None
    modifiers = [c for c in noun.lefts if c.dep_ in WHAT_MODIFIERS and c.i >= span.end]
    first = modifiers[0].i if modifiers else noun.i
    return noun.doc[first : noun.i + 1].text


def _period(span: Span) -> str | None:
    """The date the number's own clause gives ("detained 3,359 suspects in 2016"), not the report's date."""
    clause_verbs = _clause_verbs(span.root)
    sentence = span.root.sent
    best: Span | None = None
    for ent in sentence.ents:
        if ent.label_ != "DATE" or ent.start < span.end and span.start < ent.end:
            continue
        if _governing_verb(ent.root) in clause_verbs and (best is None or _distance(ent, span) <= _distance(best, span)):
            best = ent  # on a tie the later date wins: "from 812 in 2022 to 947 in 2023"
    return _with_preposition(best).text if best is not None else None


def _clause_verbs(token: Token) -> set[int]:
    """The verbs above a token up to (not including) a reporting verb."""
    verbs: set[int] = set()
    table = cues()
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            if (token.lemma_.lower(), "VERB") in table:
                break
            verbs.add(token.i)
    return verbs


def _governing_verb(token: Token) -> int | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token.i
    return None


def _distance(a: Span, b: Span) -> int:
    return a.start - b.end if a.start >= b.end else b.start - a.end


def _with_preposition(ent: Span) -> Span:
    """The date with the preposition that governs it ("in 2016"), when it does."""
    before = ent.start - 1
    if before >= 0 and ent.doc[before].lower_ in PERIOD_PREPS and ent.root.head.i == before:
        return ent.doc[before : ent.end]
    return ent


def _statement_of(span: Span, statements: list[Statement]) -> int | None:
    """The statement whose content holds the number."""
    for index, statement in enumerate(statements):
        if statement.content_start <= span.start_char and span.end_char <= statement.content_end:
            return index
    return None
