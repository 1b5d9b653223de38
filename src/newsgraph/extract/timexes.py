"""Time expressions normalized against the publication date.

Spans come from the rules of data/timex_patterns.json plus spaCy DATE/TIME entities the rules
missed; values follow timex_values.py. Underspecified dates fall on the past side of the
publication date (news reports what happened), on the future side after will/expected/next,
and on the nearer side when the governing verb has no tense cue (weekdays too: "meet Monday").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.timex_rules import Candidate, scan
from newsgraph.extract.timex_context import Context
from newsgraph.extract.timex_quarters import QUARTER
from newsgraph.extract.timex_values import normalize
from newsgraph.model import Timex

FUTURE_AUX = {"will", "shall", "would", "may", "might", "could", "should", "must"}
FUTURE_LEMMAS = {"expect", "schedule", "due", "plan", "intend", "aim", "propose", "set", "hope", "vow", "promise"}
# Rules whose value does not depend on the publication date.
ABSOLUTE_KINDS = {"date_mdy", "date_dmy", "date_my", "date_iso", "date_num", "year", "decade", "century", "duration",
                  "duration_few", "duration_bare", "set_word", "set_every", "set_times", "year_ended"}
CLOCK_KINDS = {"clock", "clock_word", "clock_day", "day_part"}
ENTITY_LABELS = {"DATE", "TIME"}
LEADING_WORDS = {"in", "on", "at", "by", "during", "for", "over", "within", "until", "till", "of", "about", "around"}
SKIP = "skip"
# A month attached by one of these to a past-tense verb is the time of that past event, so never the coming one:
# tbaq train part (training/heldout.py), "In January, X brought in", "changed ... in December".
PAST_TIME_PREPOSITIONS = (["in"], ["on"], ["during"])
YEAR_BACK_GROUPS = {"ya", "a", "a2", "a3"}  # the "year-ago" / "year-earlier" groups of the quarter rules
# "the nine months" of a results report: a year comparison later in its sentence is of the year, not the quarter
# (tbaq train part, training/heldout.py: "For the nine months, ... compared with year-earlier net income": 1988).
MONTHS_PERIOD = re.compile(r"P([2-9]|1[01])M")
COMPARISON = re.compile(r"\b(?:from|compared with|compared to|than|against|versus)\b", re.IGNORECASE)
MAX_HOPS = 6  # head steps from a time expression up to its governing verb


def find_timexes(doc: Doc, published: date | None) -> list[Timex]:
    """Time expressions of the article with TIMEX3 values anchored on `published`."""
    rules = scan(doc.text)
    candidates = sorted(rules + _entity_candidates(doc, rules), key=lambda c: c.start)
    found: list[Timex] = []
    memory = Context(published)
    for sentence_candidates in _by_sentence(doc, candidates):
        timexes, memory = _sentence_timexes(doc, sentence_candidates, memory)
        found.extend(timexes)
    return found


def _sentence_timexes(doc: Doc, candidates: list[Candidate], memory: Context) -> tuple[list[Timex], Context]:
    """Normalize one sentence's candidates (clock times last, so they can take the sentence's day); `memory` holds
    the publication date and the last date and quarter mentioned before, and is returned updated. A period of
    months ("the nine months") holds for the rest of the sentence unless a date follows ("ended Aug. 12")."""
    values: dict[Candidate, Timex] = {}
    period = False
    for candidate in sorted(candidates, key=lambda c: c.kind in CLOCK_KINDS):
        day = next((t.value for t in values.values() if _is_day(t.value)), None)
        compared = memory.latest and _compared(doc, candidate)  # only used after "the latest quarter"
        context = replace(memory, direction=_direction(doc, candidate), sentence_day=day, months_period=period,
                          compared=compared)
        timex = _timex(doc, candidate, context)
        if timex is not None:
            values[candidate] = timex
            period = period or bool(timex.type == "DURATION" and MONTHS_PERIOD.fullmatch(timex.value or ""))
            if _is_reference(candidate, timex):
                period = False
                new_quarter = _new_report_quarter(candidate, timex.value, memory, context.direction)
                quarter = timex.value if new_quarter else memory.quarter
                memory = replace(memory, reference=timex.value, quarter=quarter, latest=_names_latest(candidate))
    return sorted(values.values(), key=lambda t: t.start), memory


def _timex(doc: Doc, candidate: Candidate, context: Context) -> Timex | None:
    text = candidate.text
    try:
        value = normalize(candidate, context)
    except ValueError:  # an impossible calendar date such as "Feb. 30": keep the span, no value
        value = ("DATE", None, None)
    if value is None or candidate.kind == SKIP:
        return None
    kind, normalized, mod = value
    relative = candidate.kind not in ABSOLUTE_KINDS and context.anchor is not None
    anchor = context.anchor.isoformat() if relative else None
    return Timex(start=candidate.start, end=candidate.end, text=text, type=kind, value=normalized, mod=mod, anchor=anchor)


def _compared(doc: Doc, candidate: Candidate) -> bool:
    """Whether the expression is what a figure is compared with: "last year's $1.55 billion", "compared with
    $33 million last year" (a comparison word before it in its sentence)."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if _possessive(span):
        return True
    sentence_start = span.sent.start_char if doc.has_annotation("SENT_START") else 0
    before = doc.text[sentence_start:candidate.start]
    return bool(COMPARISON.search(before))


