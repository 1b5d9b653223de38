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
    logits = w.bias.copy()
    for name, value in sparse.items():
        row = w.index.get(name)
        if row is not None:
            logits += value * w.sparse[row]
    logits -= logits.max()
    exp = np.exp(logits)
    return exp / exp.sum()
