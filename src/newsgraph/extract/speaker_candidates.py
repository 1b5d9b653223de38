"""Who may have said a statement: the speaker spans its sentence offers, each described by features.

The rules' speaker is one candidate; the others are the noun-phrase heads and pronouns of the
cue's sentence outside the content that can speak, and for a quote with no cue the speakers of the
reports in its sentence and the one before. The trained chooser (speaker_model.py) picks one, or none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsgraph.extract.statement_context import Context, Draft
from newsgraph.extract.statement_direct import is_negated
from newsgraph.extract.statement_lexicon import cues, roles
from newsgraph.extract.statement_speakers import RELATIVE_TAGS, can_speak, in_dateline, source_span, speaker_of

HEAD_POS = {"NOUN", "PROPN", "PRON"}
# Words that head no speaker phrase of their own: parts of a longer name or noun phrase.
PART_DEPS = {"compound", "amod", "nmod", "det", "case", "nummod"}
NOT_SPEAKER_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
NOT_SPEAKERS = {"it", "there", "this", "that", "these", "those", "which", "what", "something", "anything"}
# How many dependency steps of a path are spelt out, each way.
PATH_STEPS = 4


@dataclass(frozen=True)
class SpeakerCandidate:
    """A span that may be a statement's speaker, with whether the rules chose it."""

    span: Span
    ruled: bool
    rank: str = ""  # the side of the cue it is on and how many candidates there are nearer ("before0", "after1")


def speaker_candidates(ctx: Context, draft: Draft) -> list[SpeakerCandidate]:
    """The rules' speaker first, then the other speakers the statement's sentence offers."""
    found: dict[tuple[int, int], SpeakerCandidate] = {}
    if draft.speaker is not None and len(draft.speaker) > 0:
        found[(draft.speaker.start, draft.speaker.end)] = SpeakerCandidate(draft.speaker, True)
    for span in _reporters(ctx, draft) if draft.cue is None else _heads(draft):
        found.setdefault((span.start, span.end), SpeakerCandidate(span, False))
    return _ranked(list(found.values()), anchor_of(ctx, draft))


def only_qualifies(candidate: SpeakerCandidate, draft: Draft) -> bool:
    """Whether a candidate only says which of the rules' speakers is meant: the object of a preposition inside
    that phrase ("Analysts in Moscow believe", "a politician in Diyarbakir condemned") is no speaker of its own.
    Such candidates stay in the ranking the chooser was trained on; it just may not pick them."""
    head, ruled = candidate.span.root, draft.speaker
    return ruled is not None and ruled.start <= head.i < ruled.end and head.i != ruled.root.i and head.dep_ == "pobj"


def _ranked(found: list[SpeakerCandidate], anchor: Token) -> list[SpeakerCandidate]:
    """The candidates with their rank: side of the anchor and order of nearness on that side."""
    ranked = []
    for candidate in found:
        side = "before" if candidate.span.root.i < anchor.i else "after"
        gap = abs(candidate.span.root.i - anchor.i)
        nearer = sum(1 for c in found if (c.span.root.i < anchor.i) == (side == "before") and abs(c.span.root.i - anchor.i) < gap)
        ranked.append(replace(candidate, rank=f"{side}{min(nearer, 2)}"))
    return ranked


def _heads(draft: Draft) -> Iterator[Span]:
    """Every noun-phrase head of the cue's sentence outside the content that can speak."""
    for token in draft.cue.sent:
        if _is_head(token) and can_speak(token) and token != draft.cue and not draft.start <= token.idx < draft.end:
            yield _span(token, draft)


def _span(token: Token, draft: Draft) -> Span:
    """The speaker phrase a head stands for; only the head and the words before it when a misparse
    runs that phrase over the cue or the content ("But Trump claims that S")."""
    span = source_span(token)
    if span.start <= draft.cue.i < span.end or (span.start_char < draft.end and draft.start < span.end_char):
        first = token.i
        while first > span.start and token.doc[first - 1].dep_ in PART_DEPS and token.doc[first - 1].head.i >= token.i:
            first -= 1
        return token.doc[first : token.i + 1]
    return span


def _reporters(ctx: Context, draft: Draft) -> Iterator[Span]:
    """The speakers of the reports (not negated, outside quotes) in a cue-less quote's sentence and the one
    before it in its paragraph; none when the quote hands over to words of its own ("“...,” is one common
    saying"). Across a paragraph break the speaker was wrong as often as right (PolNeAR train 15 / 12, dev 0 / 2)."""
    if ctx.text[draft.end : draft.end + 1] == ",":
        return
    sentence = anchor_of(ctx, draft).sent
    tokens = list(sentence)
    if sentence.start > 0 and "\n" not in ctx.text[sentence.start_char - 1 : draft.start]:
        tokens = [*ctx.doc[sentence.start - 1].sent, *tokens]
    for token in tokens:
        if _reports(token) and not is_negated(token) and not ctx.in_quote(token):
            speaker = speaker_of(token)
            if speaker is not None and not ctx.in_quote(speaker.root):
                yield speaker


