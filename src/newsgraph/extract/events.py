"""PLOVER events: who did what to whom, when and where.

At most one Event per sentence, its main one: the event model (event_model.py, trained on real
news where each sentence has one main event) scores the sentence's candidate triggers (lexicon
triggers and the root verb, event_features.py) and types the best; nested and background clauses
("condemned the attack", "said ...") do not become events of their own. Coordinated actors share
the event ("Turkey and Russia"). Arguments come from the dependency parse (event_arguments.py),
pronouns read through their antecedent (event_coref.py); the date is the sentence's time expression
governing the trigger (else its first calendar date, else the publication date, marked in
`date_source`); an event inside a statement's content span points to it in `statement`.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.event_arguments import Arguments, Reader, event_noun, reported_deed
from newsgraph.extract.event_coref import antecedent, is_pronoun
from newsgraph.extract.event_features import candidates, sentence_features, sparse_features
from newsgraph.extract.event_model import TYPES, probabilities
from newsgraph.extract.event_modality import is_negated, modality
from newsgraph.extract.timexes import sentence_starts
from newsgraph.model import Event, Mention, Statement, Timex

NO_TARGET = {"target": None, "target_start": None, "target_end": None}  # an actor is not its own target
MAX_DATE_HOPS = 4  # head steps from a time expression to the trigger it dates
BACKGROUND_DAYS = 31  # a dated event older than a month is background to the story, not one of its days
LEXICON_PRIOR = 1.0  # weight of the lexicon's type against the model's; tuned on the events held-out fifth
MIN_EVENT = 0.2  # P(the candidate states an event); tuned on the events held-out fifth (training/heldout.py)
MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}  # done together: coordinated actors act on each other
PRESENCE_TYPES = {"MOBILIZE", "AID"}  # forces posted or help given in a place are there for the place


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
            event = _event(reader, token, kind, index, sentence, statements, timexes, published)
            events.append(event.model_copy(update={"confidence": round(confidence, 3)}))
    return events


def main_event(sentence: Span) -> tuple[Token, str, float] | None:
    """The sentence's main event: the candidate most likely to state one, its type and the model's confidence.

    A sentence has an event when the model gives one at least MIN_EVENT, or when it types a lexicon
    trigger as the lexicon does (the low confidence then tells views it is a weaker reading).
    """
    scored = []
    found = candidates(sentence)
    words = sentence_features(sentence) if found else {}
    for candidate in found:
        p = probabilities(sparse_features(candidate, found, words))
        prior = np.array([1.0 + LEXICON_PRIOR * (t == candidate.lexicon) for t in TYPES])
        kind = int((p[:-1] * prior).argmax())
        scored.append((1.0 - float(p[-1]), candidate, TYPES[kind], float(p[kind])))
    sure = [s for s in scored if s[0] >= MIN_EVENT]
    agreed = [s for s in scored if s[1].lexicon == s[2]]
    if not sure and not agreed:
        return None
    _, candidate, kind, confidence = max(sure or agreed, key=lambda s: s[0])
    return candidate.token, kind, confidence


def _event(
    reader: Reader, token: Token, kind: str, index: int, sentence: Span,
    statements: list[Statement], timexes: list[Timex], published: date | None,
) -> Event:
    """The trigger's event; coordinated actors (or targets) share it, joined by "and"."""
    token = event_noun(reported_deed(token, kind), kind)
    arguments = reader.arguments(token, kind)
    when, source = _date(token, sentence, timexes, published)
    statement = next((i for i, s in enumerate(statements) if s.content_start <= token.idx < s.content_end), None)
    shared = {
        "type": kind, "trigger": token.text, "start": token.idx, "end": token.idx + len(token), "sentence": index,
        "location": " and ".join(reader.text(p) for p in arguments.places) or None, "date": when,
        "date_source": source, "negated": is_negated(token), "statement": statement,
        "modality": modality(token, statement is not None),
        "background": source == "sentence" and is_background(when, published),
    }
    actors, targets = _roles(reader, token, kind, arguments)
    event = Event(**shared, **_argument(reader, "actor", actors), **_argument(reader, "target", targets))
    return event if event.actor is None or event.actor != event.target else event.model_copy(update=NO_TARGET)


