"""Score statement and quantity extraction against the hand-annotated gold set.

Usage: .venv/bin/python benchmarks/statements/score.py [--split dev|heldout|all]

Prints, per split: precision / recall / F1 for statement content (word overlap >= 0.5 of the
longer span, one-to-one), for content + speaker, attribution and direct accuracy on matched
statements, quantity value F1 (overlapping span, equal value) with what / period accuracy,
and documents per second on one core for the bare spaCy pass and for spaCy + extraction.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.statements import find_statements
from newsgraph.nlp import load_pipeline

GOLD = Path(__file__).with_name("gold.jsonl")
WORD_RE = re.compile(r"\w+")
MIN_OVERLAP = 0.5  # the matching rule
STOP = {"the", "a", "an", "of", "s", "in", "on", "for", "from"}


def words_in(text: str, start: int, end: int) -> set[int]:
    """Start offsets of the words inside [start, end)."""
    return {m.start() for m in WORD_RE.finditer(text) if start <= m.start() < end}


def locate(text: str, phrase: str) -> tuple[int, int]:
    """Where a gold phrase sits in the text (first whole-word occurrence)."""
    pattern = (r"\b" if phrase[:1].isalnum() else "") + re.escape(phrase) + (r"\b" if phrase[-1:].isalnum() else "")
    match = re.search(pattern, text)
    if match is None:
        raise ValueError(f"gold phrase not in text: {phrase!r}")
    return match.start(), match.end()


def overlap(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    wa, wb = words_in(text, *a), words_in(text, *b)
    return len(wa & wb) / max(len(wa), len(wb), 1)


def match(text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by best overlap above MIN_OVERLAP: (gold index, pred index) pairs."""
    pairs = sorted(
        ((overlap(text, g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True
    )
    used_g, used_p, found = set(), set(), []
    for score, gi, pi in pairs:
        if score >= MIN_OVERLAP and gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi), found.append((gi, pi))
    return found


def name_words(name: str | None) -> set[str]:
    return {w for w in WORD_RE.findall((name or "").lower().replace("’s", "").replace("'s", "")) if w not in STOP}


def same_speaker(gold: dict, pred) -> bool:
    """Named: canonical names agree (one's words inside the other's); anonymous / unattributed: kind agrees."""
    if gold["attribution"] != pred.attribution:
        return False
    if gold["attribution"] == "unattributed":
        return True
    if gold["attribution"] == "anonymous":
        return bool(name_words(gold["speaker_text"]) & name_words(pred.speaker_text))
    g, p = name_words(gold["speaker"]), name_words(pred.speaker)
    return bool(g and p) and (g <= p or p <= g)


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, pred {n_pred}, gold {n_gold})"


def period_ok(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = name_words(gold), name_words(pred)
    return len(g & p) / max(len(g), len(p), 1) >= MIN_OVERLAP


def score(articles: list[dict], docs: list, label: str) -> None:
    """Print the scores of one split."""
    c = dict(tp=0, tp_speaker=0, pred=0, gold=0, attribution=0, direct=0, q_tp=0, q_pred=0, q_gold=0, what=0, what_n=0, period=0)
    for article, doc in zip(articles, docs):
        text = article["text"]
        statements = find_statements(doc, find_mentions(doc))
        gold_spans = [locate(text, q["content"]) for q in article["quotes"]]
        pairs = match(text, gold_spans, [(s.content_start, s.content_end) for s in statements])
        c["pred"] += len(statements)
        c["gold"] += len(gold_spans)
        c["tp"] += len(pairs)
        for gi, pi in pairs:
            gold, pred = article["quotes"][gi], statements[pi]
            c["tp_speaker"] += same_speaker(gold, pred)
            c["attribution"] += gold["attribution"] == pred.attribution
            c["direct"] += gold["direct"] == pred.direct
        _score_quantities(text, article["quantities"], find_quantities(doc, statements), c)
    print(f"== {label}: {len(articles)} articles")
    print("content           ", prf(c["tp"], c["pred"], c["gold"]))
    print("content + speaker ", prf(c["tp_speaker"], c["pred"], c["gold"]))
    print(f"on matched: attribution {c['attribution'] / max(c['tp'], 1):.3f}, direct {c['direct'] / max(c['tp'], 1):.3f}")
    print("quantity value    ", prf(c["q_tp"], c["q_pred"], c["q_gold"]))
    print(f"on matched quantities: what {c['what'] / max(c['what_n'], 1):.3f} ({c['what_n']} with a gold what), "
          f"period {c['period'] / max(c['q_tp'], 1):.3f}")


def _score_quantities(text: str, gold: list[dict], found: list, c: dict) -> None:
    gold_spans = [locate(text, g["text"]) for g in gold]
    c["q_pred"] += len(found)
    c["q_gold"] += len(gold)
    used = set()
    for gi, (start, end) in enumerate(gold_spans):
        for pi, q in enumerate(found):
            if pi in used or q.end <= start or end <= q.start or abs(q.value - gold[gi]["value"]) > 1e-6 * max(1, abs(q.value)):
                continue
            used.add(pi)
            c["q_tp"] += 1
            c["period"] += period_ok(gold[gi]["period"], q.period)
            if gold[gi]["what"]:
                c["what_n"] += 1
                c["what"] += bool(name_words(gold[gi]["what"]) & name_words(q.what))
            break


def speed(texts: list[str], repeat: int) -> None:
    """Documents per second of the bare spaCy pass and of spaCy + mentions + statements + quantities.

    The extraction is timed on the parsed documents of the same run, so the noise of two separate
    spaCy passes does not hide its cost.
    """
    nlp = load_pipeline()
    batch = texts * repeat
    list(nlp.pipe(texts))  # warm-up, so neither timing pays for first-call setup
    start = time.perf_counter()
    docs = list(nlp.pipe(batch))
    bare = time.perf_counter() - start
    start = time.perf_counter()
    for doc in docs:
        find_quantities(doc, find_statements(doc, find_mentions(doc)))
    extraction = time.perf_counter() - start
    n = len(batch)
    print(f"== speed on one core, {n} docs: spaCy alone {n / bare:.1f} docs/s, spaCy + extraction "
          f"{n / (bare + extraction):.1f} docs/s (extraction adds {100 * extraction / bare:.0f}%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=5, help="copies of the texts for the speed run")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    articles = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_pipeline()
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    for split in splits:
        chosen = [a for a in articles if a["split"] == split]
        score(chosen, list(nlp.pipe(a["text"] for a in chosen)), split)
    speed([a["text"] for a in articles if a["split"] in splits], args.repeat)


if __name__ == "__main__":
    main()
