"""Candidate triggers of a sentence and the features the event model reads for each of them.

Candidates are the lexicon's triggers (data/plover_triggers.tsv) plus the sentence's root verb:
real news states its main event with verbs the lexicon types wrongly or not at all ("returned
the islands", "filed a suit"), so the type comes from the model, the lexicon type is a feature.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.extract.event_triggers import MODIFIER_DEPS, match

CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}
CHILD_DEPS = {"neg", "prt", "dobj", "prep", "aux", "auxpass", "xcomp", "ccomp", "dative", "agent", "acomp", "attr"}
MAX_DEPTH = 4
MAX_ANCESTORS = 3  # governing words read as features
SENTENCE_WEIGHT = 1.0


@dataclass(frozen=True)
class Candidate:
    """A token that may state the sentence's event, with the lexicon's type for it (None: root verb only)."""

    token: Token
    lexicon: str | None
    depth: int


def candidates(sentence: Span) -> list[Candidate]:
    """Lexicon triggers of the sentence, and its root verb when the lexicon does not already hold it."""
    found = [Candidate(t, kind, depth(t)) for t in sentence if (kind := match(t)) is not None]
    root = sentence.root
    if root.pos_ in ("VERB", "AUX") and root.dep_ not in MODIFIER_DEPS and all(c.token.i != root.i for c in found):
        found.append(Candidate(root, None, depth(root)))
    return sorted(found, key=lambda c: c.token.i)


def depth(token: Token) -> int:
    """Steps from the token up to its sentence root."""
    steps = 0
    while token.head is not token and steps < MAX_DEPTH:
        token, steps = token.head, steps + 1
    return steps


def sentence_features(sentence: Span) -> dict[str, float]:
    """The sentence's content lemmas, shared by all its candidates (computed once per sentence)."""
    return {f"s={word.lemma_.lower()}": SENTENCE_WEIGHT for word in sentence if word.pos_ in CONTENT_POS}


def sparse_features(candidate: Candidate, others: list[Candidate], sentence: dict[str, float]) -> dict[str, float]:
    """Named indicator features of one candidate: the word, its lexicon type, its place in the parse, its
    clause, the words governing it, the other candidates and the sentence's words (`sentence_features`)."""
    token = candidate.token
    lemma = token.lemma_.lower()
    head = token.head
    f: dict[str, float] = {
        f"lem={lemma}": 1.0, f"lex={candidate.lexicon}": 1.0, f"pos={token.pos_}": 1.0, f"dep={token.dep_}": 1.0,
        f"depth={candidate.depth}": 1.0, f"head={head.lemma_.lower()}": 1.0, f"dephead={token.dep_}:{head.lemma_.lower()}": 1.0,
        f"lem+lex={lemma}:{candidate.lexicon}": 1.0, f"tag={token.tag_}": 1.0, f"ncand={min(len(others), 4)}": 1.0,
        f"rank={sum(o.token.i < token.i for o in others)}": 1.0,
        f"above={sum(o.depth < candidate.depth for o in others)}": 1.0,
    }
    for child in token.children:
        if child.dep_ in CHILD_DEPS:
            f[f"ch:{child.dep_}={child.lemma_.lower()}"] = 1.0
            f[f"ch:{child.dep_}"] = 1.0
            if child.dep_ in ("prep", "agent", "dative"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        f[f"pobj:{child.lower_}={grand.lemma_.lower()}"] = 1.0
                        f[f"pobjent:{child.lower_}={grand.ent_type_}"] = 1.0
            if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
                f[f"ent:{child.dep_}={child.ent_type_}"] = 1.0
        if child.dep_ in ("nsubj", "nsubjpass"):
            f[f"subj={child.lemma_.lower()}"] = 1.0
            f[f"ent:{child.dep_}={child.ent_type_ or child.pos_}"] = 1.0
    f.update(ancestor_features(token))
    for word in token.subtree:
        if word.pos_ in CONTENT_POS and word.i != token.i:
            f[f"w={word.lemma_.lower()}"] = 0.5
    f.update(sentence)
    for other in others:
        if other.token.i != token.i:
            f[f"other={other.lexicon}"] = 1.0
            f[f"other:{other.token.dep_}={other.lexicon}"] = 1.0
            if other.token.head.i == token.i:
                f[f"child={other.lexicon}"] = 1.0
    return f


def ancestor_features(token: Token) -> dict[str, float]:
    """The lemmas of the words governing the token, up to MAX_ANCESTORS: the clauses it sits in
    ("sent experts to investigate", "said the attack ...")."""
    found: dict[str, float] = {}
    for _ in range(MAX_ANCESTORS):
        if token.head is token:
            break
        token = token.head
        found[f"anc={token.lemma_.lower()}"] = 1.0
    return found