def _names_latest(candidate: Candidate) -> bool:
    """"the latest quarter", "the latest period": the report's own quarter, named as the one compared."""
    word = (candidate.groups.get("l") or "").lower()
    return candidate.kind == "latest_period" or candidate.kind == "quarter_ref" and word in ("latest", "most recent")


def _is_day(value: str | None) -> bool:
    return bool(value) and len(value) == 10 and value[:4].isdigit() and value[4] == "-"


def _entity_candidates(doc: Doc, rules: list[Candidate]) -> list[Candidate]:
    """spaCy DATE/TIME entities the rules missed, read with the rules when one covers the entity's core."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or any(r.start < ent.end_char and ent.start_char < r.end for r in rules):
            continue
        core = _core(ent)
        for candidate in scan(core.text, entity=True):
            if candidate.end - candidate.start == len(core.text):
                found.append(Candidate(core.start_char, core.end_char, candidate.kind, core.text, candidate.groups))
    return found


def _core(ent: Span) -> Span:
    """The entity without a leading preposition."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in LEADING_WORDS:
        start += 1
    return ent.doc[start:ent.end]


def _by_sentence(doc: Doc, candidates: list[Candidate]) -> list[list[Candidate]]:
    """Candidates grouped by the sentence they start in, in text order."""
    starts = [doc[i].idx for i in sentence_starts(doc)]
    groups: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(bisect_right(starts, candidate.start), []).append(candidate)
    return [groups[key] for key in sorted(groups)]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index where each sentence starts (read from SENT_START: much cheaper than doc.sents)."""
    if not len(doc):
        return []
    starts = np.flatnonzero(doc.to_array("SENT_START") == 1).tolist()
    return starts if starts and starts[0] == 0 else [0, *starts]


def _direction(doc: Doc, candidate: Candidate) -> str:
    """past, future or nearest, from the verbs governing the expression (through to-infinitive chains); "before"
    when the expression is the time of a past-tense verb itself ("bought RJR in February")."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or not len(span) or _possessive(span):
        return "past"
    token = span.root
    path: list[Token] = []
    for _ in range(MAX_HOPS):
        if token.head is token:
            break
        token = token.head
        planned = bool(path) and path[-1].dep_ == "xcomp"
        if _future_cue(token, planned) or planned and token.lemma_ == "be" and token.tag_ in ("VBZ", "VBP"):  # "is to"
            return "future"
        if token.pos_ in ("VERB", "AUX") and _past(token):
            return "before" if _time_of_past_verb(token, [t.lower_ for t in path]) else "past"
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "xcomp":
            break
        path.append(token)
    return "nearest"


def _possessive(span: Span) -> bool:
    """"Thursday's closing price", "Wednesday's ruling": what a day already had; tbaq train part
    (training/heldout.py): 13 of 13 possessive weekdays are the publication day or before it."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.tag_ == "POS"


def _past(verb: Token) -> bool:
    """Past tense, a past auxiliary (was, had) or a bare participle ("imposed on March 23")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return True
    words = {a.lower_ for a in auxiliaries}
    if "have" in words and FUTURE_AUX & words:  # "may have met on Monday"
        return True
    return verb.tag_ == "VBN" and not auxiliaries


