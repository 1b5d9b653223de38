"""Score find_timexes against the hand-annotated gold: span P/R/F1, value accuracy, speed.

    python benchmarks/timexes/score.py [--split dev|heldout|blind|all] [--show]

Splits: dev (tuned on), heldout (written with dev before any code, not tuned on, but seen while
writing the rules), blind (written after the code was finished, scored once, never tuned on).

gold.jsonl: one sentence per line with its publication date (null: none) and its time
expressions {start, end, text, type, value}, annotated by hand. A span is found when start and
end match exactly; value accuracy is over exactly matched spans (and strict: value F1 counts a
match only when the value is right too). Speed: nlp.pipe of the texts alone vs. nlp.pipe plus
find_timexes, over the same texts in the same run.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.extract.timexes import find_timexes

sys.path.insert(0, str(Path(__file__).parents[1]))
from harness import split_arguments, timed  # noqa: E402

GOLD = Path(__file__).with_name("gold.jsonl")


def load(split: str) -> list[dict]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split == "all" or r["split"] == split]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def extract(records: list[dict]) -> tuple[list[list], float, float]:
    """Time expressions of every record, and the best bare and full timings (benchmarks/harness.py)."""

    def timexes(doc: Doc, i: int) -> list:
        published = records[i]["published"]
        return find_timexes(doc, date.fromisoformat(published) if published else None)

    return timed([r["text"] for r in records], timexes)


def main() -> None:
    args = split_arguments("print every miss")
    records = load(args.split)
    predicted, bare, full = extract(records)
    tp = right = n_pred = n_gold = 0
    for record, found in zip(records, predicted):
        gold = {(g["start"], g["end"]): g for g in record["timexes"]}
        n_gold += len(gold)
        n_pred += len(found)
        for t in found:
            g = gold.pop((t.start, t.end), None)
            tp += g is not None
            right += g is not None and g["value"] == t.value
            if args.show and (g is None or g["value"] != t.value):
                print(f"{record['id']}  {'WRONG' if g else 'EXTRA'} {t.text!r} {t.value} (gold {g and g['value']})")
        if args.show:
            for g in gold.values():
                print(f"{record['id']}  MISS  {g['text']!r} {g['value']}")
    p, r, f = prf(tp, n_pred, n_gold)
    vp, vr, vf = prf(right, n_pred, n_gold)
    print(f"split={args.split} sentences={len(records)} gold={n_gold} predicted={n_pred}")
    print(f"span      P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"value     accuracy={right / tp if tp else 0:.3f} (on matched spans)  strict value F1={vf:.3f}")
    print(f"speed     spaCy {bare:.2f}s, spaCy+timexes {full:.2f}s, ratio {full / bare:.2f}")


if __name__ == "__main__":
    main()
