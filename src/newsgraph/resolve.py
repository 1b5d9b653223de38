"""Canonical actors across the documents of a run: one entity_id per real-world actor.

Documents arrive one by one (streaming). Each article's mentions come already named in-article
(`extract.entity_coref`); here each name is linked to an entity seen earlier in the run, by exact
folded name, by surname with compatible given names, or by a close spelling of the same type,
with the article's other actors as context so that two different "Ahmed Haddad"s or "Haddad"s do
not merge. A later, fuller name ("Recep Tayyip Erdoğan") renames an entity first seen as "Erdogan";
ids already written stay valid.

The resolver's state is plain data (`snapshot` / `restore`): the entities, the first entity of each
(type group, folded name), the entities of each surname, each entity's context names and mention
count. Lookups are blocked by exact folded name, by (type group, first letter) for spellings and by
surname for people, so adding a document costs the same however many entities are stored.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Any

from rapidfuzz import fuzz, process

from newsgraph.extract.entity_lexicon import fold, gazetteer, seats
from newsgraph.extract.statement_lexicon import gender_of
from newsgraph.geocode import geocode
from newsgraph.model import Document, Entity, Event, Mention, Statement

# Type groups that may share an entity: the model often calls a place GPE in one article, LOC in another.
GROUPS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "ORG": "ORG", "NORP": "NORP", "FAC": "FAC", "EVENT": "EVENT"}
# Groups the small model confuses with each other; an exact name match across them still links.
CONFUSABLE = ("ORG", "PERSON", "FAC", "NORP")
# rapidfuzz ratio (0-100) for two spellings of one non-person name (benchmarks/entities dev set).
NAME_SIMILARITY = 90
# Ratio for two spellings of one surname or given name (Lavrov/Lavrow, Sergei/Sergey; benchmarks/entities dev set).
PART_SIMILARITY = 80
# Surnames shorter than this link only exactly: short names collide too often to be fuzzy.
FUZZY_SURNAME_MIN = 5
# Given names this short are initials ("A.", "A.J." folds to "aj"): they agree only by first letter (ECB+ dev topics).
INITIALS_MAX = 2
# Initials written apart ("u s surgeon general" of "U. S. Surgeon General") are joined, as "U.S." folds.
SPACED_INITIALS = re.compile(r"\b(\w) (?=\w\b)")
# Words a title or body keeps after its country qualifier ("U.S. Surgeon General" -> "surgeon general"):
# one word alone ("U.S. Navy" -> "navy") is too generic to link by (ECB+ dev topics).
QUALIFIED_WORDS = 2
# A name after one of these in a speaker phrase is not the speaker ("observers in Ankara").
PREPOSITIONS = frozenset({"in", "of", "for", "from", "at", "to", "with", "near", "inside", "within", "close", "outside", "on", "by"})
# Words that make the part of a speaker phrase after its last comma the end of a list ("of Russia, Turkey and Iran").
LIST_WORDS = frozenset({"and", "or"})


class EntityResolver:
    """Assigns run-wide entity ids to the mentions of each document as documents arrive."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._keys: dict[tuple[str, str], str] = {}
        self._blocks: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (group, initial) -> key -> id
        self._surnames: dict[str, list[str]] = defaultdict(list)
        self._context: dict[str, Counter[str]] = defaultdict(Counter)
        self._counts: Counter[str] = Counter()

    def resolve(self, document: Document) -> Document:
        """The document with every mention carrying its run-wide entity id and canonical name."""
        clusters = _clusters(document.entities)
        countries = {m.country for m in document.entities if m.country}
        ids = {key: self._link(key, members, set(clusters) - {key}, countries) for key, members in clusters.items()}
        mentions = [self._finish(m, ids[_key(m)]) for m in document.entities]
        return document.model_copy(update={
            "entities": mentions,
            "quotes": [_named_speaker(s, mentions) for s in document.quotes],
            "events": [_named_arguments(e, mentions) for e in document.events],
        })

    def snapshot(self) -> dict[str, Any]:
        """The resolver as plain JSON-ready data (see the module docstring)."""
        return {"entities": [e.model_dump(mode="json") for e in self.entities.values()],
                "keys": [[group, key, entity_id] for (group, key), entity_id in self._keys.items()],
                "surnames": dict(self._surnames), "context": {i: dict(c) for i, c in self._context.items()},
                "counts": dict(self._counts)}

    @classmethod
    def restore(cls, data: dict[str, Any]) -> EntityResolver:
        """The resolver a `snapshot` describes: resolving more documents with it equals resolving them all in one run."""
        resolver = cls()
        resolver.entities = {row["id"]: Entity.model_validate(row) for row in data["entities"]}
        for group, key, entity_id in data["keys"]:
            resolver._keys[(group, key)] = entity_id
            resolver._blocks[(group, key[:1])].setdefault(key, entity_id)
        resolver._surnames.update({name: list(ids) for name, ids in data["surnames"].items()})
        resolver._context.update({i: Counter(c) for i, c in data["context"].items()})
        resolver._counts.update(data["counts"])
        return resolver

    def _finish(self, mention: Mention, entity_id: str) -> Mention:
        entity = self.entities[entity_id]
        type_ = entity.type if mention.type in CONFUSABLE and entity.type in CONFUSABLE else mention.type
        return mention.model_copy(update={"entity_id": entity_id, "name": entity.name, "type": type_,
                                          "country": entity.country or mention.country})

    def _link(self, key: str, members: list[Mention], context: set[str], countries: set[str]) -> str:
        """The id of the entity an in-article name denotes, creating it if the run has not seen it."""
        type_, name = _cluster_type(key, members), members[0].name or members[0].text
        group = GROUPS.get(type_, type_)
        entity_id = (self._keys.get((group, key)) or self._keys.get((group, _unqualified(key, group)))
                     or self._similar(key, group, context) or self._confused(key, group, context) or self._story_name(key, context)
                     or self._mistyped_person(key, group, context))
        if entity_id is None:
            entity_id = self._create(key, name, type_, countries)
        self._remember(entity_id, key, name, group, context)
        return entity_id

    def _similar(self, key: str, group: str, context: set[str]) -> str | None:
        if group == "PERSON":
            return self._same_person(key.split(), context)
        names = self._blocks.get((group, key[:1]), {})
        best = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY)
        return names[best[0]] if best else None

    def _confused(self, key: str, group: str, context: set[str]) -> str | None:
        """An exact name seen under a type the model confuses with this one; a name of several words under any type.

        "Hugh Jackman" tagged a place in one article is still the actor of the others (ECB+ dev topics);
        a single word ("Jordan", "Washington") may name a person and a place, so it stays within CONFUSABLE.
        """
        groups = set(GROUPS.values()) if " " in key else set(CONFUSABLE) if group in CONFUSABLE else set()
        if not groups:
            return None
        found = next((self._keys[(g, key)] for g in sorted(groups) if (g, key) in self._keys), None)
        surname_of = self._surnames.get(key, []) if " " not in key else []
        return found or self._story_person(surname_of, context) or (max(surname_of, key=self._counts.__getitem__) if surname_of else None)

    def _story_name(self, key: str, context: set[str]) -> str | None:
        """The one entity of this exact name under any type that shares an actor with the article.

        "Bloomington" tagged a person beside the places of a story about the town is the town (ECB+ dev topics).
        """
        shared = [i for g in sorted(set(GROUPS.values())) if (i := self._keys.get((g, key))) and self._shares_context(i, context)]
        return shared[0] if len(set(shared)) == 1 else None

    def _mistyped_person(self, key: str, group: str, context: set[str]) -> str | None:
        """A person's name the model typed otherwise ("Mo Cheeks" as a place) links to a person of the same story.

        Only a two- or three-word name, and only to a person who shares an actor with this article.
        """
        parts = key.split()
        if group == "PERSON" or not 2 <= len(parts) <= 3:
            return None
        shared = [i for i in self._person_candidates(parts) if self._shares_context(i, context)]
        return shared[0] if len(shared) == 1 else None

    def _story_person(self, candidates: list[str], context: set[str]) -> str | None:
        """A surname alone ("Lohan") names the one candidate person who shares an actor with this article, if only one does.

        The caller may fall back to the most mentioned namesake: dropping that fallback for names the model typed
        other than PERSON lowered ECB+ dev cross-doc pair F1 from 0.848 to 0.841.
        """
        shared = [i for i in candidates if self._shares_context(i, context)]
        return shared[0] if len(shared) == 1 else None

    def _shares_context(self, entity_id: str, context: set[str]) -> bool:
        return any(self._context[entity_id][k] > 0 for k in context)

    def _person_candidates(self, parts: list[str]) -> list[str]:
        return [i for i in self._surname_candidates(parts[-1]) if _compatible(parts, fold(self.entities[i].name).split())]

    def _same_person(self, parts: list[str], context: set[str]) -> str | None:
        """A person seen before with this surname and compatible given names; context picks among several."""
        candidates = self._person_candidates(parts)
        if len(parts) == 1:
            return self._story_person(candidates, context)
        if not candidates:
            return None
        return max(candidates, key=lambda i: (sum(self._context[i][k] > 0 for k in context), self._counts[i]))

    def _surname_candidates(self, surname: str) -> list[str]:
        exact = self._surnames.get(surname, [])
        if exact or len(surname) < FUZZY_SURNAME_MIN:
            return list(exact)
        close = process.extract(surname, [s for s in self._surnames if s[:1] == surname[:1]], scorer=fuzz.ratio,
                                score_cutoff=PART_SIMILARITY + 8, limit=3)
        return [i for name, _, _ in close for i in self._surnames[name]]

    def _create(self, key: str, name: str, type_: str, countries: set[str]) -> str:
        base = "e" + hashlib.sha1(f"{GROUPS.get(type_, type_)}\n{key}".encode()).hexdigest()[:10]
        entity_id, n = base, 1
        while entity_id in self.entities:
            entity_id, n = f"{base}-{n}", n + 1
        self.entities[entity_id] = _new_entity(entity_id, name, type_, countries)
        return entity_id

    def _remember(self, entity_id: str, key: str, name: str, group: str, context: set[str]) -> None:
        self._keys.setdefault((group, key), entity_id)
        self._keys.setdefault((group, _unqualified(key, group)), entity_id)
        self._blocks[(group, key[:1])].setdefault(key, entity_id)
        self._context[entity_id].update(context)
        self._counts[entity_id] += 1
        entity = self.entities[entity_id]
        if group == "PERSON":
            self._register_person(entity_id, key)
        if len(key.split()) > len(fold(entity.name).split()) or (group == "PLACE" and _better_cased(name, entity.name)):
            entity.name = name
            entity.aliases = [a for a in entity.aliases if a != name]
        if name not in entity.aliases and name != entity.name:
            entity.aliases.append(name)

    def _register_person(self, entity_id: str, key: str) -> None:
        ids = self._surnames[key.split()[-1]]
        if entity_id not in ids:
            ids.append(entity_id)


