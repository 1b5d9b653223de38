"""Stories: articles reporting the same happening, across outlets and days, grouped as they arrive.

Each article is a TF-IDF vector over its content words and its canonical actors and places
(`words.document_terms`). A new article joins the story of its most similar earlier article when
their cosine similarity, discounted by how far apart their days are (`dates.closeness`), reaches
`JOIN_THRESHOLD`; otherwise it starts a story. Nothing is re-clustered: a story id, once given,
stays. IDF comes from the articles seen so far; stored norms are refreshed whenever the index
doubles, so early articles are not weighed with a stale vocabulary for long. `link_corpus` feeds
the articles in a canonical order (publication date, id), which makes its stories independent
of input order; a stream depends on its order only through ties and the IDF of its first articles.
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsgraph.link.dates import closeness, document_days
from newsgraph.link.words import document_terms
from newsgraph.model import Document, Story

# Discounted cosine similarity at which an article joins a story (benchmarks/stories dev split:
# the weakest link inside a story scores 0.197, the strongest across look-alike stories 0.10; the middle).
JOIN_THRESHOLD = 0.15
# Mention types counted as a story's actors and as its places.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# How many central actors and places a story lists.
CENTRAL = 5


@dataclass
class _Article:
    """What the index keeps of one article."""

    document: Document
    terms: dict[str, float]
    days: tuple[int, ...]
    story: int


@dataclass
class _Postings:
    """The articles holding one term, with the term's weight in each."""

    articles: array = field(default_factory=lambda: array("l"))
    weights: array = field(default_factory=lambda: array("d"))


class StoryIndex:
    """Assigns each article to a story as articles arrive (see the module docstring)."""

    def __init__(self, threshold: float = JOIN_THRESHOLD) -> None:
        self.threshold = threshold
        self._articles: list[_Article] = []
        self._by_id: dict[str, int] = {}
        self._postings: dict[str, _Postings] = {}
        self._df: Counter[str] = Counter()
        self._norms = array("d")
        self._members: list[list[int]] = []

    def add(self, document: Document) -> Document:
        """The document with `story` set: the story it joins, or a new one it starts."""
        if document.id in self._by_id:
            return document.model_copy(update={"story": self._story_id(self._articles[self._by_id[document.id]].story)})
        terms, days = document_terms(document), document_days(document)
        original = self._by_id.get(document.duplicate_of or "")
        story = self._articles[original].story if original is not None else self._best_story(terms, days)
        if story is None:
            story = len(self._members)
            self._members.append([])
        self._index(_Article(document, terms, days, story))
        return document.model_copy(update={"story": self._story_id(story)})

    @property
    def stories(self) -> list[Story]:
        """Every story so far, in the order they started."""
        return [self._story(number) for number in range(len(self._members))]

    def _idf(self, term: str) -> float:
        total = len(self._articles)
        return math.log((total + 1) / (self._df[term] + 1)) + 1.0

    def _weights(self, terms: dict[str, float]) -> dict[str, float]:
        return {term: weight * self._idf(term) for term, weight in terms.items()}

    def _best_story(self, terms: dict[str, float], days: tuple[int, ...]) -> int | None:
        """The story of the most similar earlier article, if similar enough; ties go to the older story."""
        scored = [(similarity * closeness(days, self._articles[article].days), -self._articles[article].story)
                  for article, similarity in self._similar(terms)]
        best = max((s for s in scored if s[0] >= self.threshold), default=None)
        return -best[1] if best else None

    def _similar(self, terms: dict[str, float]) -> list[tuple[int, float]]:
        """Earlier articles whose cosine similarity with `terms` reaches the threshold."""
        if not self._articles:
            return []
        weights = self._weights(terms)
        scores = np.zeros(len(self._articles))
        for term, weight in weights.items():
            postings = self._postings.get(term)
            if postings is not None:
                articles = np.frombuffer(postings.articles, dtype=np.int64)
                scores[articles] += np.frombuffer(postings.weights) * (weight * self._idf(term))
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        scores /= norm * np.frombuffer(self._norms)
        found = np.flatnonzero(scores >= self.threshold)
        return [(int(i), float(scores[i])) for i in found]

    def _index(self, article: _Article) -> None:
        number = len(self._articles)
        self._articles.append(article)
        self._by_id[article.document.id] = number
        self._members[article.story].append(number)
        for term, weight in article.terms.items():
            postings = self._postings.setdefault(term, _Postings())
            postings.articles.append(number)
            postings.weights.append(weight)
            self._df[term] += 1
        if number & (number + 1) == 0:  # the index just doubled: refresh every norm with the new IDF
            self._norms = array("d", (self._norm(a.terms) for a in self._articles))
        else:
            self._norms.append(self._norm(article.terms))

    def _norm(self, terms: dict[str, float]) -> float:
        return math.sqrt(sum(w * w for w in self._weights(terms).values())) or 1.0

    def _story_id(self, number: int) -> str:
        """A stable id: a hash of the id of the story's first article."""
        first = self._articles[self._members[number][0]].document.id
        return "s-" + hashlib.sha1(first.encode()).hexdigest()[:12]

    def _story(self, number: int) -> Story:
        articles = [self._articles[i] for i in self._members[number]]
        documents = [a.document for a in articles]
        days = [d.published for d in documents if d.published]
        return Story(id=self._story_id(number), documents=list(dict.fromkeys(d.id for d in documents)),
                     headline=_central(articles, self._weights).document.title,
                     first_date=min(days, default=None), last_date=max(days, default=None),
                     outlets=sorted({d.outlet for d in documents if d.outlet}),
                     actors=_names(documents, ACTOR_TYPES), places=_names(documents, PLACE_TYPES))


def _central(articles: list[_Article], weigh) -> _Article:
    """The article closest to the story's centroid (the first one on a tie); titled articles first."""
    vectors = [_unit(weigh(a.terms)) for a in articles]
    centroid: Counter[str] = Counter()
    for vector in vectors:
        centroid.update(vector)
    scores = [(a.document.title is not None, sum(w * centroid[t] for t, w in v.items())) for a, v in zip(articles, vectors)]
    return articles[max(range(len(articles)), key=lambda i: (scores[i], -i))]


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _names(documents: list[Document], types: frozenset[str]) -> list[str]:
    """The canonical names mentioned in the most articles of a story (then most often)."""
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for document in documents:
        names = [m.name or m.text for m in document.entities if m.type in types]
        articles.update(set(names))
        mentions.update(names)
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))
    return ranked[:CENTRAL]


def canonical_order(documents: list[Document]) -> list[Document]:
    """Originals by publication date then id, copies after them: the order that makes linking order-free."""
    return sorted(documents, key=lambda d: (d.duplicate_of is not None, d.published or date.max, d.id))
