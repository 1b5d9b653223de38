"""What an article is about, as weighted terms: its content words and its canonical actors and places."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from newsgraph.model import Document

WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|\d+(?:[.,]\d+)?%?")
# Mention types whose canonical entity says what a story is about (actors and places).
ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"})
# Extra weight of a title word over a body word: the headline names the happening
# (benchmarks/stories dev split).
TITLE_WEIGHT = 2.0
# Weight of one mention of a canonical actor or place relative to one body word: a shared
# entity id survives paraphrase and translation of names (benchmarks/stories dev split).
ENTITY_WEIGHT = 1.5


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The function words and news furniture of data/link_stopwords.tsv."""
    text = resources.files("newsgraph.data").joinpath("link_stopwords.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def stem(word: str) -> str:
    """A crude plural-folding stem, enough to meet "bombing"/"bombings" and "toll"/"tolls"."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The content words of `text`, stemmed, without stopwords and one-letter tokens."""
    stop = stopwords()
    return [stem(w) for w in WORD.findall(text) if w.lower() not in stop and len(w) > 1]


def entity_key(mention) -> str:
    """The feature of a canonical actor or place: its run-wide id, else its folded name."""
    return "@" + (mention.entity_id or (mention.name or mention.text).lower())


def document_terms(document: Document) -> dict[str, float]:
    """Sublinear term weights of an article: body words, title words (weighted) and entities."""
    counts: Counter[str] = Counter(words(document.text))
    for word in words(document.title or ""):
        counts[word] += TITLE_WEIGHT
    for mention in document.entities:
        if mention.type in ENTITY_TYPES:
            counts[entity_key(mention)] += ENTITY_WEIGHT
    return {term: 1.0 + math.log(count) for term, count in counts.items() if count > 0}
