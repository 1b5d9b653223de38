"""PLOVER events: who did what to whom, when and where.

One Event per actor-target pair (the dyads of event data): "Turkey and Russia are fighting
Daesh" gives two ASSAULT events sharing one trigger, actors Turkey and Russia. Arguments come
from the dependency parse (event_arguments.py); the date is the sentence's time expression
governing the trigger (else its first calendar date, else the publication date, marked in
`date_source`); an event inside a statement's content span points to it in `statement`.
"""

from __future__ import annotations

from datetime import date
from itertools import product

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.event_arguments import Reader
from newsgraph.extract.event_coref import antecedent, is_pronoun
from newsgraph.extract.event_features import candidates, sparse_features
from newsgraph.extract.event_model import TYPES, probabilities
from newsgraph.extract.event_modality import is_negated, modality
from newsgraph.extract.timexes import sentence_starts
from newsgraph.model import Event, Mention, Statement, Timex

NO_TARGET = {"target": None, "target_start": None, "target_end": None}  # an actor is not its own target
MAX_DATE_HOPS = 4
MIN_EVENT = 0.2  # P(the candidate states an event); tuned on the events held-out fifth (training/heldout.py)  # head steps from a time expression to the trigger it dates


def find_events(
    doc: Doc, mentions: list[Mention], statements: list[Statement], timexes: list[Timex], published: date | None
) -> list[Event]:
    """Events of the article, sentence by sentence, in text order."""
    reader = Reader(doc, mentions)
    events: list[Event] = []
    bounds = [*sentence_starts(doc), len(doc)]
    for index, (start, end) in enumerate(zip(bounds, bounds[1:])):
        sentence = doc[start:end]
        main = main_event(sentence)
        if main is not None:
            token, kind, confidence = main
            found = _events(reader, token, kind, index, sentence, statements, timexes, published)
            events.extend(e.model_copy(update={"confidence": round(confidence, 3)}) for e in found[:1])
    return events


def main_event(sentence: Span) -> tuple[Token, str, float] | None:
    """The sentence's main event: the candidate most likely to state one, its type and the model's confidence."""
    found = candidates(sentence)
    best: tuple[float, Token, str, float] | None = None
    for candidate in found:
        p = probabilities(sparse_features(candidate, sentence, found))
        event = 1.0 - p[-1]
        if best is None or event > best[0]:
            kind = int(p[:-1].argmax())
            best = (event, candidate.token, TYPES[kind], float(p[kind]))
    if best is None or best[0] < MIN_EVENT:
        return None
    return best[1], best[2], best[3]


def _events(
    reader: Reader, token: Token, kind: str, index: int, sentence: Span,
    statements: list[Statement], timexes: list[Timex], published: date | None,
) -> list[Event]:
    """One event per actor-target pair of the trigger."""
    arguments = reader.arguments(token, kind)
    when, source = _date(token, sentence, timexes, published)
    statement = next((i for i, s in enumerate(statements) if s.content_start <= token.idx < s.content_end), None)
    shared = {
        "type": kind, "trigger": token.text, "start": token.idx, "end": token.idx + len(token), "sentence": index,
        "location": " and ".join(reader.text(p) for p in arguments.places) or None, "date": when,
        "date_source": source, "negated": is_negated(token), "statement": statement,
        "modality": modality(token, statement is not None),
    }
    targets = arguments.targets or [t for t in [reader.loose_target(token)] if t is not None and t not in arguments.actors]
    pairs = product(arguments.actors or [None], targets or [None])
    events = [Event(**shared, **_argument(reader, "actor", actor), **_argument(reader, "target", target))
              for actor, target in pairs]
    return [e if e.actor is None or e.actor != e.target else e.model_copy(update=NO_TARGET) for e in events]


def _argument(reader: Reader, role: str, token: Token | None) -> dict[str, object]:
    """The argument's words and offsets; a pronoun keeps its offsets and takes its antecedent's words."""
    if token is None:
        return {}
    mention = reader.mention_of.get(token.i)
    start, end = (mention.start, mention.end) if mention else (token.idx, token.idx + len(token))
    text = reader.text(token)
    if mention is None and is_pronoun(token):
        subject, earlier = antecedent(token, reader.mentions)
        text = reader.text(subject) if subject is not None else earlier.text if earlier is not None else text
    return {role: text, f"{role}_start": start, f"{role}_end": end}


def _date(token: Token, sentence: Span, timexes: list[Timex], published: date | None) -> tuple[str | None, str | None]:
    """The value of the time expression dating the trigger, else the publication date."""
    inside = [t for t in timexes if sentence.start_char <= t.start < sentence.end_char and t.value
              and t.type in ("DATE", "TIME") and t.value[:1].isdigit()]
    governing = [t for t in inside if _governs(sentence.doc, t, token)]
    chosen = governing or inside
    if chosen:
        return chosen[0].value, "sentence"
    return (published.isoformat(), "published") if published else (None, None)


def _governs(doc: Doc, timex: Timex, trigger: Token) -> bool:
    """Whether the trigger is among the first heads above the time expression."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    token = span.root if span is not None and len(span) else None
    for _ in range(MAX_DATE_HOPS):
        if token is None or token.head is token:
            return False
        token = token.head
        if token.i == trigger.i:
            return True
    return False
