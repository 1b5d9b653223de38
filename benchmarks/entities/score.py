"""Score mentions, types and cross-document linking against benchmarks/entities/gold.jsonl.

    python benchmarks/entities/score.py [--split dev|heldout|all] [--show] [--repeat 10]

Gold: short articles written and annotated by hand, each mention with its span, type and a
cluster id shared by every mention of the same real-world actor across all articles (a seat of
power acting, "Ankara said", is in its state's cluster; "in Ankara" is in the city's).

Printed per split:
- mentions: type-aware exact-span precision / recall / F1 (and span-only F1);
- type accuracy over gold mentions whose span the system found;
- linking: pairwise precision / recall / F1 over gold mention pairs that share a cluster
  (all pairs, and cross-document pairs only), for newsgraph's resolver and, in the same run,
  for the exact-string baseline (id = type + lowercased text, the resolver before issue 4);
- speed: nlp.pipe with the project's rulers + find_mentions + resolve, over the bare model's
  nlp.pipe on the same texts (rulers disabled), in CPU seconds, after a warm-up that loads the
  lexicons (a one-time cost per process, about 2 s, mostly the geonames city index).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import time
from pathlib import Path

from newsgraph.extract.mentions import find_mentions
from newsgraph.model import Document
from newsgraph.nlp import load_pipeline
from newsgraph.resolve import EntityResolver

GOLD = Path(__file__).with_name("gold.jsonl")
OWN_PIPES = ["newsgraph_line_breaks", "newsgraph_gazetteer"]


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def run_system(rows: list[dict]) -> list[list[dict]]:
    """System mentions per article: find_mentions then the streaming resolver, in gold order."""
    nlp, resolver, out = load_pipeline(), EntityResolver(), []
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows])):
        document = Document(id=hashlib.sha1(row["text"].encode()).hexdigest(), source=row["id"], text=row["text"],
                            entities=find_mentions(doc))
        resolved = resolver.resolve(document)
        out.append([m.model_dump() for m in resolved.entities])
    return out


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mention_scores(rows: list[dict], system: list[list[dict]]) -> dict[str, float]:
    gold = {(i, m["start"], m["end"], m["type"]) for i, r in enumerate(rows) for m in r["mentions"]}
    found = {(i, m["start"], m["end"], m["type"]) for i, ms in enumerate(system) for m in ms}
    span = lambda s: {x[:3] for x in s}  # noqa: E731
    p, r, f = prf(len(gold & found), len(found), len(gold))
    _, _, span_f = prf(len(span(gold) & span(found)), len(span(found)), len(span(gold)))
    typed = {x[:3]: x[3] for x in found}
    matched = [g for g in gold if g[:3] in typed]
    accuracy = sum(typed[g[:3]] == g[3] for g in matched) / len(matched) if matched else 0.0
    return {"P": p, "R": r, "F1": f, "span F1": span_f, "type acc": accuracy}


def pairs(items: list[tuple[int, int, str]], cross_only: bool) -> set[tuple]:
    """Unordered pairs of (article, start) mentions that share a label."""
    found = set()
    for (d1, s1, a), (d2, s2, b) in itertools.combinations(sorted(items), 2):
        if a == b and (d1 != d2 or not cross_only):
            found.add(((d1, s1), (d2, s2)))
    return found


def linking_scores(rows: list[dict], system: list[list[dict]], ids: str, cross_only: bool) -> tuple[float, float, float]:
    gold = [(i, m["start"], m["cluster"]) for i, r in enumerate(rows) for m in r["mentions"]]
    spans = {(i, m["start"], m["end"]) for i, r in enumerate(rows) for m in r["mentions"]}
    label = (lambda m: m["entity_id"]) if ids == "resolver" else (lambda m: m["type"] + "\n" + m["text"].lower())
    predicted = [(i, m["start"], label(m)) for i, ms in enumerate(system) for m in ms if (i, m["start"], m["end"]) in spans]
    g, s = pairs(gold, cross_only), pairs(predicted, cross_only)
    return prf(len(g & s), len(s), len(g))


def speed(rows: list[dict], repeat: int, rounds: int = 3) -> dict[str, float]:
    """CPU seconds of the bare model pass and of the entity step (rulers + find_mentions + resolve).

    Both run on the same texts, alternated `rounds` times, keeping each one's fastest round:
    CPU time and the minimum keep other processes on a shared machine out of the ratio.
    """
    texts = [r["text"] for r in rows] * repeat
    run_system(rows)  # warm-up: lexicons, gazetteer index and geonames tables load once per process
    bare = min(_timed(_bare_pass, texts) for _ in range(rounds))
    full = min(_timed(_entity_pass, texts) for _ in range(rounds))
    return {"bare s": bare, "entity s": full, "ratio": full / bare}


def _timed(step, texts: list[str]) -> float:
    start = time.process_time()
    step(texts)
    return time.process_time() - start


def _bare_pass(texts: list[str]) -> None:
    nlp = load_pipeline()
    with nlp.select_pipes(disable=OWN_PIPES):
        for _ in nlp.pipe(texts):
            pass


def _entity_pass(texts: list[str]) -> None:
    resolver = EntityResolver()
    for n, doc in enumerate(load_pipeline().pipe(texts)):
        resolver.resolve(Document(id=str(n), source=str(n), text=doc.text, entities=find_mentions(doc)))


def show_errors(rows: list[dict], system: list[list[dict]]) -> None:
    for row, found in zip(rows, system):
        by_span = {(m["start"], m["end"]): m for m in found}
        for g in row["mentions"]:
            m = by_span.pop((g["start"], g["end"]), None)
            if m is None or m["type"] != g["type"]:
                print(f"  {row['id']} gold {g['text']!r} {g['type']} -> {m and (m['text'], m['type'])}")
        for m in by_span.values():
            print(f"  {row['id']} extra {m['text']!r} {m['type']} name={m['name']!r}")


def report(split: str, show: bool, repeat: int) -> None:
    rows = load(split)
    system = run_system(rows)
    print(f"== {split}: {len(rows)} articles, {sum(len(r['mentions']) for r in rows)} gold mentions")
    print("mentions " + "  ".join(f"{k} {v:.3f}" for k, v in mention_scores(rows, system).items()))
    for cross in (False, True):
        for ids in ("resolver", "exact-string"):
            p, r, f = linking_scores(rows, system, ids, cross)
            print(f"linking {'cross-doc' if cross else 'all pairs'} {ids:12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print("speed " + "  ".join(f"{k} {v:.3f}" for k, v in speed(rows, repeat).items()))
    if show:
        show_errors(rows, system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "heldout", "all"])
    parser.add_argument("--show", action="store_true", help="print every mention the system missed, mistyped or added")
    parser.add_argument("--repeat", type=int, default=10, help="copies of the texts timed, for a stable ratio")
    args = parser.parse_args()
    report(args.split, args.show, args.repeat)


if __name__ == "__main__":
    main()
