"""Score the link stage on benchmarks/stories: stories (B-cubed), claims (pairwise), blame, speed.

Run: .venv/bin/python benchmarks/stories/score.py
The articles go through the real pipeline (`extract_documents`), so the numbers reflect whatever
the statement, event and actor extractors give today. Dev and held-out splits are scored apart
(tune only on dev); the TF-IDF baseline is single-link clustering of word TF-IDF vectors at its
best threshold for that split (an oracle choice it would not have in practice).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from newsgraph.link import link_corpus
from newsgraph.link.stories import StoryIndex, canonical_order
from newsgraph.link.words import stem, words
from newsgraph.model import Document
from newsgraph.nlp import load_pipeline
from newsgraph.pipeline import Options, extract_documents

HERE = Path(__file__).parent
SPEED_ARTICLES = 1000
# Days between replicas of the corpus in the speed run, so each replica is its own set of happenings.
REPLICA_SHIFT = 90


def load(name: str, folder: Path = HERE) -> list[dict]:
    return [json.loads(line) for line in (folder / name).read_text().splitlines() if line.strip()]


def keyed_documents(folder: Path = HERE) -> dict[str, Document]:
    """The benchmark articles of `folder` through the real pipeline, by their gold key."""
    articles = load("articles.jsonl", folder)
    documents = extract_documents([str(folder / "articles.jsonl")], Options(jobs=1))
    return {articles[int(d.source.rsplit(" ", 1)[1]) - 1]["key"]: d for d in documents}


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    precision = recall = 0.0
    for item in predicted:
        same_predicted = {i for i in predicted if predicted[i] == predicted[item]}
        same_gold = {i for i in predicted if gold[i] == gold[item]}
        both = len(same_predicted & same_gold)
        precision += both / len(same_predicted)
        recall += both / len(same_gold)
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def tfidf_baseline(documents: dict[str, Document], gold: dict[str, str]) -> tuple[float, float, tuple[float, float, float]]:
    """Single-link clustering of word TF-IDF vectors, at the threshold best for this split."""
    keys = sorted(documents)
    vocabulary: dict[str, int] = {}
    rows = [[vocabulary.setdefault(w, len(vocabulary)) for w in words(f"{documents[k].title or ''} {documents[k].text}")] for k in keys]
    counts = np.zeros((len(keys), len(vocabulary)))
    for row, terms in enumerate(rows):
        np.add.at(counts[row], terms, 1.0)
    idf = np.log((len(keys) + 1) / ((counts > 0).sum(axis=0) + 1)) + 1
    vectors = np.where(counts > 0, 1 + np.log(np.maximum(counts, 1)), 0) * idf
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = vectors @ vectors.T
    best = (0.0, 0.0, (0.0, 0.0, 0.0))
    for threshold in np.arange(0.05, 0.6, 0.01):
        labels = _components(similarity >= threshold)
        scores = bcubed({k: str(labels[i]) for i, k in enumerate(keys)}, gold)
        best = max(best, (scores[2], float(threshold), scores), key=lambda b: b[0])
    return best


def _components(adjacent: np.ndarray) -> list[int]:
    labels = list(range(len(adjacent)))
    for i, j in zip(*np.nonzero(adjacent)):
        a, b = _root(labels, int(i)), _root(labels, int(j))
        labels[max(a, b)] = min(a, b)
    return [_root(labels, i) for i in range(len(labels))]


def _root(labels: list[int], i: int) -> int:
    while labels[i] != i:
        i = labels[i]
    return i


def item_spans(documents: dict[str, Document], group: dict) -> list[tuple[str, int, int]]:
    """(document id, start, end) of each gold item of a claim group."""
    spans = []
    for item in group["items"]:
        document = documents[item["key"]]
        start = document.text.index(item["text"])
        spans.append((document.id, start, start + len(item["text"])))
    return spans


def score_claims(documents: dict[str, Document], groups: list[dict], claims) -> dict[str, float]:
    """Pairwise claim matching over gold items (an item is the predicted side overlapping it), and agreement accuracy."""
    gold_items = [(g, span) for g, group in enumerate(groups) for span in item_spans(documents, group)]
    claim_of = {}
    for number, (_, (doc, start, end)) in enumerate(gold_items):
        for claim in claims:
            if any(s.document == doc and s.start < end and start < s.end for s in claim.sides if s.kind != "blame"):
                claim_of[number] = claim.id
                break
    pairs = [(a, b) for a, b in itertools.combinations(range(len(gold_items)), 2) if gold_items[a][1][0] != gold_items[b][1][0]]
    gold_pairs = {p for p in pairs if gold_items[p[0]][0] == gold_items[p[1]][0]}
    predicted_pairs = {p for p in pairs if p[0] in claim_of and claim_of.get(p[0]) == claim_of.get(p[1])}
    hits = len(gold_pairs & predicted_pairs)
    precision = hits / len(predicted_pairs) if predicted_pairs else 0.0
    recall = hits / len(gold_pairs) if gold_pairs else 0.0
    by_id = {c.id: c for c in claims}
    correct = 0
    for g, group in enumerate(groups):
        found = [claim_of[n] for n, (gg, _) in enumerate(gold_items) if gg == g and n in claim_of]
        best = Counter(found).most_common(1)[0][0] if found else None  # ties: the first found, whatever the hash seed
        correct += bool(best and by_id[best].agreement == group["agreement"])
    return {"P": precision, "R": recall, "F1": f1(precision, recall), "agreement": correct / len(groups)}


def same_actor(gold: dict, predicted: str) -> bool:
    """A predicted blamed name is the gold actor when they share a word stem (or a listed other name)."""
    names = [gold["blamed"], *gold.get("also", [])]
    found = {stem(w)[:5] for w in words(predicted)}
    return any({stem(w)[:5] for w in words(name)} & found for name in names)


def score_blame(documents: dict[str, Document], gold: dict[str, dict], attributions) -> dict[str, float]:
    """Accuracy: gold attributions found with the same actor and the same kind of word; precision of what was found."""
    violent = {g["story"] for g in gold.values() if g["blame"]}
    keys = [k for k in documents if gold[k]["story"] in violent]
    expected = sum(len(gold[k]["blame"]) for k in keys)
    found = correct = right = 0
    for key in keys:
        mine = [b for b in attributions if b.document == documents[key].id]
        found += len(mine)
        correct += sum(any(same_actor(g, b.blamed_name) and b.source == g["kind"] for b in mine) for g in gold[key]["blame"])
        right += sum(any(same_actor(g, b.blamed_name) and b.source == g["kind"] for g in gold[key]["blame"]) for b in mine)
    return {"accuracy": correct / expected if expected else 0.0, "precision": right / found if found else 0.0, "gold": expected}


def order_free(documents: list[Document]) -> bool:
    """True when shuffled input gives the same stories."""
    first = {d.id: d.story for d in link_corpus(documents).documents}
    shuffled = documents[:]
    random.Random(7).shuffle(shuffled)
    return first == {d.id: d.story for d in link_corpus(shuffled).documents}


def replicas(documents: list[Document], total: int) -> list[Document]:
    """`total` articles: copies of the corpus moved REPLICA_SHIFT days apart, a paragraph dropped at random."""
    chance = random.Random(1)
    out = []
    for copy in itertools.count():
        for document in documents:
            if len(out) == total:
                return out
            out.append(_moved(document, copy, chance))
    return out


def _moved(document: Document, copy: int, chance: random.Random) -> Document:
    shift = timedelta(days=REPLICA_SHIFT * copy)
    events = [e.model_copy(update={"date": _shifted(e.date, shift)}) for e in document.events]
    title = f"{document.title} ({copy})" if copy and chance.random() < 0.5 else document.title
    return document.model_copy(update={"id": f"{document.id}-{copy}", "title": title, "events": events,
                                       "published": document.published + shift if document.published else None})


def _shifted(value: str | None, shift: timedelta) -> str | None:
    try:
        return (date.fromisoformat(value[:10]) + shift).isoformat() + value[10:] if value else value
    except ValueError:
        return value


def speed(documents: list[Document]) -> None:
    """Seconds to link 1,000 articles on one core, next to the bare spaCy pass over their texts."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    many = replicas(documents, SPEED_ARTICLES)
    link_corpus(many[:20])  # warm up: the claim vectors load once per process
    start = time.perf_counter()
    index = StoryIndex()
    for document in canonical_order(many):
        index.add(document)
    stories_seconds = time.perf_counter() - start
    start = time.perf_counter()
    linked = link_corpus(many)
    link_seconds = time.perf_counter() - start
    start = time.perf_counter()
    list(load_pipeline().pipe([d.text for d in many]))
    spacy_seconds = time.perf_counter() - start
    print(f"speed, {len(many)} articles, one core: stories {stories_seconds:.1f}s, whole link stage {link_seconds:.1f}s "
          f"({len(linked.stories)} stories, {len(linked.claims)} claims); bare spaCy pass {spacy_seconds:.1f}s "
          f"(link / spaCy = {link_seconds / spacy_seconds:.2f})")


