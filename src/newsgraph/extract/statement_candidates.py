"""Candidate attributions from the parse alone: every verb or noun with a complement that could
carry what someone said, believed, wanted or showed, with its would-be content and source.

Whether a candidate is an attribution is decided by the trained scorer (statement_model.py);
this module only proposes, one candidate per cue word, and describes it with features.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.extract.entity_lexicon import words
from newsgraph.extract.statement_context import Context, Draft, content_draft
from newsgraph.extract.statement_indirect import clause_end, clause_of, has_that, objects_of, reads_as_verb
from newsgraph.extract.statement_lexicon import cues
from newsgraph.extract.statement_speakers import holder_of, speaker_of

# Prepositions whose object may be what a verb or noun is about ("warned about X", "fears of X").
ABOUT_PREPS = {"about", "of", "on", "over", "against", "for", "as", "with", "to"}
CLAUSE_CHILDREN = {"acl", "ccomp", "relcl"}
# Every complement the rules of statement_indirect.py know: the scorer, not the lexicon, decides.
# "pointed to X", "agreed with X" only as the lexicon's cues: as candidates they cost more precision
# than they bring recall (PolNeAR dev, retrained scorer: content F1 0.730 -> 0.727).
ALL_COMPLEMENTS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "dative", *ABOUT_PREPS}) - {"to", "with"}
# How a cue without its own subject may hang from a verb that has one, and how many steps up to look.
GOVERNED_DEPS = {"acl", "xcomp", "advcl", "pcomp", "pobj", "prep", "dobj"}
GOVERNOR_REACH = 3
# How an adjective with a content complement stands in its clause ("is critical of X", "were worried that S").
ADJECTIVE_DEPS = {"acomp", "advcl", "conj", "oprd"}
# Verbs that never report anything, however they are parsed (auxiliaries and copulas).
NOT_CUES = {"be", "have", "do", "get"}


@dataclass
class Candidate:
    """A possible attribution: its draft (content, cue, speaker) and how the parse proposed it."""

    draft: Draft
    # Which complement carries the content: ccomp, before, xcomp, dobj, passive, noun-that, noun-to, noun-prep,
    # adj-that, adj-to, adj-prep.
    shape: str
    content: str


def candidates(ctx: Context, skip: set[int]) -> Iterator[Candidate]:
    """One candidate per verb or noun outside quotes (cues in `skip` are done) with a content complement."""
    for token in ctx.doc:
        if token.i in skip or ctx.in_quote(token) or token.lemma_.lower() in NOT_CUES:
            continue
        if reads_as_verb(token):
            found = _verb(ctx, token)
        elif token.pos_ == "NOUN":
            found = _noun(ctx, token)
        elif token.pos_ == "ADJ" and token.dep_ in ADJECTIVE_DEPS:
            found = _adjective(ctx, token)
        else:
            continue
        if found is not None:
            yield found


def _verb(ctx: Context, verb: Token) -> Candidate | None:
    """The verb's first content complement: a clause, an infinitive, its objects, or a passive's subject."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    for shape, span in (("ccomp", clause_of(verb, ALL_COMPLEMENTS)), ("xcomp", _xcomp(verb)),
                        ("dobj", objects_of(verb, ALL_COMPLEMENTS)), ("passive", _passive_subject(verb) if passive else None)):
        if span is None:
            continue
        speaker = _passive_speaker(verb, shape) if passive else speaker_of(verb) or _governor_speaker(verb)
        draft = content_draft(ctx, span[0], span[1], one_word=True, cue=verb, speaker=speaker, unattributed=speaker is None)
        if draft is not None:
            if shape == "ccomp" and span[1] < verb.i:
                shape = "before"
            return Candidate(draft, shape, ctx.text[draft.start : draft.end])
    return None


def _governor_speaker(cue: Token) -> Span | None:
    """The speaker of the verb a cue hangs from ("Trump avoids condemning X", "they sent a letter
    opposing X", "he unleashed tweets criticizing X"): whoever does that verb holds the attitude."""
    token = cue
    for _ in range(GOVERNOR_REACH):
        if token.dep_ not in GOVERNED_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "VERB":
            speaker = speaker_of(token)
            return speaker if speaker is not None and speaker.root.tag_ not in {"WDT", "WP"} else None
    return None


def _xcomp(verb: Token) -> tuple[int, int] | None:
    """ "wants to leave", "vowed to protect": the infinitive the verb governs."""
    child = next((c for c in verb.rights if c.dep_ == "xcomp"), None)
    if child is None:
        return None
    return child.left_edge.i, max([clause_end(child)] + [c.right_edge.i for c in _infinitive_list(verb, child)])


def _infinitive_list(verb: Token, infinitive: Token) -> list[Token]:
    """Bare verbs that go on an infinitive the parse coordinates with its cue ("wants to triple X, grow Y
    and create Z"): a finite cue cannot be coordinated with a bare verb, the infinitive can."""
    if verb.tag_ == "VB" or not _is_infinitive(infinitive):
        return []
    return [c for c in verb.rights if c.dep_ == "conj" and c.tag_ == "VB" and not any(g.dep_ == "nsubj" for g in c.children)]


def _passive_subject(verb: Token) -> tuple[int, int] | None:
    """ "The bill, opposed by Republicans": the thing a passive cue is about."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.lower_ not in {"it", "there"}:
        return subject.left_edge.i, subject.right_edge.i
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head.left_edge.i, verb.head.i
    return None


def _passive_speaker(verb: Token, shape: str) -> Span | None:
    """Who holds a passive cue's content: the subject of a feeling whose cause is the content ("protesters were
    frustrated that S"), else the agent ("opposed by Republicans"); the agent of a feeling only caused it."""
    if verb.lemma_.lower() in words("feeling_verbs.txt"):
        return holder_of(verb) if shape != "passive" else None
    return _agent(verb)


