"""The trained event model: how likely each candidate trigger states the sentence's event, and of which type.

Weights live in data/event_model/ (training/events/train.py writes them, meta.json says on what);
inference is a linear layer and a softmax in numpy, loaded once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"


@dataclass(frozen=True)
class Weights:
    """The model's parameters and its feature index."""

    index: dict[str, int]
    sparse: np.ndarray  # features x classes
    bias: np.ndarray


@lru_cache(maxsize=1)
def weights() -> Weights:
    """The shipped weights, read once."""
    folder = resources.files("newsgraph.data").joinpath("event_model")
    names = json.loads(folder.joinpath("features.json").read_text(encoding="utf-8"))
    with folder.joinpath("weights.npz").open("rb") as f:
        arrays = np.load(f)
        return Weights({n: i for i, n in enumerate(names)}, arrays["sparse"].astype(np.float32), arrays["bias"])


def probabilities(sparse: dict[str, float]) -> np.ndarray:
    """P(type) for the TYPES then NONE, for one candidate's features."""
    w = weights()
    known = [(row, value) for name, value in sparse.items() if (row := w.index.get(name)) is not None]
    logits = w.bias.copy()
    if known:
        rows, values = zip(*known)
        logits += np.asarray(values, dtype=np.float32) @ w.sparse[list(rows)]
    logits -= logits.max()
    exp = np.exp(logits)
    return exp / exp.sum()
