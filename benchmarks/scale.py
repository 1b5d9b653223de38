"""Scale benchmark: the two engines' throughput and worker memory, and the two stores' write speed and story page.

    python benchmarks/scale.py --postgres postgresql://user@host/dbname [--articles 800] [--store-articles 100000]
                               [--linking-articles 4000] [--engines local,ray] [--parts engines,stores,linking]

Engines: the per-document work (spaCy pass and extraction) on `--articles` generated articles with
local processes and with Ray, each with 1 and 2 workers; articles per second (Ray's own start left
out: it is started once before the runs; the workers' model loads are in), scaling efficiency from 1 to 2 workers (rate at 2 / twice the rate at 1), articles per CPU
second of the workers (what a worker does with a core of its own, whatever else shares the machine),
and the peak resident memory of a worker; memory and CPU are read from /proc every 0.2 s.

Stores: `--store-articles` generated articles with their items placed by string search (as
benchmarks/web.py does, no spaCy) written into SQLite and into PostgreSQL in `analyze`'s batches,
articles per second; then the story page (`/stories/ID` in-process) timed on each, median and p95.
The PostgreSQL database must be empty (or hold only an earlier run of this benchmark: it is cleared).

Linking: the driver's share, giving each article its story, timed per article as the index grows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_corpus  # noqa: E402
from soak import rss_mb  # noqa: E402
from web import STORY_SIZE, documents, timed  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.link import StoryIndex  # noqa: E402
from newsgraph.ingest import DEFAULT_MAX_BYTES, read_inputs  # noqa: E402
from newsgraph.model import Document, Story  # noqa: E402
from newsgraph.pipeline import clean_documents  # noqa: E402
from newsgraph.runner import LocalRunner, Runner  # noqa: E402
from newsgraph.store import Store, schema  # noqa: E402
from newsgraph.batches import chunks  # noqa: E402
from newsgraph.web import create_app  # noqa: E402

SAMPLE_SECONDS = 0.2
TICKS = os.sysconf("SC_CLK_TCK")
GENERATED_CHUNK = 2000  # generated Documents built ahead of each timed write


class WorkerMemory:
    """Samples the resident memory and CPU time of the worker processes (`marker` picks them); keeps each one's peak
    memory and last CPU time, so the CPU the workers spent during a run can be told apart from
    what other programs on a shared machine took. The sampling runs in this process, so the local runner's
    single worker (this process) is charged with it."""

    def __init__(self, marker: Callable[[int, str], bool]) -> None:
        self.marker = marker
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self._marked: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> WorkerMemory:
        self._sample()
        self._marked = dict(self.cpu)  # this process's CPU before the run (the local runner's single worker is it)
        self._thread.start()
        return self

    def cpu_seconds(self) -> float:
        """CPU seconds the workers spent during the run."""
        return sum(seconds - self._marked.get(pid, 0.0) for pid, seconds in self.cpu.items())

    def _watch(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self) -> None:
        for pid in _pids():
            if self.marker(pid, _command(pid)):
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), rss_mb(pid))
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_seconds(pid))


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def _pids() -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _local_workers(jobs: int) -> Callable[[int, str], bool]:
    """One local worker runs in this process; more are spawned processes under it."""
    if jobs == 1:
        return lambda pid, command: pid == os.getpid()
    return lambda pid, command: "multiprocessing" in command and _descends(pid)


def _descends(pid: int) -> bool:
    """Whether a process descends from this benchmark (the pool's workers are its children)."""
    for _ in range(3):
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            return False
        if pid == os.getpid():
            return True
    return False


def _ray_workers(jobs: int) -> Callable[[int, str], bool]:
    return lambda pid, command: command.startswith("ray::MapWorker")


def engine_run(runner: Runner, articles: list[Document], marker: Callable[[int, str], bool]) -> tuple[float, float, float]:
    """Articles per second through `runner`, articles per worker CPU-second, and the largest worker's peak memory in MB.

    The whole run is timed, the workers' start and model load included (a few seconds against minutes): timing
    from the first result on would miss the batches Ray runs ahead before it hands out the first one.
    """
    with WorkerMemory(marker) as memory:
        started = time.perf_counter()
        done = sum(1 for _ in runner.annotate(articles, lambda note: None))
        seconds = time.perf_counter() - started
    return done / seconds, done / (memory.cpu_seconds() or float("nan")), max(memory.peaks.values(), default=0.0)


def engines(folder: Path, count: int, kinds: list[str]) -> None:
    corpus = folder / "engines.jsonl"
    write_corpus(str(corpus), count, seed=11)
    articles = list(clean_documents(read_inputs([str(corpus)], DEFAULT_MAX_BYTES), None, print))
    from newsgraph.ray_runner import LOCAL_OBJECT_STORE_BYTES, RayRunner

    if "ray" in kinds:
        import ray

        started = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, object_store_memory=LOCAL_OBJECT_STORE_BYTES)
        print(f"ray start: {time.perf_counter() - started:.1f} s (left out of the rates)")
    rates = {}
    for name, make, marker in (("local", LocalRunner, _local_workers), ("ray", RayRunner, _ray_workers)):
        if name not in kinds:
            continue
        for jobs in (1, 2):
            rate, per_cpu, peak = engine_run(make(jobs), articles, marker(jobs))
            rates[name, jobs] = rate
            print(f"{name:<6} {jobs} worker(s): {rate:6.1f} articles/s   {per_cpu:5.1f} articles per worker CPU-second   "
                  f"peak worker RSS {peak:6.0f} MB")
        print(f"{name:<6} scaling efficiency 1->2 workers: {rates[name, 2] / (2 * rates[name, 1]):.2f}")
    if "ray" in kinds:
        ray.shutdown()