def _better_cased(name: str, current: str) -> bool:
    """A later "Ankara" names a place better than the dateline's "ANKARA" it was first seen as (acronyms keep their capitals)."""
    return current.isupper() and not name.isupper() and fold(name) == fold(current)


def _key(mention: Mention) -> str:
    return SPACED_INITIALS.sub(r"\1", fold(mention.name or mention.text))


def _unqualified(key: str, group: str) -> str:
    """A title or body without its leading country ("us surgeon general" -> "surgeon general"); the key itself otherwise."""
    first, _, rest = key.partition(" ")
    known = gazetteer().get(first)
    if group == "PERSON" or known is None or known.type != "GPE" or len(rest.split()) < QUALIFIED_WORDS:
        return key
    return rest


def _clusters(mentions: list[Mention]) -> dict[str, list[Mention]]:
    clusters: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        clusters[_key(mention)].append(mention)
    return clusters


def _cluster_type(key: str, members: list[Mention]) -> str:
    """An in-article name's type: the gazetteer's if it knows the name, else its mentions' majority."""
    known = gazetteer().get(key)
    return known.type if known else Counter(m.type for m in members).most_common(1)[0][0]


def _compatible(parts: list[str], other: list[str]) -> bool:
    """Same surname (up to spelling) and, if both give them, agreeing given names.

    Two written-out given names agree if any pair is similar ("Tayyip" of "Recep Tayyip Erdogan") and not of
    different genders ("Eric" and "Erica");
    otherwise only the first given names are compared, by initial: "Stephen A. Smith" is not "A.J. Smith".
    """
    if fuzz.ratio(parts[-1], other[-1]) < PART_SIMILARITY + 8:
        return False
    if len(parts) == 1 or len(other) == 1:
        return True
    full, other_full = _full_given(parts), _full_given(other)
    if full and other_full:
        return any(fuzz.ratio(a, b) >= PART_SIMILARITY and not _other_gender(a, b) for a in full for b in other_full)
    return parts[0][0] == other[0][0]


