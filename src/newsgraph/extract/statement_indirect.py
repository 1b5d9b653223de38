"""Reported speech from the dependency parse: reporting verbs and nouns with their complements,
"according to X", impersonal constructions ("it is believed that") and "reportedly".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsgraph.extract.statement_context import RELATIVE_TAGS, Context, Draft, content_draft
from newsgraph.extract.statement_lexicon import Cue, cues, reports_itself
from newsgraph.extract.statement_speakers import (according_source, can_speak, is_first_or_second_person, is_source_noun,
                                                  source_span, speaker_of)

# "railed against X", "sparred over X" only as candidates: no lexicon cue lists them.
PREP_COMPLEMENTS = {"as", "of", "on", "for", "about", "to", "with", "against", "over"}
CLAUSE_DEPS = {"ccomp"}
# Right-hand children never part of a verb's content: punctuation, coordination, time and manner.
NOT_CONTENT = {"punct", "cc", "conj", "advmod", "npadvmod", "agent", "mark", "aux", "neg", "prt", "advcl"}
# Prepositions that set when, where or why something was said, not what ("during a stop in Flint").
ADJUNCT_PREPS = {"during", "in", "at", "after", "before", "since", "amid", "despite", "following", "while", "because"}
EXPLETIVES = {"it", "there"}
# Documents only someone issues: "in a statement" carries its subject's words, where a poll finds things on its own.
ISSUED = {"statement"}
# Children only a verb has: a noun root over one of these is a verb the tagger misread.
VERB_CHILDREN = {"nsubj", "ccomp", "xcomp"}
CONDITIONS = {"if", "unless"}
SET_OFF = {",", "”", '"', "''", "’", "—", "-"}
ADVERB_DEPS = {"advmod"}
# The only objects an "as X said" aside may have: "as she has said it", "as he has said so".
ASIDE_OBJECTS = {"it", "so"}


def indirect_drafts(ctx: Context, skip: set[int]) -> Iterator[Draft]:
    """Drafts for every cue outside a quote whose complements are present; cues in `skip` are done."""
    table = cues()
    for token in ctx.doc:
        if token.i in skip or ctx.in_quote(token):
            continue
        if token.lower_ == "according":
            draft = _according(ctx, token)
        elif reads_as_verb(token) and (cue := table.get((token.lemma_.lower(), "VERB"))):
            draft = _verb(ctx, token, cue)
        elif token.pos_ == "NOUN" and (cue := table.get((token.lemma_.lower(), "NOUN"))):
            draft = _noun(ctx, token, cue)
        elif token.dep_ in ADVERB_DEPS and (cue := table.get((token.lower_, "ADV"))):
            draft = _adverb(ctx, token)
        elif puts_it(token):
            draft = _put_it(ctx, token)
        elif token.lower_ == "in" and token.dep_ == "prep":
            draft = _in_source(ctx, token)
        else:
            continue
        if draft is not None:
            yield draft


def reads_as_verb(token: Token) -> bool:
    """A verb, or a word tagged as a noun that the parse makes a sentence root over a subject or clause
    ("the former doctor maintains S", "the campaign plans to employ X"): a verb the tagger misread."""
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ in VERB_CHILDREN for c in token.children)


def _verb(ctx: Context, verb: Token, cue: Cue) -> Draft | None:
    """ "X said (that) S", "S, X said", "X accused Y of Z", and the passive "it is believed that S"."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return _passive(ctx, verb, cue)
    speaker = speaker_of(verb)
    if speaker is None or is_first_or_second_person(speaker) or not can_speak(speaker.root):
        return None
    span = clause_of(verb, cue.complements) or objects_of(verb, cue.complements) or _aside_clause(verb, cue)
    if span is None:
        return None
    return content_draft(ctx, span[0], span[1], cue=verb, speaker=speaker, hedged=cue.hedged)