def stores(folder: Path, count: int, postgres: str, requests: int) -> None:
    corpus = folder / "stores.jsonl"
    write_corpus(str(corpus), count)
    for name, db in (("sqlite", str(folder / "scale.db")), ("postgresql", postgres)):
        store = _empty(db)
        seconds = 0.0
        for chunk in chunks(documents(corpus), GENERATED_CHUNK):  # building the Documents is left out of the time
            started = time.perf_counter()
            store.add(chunk)
            seconds += time.perf_counter() - started
        ids = sorted(store.document_ids())
        story_ids = [f"story{i // STORY_SIZE:06d}" for i in range(0, len(ids), STORY_SIZE)]
        store.set_links([Story(id=sid, documents=ids[i * STORY_SIZE:(i + 1) * STORY_SIZE], headline=sid)
                         for i, sid in enumerate(story_ids)], [], [])
        client = TestClient(create_app(db, allowed_hosts=["testserver"]))
        rng = random.Random(7)
        times = timed(lambda: client.get(f"/stories/{rng.choice(story_ids)}").status_code, requests)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<10} {count} articles written at {count / seconds:7.1f} articles/s ({seconds:.0f} s); "
              f"story page median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms ({requests} requests)")


def linking(folder: Path, count: int) -> None:
    """Milliseconds per article the driver spends giving it a story, as the story index grows, and the index's
    state (kept in the store) per article. The generated articles share one small vocabulary, so every article is
    a candidate for every other: the worst case of the candidate search."""
    corpus = folder / "linking.jsonl"
    write_corpus(str(corpus), count, seed=13)
    index = StoryIndex()
    articles = clean_documents(read_inputs([str(corpus)], DEFAULT_MAX_BYTES), None, print)
    for size, batch in enumerate(chunks(articles, count // 4), start=1):
        started = time.perf_counter()
        for article in batch:
            index.add(article)
        per_article = (time.perf_counter() - started) * 1000 / len(batch)
        print(f"story index at {size * len(batch):>7} articles: {per_article:6.2f} ms per article added")
    state = len(json.dumps(index.snapshot()))
    print(f"story index state: {state / count / 1024:.1f} KB per article ({len(index.stories)} stories)")


def _empty(db: str) -> Store:
    """A writable store at `db` with no rows (the benchmark's earlier rows removed)."""
    store = Store(db, writable=True)
    with store.begin_write() as conn:
        for table in reversed(schema.metadata.sorted_tables):
            if table.name not in {view.table.name for view in schema.VIEWS}:
                conn.execute(table.delete())
        for fts in schema.fts.sorted_tables if store.path is not None else ():
            conn.execute(fts.delete())
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", required=True, help="postgresql:// URL of a database for the store benchmark")
    parser.add_argument("--articles", type=int, default=800, help="articles per engine run")
    parser.add_argument("--store-articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--engines", default="local,ray", help="which engines to time (comma-separated)")
    parser.add_argument("--linking-articles", type=int, default=4_000)
    parser.add_argument("--parts", default="engines,stores,linking", help="which parts to run (comma-separated)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-scale-"))
    print(f"machine: {os.cpu_count()} cores (shared with whatever else runs now)")
    parts = args.parts.split(",")
    if "engines" in parts:
        engines(folder, args.articles, args.engines.split(","))
    if "stores" in parts:
        stores(folder, args.store_articles, args.postgres, args.requests)
    if "linking" in parts:
        linking(folder, args.linking_articles)


if __name__ == "__main__":
    main()
