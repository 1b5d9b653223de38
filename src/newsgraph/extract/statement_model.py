"""The trained attribution scorer: a logistic model over candidate features, read once from data/.

Trained on the PolNeAR train split by training/attribution/train.py; its meta.json says the
data, settings and dev score. Inference is a sum of feature weights, no training library needed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from newsgraph.extract.statement_candidates import Candidate, features

MODEL_FILE = "statement_model.json"


@dataclass(frozen=True)
class Model:
    """Feature weights, the bias and the acceptance threshold chosen on the dev split."""

    weights: dict[str, float]
    threshold: float

    def probability(self, candidate: Candidate) -> float:
        """How likely the candidate is an attribution whose content the corpus would mark."""
        total = sum(self.weights.get(name, 0.0) for name in features(candidate))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))

    def accepts(self, candidate: Candidate) -> bool:
        return self.probability(candidate) >= self.threshold


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model, loaded once per process."""
    data = json.loads(files("newsgraph.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return Model(data["weights"], data["threshold"])