def clause_of(verb: Token, complements: frozenset[str]) -> tuple[int, int] | None:
    """The that-clause of a reporting verb, before or after it."""
    if "ccomp" not in complements:
        return None
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and not _is_report(c, verb) and not _across_semicolon(c, verb)]
    clause = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
    if clause is not None:
        return clause.left_edge.i, _joined_end(clause, clauses)
    head = _clause_head(verb) if verb.dep_ == "parataxis" else verb.head
    if verb.dep_ in {"parataxis", "ccomp"} and head.pos_ in {"VERB", "AUX"} and _set_off(verb):
        if head.i < verb.i:
            if any(not t.is_punct and not t.is_space for t in verb.doc[verb.right_edge.i + 1 : head.right_edge.i + 1]):
                return head.left_edge.i, head.right_edge.i  # "S1, Mr. Clarke said, until S2": the clause goes on after its cue
            return head.left_edge.i, verb.left_edge.i - 1  # "S, the ministry said."
        if head.left_edge.i < _cue_start(verb):
            return head.left_edge.i, head.right_edge.i  # "S1, he said, S2": one content around its cue (PolNeAR)
        return verb.right_edge.i + 1, head.right_edge.i  # "Sources said S" parsed with S as the root
    return None


def _joined_end(clause: Token, clauses: list[Token]) -> int:
    """Where a that-clause ends, across later clauses of the same cue that only a comma parts from it: the
    parse splits a reported list at its commas ("said the reservoir was full, the pumps were working and ...");
    not across a report of its own ("Officials said S1, engineers said S2") or a line break."""
    end = clause_end(clause)
    for later in (c for c in clauses if c.i > clause.i):
        joined = clause.doc[end + 1 : clause_end(later) + 1]
        gap = clause.doc[end + 1 : later.left_edge.i]
        if any(t.text != "," for t in gap) or reports_itself(later) or "\n" in joined.text:
            break
        end = clause_end(later)
    return end


def _clause_head(verb: Token) -> Token:
    """The verb of the clause a parenthetical cue interrupts, also when the parse hangs the cue from
    that clause's subject ("The difference now, she told me, is that S")."""
    head = verb.head
    while head.pos_ not in {"VERB", "AUX"} and head.dep_ in {"nsubj", "nsubjpass"} and head.head.i != head.i:
        head = head.head
    return head


def _aside_clause(verb: Token, cue: Cue) -> tuple[int, int] | None:
    """What a lexicon cue reports from an "as X said" aside. Only the lexicon's: an aside of any verb
    is mostly a time clause ("as they bristled", "as he welcomed guests"; PolNeAR dev)."""
    if "ccomp" in cue.complements and verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"} and _as_aside(verb):
        return _around_aside(verb, verb.head)
    return None


def puts_it(verb: Token) -> bool:
    """ "As Ms. Lund put it", "he put it bluntly": "put it" reports words, though "put" alone does not."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)


def _put_it(ctx: Context, verb: Token) -> Draft | None:
    """ "As Ms. Lund put it, S": the clause the aside sits in, said by the aside's subject."""
    speaker = speaker_of(verb)
    if speaker is None or verb.dep_ != "advcl" or verb.head.pos_ not in {"VERB", "AUX"} or not _as_aside(verb):
        return None
    first, last = _around_aside(verb, verb.head)
    return content_draft(ctx, first, last, cue=verb, speaker=speaker)


def _as_aside(verb: Token) -> bool:
    """ "as the Post reported", "as she has argued": a bare cue with a subject, set in the clause it reports."""
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not marked or not any(c.dep_ == "nsubj" and c.lower_ not in EXPLETIVES for c in verb.children):
        return False  # "as predicted", "as might be expected": nobody is said to say it
    objects = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "dobj", "attr", "acomp"}]
    return all(c.lower_ in ASIDE_OBJECTS for c in objects)


def _around_aside(verb: Token, head: Token) -> tuple[int, int]:
    """The reported clause around an "as X said" aside: after it, before it, or around it (PolNeAR)."""
    if verb.i < head.i:
        return verb.right_edge.i + 1, head.right_edge.i  # "As the Post reported, S."
    if verb.right_edge.i + 1 >= head.right_edge.i:
        return head.left_edge.i, verb.left_edge.i - 1  # "S, as the mayor said."
    return head.left_edge.i, head.right_edge.i  # "S1, as she noted, S2"


def _cue_start(verb: Token) -> int:
    """Where a parenthetical cue's own words start: at its subject, also when the parse hangs the
    clause before it from the cue ("To see X, the mayor said, one should visit Y")."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    return subject.left_edge.i if subject is not None else verb.left_edge.i


def _set_off(verb: Token) -> bool:
    """Whether the cue's clause is set off by a comma or quote mark ("S, the ministry said")."""
    first = _cue_start(verb)
    edges = verb.doc[max(0, first - 1) : first + 1]  # the comma may hang from the cue or from the clause
    return any(token.text in SET_OFF for token in edges)


