"""One name per actor inside an article: aliases, short forms, acronyms, seats of power and demonyms.

"Alexander Gurov", "Gurov" and "General Gurov" all get the name "Alexander Gurov"; "Ankara said"
gets "Turkey"; "Turkish troops" gets "Turkey" too. Across articles, `newsgraph.resolve` links names.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.extract.entity_lexicon import Known, countries, fold, gazetteer, seats
from newsgraph.extract.statement_lexicon import gender_of
from newsgraph.model import Mention

STATE_ROLES = ("actor", "target")
SKIPPED_IN_ACRONYMS = frozenset({"of", "the", "and", "for", "in", "on", "al"})


def name_mentions(mentions: list[Mention], titled: Sequence[str | None] | None = None) -> list[Mention]:
    """The mentions with their in-article canonical name, and type and country where the lexicons know better.

    `titled` gives, per mention, the gender its title shows ("Mr." Obama: "m"), so that a short name
    never takes the full name of a namesake of the other gender ("Michelle Obama").
    """
    named = [_named(m) for m in mentions]
    named = _expand_short_person_names(named, titled or [None] * len(named))
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


def _expand_short_person_names(mentions: list[Mention], titled: Sequence[str | None]) -> list[Mention]:
    """"Gurov" and "General Gurov" -> "Alexander Gurov": the nearest fuller person name sharing the surname
    and, when a title shows the gender, a given name of that gender or of none known."""
    full = [(i, fold(m.name or m.text).split()) for i, m in enumerate(mentions) if m.type == "PERSON"]
    full = [(i, tokens) for i, tokens in full if len(tokens) > 1]
    unnamed = _unnamed_namesakes(mentions, titled, full)
    named = []
    for i, mention in enumerate(mentions):
        if titled[i] is None and _surname(mention) in unnamed:
            named.append(mention)  # "President Obama" beside "Mr. Obama" and "Michelle Obama" may be either
        else:
            fitting = full if titled[i] is None else [(j, names) for j, names in full if _may_be(names, titled[i])]
            named.append(_expanded(i, mention, mentions, fitting))
    return named


def _unnamed_namesakes(mentions: list[Mention], titled: Sequence[str | None], full: list[tuple[int, list[str]]]) -> set[str]:
    """Surnames a title gives to someone no full name fits ("Mr. Obama" beside "Michelle Obama" only):
    the surname without a title may be either person, so it keeps its own name."""
    return {_surname(m) for m, gender in zip(mentions, titled)
            if gender and not any(names[-1] == _surname(m) and _may_be(names, gender) for _, names in full)}


def _surname(mention: Mention) -> str:
    words = fold(mention.name or mention.text).split()
    return words[-1] if words else ""


def _may_be(names: list[str], gender: str) -> bool:
    """Whether a full name may belong to someone a title shows to be of this gender."""
    return gender_of(names[0]) in (gender, None)


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
