"""Soak benchmark: `newsgraph analyze` on a small and a large generated corpus, memory peaks compared.

    python benchmarks/soak.py                       # 2,000 then 20,000 articles (hours on 2 cores)
    python benchmarks/soak.py --small 100 --large 1000 --jobs 2

Each run is a fresh `newsgraph analyze` process into a new database. Every 0.2 s the resident
memory of the process and of its workers is read from /proc; the peaks are printed for the
main process (reading, resolving, storing, and relinking the corpus at the end) and for the
largest worker (the spaCy pass and extraction). The workers stream, so their peak must stay flat
(within --tolerance) as the corpus grows tenfold; the script exits 1 when it does not.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Peaks:
    """Peak resident memory (MB) of the main process and of the largest worker, and the run's wall time."""

    articles: int
    main_mb: float
    worker_mb: float
    seconds: float
    returncode: int


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 when it is gone)."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE / 2**20
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def soak(count: int, folder: Path, jobs: int | None) -> Peaks:
    """Generate `count` articles, analyze them into a new store, and watch the memory of the run."""
    corpus = folder / f"corpus-{count}.jsonl"
    write_corpus(str(corpus), count)
    command = [sys.executable, "-m", "newsgraph", "analyze", str(corpus), "--db", str(folder / f"soak-{count}.db")]
    command += ["--jobs", str(jobs)] if jobs else []
    started = time.monotonic()
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    main_peak = worker_peak = 0.0
    while run.poll() is None:
        main_peak = max(main_peak, rss_mb(run.pid))
        worker_peak = max([worker_peak, *(rss_mb(child) for child in children(run.pid))])
        time.sleep(0.2)
    stderr = run.stderr.read() if run.stderr else ""
    print(stderr.strip().splitlines()[-1] if stderr.strip() else "(no output)", file=sys.stderr)
    return Peaks(count, main_peak, worker_peak, time.monotonic() - started, run.returncode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=2_000)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--tolerance", type=float, default=1.25, help="largest allowed ratio of the worker peaks")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-soak-") as folder:
        runs = [soak(count, Path(folder), args.jobs) for count in (args.small, args.large)]
    print(f"{'articles':>9} {'main MB':>9} {'worker MB':>10} {'seconds':>9} {'art/s':>7} exit")
    for run in runs:
        print(f"{run.articles:>9,} {run.main_mb:>9.0f} {run.worker_mb:>10.0f} {run.seconds:>9.0f} "
              f"{run.articles / run.seconds:>7.1f} {run.returncode}")
    small, large = runs
    worker_ratio = large.worker_mb / small.worker_mb if small.worker_mb else float("nan")
    print(f"peak ratio {large.articles // small.articles}x articles: main {large.main_mb / small.main_mb:.2f}, "
          f"workers {worker_ratio:.2f} (allowed {args.tolerance})")
    flat = small.worker_mb == 0 or worker_ratio <= args.tolerance
    sys.exit(0 if flat and all(r.returncode in (0, 1) for r in runs) else 1)


if __name__ == "__main__":
    main()