def _agent(verb: Token) -> Span | None:
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    return pobj.doc[pobj.left_edge.i : pobj.right_edge.i + 1] if pobj is not None else None


def _noun(ctx: Context, noun: Token) -> Candidate | None:
    """ "fears that S", "his warning that S", "claims of voter fraud", "her decision to leave"."""
    found = _complement(noun, "noun", _is_that_clause, "acl")
    return _candidate(ctx, noun, *found, speaker_of(noun) or _governor_speaker(noun)) if found else None


def _complement(
    word: Token, kind: str, is_clause: Callable[[Token], bool], infinitive_dep: str
) -> tuple[str, tuple[int, int]] | None:
    """The shape and token span of the first content a cue noun or adjective takes on its right: a clause,
    an infinitive (hung by infinitive_dep) or the object of an about-preposition."""
    for child in word.rights:
        if is_clause(child):
            return f"{kind}-that", (child.left_edge.i, clause_end(child))
        if child.dep_ == infinitive_dep and _is_infinitive(child):
            return f"{kind}-to", (child.left_edge.i, clause_end(child))
        if (about := _about_object(child)) is not None:
            return f"{kind}-prep", about
    return None


def _is_that_clause(child: Token) -> bool:
    return child.dep_ in CLAUSE_CHILDREN and has_that(child)


def _about_object(child: Token) -> tuple[int, int] | None:
    """The object of a preposition a cue word's content may follow ("fears of X", "critical of X")."""
    if child.dep_ != "prep" or child.lower_ not in ABOUT_PREPS:
        return None
    obj = next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
    return (obj.left_edge.i, obj.right_edge.i) if obj is not None else None


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _adjective(ctx: Context, adjective: Token) -> Candidate | None:
    """ "Graham is critical of X", "many are afraid that S", "they were eager to go": held by the clause's subject."""
    found = _complement(adjective, "adj", lambda child: child.dep_ == "ccomp", "xcomp")
    return _candidate(ctx, adjective, *found, holder_of(adjective)) if found else None


def _candidate(ctx: Context, cue: Token, shape: str, span: tuple[int, int], speaker: Span | None) -> Candidate | None:
    """The candidate of a cue word for the tokens of span (inclusive), unattributed when nobody holds it."""
    draft = content_draft(ctx, span[0], span[1], one_word=True, cue=cue, speaker=speaker, unattributed=speaker is None)
    return Candidate(draft, shape, ctx.text[draft.start : draft.end]) if draft is not None else None


def features(candidate: Candidate) -> list[str]:
    """What the scorer knows of a candidate: cue word, shape, parse labels and speaker kind."""
    draft = candidate.draft
    cue, speaker, shape = draft.cue, draft.speaker, candidate.shape
    lemma = cue.lemma_.lower()
    doc = cue.doc
    head = speaker.root if speaker is not None else None
    words = draft.end - draft.start
    prev = doc[cue.i - 1] if cue.i > 0 else None
    found = [
        "bias", f"l={lemma}", f"s={shape}", f"ls={lemma}|{shape}", f"w={cue.lower_}", f"t={cue.tag_}",
        f"d={cue.dep_}", f"ld={lemma}|{cue.dep_}", f"td={cue.tag_}|{cue.dep_}|{shape}", f"hd={cue.head.pos_}|{cue.dep_}",
        f"lex={(lemma, cue.pos_) in cues()}", f"lexs={(lemma, cue.pos_) in cues()}|{shape}",
        f"sp={_speaker_kind(head)}", f"sps={_speaker_kind(head)}|{shape}", f"spl={_speaker_kind(head)}|{lemma}",
        f"len={min(words // 40, 6)}|{shape}", f"q={_quoted(candidate.content)}|{shape}",
        f"prev={prev.lower_ if prev is not None else '^'}", f"neg={any(c.dep_ == 'neg' for c in cue.children)}",
        f"aux={'|'.join(sorted(c.lemma_.lower() for c in cue.children if c.dep_ in {'aux', 'auxpass'}))}",
        f"first={_content_span(candidate)[0].lower_}|{shape}", f"root={_content_span(candidate).root.lemma_.lower()}|{shape}",
        f"rootl={_content_span(candidate).root.pos_}|{lemma}", f"gov={cue.head.lemma_.lower()}|{cue.dep_}",
        f"prevl={prev.lower_ if prev is not None else '^'}|{lemma}", f"dist={_side(cue, draft)}|{shape}",
        f"one={' ' not in candidate.content.strip()}|{shape}", f"onel={' ' not in candidate.content.strip()}|{lemma}",
    ]
    if head is not None:
        found += [f"sh={head.lemma_.lower()}", f"sht={head.ent_type_}|{lemma}"]
    return found


def _content_span(candidate: Candidate) -> Span:
    draft = candidate.draft
    return draft.cue.doc.char_span(draft.start, draft.end, alignment_mode="expand")


def _side(cue: Token, draft: Draft) -> str:
    """Where the content lies from its cue: right after, after, or before it."""
    if draft.end <= cue.idx:
        return "before"
    return "next" if draft.start - (cue.idx + len(cue)) <= 5 else "after"


def _speaker_kind(head: Token | None) -> str:
    if head is None:
        return "none"
    if head.pos_ == "PRON":
        return f"pron-{head.lower_}"
    return head.ent_type_ or head.tag_


def _quoted(content: str) -> str:
    marks = sum(content.count(m) for m in "“”\"")
    return "none" if marks == 0 else ("some" if marks < 2 or not content.lstrip().startswith(("“", '"')) else "starts")