def _roles(reader: Reader, token: Token, kind: str, arguments: Arguments) -> tuple[list[Token], list[Token]]:
    """Actors and targets; without a target of its own, the trigger's loose target (never the event's place or
    actor) when it names an actor, else coordinated actors act on each other ("The United States and Sudan are
    upgrading ties": the first is the actor, the others the target, as PLOVER annotates them), as they always
    do in an act done together ("Chile and Peru agreed to share data on Bolivia": Chile with Peru). A place
    stands for a target that names no actor ("agreed to a ceasefire in eastern Ukraine"), and for a missing
    one of forces posted or help given there ("troops remained on alert in Manila") or of a state declared
    there ("a state of siege in Pando"), as PLOVER annotates them."""
    if arguments.targets:
        return arguments.actors, arguments.targets
    loose = reader.loose_target(token, {t.i for t in arguments.actors + arguments.places})
    mutual = kind in MUTUAL_TYPES or loose is None or not reader.is_actor(loose)
    if len(arguments.actors) > 1 and mutual:
        return arguments.actors[:1], arguments.actors[1:]
    thing = loose is not None and not reader.is_actor(loose) and kind != "CONSULT"  # a meeting's place is only where
    if arguments.places and (thing or loose is None and (kind in PRESENCE_TYPES or _state_of(token))):
        return arguments.actors, arguments.places[:1]
    where = reader.where(token) if loose is None and kind in PRESENCE_TYPES else None
    return arguments.actors, [t] if (t := loose or where) is not None else []


def _state_of(token: Token) -> bool:
    """Whether the trigger names a state declared over a place ("a state of siege in Pando")."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() == "state"


def _argument(reader: Reader, role: str, tokens: list[Token]) -> dict[str, object]:
    """The arguments' words (joined by "and") and the offsets from the first to the last."""
    if not tokens:
        return {}
    found = [_words(reader, token, role == "target") for token in tokens]
    text = " and ".join(dict.fromkeys(text for text, _, _ in found))
    return {role: text, f"{role}_start": found[0][1], f"{role}_end": found[-1][2]}


def _words(reader: Reader, token: Token, placed: bool) -> tuple[str, int, int]:
    """An argument's words (a target's with the place it is in) and offsets; a pronoun keeps its offsets and
    takes its antecedent's words."""
    mention = reader.mention_of.get(token.i)
    start, end = (mention.start, mention.end) if mention else (token.idx, token.idx + len(token))
    text = reader.text(token, placed)
    if mention is None and is_pronoun(token):
        subject, earlier = antecedent(token, reader.mentions)
        text = reader.text(subject) if subject is not None else earlier.text if earlier is not None else text
    return text, start, end


def _date(token: Token, sentence: Span, timexes: list[Timex], published: date | None) -> tuple[str | None, str | None]:
    """The value of the time expression dating the trigger, else the publication date."""
    inside = [t for t in timexes if sentence.start_char <= t.start < sentence.end_char and t.value
              and t.type in ("DATE", "TIME") and t.value[:1].isdigit()]
    governing = [t for t in inside if _governs(sentence.doc, t, token)]
    chosen = governing or inside
    if chosen:
        return chosen[0].value, "sentence"
    return (published.isoformat(), "published") if published else (None, None)


def is_background(value: str | None, published: date | None) -> bool:
    """Dated a past year or month ("in 2016", "last March"), or a day more than BACKGROUND_DAYS before publication."""
    if not value or published is None or not value[:4].isdigit():
        return False
    year, _, rest = value[:10].partition("-")
    if rest[:2].isdigit() and len(rest) >= 5:
        return _days_before(value[:10], published) > BACKGROUND_DAYS
    if rest[:2].isdigit():
        return (int(year), int(rest[:2])) < (published.year, published.month)
    return int(year) < published.year and not rest.startswith("W")  # a week: last week is the story's own time


def _days_before(day: str, published: date) -> int:
    try:
        return (published - date.fromisoformat(day)).days
    except ValueError:
        return 0


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
