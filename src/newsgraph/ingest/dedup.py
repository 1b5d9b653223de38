"""Exact and near-duplicate articles (syndicated copies), found incrementally with MinHash LSH."""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

# Jaccard similarity of word 3-gram shingles above which two articles are copies of one text.
# Syndicated copies with a changed phrase or two score 0.75-0.95; distinct reports on one story
# stay well under 0.5 (tests/ingest/test_dedup.py holds both kinds).
NEAR_DUPLICATE_THRESHOLD = 0.7
_PERMUTATIONS = 128
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
            self._lsh.insert(doc_id, signature)
            self._hashes[doc_id] = signature
            self._first[doc_id] = original or doc_id
            self._rank[doc_id] = len(self._rank)
        return original

    def _earliest_copy(self, signature: MinHash) -> str | None:
        """The first copy of the earliest indexed article similar enough to be the same text."""
        similar = [c for c in self._lsh.query(signature) if self._hashes[c].jaccard(signature) >= self._threshold]
        return self._first[min(similar, key=self._rank.__getitem__)] if similar else None


def minhash(text: str) -> MinHash:
    """MinHash signature of the text's word 3-gram shingles (lowercased)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + _SHINGLE]) for i in range(max(len(words) - _SHINGLE + 1, 1))}
    signature = MinHash(num_perm=_PERMUTATIONS)
    signature.update_batch(s.encode() for s in shingles)
    return signature
