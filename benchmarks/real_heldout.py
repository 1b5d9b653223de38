"""newsgraph on the held-out fifth of the real events and timex train files, scored by the shared scorers.

    python benchmarks/real_heldout.py events [--part heldout|train|all] [--show]
    python benchmarks/real_heldout.py timex  [--part heldout|train|all] [--show]

The held-out part is defined in training/heldout.py (one record in five by a hash of its id);
the models under src/newsgraph/ are trained on the rest. Texts are written as
`materialize.py` writes them (timex texts start with the ` date YYYY-MM-DD` line), run through
the whole `extract` pipeline, and scored with ../shared/corpora/scorers/<corpus>.py, whose last
line is printed as it is.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from heldout import CORPORA, part, read  # noqa: E402

from newsgraph.contract import write_documents  # noqa: E402
from newsgraph.pipeline import Options, extract_documents  # noqa: E402


def materialize(corpus: str, rows: list[dict], folder: Path) -> Path:
    """Write the texts and the gold of the chosen records; return the gold file."""
    (folder / "texts").mkdir(parents=True)
    gold = folder / "gold.jsonl"
    with open(gold, "w", encoding="utf-8") as out:
        for row in rows:
            head = f" date {row['dct']}\n" if corpus == "timex" and row.get("dct") else ""
            (folder / "texts" / f"{row['id']}.txt").write_text(head + row["text"], encoding="utf-8")
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", choices=("events", "timex"))
    parser.add_argument("--part", default="heldout", choices=("heldout", "train", "all"))
    parser.add_argument("--show", action="store_true", help="print the scorer's per-item errors too")
    parser.add_argument("--keep", help="write texts, gold.jsonl and sys.jsonl into this folder")
    args = parser.parse_args()
    rows = part(read(args.corpus), args.part)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        gold = materialize(args.corpus, rows, folder)
        system = folder / "sys.jsonl"
        with open(system, "w", encoding="utf-8") as out:
            write_documents(extract_documents([str(folder / "texts")], Options(jobs=1)), out)
        scorer = [sys.executable, str(CORPORA / "scorers" / f"{args.corpus}.py"), str(gold), str(system)]
        print(f"{args.corpus} {args.part}: {len(rows)} records")
        subprocess.run(scorer + (["-v"] if args.show else []), check=True)


if __name__ == "__main__":
    main()