def _is_report(clause: Token, verb: Token) -> bool:
    """Whether a clause before the verb is itself the report ("Sources said" in "Sources said S"); not
    when a comma sets it off from the verb ("Officials felt S, said X": the clause is what X said)."""
    set_off = clause.right_edge.i + 1 < verb.i and clause.doc[clause.right_edge.i + 1].text == ","
    return clause.i < verb.i and reports_itself(clause) and not set_off


def _across_semicolon(clause: Token, verb: Token) -> bool:
    """Whether a semicolon parts a clause before the verb from it ("S1; his team says S2": S1 is the writer's)."""
    return clause.i < verb.i and any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1 : verb.i])


def clause_end(clause: Token) -> int:
    """The last token of a clause, stopping before a coordinated cue verb that reports on its own
    ("said A and warned that B"); a cue verb of the reported clause is part of the content
    ("agreed that A but that it would add rules")."""
    table = cues()
    for child in clause.rights:
        if child.dep_ == "conj" and (child.lemma_.lower(), "VERB") in table and _reports(child):
            return child.left_edge.i - 1
    return clause.right_edge.i


def _reports(verb: Token) -> bool:
    """A coordinated cue verb that reports on its own: with a complement clause or quote, or sharing the
    subject of the first cue ("said A and warned against B"); not a verb of the reported clause ("but that it would add rules")."""
    if has_that(verb):
        return False
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    return not own_subject or any(c.dep_ in {"ccomp", "xcomp"} or c.text in {":", "“", '"'} for c in verb.children)


def objects_of(verb: Token, complements: frozenset[str]) -> tuple[int, int] | None:
    """The object complements of a verb like accuse (of), dismiss (as), call (a name), urge (to)."""
    rights = [c for c in verb.rights if _may_be_content(c)]
    if not any(_fits(child, complements) for child in rights):
        return None
    return _after_preposition(rights[0]), max(c.right_edge.i for c in rights)


def _after_preposition(first: Token) -> int:
    """Where the content starts: after a leading preposition ("called for [an end to X]", "warned about [X]",
    "called for [rivals to drop out]"); PolNeAR train leaves it out 2,000 times to 230. An infinitive's "to" stays in."""
    if first.dep_ == "prep" and first.lower_ != "to":
        obj = next((g for g in first.children if g.dep_ in {"pobj", "pcomp"}), None)
        if obj is not None:
            return obj.left_edge.i
    if _for_clause(first):
        return first.left_edge.i + 1
    return first.left_edge.i


def _for_clause(child: Token) -> bool:
    """ "calling for rivals to drop out", parsed as a clause whose "for" is a subordinator."""
    return child.dep_ in {"advcl", "ccomp"} and child.left_edge.lower_ == "for" and child.left_edge.dep_ == "mark"


def _fits(child: Token, complements: frozenset[str]) -> bool:
    if child.dep_ == "dobj":  # "accused [the organisers of serving ...]" with "of" under the object
        return "dobj" in complements or any(_fits(c, complements) for c in child.children if c.dep_ == "prep")
    if child.dep_ == "prep":
        return child.lower_ in complements & PREP_COMPLEMENTS
    if _for_clause(child):
        return "for" in complements
    if child.dep_ in {"xcomp", "ccomp"}:
        return "xcomp" in complements
    return child.dep_ in complements


def _may_be_content(child: Token) -> bool:
    """Whether a right-hand child of a cue verb can be part of what was said."""
    if child.dep_ == "prep" and child.lower_ in ADJUNCT_PREPS:
        return False
    if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in child.children):
        return True  # "sees an insult if they stay home": the condition is part of what is said
    if _for_clause(child):
        return True
    return child.dep_ not in NOT_CONTENT and child.lower_ != "according" and not _is_time(child)


