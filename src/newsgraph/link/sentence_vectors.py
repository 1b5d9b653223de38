"""Cheap sentence vectors for claims: IDF-weighted sums of static word-piece vectors distilled from MiniLM.

data/claim_vectors.npz (training/claim_vectors/train.py) holds one vector per word piece of
all-MiniLM-L6-v2's vocabulary. A text is split as the model splits it (lower case, accents off,
punctuation apart, longest pieces first); each piece weighs its IDF over the texts encoded together,
so "the" and "said" count for little and "ferry" or "Kafoury" for much. The direction all news
sentences share is taken out, so that similarity is about what two sentences say.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np

WORD = re.compile(r"\w+|[^\w\s]")
# Longest word split into pieces; longer ones are noise (URLs, hashes).
LONGEST_WORD = 40


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """(piece -> row, vectors, common direction) of data/claim_vectors.npz, loaded once per process."""
    with resources.files("newsgraph.data").joinpath("claim_vectors.npz").open("rb") as handle:
        data = np.load(handle)
        pieces, vectors, common = data["pieces"], data["vectors"].astype(np.float32), data["common"].astype(np.float32)
    return {str(p): i for i, p in enumerate(pieces)}, vectors, common


@lru_cache(maxsize=65536)
def pieces(word: str) -> tuple[int, ...]:
    """The rows of a word's pieces, longest first as MiniLM's tokenizer splits it (none if it cannot be split)."""
    rows, found, start = table()[0], [], 0
    while start < len(word):
        end = len(word)
        while end > start and (("##" if start else "") + word[start:end]) not in rows:
            end -= 1
        if end == start:
            return ()
        found.append(rows[("##" if start else "") + word[start:end]])
        start = end
    return tuple(found)


def text_pieces(text: str) -> list[int]:
    """The piece rows of a text, in order."""
    folded = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")
    return [row for word in WORD.findall(folded) if len(word) <= LONGEST_WORD for row in pieces(word)]


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """Unit-length vectors of `texts`, one row each, pieces weighted by their IDF over `texts`."""
    split = [text_pieces(t) for t in texts]
    frequency = Counter(row for rows in split for row in set(rows))
    _, vectors, _ = table()
    matrix = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    for k, rows in enumerate(split):
        if rows:
            weights = np.array([math.log((len(texts) + 1) / (frequency[r] + 1)) + 1.0 for r in rows], dtype=np.float32)
            matrix[k] = weights @ vectors[rows]
    matrix, common = _unit(matrix), table()[2]
    return _unit(matrix - np.outer(matrix @ common, common))


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)
