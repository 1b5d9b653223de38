"""Mentions of actors and places in one article: clean spans, their role, their in-article name."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entity_coref import name_mentions
from newsgraph.extract.entity_lexicon import words
from newsgraph.extract.mention_roles import role_of, state_of_demonym
from newsgraph.extract.statement_lexicon import title_gender
from newsgraph.model import Mention

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
# Types of the spans a title-case headline runs into a person's name ("Obama To Nominate Regina Benjamin" ORG).
HEADLINE_TYPES = frozenset({"PERSON", "ORG"})


def find_mentions(doc: Doc) -> list[Mention]:
    """The named actors and places of the article, without titles or possessives, named as the article names them."""
    spans = [_collective(span) for ent in doc.ents if ent.label_ in ACTOR_TYPES and (span := trim(ent)) is not None]
    return name_mentions(_without_headline_tails([_mention(span) for span in spans]), [title_gender(span) for span in spans])


def _without_headline_tails(mentions: list[Mention]) -> list[Mention]:
    """"Lindsay Lohan Checks Into Rehab" or "Obama To Nominate Regina Benjamin" (a title-case headline read as
    one name) -> the person's name, when the article names the person by that shorter name elsewhere."""
    names = {m.text for m in mentions if m.type == "PERSON" and " " in m.text}
    return [_cut_to_known_name(m, names) for m in mentions]


def _cut_to_known_name(mention: Mention, names: set[str]) -> Mention:
    if mention.type not in HEADLINE_TYPES:
        return mention
    inside = [(len(n), found.start()) for n in names - {mention.text} if (found := re.search(rf"(?<!\w){re.escape(n)}(?!\w)", mention.text))]
    if mention.type == "ORG":  # "Obama To Nominate Regina Benjamin", never the "Lindsay Lohan Foundation"
        inside = [(length, offset) for length, offset in inside if offset + length == len(mention.text)]
    if not inside:
        return mention
    length, offset = max(inside)
    start = mention.start + offset
    return mention.model_copy(update={"start": start, "end": start + length, "text": mention.text[offset:offset + length], "type": "PERSON"})


def _collective(span: Span) -> Span:
    """"the Obama administration", "the Obama team": the person's name and the body after it, as one organisation."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if span.label_ != "PERSON" or after is None or after.lower_ not in words("collective_heads.txt"):
        return span
    return Span(span.doc, span.start, span.end + 1, label="ORG")


def trim(ent: Span) -> Span | None:
    """The entity without leading articles and titles, or trailing possessives and punctuation; None if nothing is left."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end - 1 and _is_prefix(doc, start, ent.label_):
        start += 1
    while end > start + 1 and _is_suffix(doc[end - 1], ent.label_):
        end -= 1
    span = Span(doc, start, end, label=ent.label)
    return span if _is_name(span) else None


def _is_suffix(token: Token, label: str) -> bool:
    """A possessive or punctuation, or the generic lowercase word after a place name ("Idlib province")."""
    return token.text in POSSESSIVE or token.is_punct or (label in PLACE_TYPES and token.is_lower)


def _is_name(span: Span) -> bool:
    """Letters, not opening on punctuation, and not only a title ("Interior" of "Interior Minister")."""
    titles = words("titles.txt")
    return any(c.isalpha() for c in span.text) and not span[0].is_punct and not all(t.lower_ in titles for t in span)


def _is_prefix(doc: Doc, i: int, label: str) -> bool:
    """An article, or (for people) a title or rank, or the "of" inside "Secretary of State"."""
    word = doc[i].lower_.rstrip(".")
    if word in ARTICLES or doc[i].is_punct:
        return True
    if label != "PERSON":
        return False
    titles = words("titles.txt")
    return word in titles or (word == "of" and doc[i + 1].lower_.rstrip(".") in titles)


def _mention(span: Span) -> Mention:
    country = state_of_demonym(span) if span.label_ == "NORP" else None
    return Mention(start=span.start_char, end=span.end_char, text=span.text, type=span.label_,
                   role=role_of(span, demonym=country is not None), country=country)
