"""Who said what: direct, indirect, mixed, anonymous and unattributed statements."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.extract.statement_candidates import candidates
from newsgraph.extract.speaker_model import SpeakerModel, choose_speakers, load_speaker_model
from newsgraph.extract.statement_colons import colon_drafts
from newsgraph.extract.statement_context import Context, Draft
from newsgraph.extract.statement_direct import direct_drafts
from newsgraph.extract.statement_indirect import indirect_drafts
from newsgraph.extract.statement_model import Model, load_model
from newsgraph.extract.statement_sources import SourceResolver
from newsgraph.model import Mention, Statement

# Two drafts whose contents overlap this much (shared / joint characters) report the same
# statement, found twice (a quote and its reporting verb, "according to" and "is expected to");
# tuned on the statements dev set.
SAME_CONTENT = 0.6
# How a participle hangs from the cue it adds to (", adding that S", ", referring to X").
TAIL_DEPS = {"advcl", "xcomp", "conj", "dep"}


def find_statements(
    doc: Doc, mentions: list[Mention], model: Model | None = None, speakers: SpeakerModel | None = None
) -> list[Statement]:
    """Every statement the article reports, in text order, with its resolved speaker.

    Direct quotes and the lexicon's cues come from rules; any other verb or noun with a content
    complement is kept when the trained model (statement_model.py) accepts it. Who says each one
    is chosen by the trained speaker model (speaker_model.py) among the rules' pick and the other
    speakers the sentence offers.
    """
    ctx = Context(doc)
    drafts = statement_drafts(ctx, model or load_model())
    choose_speakers(ctx, drafts, speakers or load_speaker_model())
    resolver = SourceResolver(ctx, mentions)
    sentence_starts = [sent.start_char for sent in doc.sents]
    by_speaker_position = sorted(drafts, key=lambda d: d.speaker.start_char if d.speaker is not None else d.start)
    statements = {id(d): _statement(ctx.text, d, resolver, sentence_starts) for d in by_speaker_position}
    return [statements[id(d)] for d in sorted(drafts, key=lambda d: d.start)]


def statement_drafts(ctx: Context, model: Model) -> list[Draft]:
    """The statements of a document as drafts, each once, with the rules' speakers."""
    direct = direct_drafts(ctx)
    done = {draft.cue.i for draft in direct if draft.cue is not None}
    ruled = list(colon_drafts(ctx)) + [d for d in indirect_drafts(ctx, done) if not _inside_quote(d, direct)]
    done |= {draft.cue.i for draft in ruled if draft.cue is not None}
    learned = [c.draft for c in candidates(ctx, done) if model.accepts(c)]
    drafts = direct + ruled + [d for d in learned if not _inside_quote(d, direct)]
    return _outermost(_unique([d for d in drafts if _has_words(ctx.text[d.start:d.end])]))


def _has_words(content: str) -> bool:
    """A statement says something: quote marks around punctuation alone are not one."""
    return any(ch.isalnum() for ch in content)


def _inside_quote(draft: Draft, direct: list[Draft]) -> bool:
    return any(q.start <= draft.start and draft.end <= q.end and not _is_tail(draft, q) for q in direct)


def _is_tail(draft: Draft, outer: Draft) -> bool:
    """Whether a draft is a participle its speaker adds to the outer cue ("A," she said, adding that B;
    "...," said Kaya, referring to X): a statement of its own (PolNeAR), though inside a split quote's span."""
    cue, outer_cue = draft.cue, outer.cue
    return cue is not None and outer_cue is not None and cue.head.i == outer_cue.i and cue.tag_ == "VBG" and cue.dep_ in TAIL_DEPS


