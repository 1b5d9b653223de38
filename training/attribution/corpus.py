"""The PolNeAR splits parsed once with the shipped pipeline, cached as DocBin files in a work folder."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsgraph import nlp as pipeline

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
SPLITS = {"train": "attribution/polnear-train.jsonl.gz", "dev": "attribution/polnear-dev.jsonl.gz"}


def records(split: str, corpora: Path = CORPORA) -> list[dict]:
    """The gold records of a split: id, text and attributions."""
    with gzip.open(corpora / SPLITS[split], "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def parsed(split: str, work: Path, corpora: Path = CORPORA) -> list[tuple[dict, Doc]]:
    """Each record with its parse; parses once and reuses work/<split>-<pipeline>.spacy afterwards."""
    rows = records(split, corpora)
    nlp = pipeline.load_pipeline()
    cache = work / f"{split}-{fingerprint(nlp)}.spacy"
    if not cache.exists():
        work.mkdir(parents=True, exist_ok=True)
        store = DocBin(store_user_data=False)
        for doc in nlp.pipe((r["text"] for r in rows), batch_size=32):
            store.add(doc)
        store.to_disk(cache)
    docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    return list(zip(rows, docs))


def fingerprint(nlp: Language) -> str:
    """What the parses depend on: the model and rulers' state and the pipeline's own code (a changed
    component makes a new cache instead of reusing stale parses)."""
    return hashlib.sha256(nlp.to_bytes(exclude=["vocab"]) + Path(pipeline.__file__).read_bytes()).hexdigest()[:12]
