"""Exact and near-duplicate articles (syndicated copies), found incrementally with MinHash LSH.

The index is part of a store's corpus state (`snapshot`/`restore`), so a copy that arrives in a
later run than its original is still marked as a copy and does not count as a second outlet.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

# Jaccard similarity of word 3-gram shingles above which two articles are copies of one text.
# Syndicated copies with a changed phrase or two score 0.75-0.95; distinct reports on one story
# stay well under 0.5 (tests/ingest/test_dedup.py holds both kinds).
NEAR_DUPLICATE_THRESHOLD = 0.7
_PERMUTATIONS = 128
_SCHEME = "affine32"  # named, so that signatures kept in a store stay comparable whatever datasketch's default becomes
_SHINGLE = 3
_WORD = re.compile(r"\w+")


class DuplicateIndex:
    """Remembers the articles seen so far and names the first copy of each new one."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self._exact: dict[str, str] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=_PERMUTATIONS)
        self._hashes: dict[str, MinHash] = {}
        self._first: dict[str, str] = {}  # each indexed article -> the first copy of its text
        self._rank: dict[str, int] = {}  # insertion order, to find the earliest copy
        self._threshold = threshold

    def add(self, doc_id: str, text: str) -> str | None:
        """Index an article; return the id of the earlier article it copies, if any."""
        key = hashlib.sha1(" ".join(_WORD.findall(text.lower())).encode()).hexdigest()
        if key in self._exact:
            return self._exact[key]
        self._exact[key] = doc_id
        signature = minhash(text)
        original = self._earliest_copy(signature)
        if doc_id not in self._hashes:
            self._index(doc_id, signature, original or doc_id)
        return original

    def snapshot(self) -> dict[str, Any]:
        """The index as plain JSON-ready data: text keys, and each article's signature with its first copy."""
        return {"exact": self._exact, "first": self._first,
                "signatures": {doc_id: _pack(signature) for doc_id, signature in self._hashes.items()}}

    @classmethod
    def restore(cls, data: dict[str, Any]) -> DuplicateIndex:
        """The index a `snapshot` describes, ready to take more articles."""
        index = cls()
        index._exact = dict(data["exact"])
        for doc_id, packed in data["signatures"].items():  # in insertion order, which ranks the copies
            index._index(doc_id, _unpack(packed), data["first"][doc_id])
        return index

    def _index(self, doc_id: str, signature: MinHash, first: str) -> None:
        self._lsh.insert(doc_id, signature)
        self._hashes[doc_id] = signature
        self._first[doc_id] = first
        self._rank[doc_id] = len(self._rank)

    def _earliest_copy(self, signature: MinHash) -> str | None:
        """The first copy of the earliest indexed article similar enough to be the same text."""
        similar = [c for c in self._lsh.query(signature) if self._hashes[c].jaccard(signature) >= self._threshold]
        return self._first[min(similar, key=self._rank.__getitem__)] if similar else None


def minhash(text: str) -> MinHash:
    """MinHash signature of the text's word 3-gram shingles (lowercased)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + _SHINGLE]) for i in range(max(len(words) - _SHINGLE + 1, 1))}
    signature = MinHash(num_perm=_PERMUTATIONS, scheme=_SCHEME)
    signature.update_batch(s.encode() for s in shingles)
    return signature


def _pack(signature: MinHash) -> str:
    return base64.b64encode(signature.hashvalues.astype("<u4").tobytes()).decode("ascii")


def _unpack(packed: str) -> MinHash:
    return MinHash(num_perm=_PERMUTATIONS, scheme=_SCHEME, hashvalues=np.frombuffer(base64.b64decode(packed), dtype="<u4"))