def _future_cue(token: Token, planned: bool = False) -> bool:
    """Whether a governing word marks the future: will/would, expected to, due to; a plan in a bare past form
    ("set Friday as the deadline") only for what it plans (`planned`: "planned to leave on Thursday")."""
    verb = token.head if token.dep_ == "acomp" else token  # "had been due to": the tense sits on the copula
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "had" in auxiliaries or "have" in auxiliaries and FUTURE_AUX.intersection(auxiliaries):
        return False  # a plan seen from the past: "had been due to expire Friday", "may have been responsible"
    if token.lemma_.lower() in FUTURE_LEMMAS:
        return planned or not _bare_past(token)
    return bool(FUTURE_AUX.union({"'ll", "wo", "ll"}).intersection(auxiliaries))


def _reported_quarter(value: str | None, anchor: date | None, told_past: bool = False) -> bool:
    """A quarter already over at the anchor: one a report can give results for, or the anchor's own quarter told in
    the past tense ("reported a decline in fourth-quarter earnings" in November: a fiscal quarter). A quarter still
    to come ("losses through the third quarter of 1990") is a forecast, and "the quarter" later is not that one."""
    if not value or not QUARTER.fullmatch(value):
        return False
    if anchor is None:
        return True
    named, current = (int(value[:4]), int(value[-1])), (anchor.year, (anchor.month - 1) // 3 + 1)
    return named < current or told_past and named == current


def _new_report_quarter(candidate: Candidate, value: str | None, memory: Context, direction: str) -> bool:
    """Whether a quarter named becomes the report's quarter: one already over, and not earlier than the report's
    ("After a flat second quarter" in a third-quarter report looks back); a fiscal quarter or one dated by its end
    ("the second quarter ended Oct. 31") always does. tbaq train part (training/heldout.py): "the year-earlier
    period" after such a look back is the report's quarter a year back."""
    if not _reported_quarter(value, memory.anchor, direction in ("past", "before")):
        return False
    fiscal = "fiscal" in candidate.text.lower() or "em" in candidate.groups
    return fiscal or memory.quarter is None or value >= memory.quarter


def _time_of_past_verb(verb: Token, path: list[str]) -> bool:
    """Whether the expression dates the past verb it hangs on: "bought RJR in February", "the quarter ended Oct. 31"."""
    if verb.lemma_.lower() == "end" and path in ([], ["on"]):
        return True
    finite = verb.tag_ == "VBD" or not _bare_past(verb)
    return finite and path in PAST_TIME_PREPOSITIONS


def _year_shift(candidate: Candidate) -> bool:
    """"a year ago", "a year earlier": the comparison point of a report, not a new time the story moves to
    (a later "a year earlier" compares with the same point, so it must not count a year back from it)."""
    groups = candidate.groups
    one_year = groups.get("u", "").lower() == "year" and groups.get("n", "").lower() in ("a", "one")
    return candidate.kind == "shift" and one_year and groups.get("dir", "").lower() in ("ago", "earlier")


def _bare_past(verb: Token) -> bool:
    """A past form with no auxiliary: "set Friday as the deadline", "the service planned for Saturday"."""
    return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_reference(candidate: Candidate, timex: Timex) -> bool:
    """A calendar date later expressions ("the next day", "a year earlier") may count from; a year-ago quarter
    ("up from a year ago", "the 1988 period", "up from last year") is a comparison and leaves the report's quarter
    the reference."""
    groups = candidate.groups
    last_year = candidate.kind == "rel_unit" and groups.get("u", "").lower() == "year"
    year_back = candidate.kind in ("shift", "year_ago", "quarter_year") or last_year or bool(YEAR_BACK_GROUPS & groups.keys())
    if year_back and (QUARTER.fullmatch(timex.value or "") or candidate.kind == "year_ago" or _year_shift(candidate)):
        return False
    return timex.type in ("DATE", "TIME") and bool(timex.value) and timex.value[:4].isdigit()
