"""Shared by the scorers: timing an extractor against the bare spaCy pass over the same texts."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc

from newsgraph.nlp import load_pipeline

# Best of this many alternated rounds: the machine is shared, the minimum is the least noisy.
ROUNDS = 3


def run(texts: Sequence[str], extract: Callable[[Doc, int], Any] | None) -> tuple[list[Any], float]:
    """One pass: nlp.pipe alone (extract None) or with `extract(doc, index)`; (results, seconds)."""
    start = time.perf_counter()
    results = [extract(doc, i) if extract else None for i, doc in enumerate(load_pipeline().pipe(texts))]
    return results, time.perf_counter() - start


def timed(texts: Sequence[str], extract: Callable[[Doc, int], Any]) -> tuple[list[Any], float, float]:
    """Results of `extract` on every text, and the best bare and full timings of alternated rounds."""
    run(texts[:5], extract)  # warm up: model and lexicon loading are not what is measured
    bare, full, results = [], [], []
    for _ in range(ROUNDS):
        bare.append(run(texts, None)[1])
        results, seconds = run(texts, extract)
        full.append(seconds)
    return results, min(bare), min(full)


def split_arguments(show_help: str) -> argparse.Namespace:
    """`--split dev|heldout|blind|all` and `--show`, as every scorer takes them."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--show", action="store_true", help=show_help)
    return parser.parse_args()