def _unique(drafts: list[Draft]) -> list[Draft]:
    """One draft per statement: of drafts with the same content, the best attributed one."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=_rank):
        if not any(_same(draft, other) for other in kept):
            kept.append(draft)
    return kept


def _same(a: Draft, b: Draft) -> bool:
    """Whether two drafts are one statement found twice.

    An attributed cue inside the other's content is a nested claim, not the same statement
    ("The mayor's claim that S was challenged"); an impersonal one ("S is expected, according to X") is.
    """
    return _overlap(a, b) >= SAME_CONTENT and not _nested_claim(a, b) and not _nested_claim(b, a)


def _nested_claim(a: Draft, b: Draft) -> bool:
    if a.cue is None or a.speaker is None or a.start <= a.cue.idx < a.end:
        return False  # a cue inside its own content ("A," she said, "B") says nothing about nesting
    if _is_orphan(b):
        return False  # a quote nobody is said to say holds its own speaker line ("PENCE: Well, ...")
    return a.cue != b.cue and b.start <= a.cue.idx < b.end


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """Drop statements whose content lies inside another's: a nested report belongs to the outer one.

    A passive report of a claim ("X's claim that S was challenged by police") keeps the claim:
    the claim is X's own, not the police's words (equal on PolNeAR dev either way). A quote nobody
    is said to say gives way to the attributed statements inside it (a transcript quoted whole:
    "PENCE: ... WALLACE: ...").
    """
    hollow = {id(o) for o in drafts if _is_orphan(o) and any(_inside(d, o) and not _is_orphan(d) for d in drafts)}
    outer = [o for o in drafts if not _is_passive(o.cue) and id(o) not in hollow]
    return [d for d in drafts if id(d) not in hollow and not any(_inside(d, o) and not _is_tail(d, o) for o in outer)]


def _inside(draft: Draft, outer: Draft) -> bool:
    return outer.start <= draft.start and draft.end <= outer.end and (outer.start, outer.end) != (draft.start, draft.end)


def _is_orphan(draft: Draft) -> bool:
    return draft.cue is None and draft.speaker is None


def _is_passive(cue: Token | None) -> bool:
    return cue is not None and any(c.dep_ == "nsubjpass" for c in cue.children)


def _rank(draft: Draft) -> tuple:
    """Attributed drafts before a quote nobody is said to say, then direct quotes, then drafts with a speaker, then longer ones.

    ("He said the nation has become “more interested in ...”": the report with its speaker wins.)
    """
    return (_is_orphan(draft), not draft.direct, draft.speaker is None, -(draft.end - draft.start), draft.start)


def _overlap(a: Draft, b: Draft) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return max(0, shared) / (max(a.end, b.end) - min(a.start, b.start))


def _statement(text: str, draft: Draft, resolver: SourceResolver, sentence_starts: list[int]) -> Statement:
    source = resolver.resolve(None if draft.unattributed else draft.speaker)
    speaker, cue = draft.speaker, draft.cue
    anchor = cue.idx if cue is not None else draft.start
    return Statement(
        speaker=source.name,
        speaker_text=speaker.text if speaker is not None else None,
        speaker_start=speaker.start_char if speaker is not None else None,
        speaker_end=speaker.end_char if speaker is not None else None,
        cue=_cue_text(draft),
        content=text[draft.start : draft.end],
        content_start=draft.start,
        content_end=draft.end,
        direct=draft.direct,
        attribution=source.attribution,
        hedged=draft.hedged,
        cue_start=cue.idx if cue is not None else None,
        cue_end=cue.idx + len(cue) if cue is not None else None,
        sentence=bisect_right(sentence_starts, anchor) - 1,
    )


def _cue_text(draft: Draft) -> str | None:
    """The cue as a reader needs it: with its particle ("pointed out") and its negation ("not commented": "Moscow
    has not commented on that claim" is no comment of Moscow's)."""
    cue = draft.cue
    if cue is None:
        return None
    if cue.lower_ == "according":
        return "according to"
    negations = ["not" if c.lower_ in {"n't", "n’t"} else c.text for c in cue.children if c.dep_ == "neg"]
    particles = [c.text for c in cue.children if c.dep_ == "prt"]
    return " ".join([*negations, cue.text, *particles])
