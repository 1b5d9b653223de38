"""Score find_events against the hand-annotated gold: type P/R/F1, type+actor+target F1, speed.

    python benchmarks/events/score.py [--split dev|heldout|blind|all] [--show]

Splits: dev (tuned on), heldout (written with dev before any code, not tuned on, but seen while
writing the rules), blind (written after the code was finished, scored once, never tuned on).

gold.jsonl: one or two sentences per line, each event with its PLOVER type, trigger, actors and
targets (lists: coordinated actors are listed, not joined), negation and modality, annotated by
hand. Matching is per text: a predicted event matches an unused gold event of the same type
(type score). For the full score, gold events are expanded into actor-target pairs like the
extractor's output; an argument matches when, lowercased and without a leading article, one
text contains the other ("police officer" ~ "an off-duty police officer"); a missing argument
matches only a missing one. Speed: nlp.pipe of the texts alone vs. nlp.pipe + find_timexes +
find_events (the time expressions date the events), same texts, same run.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.extract.events import find_events
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.timexes import find_timexes

sys.path.insert(0, str(Path(__file__).parents[1]))
from harness import split_arguments, timed  # noqa: E402

GOLD = Path(__file__).with_name("gold.jsonl")
ARTICLE = re.compile(r"^(the|a|an)\s+")


def load(split: str) -> list[dict]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split == "all" or r["split"] == split]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def same(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is found
    g, f = ARTICLE.sub("", gold.lower().strip()), ARTICLE.sub("", found.lower().strip())
    return g in f or f in g


def dyads(event: dict) -> list[tuple[str, str | None, str | None]]:
    return [(event["type"], a, t) for a in event["actor"] or [None] for t in event["target"] or [None]]


def greedy(gold: list, found: list, fits) -> int:
    """Matches found to gold one to one, each found item taking the first unused fitting gold item."""
    used: set[int] = set()
    for item in found:
        hit = next((i for i, g in enumerate(gold) if i not in used and fits(g, item)), None)
        if hit is not None:
            used.add(hit)
    return len(used)


def extract(records: list[dict]) -> tuple[list[list], float, float]:
    """Events of every record, and the best bare and full timings (benchmarks/harness.py)."""

    def events(doc: Doc, i: int) -> list:
        published = date.fromisoformat(records[i]["published"]) if records[i]["published"] else None
        return find_events(doc, find_mentions(doc), [], find_timexes(doc, published), published)

    return timed([r["text"] for r in records], events)


def main() -> None:
    args = split_arguments("print every text with a difference")
    records = load(args.split)
    predicted, bare, full = extract(records)
    type_tp = full_tp = n_gold = n_pred = n_gold_pairs = n_pred_pairs = 0
    for record, events in zip(records, predicted):
        gold_types = [e["type"] for e in record["events"]]
        found_types = list(dict.fromkeys((e.start, e.type) for e in events))
        tp = greedy(gold_types, [t for _, t in found_types], lambda g, f: g == f)
        gold_pairs = [d for e in record["events"] for d in dyads(e)]
        found_pairs = [(e.type, e.actor, e.target) for e in events]
        pairs_tp = greedy(gold_pairs, found_pairs, lambda g, f: g[0] == f[0] and same(g[1], f[1]) and same(g[2], f[2]))
        type_tp, n_gold, n_pred = type_tp + tp, n_gold + len(gold_types), n_pred + len(found_types)
        full_tp, n_gold_pairs, n_pred_pairs = full_tp + pairs_tp, n_gold_pairs + len(gold_pairs), n_pred_pairs + len(found_pairs)
        if args.show and (pairs_tp < len(gold_pairs) or pairs_tp < len(found_pairs)):
            print(f"{record['id']} {record['text']}\n   gold  {gold_pairs}\n   found {found_pairs}")
    p, r, f = prf(type_tp, n_pred, n_gold)
    fp, fr, ff = prf(full_tp, n_pred_pairs, n_gold_pairs)
    print(f"split={args.split} texts={len(records)} gold events={n_gold} predicted={n_pred}")
    print(f"type             P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"type+actor+target P={fp:.3f} R={fr:.3f} F1={ff:.3f}  (over actor-target pairs)")
    print(f"speed            spaCy {bare:.2f}s, spaCy+timexes+events {full:.2f}s, ratio {full / bare:.2f}")


if __name__ == "__main__":
    main()
