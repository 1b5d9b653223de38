"""Stories and actors on real news: run newsgraph on the ECB+ dev topics and print both shared scorers' numbers.

Run: PYTHONPATH=src .venv/bin/python benchmarks/stories_real.py [--split dev] [--work DIR] [--orders N] [--speed]
The split is materialized from ../shared/corpora/stories into DIR (default /tmp/newsgraph-stories-real),
run through the whole pipeline (annotated once and cached in DIR, actors resolved, then `link_corpus`,
the number of stories not given), written as extract JSONL and scored with scorers/stories.py and
scorers/entities.py.
--orders N also takes the articles in N shuffled orders and prints the min/mean/max story B³ F1 over them of
  "analyze": what `newsgraph analyze` into a fresh SQLite store gives (actors resolved in that order, then
             `store_documents`, the stories read back from the store): the number a user of `analyze` sees;
  "analyze in two runs": the same, the first half of the order analyzed into the store, then the second half;
  "grouped": `link_corpus` grouping the articles in that order (actors resolved in file order);
  "streamed": each article joining a story as it arrives (`StoryIndex().add`), as the notebook's
              `Analyzer.pipe` gives them.
--speed also times linking 1,000 articles on one core (the split's articles replicated under new ids,
each replica dated REPLICA_SHIFT days after the previous one).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from newsgraph.annotate import annotate
from newsgraph.contract import write_documents
from newsgraph.ingest import read_inputs
from newsgraph.link import StoryIndex, link_corpus
from newsgraph.model import Document
from newsgraph.pipeline import clean_documents
from newsgraph.resolve import EntityResolver
from newsgraph.store import Store
from newsgraph.store.analyze import Corpus, store_documents

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


def annotated(folder: Path) -> list[Document]:
    """The split's articles cleaned and annotated (actors not resolved yet), cached in `folder`."""
    cache = folder / "annotated.jsonl"
    if not cache.exists():
        documents = annotate(clean_documents(read_inputs([str(folder / "texts")]), None, _fail),
                             lambda note: None, jobs=1)
        cache.write_text("".join(d.model_dump_json() + "\n" for d in documents), encoding="utf-8")
    return [Document.model_validate_json(line) for line in cache.read_text(encoding="utf-8").splitlines()]


def _fail(error: Exception) -> None:
    raise error


def resolved(documents: list[Document], resolver: EntityResolver | None = None) -> list[Document]:
    """The documents with run-wide actor ids, resolved in the order given (as `extract_documents` does)."""
    resolver = resolver or EntityResolver()
    return [resolver.resolve(d) for d in documents]


def analyzed(files: list[Document], runs: int = 1) -> list[Document]:
    """The stories `newsgraph analyze` gives these annotated documents, in the order given, in a fresh SQLite store,
    in `runs` consecutive runs: each run's copies found and actors resolved in that order with the corpus state the
    store keeps, then `store_documents`; the stories read back from the store."""
    documents: list[Document] = []
    with tempfile.TemporaryDirectory() as work:
        store = Store(Path(work) / "news.db", writable=True)
        for run in range(runs):
            corpus = Corpus.of(store)
            part = files[run * len(files) // runs:(run + 1) * len(files) // runs]
            part = resolved([d.model_copy(update={"duplicate_of": corpus.copies.add(d.id, d.text)}) for d in part], corpus.resolver)
            store_documents(part, store, corpus)
            documents += part
        story_of = {i: story.id for story in store.links().stories for i in story.documents}
    return [d.model_copy(update={"story": story_of.get(d.id)}) for d in documents]


def analyzed_in_two_runs(files: list[Document]) -> list[Document]:
    """`analyzed` in two runs: the first half of the order, then the second half added to the store."""
    return analyzed(files, runs=2)


def grouped(documents: list[Document]) -> list[Document]:
    """`link_corpus` grouping the documents in the order given (no canonical order)."""
    index = StoryIndex.grouped(documents)
    return [index.add(d) for d in documents]


def streamed(documents: list[Document]) -> list[Document]:
    """Each document joining a story as it arrives."""
    index = StoryIndex()
    return [index.add(d) for d in documents]


def orders(folder: Path, files: list[Document], count: int) -> None:
    """Story B³ F1 over `count` shuffled orders, min, mean and max, as `analyze`, grouping and streaming give it."""
    ways: dict[str, Callable[[list[Document]], list[Document]]] = {
        "analyze": analyzed, "analyze in two runs": analyzed_in_two_runs, "grouped": grouped, "streamed": streamed}
    scores: dict[str, list[float]] = {way: [] for way in ways}
    in_file_order = resolved(files)
    for seed in range(count):
        shuffled = list(range(len(files)))
        random.Random(seed).shuffle(shuffled)
        for way, link in ways.items():
            documents = [(files if way.startswith("analyze") else in_file_order)[i] for i in shuffled]
            system = folder / f"system-{way.replace(' ', '-')}-order{seed}.jsonl"
            with system.open("w", encoding="utf-8") as out:
                write_documents(link(documents), out)
            scores[way].append(subtopic_f1(folder, system))
    for way, found in scores.items():
        print(f"orders ({way}): {count} shuffled orders, subtopic B3 F1 min={min(found):.3f} mean={sum(found) / count:.3f} "
              f"max={max(found):.3f} ({' '.join(f'{s:.3f}' for s in found)})")


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
    parser.add_argument("--orders", type=int, default=0, help="also score the stories of this many shuffled orders: analyze, grouped, streamed")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    folder = materialized(args.split, args.work)
    files = annotated(folder)
    linked = link_corpus(resolved(files))
    system = folder / "system.jsonl"
    with system.open("w", encoding="utf-8") as out:
        write_documents(linked.documents, out)
    score(folder, system)
    if args.orders:
        orders(folder, files, args.orders)
    if args.speed:
        speed(linked.documents)


if __name__ == "__main__":
    main()
