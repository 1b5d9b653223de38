"""Throughput and peak memory of `extract` against the bare spaCy pass over the same texts.

    python benchmarks/throughput.py [--count 3000] [--jobs 2]          generated articles
    python benchmarks/throughput.py --texts DIR --jobs 1               real articles (*.txt), e.g.
        python ../shared/corpora/materialize.py attribution dev /tmp/att-dev && \
        python benchmarks/throughput.py --texts /tmp/att-dev/texts --jobs 1

Each measurement runs in its own process so that peak memory (this process and its workers)
is its own. `speed` is bare spaCy seconds / extract seconds (1.00 = as fast as parsing alone; the
project's floor is 0.67 on real texts with --jobs 1): what readers, cleaning, dedup,
extraction, resolution and JSON output cost on top of parsing.
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

    texts = read_texts(path)
    nlp = load_pipeline()
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(texts, batch_size=CHUNK_SIZE, n_process=jobs))
    return {"documents": count, "seconds": time.perf_counter() - start}


def read_texts(path: str) -> list[str]:
    """The texts of a generated JSONL corpus, or of the *.txt files of a folder."""
    if Path(path).is_dir():
        return [f.read_text(encoding="utf-8") for f in sorted(Path(path).glob("*.txt"))]
    return [json.loads(line)["text"] for line in open(path, encoding="utf-8")]


def newsgraph_extract(path: str, jobs: int) -> dict[str, float]:
    """The whole extract pipeline, writing the contract's JSON to /dev/null."""
    from newsgraph.contract import write_documents
    from newsgraph.nlp import load_pipeline
    from newsgraph.pipeline import Options, extract_documents

    load_pipeline()  # the model's load is left out of both timings; everything newsgraph adds is in
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
    parser.add_argument("--texts", help="a folder of real articles (*.txt) instead of generated ones")
    args = parser.parse_args()
    print(f"{'corpus':>8} {'system':<20} {'docs/s':>8} {'peak MB':>8}  speed")
    if args.texts:
        compare(args.texts, len(read_texts(args.texts)), args.jobs)
        return
    with tempfile.TemporaryDirectory() as folder:
        for count in (args.count // 3, args.count):
            path = str(Path(folder) / f"corpus-{count}.jsonl")
            write_corpus(path, count)
            compare(path, count, args.jobs)


def compare(path: str, count: int, jobs: int) -> None:
    """One row for the bare pass and one for extract over the same texts, with extract's speed ratio."""
    base = measure("bare_spacy", path, jobs)
    ours = measure("newsgraph_extract", path, jobs)
    for name, row in (("bare spaCy nlp.pipe", base), ("newsgraph extract", ours)):
        rate = row["documents"] / row["seconds"]
        speed = base["seconds"] / row["seconds"]
        print(f"{count:>8} {name:<20} {rate:>8.1f} {row['peak_mb']:>8.0f}  {speed:.2f}")


if __name__ == "__main__":
    main()