def main() -> None:
    documents = keyed_documents()
    gold = {g["key"]: g for g in load("gold.jsonl")}
    groups = load("claims.jsonl")
    for split in ("dev", "heldout"):
        subset = {k: d for k, d in documents.items() if gold[k]["split"] == split}
        labels = {k: gold[k]["story"] for k in subset}
        linked = link_corpus(list(subset.values()))
        story_of = {d.id: d.story for d in linked.documents}
        p, r, f = bcubed({k: story_of[d.id] for k, d in subset.items()}, labels)
        base_f, base_t, (bp, br, _) = tfidf_baseline(subset, labels)
        print(f"[{split}] {len(subset)} articles, {len(set(labels.values()))} gold stories, {len(linked.stories)} found")
        print(f"  stories B-cubed  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (TF-IDF baseline at its best threshold {base_t:.2f}: "
              f"P {bp:.3f} R {br:.3f} F1 {base_f:.3f})")
        claims = score_claims(subset, [g for g in groups if g["split"] == split], linked.claims)
        print(f"  claims pairwise  P {claims['P']:.3f}  R {claims['R']:.3f}  F1 {claims['F1']:.3f}   agreement label accuracy {claims['agreement']:.3f}")
        blame = score_blame(subset, gold, linked.attributions)
        print(f"  blame            accuracy {blame['accuracy']:.3f} of {blame['gold']} gold attributions, precision {blame['precision']:.3f}")
        print(f"  order-free (shuffled input, same stories): {order_free(list(subset.values()))}")
    if "--no-speed" not in sys.argv:
        speed(list(documents.values()))


if __name__ == "__main__":
    main()
