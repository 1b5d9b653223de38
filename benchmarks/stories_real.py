"""Stories and actors on real news: run newsgraph on the ECB+ dev topics and print both shared scorers' numbers.

Run: PYTHONPATH=src .venv/bin/python benchmarks/stories_real.py [--split dev] [--work DIR] [--orders N] [--speed]
The split is materialized from ../shared/corpora/stories into DIR (default /tmp/newsgraph-stories-real),
run through the whole pipeline (`extract_documents`, then `link_corpus`, the number of stories not
given), written as extract JSONL and scored with scorers/stories.py and scorers/entities.py.
--orders N also groups the stories with the articles processed in N shuffled orders (instead of the
canonical one) and prints the min/mean/max story B³ F1 over them: how much the stories hang on order.
--speed also times linking 1,000 articles on one core (the split's articles replicated under new ids,
each replica dated REPLICA_SHIFT days after the previous one).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from newsgraph.contract import write_documents
from newsgraph.link import StoryIndex, link_corpus
from newsgraph.model import Document
from newsgraph.pipeline import Options, extract_documents

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
SPEED_ARTICLES = 1000
# Each replica of the split is dated this many days after the previous one, so it forms its own stories
# (ECB+ texts carry no dates; undated copies would pile into a few giant stories no real corpus has).
REPLICA_SHIFT = 90
FIRST_DAY = date(2020, 1, 1)


def materialized(split: str, work: Path) -> Path:
    folder = work / split
    if not (folder / "gold.jsonl").exists():
        subprocess.run([sys.executable, str(CORPORA / "materialize.py"), "stories", split, str(folder)], check=True)
    return folder


def subtopic_f1(folder: Path, system: Path) -> float:
    """The shared stories scorer's subtopic B³ F1 on the system output."""
    report = subprocess.run([sys.executable, str(CORPORA / "scorers" / "stories.py"), str(folder / "gold.jsonl"), str(system)],
                            check=True, capture_output=True, text=True).stdout
    return float(report.split("subtopic_b3_f1=")[1].split()[0])


def orders(folder: Path, documents: list[Document], count: int) -> None:
    """Story B³ F1 with the articles grouped in `count` shuffled orders: min, mean and max."""
    scores = []
    for seed in range(count):
        shuffled = documents[:]
        random.Random(seed).shuffle(shuffled)
        index = StoryIndex.grouped(shuffled)
        system = folder / f"system-order{seed}.jsonl"
        with system.open("w", encoding="utf-8") as out:
            write_documents([index.add(d) for d in documents], out)
        scores.append(subtopic_f1(folder, system))
    print(f"orders: {count} shuffled orders, subtopic B3 F1 min={min(scores):.3f} mean={sum(scores) / count:.3f} "
          f"max={max(scores):.3f} ({' '.join(f'{s:.3f}' for s in scores)})")


def score(folder: Path, system: Path) -> None:
    """Both shared scorers on the system output, their full report."""
    scorers = CORPORA / "scorers"
    subprocess.run([sys.executable, str(scorers / "stories.py"), str(folder / "gold.jsonl"), str(system)], check=True)
    subprocess.run([sys.executable, str(scorers / "entities.py"), str(folder / "gold.jsonl"), str(folder / "mentions.jsonl"), str(system)],
                   check=True)


def speed(documents: list[Document]) -> None:
    """Seconds to link SPEED_ARTICLES articles (stories, claims, blame, framing) on one core."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    many = [d.model_copy(update={"id": f"{d.id}-{n // len(documents)}", "story": None,
                                 "published": FIRST_DAY + timedelta(days=REPLICA_SHIFT * (n // len(documents)))})
            for n, d in zip(range(SPEED_ARTICLES), documents * (SPEED_ARTICLES // len(documents) + 1))]
    link_corpus(many[:20])  # warm up: the claim vectors load once per process
    start = time.perf_counter()
    linked = link_corpus(many)
    seconds = time.perf_counter() - start
    print(f"speed: {len(many)} articles linked on one core in {seconds:.1f}s ({len(linked.stories)} stories, {len(linked.claims)} claims)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-stories-real"))
    parser.add_argument("--orders", type=int, default=0, help="also score the stories grouped in this many shuffled orders")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    folder = materialized(args.split, args.work)
    documents = list(extract_documents([str(folder / "texts")], Options(jobs=1)))
    linked = link_corpus(documents)
    system = folder / "system.jsonl"
    with system.open("w", encoding="utf-8") as out:
        write_documents(linked.documents, out)
    score(folder, system)
    if args.orders:
        orders(folder, linked.documents, args.orders)
    if args.speed:
        speed(linked.documents)


if __name__ == "__main__":
    main()
