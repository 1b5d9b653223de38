"""What a mention does in its sentence, read from the dependency parse: acts, is addressed, or is a place.

The role decides metonymy: "Ankara said" (actor) is Turkey, "in Ankara" (location) is the city.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.entity_lexicon import demonyms, fold, words

AGENT_DEPS = frozenset({"nsubj", "csubj", "poss"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
# Prepositions whose object takes part in the act rather than locating it ("talks with Moscow").
COUNTERPART_PREPS = frozenset({"with", "against", "on", "for"})
DATELINE_MARKS = frozenset({"(", "—", "–", "-", ":"})


def role_of(span: Span, demonym: bool = False) -> str | None:
    """'actor', 'target' or 'location' for the span ("Ankara said"); a demonym takes its noun's ("Turkish troops")."""
    token = _climb_conjuncts(span.root.head if demonym and span.root.dep_ != "ROOT" else span.root)
    if _is_dateline(span):
        return "location"
    if token.dep_ in AGENT_DEPS or _is_agent_object(token):
        return "actor"
    if token.dep_ in OBJECT_DEPS and token.head.lemma_.lower() in words("actor_verbs.txt"):
        return "target"
    return _prepositional_role(token.head) if token.dep_ == "pobj" else None


def state_of_demonym(span: Span) -> str | None:
    """The ISO code of the state a demonym stands for ("Turkish troops"), None for people ("a Turkish journalist")."""
    code = demonyms().get(fold(span.text))
    head = span.root.head
    if code is None or span.root.dep_ not in ("amod", "compound", "nmod") or head.i == span.root.i:
        return None
    return None if head.lower_ in words("people_nouns.txt") else code


def _climb_conjuncts(token: Token) -> Token:
    """"Moscow and Ankara agreed": Ankara plays the role of the first conjunct."""
    seen = 0
    while token.dep_ == "conj" and token.head.i != token.i and seen < 8:
        token, seen = token.head, seen + 1
    return token


def _is_agent_object(token: Token) -> bool:
    """"by Ankara" after a passive verb, or "according to Ankara"."""
    prep = token.head
    if token.dep_ != "pobj":
        return False
    return prep.dep_ == "agent" or (prep.lower_ == "to" and prep.head.lower_ == "according")


def _prepositional_role(prep: Token) -> str | None:
    if prep.lower_ in COUNTERPART_PREPS:
        return "target"
    return "location" if prep.lower_ in words("locative_preps.txt") else None


def _is_dateline(span: Span) -> bool:
    """"MOSCOW (Reuters) -", "KABUL —" or a place alone on the first line of a story."""
    doc = span.doc
    starts_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    ends_line = span.end == len(doc) or "\n" in span[-1].whitespace_ or doc[span.end].is_space
    return starts_line and (ends_line or doc[span.end].text in DATELINE_MARKS)
