"""One name per actor inside an article: aliases, short forms, acronyms, seats of power and demonyms.

"Alexander Gurov", "Gurov" and "General Gurov" all get the name "Alexander Gurov"; "Ankara said"
gets "Turkey"; "Turkish troops" gets "Turkey" too. Across articles, `newsgraph.resolve` links names.
"""

from __future__ import annotations

from newsgraph.extract.entity_lexicon import Known, countries, fold, gazetteer, seats
from newsgraph.model import Mention

STATE_ROLES = ("actor", "target")
SKIPPED_IN_ACRONYMS = frozenset({"of", "the", "and", "for", "in", "on", "al"})


def name_mentions(mentions: list[Mention]) -> list[Mention]:
    """The mentions with their in-article canonical name, and type and country where the lexicons know better."""
    named = [_named(m) for m in mentions]
    named = _expand_short_person_names(named)
    return _expand_acronyms(named)


def _named(mention: Mention) -> Mention:
    """Gazetteer name and type, then the state a seat of power or demonym stands for."""
    known = gazetteer().get(fold(mention.text))
    name = known.name if known else mention.text
    type_ = known.type if known and not (mention.type in ("GPE", "LOC") and known.type in ("GPE", "LOC")) else mention.type
    country = mention.country or (known.country if known else None)
    if mention.type == "NORP" and mention.country:
        name = countries()[mention.country].name
    elif mention.role in STATE_ROLES and type_ in ("GPE", "ORG", "FAC") and fold(name) in seats():
        name = seats()[fold(name)]
        country = _country_of(name)
    return mention.model_copy(update={"name": name, "type": type_, "country": country})


def _country_of(name: str) -> str | None:
    known: Known | None = gazetteer().get(fold(name))
    return known.country if known else None


def _expand_short_person_names(mentions: list[Mention]) -> list[Mention]:
    """"Gurov" and "General Gurov" -> "Alexander Gurov": the nearest fuller person name sharing the surname."""
    full = [(i, fold(m.name or m.text).split()) for i, m in enumerate(mentions) if m.type == "PERSON"]
    full = [(i, tokens) for i, tokens in full if len(tokens) > 1]
    return [_expanded(i, m, mentions, full) for i, m in enumerate(mentions)]


def _expanded(i: int, mention: Mention, mentions: list[Mention], full: list[tuple[int, list[str]]]) -> Mention:
    tokens = fold(mention.name or mention.text).split()
    if mention.type not in ("PERSON", "ORG", "NORP", "GPE") or len(tokens) > 2 or _is_known_non_person(mention):
        return mention
    longer = [j for j, names in full if len(names) > len(tokens) and names[-1] == tokens[-1] and set(tokens) <= set(names)]
    if not longer:
        return mention
    nearest = max((j for j in longer if j < i), default=min(longer))
    return mention.model_copy(update={"name": mentions[nearest].name, "type": "PERSON"})


def _is_known_non_person(mention: Mention) -> bool:
    known = gazetteer().get(fold(mention.text))
    return (known is not None and known.type != "PERSON") or mention.name != mention.text and mention.type != "PERSON"


def _expand_acronyms(mentions: list[Mention]) -> list[Mention]:
    """"SOHR" after "Syrian Observatory for Human Rights" takes the full name."""
    by_initials = {_initials(m.name or m.text): m.name for m in mentions if m.type == "ORG" and " " in (m.name or "")}
    return [_with_full_name(m, by_initials) for m in mentions]


def _with_full_name(mention: Mention, by_initials: dict[str, str | None]) -> Mention:
    text = mention.text
    if not (text.isupper() and 2 <= len(text) <= 6 and mention.name == text and text in by_initials):
        return mention
    return mention.model_copy(update={"name": by_initials[text], "type": "ORG"})


def _initials(name: str) -> str:
    return "".join(w[0].upper() for w in name.replace("-", " ").split() if w.lower() not in SKIPPED_IN_ACRONYMS)