def _other_gender(given: str, other: str) -> bool:
    """Two spellings close enough to be one name that the lexicon gives different genders: Eric and Erica,
    Daniel and Daniela, Louis and Louise are two people."""
    genders = {gender_of(given), gender_of(other)}
    return None not in genders and len(genders) == 2


def _full_given(parts: list[str]) -> list[str]:
    """The given names written out, not as initials ("aj" of "A.J." counts as initials)."""
    return [p for p in parts[:-1] if len(p) > INITIALS_MAX]


def _new_entity(entity_id: str, name: str, type_: str, countries: set[str]) -> Entity:
    known = gazetteer().get(fold(name))
    entity = Entity(id=entity_id, name=known.name if known else name, type=type_, country=known.country if known else None)
    place = geocode(entity.name, countries) if GROUPS.get(type_) == "PLACE" else None
    if place is not None:
        entity.country, entity.admin1, entity.lat, entity.lon = place.country, place.admin1, place.lat, place.lon
    return entity


def _named_speaker(statement: Statement, mentions: list[Mention]) -> Statement:
    """The speaker's entity id and canonical name, from the mention that is the speaker.

    "German Chancellor Angela Merkel" is Merkel, not the "German" mention inside the span; a group
    ("Republicans") or a seat of power ("the White House") keeps the article's own word as its name.
    """
    found = _speaker_mention(statement, mentions)
    if found is None:
        return statement
    keeps_word = found.type == "NORP" or fold(found.text) in seats()
    return statement.model_copy(update={"speaker": statement.speaker if keeps_word else found.name, "speaker_id": found.entity_id})