def _reports(token: Token) -> bool:
    """A word with a cue verb's lemma, speech or not, whatever the tagger made of it: "X called her a genius.
    “...”", "X tweeted: “...”" and "From Bush's Facebook post: “...”" are their quotes too."""
    return (token.lemma_.lower(), "VERB") in cues()


def anchor_of(ctx: Context, draft: Draft) -> Token:
    """The cue, or the first token of a statement no cue reports."""
    if draft.cue is not None:
        return draft.cue
    span = ctx.doc.char_span(draft.start, draft.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else ctx.doc[0]


def _is_head(token: Token) -> bool:
    """A noun or pronoun heading its own phrase that could name a speaker (not a relative pronoun: the
    rules already stand it for the noun it follows; not a date or an amount)."""
    if token.pos_ not in HEAD_POS or token.dep_ in PART_DEPS or token.tag_ in RELATIVE_TAGS:
        return False
    return token.lower_ not in NOT_SPEAKERS and token.ent_type_ not in NOT_SPEAKER_ENTITIES


def rule_path(draft: Draft, found: list[SpeakerCandidate]) -> str | None:
    """The dependency path from the rules' speaker to the cue (None when the rules name nobody)."""
    ruled = next((c for c in found if c.ruled), None)
    if ruled is None:
        return None
    return dependency_path(ruled.span.root, draft.cue) if draft.cue is not None else "nocue"


def features(ctx: Context, draft: Draft, candidate: SpeakerCandidate | None, ruled_path: str | None) -> list[str]:
    """What the chooser knows of a candidate (None: the statement has no speaker), beside the rules' pick."""
    anchor = anchor_of(ctx, draft)
    ruled_any = ruled_path is not None
    cue = _cue_name(draft)
    kind = "d" if draft.direct else "i"
    common = [f"ruled_any={ruled_any}", f"k={kind}", f"hedged={draft.hedged}"]
    if candidate is None:
        return ["none", *(f"none|{f}" for f in [f"c={cue}", f"ct={_tag(draft)}", *common]), f"none|c={cue}|{ruled_any}", f"none|rp={ruled_path}"]
    head = candidate.span.root
    path = dependency_path(head, anchor) if draft.cue is not None else "nocue"
    side = "before" if head.i < anchor.i else "after"
    gap = min(abs(head.i - anchor.i), 40)
    bucket = "0-2" if gap <= 2 else "3-5" if gap <= 5 else "6-10" if gap <= 10 else "11+"
    role = roles().get(head.lemma_.lower())
    speaks = can_speak(head)
    shape = f"{head.pos_}|{head.ent_type_ or '-'}"
    found = [
        "bias", f"ruled={candidate.ruled}", f"ruled={candidate.ruled}|{ruled_any}", f"p={path}", f"p={path}|{_tag(draft)}",
        f"p={path}|{candidate.ruled}", f"side={side}|{bucket}", f"dep={head.dep_}", f"pos={shape}", f"tag={head.tag_}",
        f"speaks={speaks}", f"speaks={speaks}|{candidate.ruled}", f"role={role.kind if role else '-'}",
        f"pron={head.lower_ if head.pos_ == 'PRON' else '-'}", f"inq={ctx.in_quote(head)}", f"inq={ctx.in_quote(head)}|{kind}",
        f"dateline={in_dateline(head)}", f"c={cue}|{candidate.ruled}", f"c={cue}|{path}", f"cd={_cue_dep(draft)}|{path}",
        f"same={head.sent.start == anchor.sent.start}|{side}|{kind}", f"side={side}|{kind}|{draft.cue is None}",
        *(f"{f}|{candidate.ruled}" for f in common), f"lem={head.lemma_.lower()}", f"pos={shape}|{path}",
        f"rank={candidate.rank}", f"rank={candidate.rank}|{shape}", f"rank={candidate.rank}|{candidate.ruled}",
        f"rank={candidate.rank}|{_tag(draft)}|{_cue_dep(draft)}", f"rootsubj={head.dep_ == 'nsubj' and head.head.dep_ == 'ROOT'}",
        f"rp={ruled_path}|{path}|{candidate.ruled}",
    ]
    return found


def dependency_path(start: Token, end: Token) -> str:
    """The labels from start up to the lowest common head, then down to end ("nsubj>", "nsubj>|<advcl"); "far" across sentences."""
    up = [start, *start.ancestors]
    steps = {token.i: k for k, token in enumerate(up)}
    down: list[str] = []
    token = end
    while token.i not in steps:
        if token.head.i == token.i:
            return "far"
        down.append(token.dep_)
        token = token.head
    ups = [t.dep_ for t in up[: steps[token.i]]]
    return f"{'>'.join(ups[:PATH_STEPS])}{'+' if len(ups) > PATH_STEPS else ''}>|<{'<'.join(reversed(down[-PATH_STEPS:]))}"


def _cue_name(draft: Draft) -> str:
    cue = draft.cue
    return "-" if cue is None else cue.lemma_.lower() if cue.is_alpha else "punct"


def _tag(draft: Draft) -> str:
    return "-" if draft.cue is None else draft.cue.tag_


def _cue_dep(draft: Draft) -> str:
    return "-" if draft.cue is None else draft.cue.dep_
