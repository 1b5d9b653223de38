"""Train the same-happening pair model (link/happenings.py) on the ECB+ train topics; score on dev.

Run: PYTHONPATH=src .venv/bin/python training/story_pairs/train.py [--work DIR]
Materializes the stories corpus (../shared/corpora) into DIR (default /tmp/newsgraph-story-pairs),
runs the real pipeline over the train and dev articles (cached in DIR as annotated.jsonl), fits a
logistic regression (plain numpy, Newton steps, L2) on article pairs of the train split, and writes
src/newsgraph/data/story_pairs.json and training/story_pairs/meta.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from newsgraph.ingest import DEFAULT_MAX_BYTES, read_inputs
from newsgraph.annotate import annotate
from newsgraph.link.happenings import FEATURES, LEAD_CHARS, arguments, features
from newsgraph.link.vectors import TermIndex
from newsgraph.link.words import document_terms
from newsgraph.model import Document
from newsgraph.pipeline import clean_documents
from newsgraph.resolve import EntityResolver

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
# L2 penalty of the logistic regression (train split; the weights barely move between 0.1 and 10).
L2 = 1.0
# Pairs of different topics are kept when their word cosine reaches this: the rest never meet in the index.
FLOOR = 0.05


def annotated(split: str, work: Path) -> tuple[list[Document], dict[str, dict]]:
    """The split's articles through clean, annotate and resolve (cached), and their gold rows by id stem."""
    folder = work / split
    if not (folder / "gold.jsonl").exists():
        subprocess.run([sys.executable, str(CORPORA / "materialize.py"), "stories", split, str(folder)], check=True)
    cache = folder / "annotated.jsonl"
    if not cache.exists():
        cleaned = clean_documents(read_inputs([str(folder / "texts")], DEFAULT_MAX_BYTES), None, print)
        with cache.open("w") as out:
            for document in annotate(cleaned, print, 1):
                out.write(document.model_dump_json() + "\n")
    resolver = EntityResolver()
    documents = [resolver.resolve(Document.model_validate_json(line)) for line in cache.open()]
    gold = {row["id"]: row for row in map(json.loads, (folder / "gold.jsonl").open())}
    return documents, gold


def pairs(documents: list[Document], gold: dict[str, dict]) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and labels (same subtopic) of every pair of articles that could meet in the index."""
    index = TermIndex()
    for document in documents:
        index.add(document_terms(document))
    found = [arguments(d) for d in documents]
    shared = TermIndex()
    for found_arguments in found:
        shared.add(found_arguments.terms())
    cosines = [dict(index.similar(terms, 0.0)) for terms in index.terms]
    argument_cosines = [dict(shared.similar(terms, 0.0)) for terms in shared.terms]
    rows, labels = [], []
    for i, j in itertools.combinations(range(len(documents)), 2):
        a, b = gold[Path(documents[i].source).stem], gold[Path(documents[j].source).stem]
        cosine = cosines[i].get(j, 0.0)
        if a["topic"] != b["topic"] and cosine < FLOOR:
            continue
        rows.append(features(cosine, argument_cosines[i].get(j, 0.0), found[i], found[j]))
        labels.append(float(a["subtopic"] == b["subtopic"]))
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Logistic regression by Newton steps, L2 on the weights (not the bias); returns [weights..., bias]."""
    design = np.hstack([x, np.ones((len(x), 1))])
    theta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ theta))
        gradient = design.T @ (p - y) + penalty @ theta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    return theta


def pair_f1(theta: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    predicted = (np.hstack([x, np.ones((len(x), 1))]) @ theta) > 0
    tp = float((predicted & (y > 0)).sum())
    return 2 * tp / (predicted.sum() + y.sum()) if tp else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-story-pairs"))
    args = parser.parse_args()
    train_x, train_y = pairs(*annotated("train", args.work))
    dev_x, dev_y = pairs(*annotated("dev", args.work))
    theta = fit(train_x, train_y)
    model = {"weights": dict(zip(FEATURES, map(float, theta[:-1]))), "bias": float(theta[-1])}
    (ROOT / "src/newsgraph/data/story_pairs.json").write_text(json.dumps(model, indent=1) + "\n")
    meta = {"model": "logistic regression over link/happenings.FEATURES", "data": "ECB+ train topics (stories corpus, split=train)",
            "pairs": {"train": len(train_y), "train_positive": int(train_y.sum()), "dev": len(dev_y)},
            "settings": {"l2": L2, "cross_topic_floor": FLOOR, "lead_chars": LEAD_CHARS},
            "pair_f1": {"train": round(pair_f1(theta, train_x, train_y), 3), "dev": round(pair_f1(theta, dev_x, dev_y), 3)}}
    (Path(__file__).parent / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(json.dumps(meta, indent=1))
    print(json.dumps(model, indent=1))


if __name__ == "__main__":
    main()