def _speaker_mention(statement: Statement, mentions: list[Mention]) -> Mention | None:
    """The mention inside the speaker span named like the speaker (or sharing its last word), else one of that name anywhere."""
    said = statement.speaker or statement.speaker_text
    if not said:
        return None
    key = fold(said)
    if statement.in_title:  # its offsets are the headline's: the body's actors are found by name
        return _mention_named(said, mentions) or _person_ending(key, mentions) or _person_compatible(key, mentions)
    start, end = statement.speaker_start, statement.speaker_end
    inside = [m for m in mentions if start is not None and end is not None and m.start < end and start < m.end]
    named = next((m for m in inside if key in (fold(m.text), fold(m.name or ""))), None)
    last = key.split()[-1] if key.split() else ""
    sharing = next((m for m in inside if last in fold(m.text).split() + fold(m.name or "").split()
                    and not _after_preposition(statement, m)), None)
    return named or sharing or _mention_named(said, mentions)


def _person_ending(key: str, mentions: list[Mention]) -> Mention | None:
    """The one person of the body whose name ends in the headline's words for the speaker ("De Blasio" of "Bill de Blasio")."""
    words = key.split()
    return _only_person([m for m in mentions if m.type == "PERSON" and words and fold(m.name or m.text).split()[-len(words):] == words])


def _person_compatible(key: str, mentions: list[Mention]) -> Mention | None:
    """The one person of the body with the headline's surname and agreeing given names ("Loretta Lynch" of "Loretta E. Lynch")."""
    words = key.split()
    return _only_person([m for m in mentions if m.type == "PERSON" and len(words) > 1 and _compatible(words, fold(m.name or m.text).split())])


def _only_person(candidates: list[Mention]) -> Mention | None:
    """The first candidate when all name one actor; none when they name several (two Clintons: no guess)."""
    return candidates[0] if len({m.entity_id or m.name for m in candidates}) == 1 else None


def _after_preposition(statement: Statement, mention: Mention) -> bool:
    """Whether the mention sits in a prepositional phrase of the speaker span: "observers in Ankara" and "a spokesman
    for President Erdogan" are not Ankara or Erdogan speaking, nor is the last of a list a preposition governs ("the
    foreign ministers of Russia, Turkey and Iran"); "the head of the agency, Mira Oduya" is Oduya (apposition)."""
    before = (statement.speaker_text or "")[:max(mention.start - (statement.speaker_start or 0), 0)]
    last = fold(before.rsplit(",", 1)[-1]).split()
    listed = any(word in LIST_WORDS for word in last)
    return any(word in PREPOSITIONS for word in (fold(before).split() if listed else last))


def _named_arguments(event: Event, mentions: list[Mention]) -> Event:
    """Actor and target keep the article's own words ("Erdogan", "the US") and gain the entity id of their canonical
    actor ("Ankara" -> Turkey's id); the location becomes the canonical name of the place it names."""
    update: dict[str, str] = {}
    if event.location and (place := _argument_name(event.location, "location", mentions)):
        update["location"] = place
    for field in ("actor", "target"):
        value, start, end = getattr(event, field), getattr(event, f"{field}_start"), getattr(event, f"{field}_end")
        name = _argument_name(value, field, mentions) if value else None
        found = _mention_named(name, mentions) or _mention_at(start, end, mentions) or _mention_named(value, mentions)
        if found is not None:
            update[f"{field}_id"] = found.entity_id
    return event.model_copy(update=update) if update else event


def _mention_at(start: int | None, end: int | None, mentions: list[Mention]) -> Mention | None:
    """The first mention overlapping the span, if any."""
    if start is None or end is None:
        return None
    return next((m for m in mentions if m.start < end and start < m.end), None)


def _mention_named(name: str | None, mentions: list[Mention]) -> Mention | None:
    """A mention whose text or canonical name is `name` (a pronoun speaker resolved by name to an actor of the article)."""
    if not name:
        return None
    key = fold(name)
    return next((m for m in mentions if key in (fold(m.text), fold(m.name or ""))), None)


def _argument_name(value: str, field: str, mentions: list[Mention]) -> str | None:
    """The canonical name of an event argument that is the text of a mention of this article."""
    key = fold(value)
    if field != "location" and key in seats():
        return seats()[key]
    same = [m for m in mentions if fold(m.text) == key and (field != "location" or m.role not in ("actor", "target"))]
    if same:
        return same[0].name
    known = gazetteer().get(key)
    return known.name if known and any(fold(m.text) == key for m in mentions) else None