def _is_time(token: Token) -> bool:
    """A time adjunct ("on Tuesday", "last week") is when it was said, not what."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    return token.dep_ == "prep" and any(c.ent_type_ in {"DATE", "TIME"} for c in token.children)


def _passive(ctx: Context, verb: Token, cue: Cue) -> Draft | None:
    """ "It is believed that S" and "X is said to Y": statements nobody is named for."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    rights = [c for c in verb.rights if _may_be_content(c)]
    if subject is None or not rights:
        return None
    if subject.lower_ in EXPLETIVES:
        first = rights[0].left_edge.i
    elif any(c.dep_ == "xcomp" for c in rights):
        first = subject.left_edge.i
    else:
        return None
    return content_draft(ctx, first, rights[-1].right_edge.i, cue=verb, speaker=None, unattributed=True, hedged=True)


def _noun(ctx: Context, noun: Token, cue: Cue) -> Draft | None:
    """ "X's claim that S", "fears of S", "the assertion that S" (unattributed when nobody owns it)."""
    content = _noun_content(noun, cue)
    if content is None:
        return None
    speaker = speaker_of(noun)
    return content_draft(
        ctx, content.left_edge.i, clause_end(content), cue=noun, speaker=speaker, unattributed=speaker is None, hedged=cue.hedged
    )


def _noun_content(noun: Token, cue: Cue) -> Token | None:
    for child in noun.children:
        if "that" in cue.complements and child.dep_ in {"acl", "ccomp", "relcl"} and has_that(child):
            return child
        if child.dep_ == "prep" and child.lower_ in cue.complements & PREP_COMPLEMENTS:
            return next((g for g in child.children if g.dep_ in {"pobj", "pcomp"}), None)
    return None


def has_that(clause: Token) -> bool:
    """Whether a clause is introduced by "that" ("fears that S")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _according(ctx: Context, according: Token) -> Draft | None:
    """ "According to X, S" and "S, according to X"."""
    source = according_source(according)
    head = according.head
    if source is None:
        return None
    if head.i == according.i:
        span = _after_root_according(according)
        if span is None:
            return None
        first, last = span
    elif according.i < head.i:
        first, last = according.right_edge.i + 1, head.right_edge.i
    else:
        first, last = head.left_edge.i, according.left_edge.i - 1
    return content_draft(ctx, first, last, cue=according, speaker=source_span(source))


def _after_root_according(according: Token) -> tuple[int, int] | None:
    """ "According to X, S" parsed with "according" as the root and S inside X's phrase: S is what follows the comma."""
    sentence = according.sent
    comma = next((t for t in sentence if t.i > according.i and t.text == ","), None)
    if comma is None or according.i != sentence.start:
        return None
    return comma.i + 1, sentence.end - 1


def _in_source(ctx: Context, prep: Token) -> Draft | None:
    """ "In a Register poll last month, S" and "S in the same survey": the poll or document reports the
    clause it is set in (PolNeAR train: 56 such "in" cues, nearly all polls and surveys). A clause whose
    verb is itself a cue ("In a statement, she said S") is that verb's."""
    document = next((g for g in prep.children if g.dep_ == "pobj"), None)
    head = prep.head
    if document is None or not is_source_noun(document) or head.pos_ not in {"VERB", "AUX"} or (head.lemma_.lower(), "VERB") in cues():
        return None
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.tag_ in RELATIVE_TAGS:
        return None  # "has evaporated in a CBS poll", "who leads in the polls": no finding of the poll's own
    if document.lemma_.lower() in ISSUED and can_speak(subject):
        return None  # "In a statement, the union welcomed X": the union's words, the statement only carried them
    if prep.i < head.i:
        first, last = prep.right_edge.i + 1, head.right_edge.i
        while first < last and (prep.doc[first].is_punct or prep.doc[first].ent_type_ in {"DATE", "TIME"}):
            first += 1  # "In a poll last month, S": when it was taken is not what it found
    elif prep.right_edge.i + 1 >= head.right_edge.i:
        first, last = head.left_edge.i, prep.left_edge.i - 1
    else:
        return None
    return content_draft(ctx, first, last, cue=prep, speaker=source_span(document))


def _adverb(ctx: Context, adverb: Token) -> Draft | None:
    """ "X reportedly did Y": the clause, unattributed and hedged (unless the verb is itself a cue)."""
    head = adverb.head
    if (head.lemma_.lower(), "VERB") in cues():
        return None
    return content_draft(ctx, head.left_edge.i, head.right_edge.i, cue=adverb, speaker=None, unattributed=True, hedged=True)
