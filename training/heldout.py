"""The fixed held-out part of the corpora's train files (events, timex), shared by training and benchmarks.

The corpora ship no dev split for events and time expressions, so one in five records (by a hash
of its id, independent of order and of the records' sorting by type) is kept out of training and
used for tuning and reporting. Training reads `part(rows, "train")`, benchmarks `part(rows, "heldout")`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
FILES = {"events": "events/plv-train.jsonl.gz", "timex": "timex/tbaq-train.jsonl.gz"}
SHARE = 5  # one record in SHARE is held out


def is_heldout(record_id: str) -> bool:
    """Whether a record belongs to the held-out fifth."""
    return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % SHARE == 0


def part(rows: list[dict], name: str) -> list[dict]:
    """The records of one part: "train", "heldout" or "all"."""
    if name == "all":
        return rows
    return [r for r in rows if is_heldout(r["id"]) == (name == "heldout")]


def read(corpus: str, corpora: Path = CORPORA) -> list[dict]:
    """All records of a corpus's train file."""
    with gzip.open(corpora / FILES[corpus], "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
