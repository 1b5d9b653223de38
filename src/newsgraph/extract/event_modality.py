"""Negation and modality of an event trigger, from its own dependents and the verbs above it."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Modality

NEGATIONS = {"not", "n't", "never", "no", "without"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
HYPOTHETICAL_AUX = {"could", "might", "may"}
DEMAND_AUX = {"must", "should"}
CONDITIONS = {"if", "unless", "whether"}
# Verbs whose complement is demanded, or promised for later.
DEMAND_VERBS = {"urge", "ask", "call", "demand", "request", "appeal", "press", "seek", "insist", "plead", "want"}
FUTURE_VERBS = {"agree", "plan", "vow", "promise", "threaten", "pledge", "decide", "intend", "prepare", "expect",
                "schedule", "aim", "offer", "go", "due", "set"}


def is_negated(trigger: Token) -> bool:
    """'did not attack', 'never met', 'no help', 'refused without talks' on the trigger or its support verb."""
    heads = [trigger] + ([trigger.head] if trigger.dep_ in ("dobj", "xcomp") else [])
    return any(c.dep_ in ("neg", "det") and c.lower_ in NEGATIONS for h in heads for c in h.children)


def modality(trigger: Token, in_statement: bool) -> Modality:
    """hypothetical, demanded, future, reported (inside a statement) or asserted, in that priority."""
    clause = trigger if trigger.pos_ == "VERB" else trigger.head
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass", "mark")}
    governor = _governor(trigger)
    if auxiliaries & (HYPOTHETICAL_AUX | CONDITIONS):
        return "hypothetical"
    if auxiliaries & DEMAND_AUX or (governor is not None and governor.lemma_.lower() in DEMAND_VERBS):
        return "demanded"
    if auxiliaries & FUTURE_AUX or (governor is not None and governor.lemma_.lower() in FUTURE_VERBS):
        return "future"
    return "reported" if in_statement else "asserted"


def _governor(trigger: Token) -> Token | None:
    """The verb whose complement (infinitive, that-clause, object or 'for' phrase) the trigger is."""
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for":
        head = head.head
    elif trigger.dep_ not in ("xcomp", "ccomp", "dobj"):
        return None
    return head if head is not trigger and head.pos_ in ("VERB", "ADJ") else None
