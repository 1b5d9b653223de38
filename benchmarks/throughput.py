"""Throughput and peak memory of `extract` against the bare spaCy pass over the same texts.

    python benchmarks/throughput.py [--count 3000] [--jobs 2]

Each measurement runs in its own process so that peak memory (this process and its workers)
is its own. The ratio `extract / bare spaCy` is the pipeline's overhead: readers, cleaning,
dedup, extraction, resolution and JSON output on top of parsing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import write_corpus  # noqa: E402


def bare_spacy(path: str, jobs: int) -> dict[str, float]:
    """Parse the texts with nlp.pipe alone (the same model, batching and process count)."""
    from newsgraph.annotate import CHUNK_SIZE
    from newsgraph.nlp import load_pipeline

    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    nlp = load_pipeline()
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=CHUNK_SIZE, n_process=jobs))
    return {"documents": count, "seconds": time.perf_counter() - start}


def newsgraph_extract(path: str, jobs: int) -> dict[str, float]:
    """The whole extract pipeline, writing the contract's JSON to /dev/null."""
    from newsgraph.contract import write_documents
    from newsgraph.pipeline import Options, extract_documents

    start = time.perf_counter()
    with open("/dev/null", "w", encoding="utf-8") as sink:
        count = write_documents(extract_documents([path], Options(jobs=jobs), print, lambda m: None), sink)
    return {"documents": count, "seconds": time.perf_counter() - start}


def measure(kind: str, path: str, jobs: int) -> dict[str, float]:
    """Run one measurement in a fresh process; add its peak memory (max of parent and any worker)."""
    code = f"import json,resource,sys; sys.path.insert(0,{str(Path(__file__).parent)!r}); import throughput as t; " \
           f"r=t.{kind}({path!r},{jobs}); " \
           "r['peak_mb']=max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)/1024; " \
           "print(json.dumps(r))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000, help="articles in the largest corpus")
    parser.add_argument("--jobs", type=int, default=2, help="processes for both the baseline and extract")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'corpus':>8} {'system':<20} {'docs/s':>8} {'peak MB':>8}  ratio")
        for count in (args.count // 3, args.count):
            path = str(Path(folder) / f"corpus-{count}.jsonl")
            write_corpus(path, count)
            base = measure("bare_spacy", path, args.jobs)
            ours = measure("newsgraph_extract", path, args.jobs)
            for name, row in (("bare spaCy nlp.pipe", base), ("newsgraph extract", ours)):
                rate = row["documents"] / row["seconds"]
                ratio = ours["seconds"] / base["seconds"]
                print(f"{count:>8} {name:<20} {rate:>8.1f} {row['peak_mb']:>8.0f}  {ratio if row is ours else 1.0:.2f}")


if __name__ == "__main__":
    main()
