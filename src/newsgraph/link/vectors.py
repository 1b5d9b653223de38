"""TF-IDF cosine between articles as they arrive: an inverted index over their weighted terms.

IDF comes from the articles seen so far; stored norms are refreshed whenever the index doubles, so
early articles are not weighed with a stale vocabulary for long. The state is the articles' terms
and their norms (`snapshot`), so a restored index gives the same cosines as the one it was saved from.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class _Postings:
    """The articles holding one term, with the term's weight in each."""

    articles: array = field(default_factory=lambda: array("l"))
    weights: array = field(default_factory=lambda: array("d"))


class TermIndex:
    """Weighted term vectors of articles, numbered in arrival order, with IDF over those seen so far."""

    def __init__(self) -> None:
        self.terms: list[dict[str, float]] = []
        self._postings: dict[str, _Postings] = {}
        self._df: Counter[str] = Counter()
        self._norms = array("d")

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, terms: dict[str, float]) -> int:
        """Index one article's terms; return its number."""
        number = len(self.terms)
        self._post(number, terms)
        if number & (number + 1) == 0:  # the index just doubled: refresh every norm with the new IDF
            self.refresh()
        else:
            self._norms.append(self._norm(terms))
        return number

    def refresh(self) -> None:
        """Every stored norm recomputed with the current IDF, so each pair's cosine is the same from either side."""
        self._norms = array("d", (self._norm(t) for t in self.terms))

    def similar(self, terms: dict[str, float], floor: float) -> list[tuple[int, float]]:
        """Indexed articles whose cosine similarity with `terms` reaches `floor`, with that similarity."""
        if not self.terms:
            return []
        weights = self.weights(terms)
        scores = np.zeros(len(self.terms))
        for term, weight in weights.items():
            postings = self._postings.get(term)
            if postings is not None:
                articles = np.frombuffer(postings.articles, dtype=np.int64)
                scores[articles] += np.frombuffer(postings.weights) * (weight * self._idf(term))
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        scores /= norm * np.frombuffer(self._norms)
        found = np.flatnonzero(scores >= floor)
        return [(int(i), float(scores[i])) for i in found]

    def cosine(self, first: int, second: int) -> float:
        """Cosine of two indexed articles with the current IDF."""
        a, b = self.weights(self.terms[first]), self.weights(self.terms[second])
        dot = sum(w * b[t] for t, w in a.items() if t in b)
        return dot / ((math.sqrt(sum(w * w for w in a.values())) or 1.0) * (math.sqrt(sum(w * w for w in b.values())) or 1.0))

    def weights(self, terms: dict[str, float]) -> dict[str, float]:
        """TF-IDF weights of a term vector under the current IDF."""
        return {term: weight * self._idf(term) for term, weight in terms.items()}

    def snapshot(self) -> dict[str, Any]:
        """The index as plain data: each article's terms and its stored norm."""
        return {"terms": self.terms, "norms": list(self._norms)}

    @classmethod
    def restore(cls, data: dict[str, Any]) -> TermIndex:
        """The index a `snapshot` describes."""
        index = cls()
        for number, terms in enumerate(data["terms"]):
            index._post(number, terms)
        index._norms = array("d", data["norms"])
        return index

    def _post(self, number: int, terms: dict[str, float]) -> None:
        self.terms.append(terms)
        for term, weight in terms.items():
            postings = self._postings.setdefault(term, _Postings())
            postings.articles.append(number)
            postings.weights.append(weight)
            self._df[term] += 1

    def _idf(self, term: str) -> float:
        return math.log((len(self.terms) + 1) / (self._df[term] + 1)) + 1.0

    def _norm(self, terms: dict[str, float]) -> float:
        return math.sqrt(sum(w * w for w in self.weights(terms).values())) or 1.0
