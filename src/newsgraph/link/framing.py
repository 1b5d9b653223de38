"""Blame: for each violent event of a story, who each article says is responsible, and on whose word.

The word is the outlet's own voice, a named speaker, an anonymous source, or the group claiming
the act itself. Cues are read from the sentences (data/blame_cues.tsv), so blame is found even
where the statement and event extractors missed the sentence; the statements say on whose word,
the events which violent act is meant.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsgraph.link.claims import claim_id
from newsgraph.link.responsibility import DENIAL, Cue, cue_patterns, sentence_cues, subject_mention
from newsgraph.link.words import stopwords
from newsgraph.link.sentences import sentence_span
from newsgraph.model import Blame, Claim, ClaimSide, Document, Framing, Statement, Story

# Event types that make a story one with perpetrators to blame (PLOVER).
VIOLENT = frozenset({"ASSAULT"})
# A statement in which the speaker says it did the act itself: a claim of responsibility.
OWN_CLAIM = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:it|they|we)\b.{0,40}?\b(?:carried out|attacked|struck|targeted|hit|bombed|killed|fired)\b",
                       re.IGNORECASE)
# A cue that reports what was not said ("did not say it carried out the attack"): no claim.
NEGATED = re.compile(r"\b(?:not|never)\b", re.IGNORECASE)
# Mention types of a group that can claim an act: organisations and the groups named by a demonym.
GROUP_TYPES = frozenset({"ORG", "NORP"})
UNKNOWN_OUTLET = "(unknown outlet)"
# Most words of the phrase before "blamed" taken as who blames; longer ones are clauses.
SUBJECT_WORDS = 5


def compare_blame(documents: list[Document], stories: list[Story]) -> list[Blame]:
    """Every attribution of responsibility in the articles of stories with a violent event."""
    by_id = {d.id: d for d in documents if not d.duplicate_of}
    found = []
    for story in stories:
        members = [by_id[i] for i in story.documents if i in by_id]
        if any(e.type in VIOLENT for d in members for e in d.events):
            found.extend(b for d in members for b in document_blame(story.id, d))
    return found


def document_blame(story: str, document: Document) -> list[Blame]:
    """What one article says about who is responsible, from its cue sentences and its own-claim statements."""
    blames = [b for cue in _cues(document) if (b := _cue_blame(story, document, cue))]
    blames += [b for i, q in enumerate(document.quotes) if not q.in_title and (b := _own_claim(story, document, i, q))]
    unique = {(b.blamed, b.source, b.start): b for b in blames}
    return list(unique.values())


def _cues(document: Document) -> list[Cue]:
    spans = {sentence_span(document.text, m.start(), m.end())
             for pattern, _, kind in cue_patterns() if kind != "skip" for m in pattern.finditer(document.text)}
    return [cue for start, end in sorted(spans) for cue in sentence_cues(document, start, end)]


def _cue_blame(story: str, document: Document, cue: Cue) -> Blame | None:
    """The blame a cue records, on whose word; None inside a quote whose speaker was not found (no voice to show)."""
    statement = _statement_at(document.quotes, cue)
    if statement is not None and statement.attribution == "unattributed" and not cue.claim:
        return None
    if cue.claim:
        source, speaker, speaker_id = "claimed", cue.actor_name, cue.actor_id
    elif statement is not None:
        source, speaker, speaker_id = _source(statement)
    elif cue.subject is not None:
        source, speaker, speaker_id = _subject_source(document, cue)
    else:
        source, speaker, speaker_id = "outlet", None, None
    start, end = sentence_span(document.text, cue.start, cue.end)
    if statement is not None and statement.speaker_start is not None:
        start, end = min(start, statement.speaker_start), max(end, statement.speaker_end or end)
    return Blame(story=story, document=document.id, outlet=document.outlet, blamed=cue.actor, blamed_name=cue.actor_name,
                 source=source, speaker=speaker, speaker_id=speaker_id, cue=cue.text, start=start, end=end,
                 event=_event_near(document, start, end), blamed_start=cue.actor_start, blamed_end=cue.actor_end,
                 cue_start=cue.start, cue_end=cue.end)


def _statement_at(quotes: list[Statement], cue: Cue) -> Statement | None:
    """The statement whose content holds the cue or its actor, or whose reporting verb is the cue (the headline's are not the text's)."""
    for quote in (q for q in quotes if not q.in_title):
        if quote.content_start <= cue.actor_start < quote.content_end or quote.content_start <= cue.start < quote.content_end:
            return quote
        if quote.cue_start is not None and quote.cue_start <= cue.start < (quote.cue_end or quote.cue_start + 1):
            return quote
    return None


def _source(statement: Statement) -> tuple[str, str | None, str | None]:
    """The voice of a statement: a named speaker (with its entity id), a definite singular description, or anonymous."""
    if statement.attribution == "named":
        return "named", statement.speaker or statement.speaker_text, statement.speaker_id
    phrase = statement.speaker_text or statement.speaker or ""
    return ("named" if _definite(phrase) else "anonymous"), phrase or None, None


def _subject_source(document: Document, cue: Cue) -> tuple[str, str | None, str | None]:
    """Who blames in "X blamed Y": named for a named actor or a definite singular description, else anonymous.

    A subject that is no noun phrase ("... on Monday, was the work of") leaves the outlet's own voice.
    """
    mention = subject_mention(document, cue)
    phrase = document.text[cue.subject[0]:cue.subject[1]]
    if mention is not None:
        return "named", mention.name or mention.text, mention.entity_id
    if not _noun_phrase(phrase):
        return "outlet", None, None
    return ("named" if _definite(phrase) else "anonymous"), phrase, None


def _noun_phrase(phrase: str) -> bool:
    """A few words ending on a content word: "Residents", "the miners' union", not "was" or "it is"."""
    words = phrase.split()
    return 0 < len(words) <= SUBJECT_WORDS and words[-1].lower().strip("'’") not in stopwords()


def _definite(phrase: str) -> bool:
    """"the minister", "the government": one identifiable speaker, named by description (benchmarks/stories convention)."""
    words = phrase.split()
    return len(words) > 1 and words[0].lower() == "the" and not words[-1].lower().endswith("s")


def _own_claim(story: str, document: Document, index: int, quote: Statement) -> Blame | None:
    """A named group saying it did the act ("it carried out the bombing") claims responsibility; denying it does not."""
    cue = quote.cue or ""
    if quote.speaker_start is None or not OWN_CLAIM.search(quote.content) or DENIAL.search(cue) or NEGATED.search(cue):
        return None
    mention = next((m for m in document.entities if m.type in GROUP_TYPES and quote.speaker_start <= m.start < (quote.speaker_end or 0)), None)
    if mention is None:
        return None
    blamed = mention.entity_id or (mention.name or mention.text).lower()
    start, end = sentence_span(document.text, quote.content_start, quote.content_end)
    return Blame(story=story, document=document.id, outlet=document.outlet, blamed=blamed, blamed_name=mention.name or mention.text,
                 source="claimed", speaker=mention.name or mention.text, speaker_id=mention.entity_id, cue=quote.cue or "said",
                 start=min(start, quote.speaker_start or start), end=end, event=_event_near(document, start, end),
                 blamed_start=mention.start, blamed_end=mention.end, cue_start=quote.cue_start, cue_end=quote.cue_end)


def _event_near(document: Document, start: int, end: int) -> int | None:
    """The violent event of the sentence, else the article's first one."""
    violent = [i for i, e in enumerate(document.events) if e.type in VIOLENT]
    return next((i for i in violent if start <= document.events[i].start < end), violent[0] if violent else None)


