"""The named actor a pronoun argument of an event stands for.

"The Indian military said it struck a camp": `it` is the subject of the clause reported by the
military, so it is the military. Otherwise the nearest earlier mention of an actor of a fitting
kind ("he" a person, "it" an organisation or state). The event keeps the pronoun's offsets
(the words in the text) and takes the antecedent's words as its actor or target.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.event_arguments import verb_subject
from newsgraph.model import Mention

PERSONAL = {"he", "him", "his", "she", "her", "hers"}
COLLECTIVE = {"it", "its", "they", "them", "their", "theirs"}
KINDS = {"PERSON": PERSONAL, "ORG": COLLECTIVE, "GPE": COLLECTIVE, "NORP": COLLECTIVE}
CLAUSE_DEPS = ("ccomp", "xcomp", "conj", "advcl")
MAX_CLAUSES = 3  # clause steps up from the pronoun's verb to the reporting subject


def is_pronoun(token: Token) -> bool:
    """A personal or possessive pronoun an antecedent can be found for."""
    return token.lower_ in PERSONAL | COLLECTIVE


def antecedent(pronoun: Token, mentions: list[Mention]) -> tuple[Token | None, Mention | None]:
    """The subject of the reporting clause above a subject pronoun, else the nearest earlier fitting mention."""
    subject = _reporting_subject(pronoun) if pronoun.dep_ in ("nsubj", "nsubjpass", "poss") else None
    if subject is not None:
        return subject, None
    word = pronoun.lower_
    fitting = [m for m in mentions if m.end <= pronoun.idx and word in KINDS.get(m.type, ())]
    return None, (fitting[-1] if fitting else None)


def _reporting_subject(pronoun: Token) -> Token | None:
    """"X said it would...": the non-pronoun subject of a verb above the pronoun's clause, before the pronoun."""
    verb = pronoun.head if pronoun.dep_ != "poss" else pronoun.head.head
    for _ in range(MAX_CLAUSES):
        if verb.dep_ not in CLAUSE_DEPS or verb.head is verb:
            return None
        verb = verb.head
        subject = verb_subject(verb)  # a dateline is not the one reporting
        if subject is not None and subject.i < pronoun.i and not is_pronoun(subject) and subject.pos_ != "PRON":
            return subject
    return None
