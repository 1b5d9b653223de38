"""A person's search parsed into a safe full-text query: words, "phrases", prefix*, and OR.

Words next to each other must all match; `OR` between two terms lets either match (`PKK OR TAK`);
a quoted phrase matches its words in order; a word ending in `*` matches as a prefix, and so does
the last word while the user is still typing it; a word or phrase after a minus (`-regulator`)
must not match. Only the words (`\\w+` runs) of the user's text
reach the FTS5 expression, each quoted, so no user text is ever read as FTS5 syntax. The parsed
query is plain data, so any store (SQLite FTS5 here, another engine elsewhere) can build its own
expression from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.errors import QueryError
from newsgraph.extract.entity_lexicon import fold

# The longest search a user can ask for: SQLite's FTS5 query parser nests one level per word
# (about 1,000 words overflow it) and LIKE refuses patterns over 50,000 bytes; a person's search
# is a few words (benchmarks/web.py searches with up to 6).
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 32
_TOKEN = re.compile(r'-?"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
OR = "OR"


@dataclass(frozen=True)
class Term:
    """One word or one phrase (its words in order); `prefix`: its last word may continue."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class SearchQuery:
    """Groups that must all match; within a group, any one term is enough; no `excluded` term may match."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def words(self) -> list[str]:
        """Every word of the query, in order (the excluded ones last)."""
        return [w for group in self.groups for term in group for w in term.words] + [
            w for term in self.excluded for w in term.words]


def parse(text: str) -> SearchQuery:
    """A user's search as a SearchQuery; QueryError when it is longer than a person's search can be."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"search is {len(text):,} characters long; at most {MAX_QUERY_CHARS} are allowed")
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joined = False
    for match in _TOKEN.finditer(text):
        phrase, bare = match.groups()
        if bare == OR:
            joined = bool(groups)
            continue
        negated = match.group(0).startswith("-")
        term = _term(phrase if phrase is not None else bare, phrase is None)
        if term is None:
            continue
        if negated:
            excluded.append(term)
        else:
            groups[-1].append(term) if joined else groups.append([term])
        joined = False
    if not excluded or not _ends_with(excluded[-1], text):
        groups = _typing_prefix(groups, text)
    query = SearchQuery(tuple(tuple(g) for g in groups), tuple(excluded))
    if len(query.words()) > MAX_QUERY_WORDS:
        raise QueryError(f"search has {len(query.words())} words; at most {MAX_QUERY_WORDS} are allowed")
    return query


def _term(text: str, bare: bool) -> Term | None:
    """The term of one token: its words; a bare token ending in * is a prefix."""
    words = tuple(_WORD.findall(text))
    return Term(words, prefix=bare and text.endswith("*")) if words else None


def _ends_with(term: Term, text: str) -> bool:
    """Whether `text` ends with the last word of `term` (that term was typed last)."""
    return text.rstrip('"').endswith(term.words[-1])


def _typing_prefix(groups: list[list[Term]], text: str) -> list[list[Term]]:
    """The last word as a prefix while the user is still typing it (no space or quote after it)."""
    if groups and text[-1:].isalnum():
        groups[-1][-1] = Term(groups[-1][-1].words, prefix=True)
    return groups


def fts5(query: SearchQuery) -> str | None:
    """The query as an FTS5 MATCH expression built only from quoted words; None when it has no word."""
    if not query.groups:
        return None
    wanted = " AND ".join("(" + " OR ".join(_fts5_term(t) for t in group) + ")" for group in query.groups)
    if not query.excluded:
        return wanted
    return f"({wanted}) NOT (" + " OR ".join(_fts5_term(t) for t in query.excluded) + ")"


def _fts5_term(term: Term) -> str:
    quoted = '"' + " ".join(term.words).replace('"', '""') + '"'
    return quoted + "*" if term.prefix else quoted


def with_spellings(query: SearchQuery, spellings: list[str]) -> SearchQuery:
    """The query with each word's other spellings among `spellings` (actors' names and aliases) as alternatives.

    The full-text index folds accents but not letters of their own: "Yildirak" finds "Yıldırak" only
    when the store knows an actor written both ways.
    """
    known: dict[str, set[str]] = {}
    for spelling in spellings:
        for word in _WORD.findall(spelling):
            known.setdefault(fold(word), set()).add(word.lower())
    groups = []
    for group in query.groups:
        terms = list(group)
        for term in group:
            terms += [Term(term.words[:i] + (other,) + term.words[i + 1:], term.prefix)
                      for i, word in enumerate(term.words) for other in sorted(_others(word, term.prefix, known))]
        groups.append(tuple(dict.fromkeys(terms)))
    return SearchQuery(tuple(groups), query.excluded)


def _others(word: str, prefix: bool, known: dict[str, set[str]]) -> set[str]:
    """The spellings of `word` that differ from it (for a prefix, of the words it begins)."""
    key = fold(word)
    found = {w for k, words in known.items() if (k.startswith(key) if prefix else k == key) for w in words}
    return found - {word.lower()}