def responsibility_claims(documents: list[Document], blames: list[Blame]) -> list[Claim]:
    """Per story, the claim of who is responsible: agreed, or in conflict when outlets name different actors."""
    texts = {d.id: d.text for d in documents}
    by_story: dict[str, list[Blame]] = defaultdict(list)
    for blame in blames:
        by_story[blame.story].append(blame)
    return [claim for story, found in by_story.items() if (claim := _responsibility_claim(story, found, texts))]


def _responsibility_claim(story: str, blames: list[Blame], texts: dict[str, str]) -> Claim | None:
    outlets = {b.outlet or b.document for b in blames}
    if len(outlets) < 2:
        return None
    actors = Counter(b.blamed_name for b in blames)
    agreement = "agree" if len({b.blamed for b in blames}) == 1 else "conflict"
    reason = None if agreement == "agree" else "responsible: " + " / ".join(name for name, _ in actors.most_common())
    sides = [ClaimSide(document=b.document, outlet=b.outlet, kind="blame", index=b.event, start=b.start, end=b.end,
                       text=texts[b.document][b.start:b.end], blamed=b.blamed_name) for b in blames]
    return Claim(id=claim_id(story, sides), story=story, agreement=agreement, reason=reason, text=f"responsible: {actors.most_common(1)[0][0]}",
                 sides=sides)


def outlet_framing(documents: list[Document], stories: list[Story], claims: list[Claim], blames: list[Blame]) -> list[Framing]:
    """Per story and outlet: the actors blamed, the speakers quoted, the claims only that outlet makes."""
    by_id = {d.id: d for d in documents if not d.duplicate_of}
    framings = []
    for story in stories:
        members = [by_id[i] for i in story.documents if i in by_id]
        outlets = sorted({d.outlet or UNKNOWN_OUTLET for d in members})
        for outlet in outlets:
            own = [d for d in members if (d.outlet or UNKNOWN_OUTLET) == outlet]
            framings.append(_framing(story.id, outlet, own, claims, blames, len(outlets) > 1))
    return framings


def _framing(story: str, outlet: str, documents: list[Document], claims: list[Claim], blames: list[Blame], shared: bool) -> Framing:
    ids = {d.id for d in documents}
    quotes = [q for d in documents for q in d.quotes]
    named = sorted({q.speaker or q.speaker_text or "" for q in quotes if q.attribution == "named"} - {""})
    anonymous = sorted({(q.speaker_text or q.speaker or "").lower() for q in quotes if q.attribution != "named"} - {""})
    attributed = sum(1 for q in quotes if q.attribution != "unattributed")
    share = sum(1 for q in quotes if q.attribution == "named") / attributed if attributed else None
    exclusive = [c.id for c in claims if shared and c.story == story and c.sides and {s.document for s in c.sides} <= ids]
    blamed = Counter(b.blamed_name for b in blames if b.story == story and b.document in ids)
    return Framing(story=story, outlet=outlet, blamed=dict(blamed.most_common()), named_speakers=named,
                   anonymous_speakers=anonymous, named_share=share, exclusive_claims=exclusive)
