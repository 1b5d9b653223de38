"""The trained speaker chooser: which candidate span (speaker_candidates.py) says a statement, or nobody.

Trained on the PolNeAR train split by training/speakers/train.py; its meta.json says the data,
settings and dev score. Inference is a sum of feature weights per candidate, no training library needed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Span

from newsgraph.extract.speaker_candidates import SpeakerCandidate, features, only_qualifies, rule_path, speaker_candidates
from newsgraph.extract.statement_context import Context, Draft

MODEL_FILE = "speaker_model.json"


@dataclass(frozen=True)
class SpeakerModel:
    """Feature weights and the margin "nobody" needs over the best candidate, chosen on the dev split."""

    weights: dict[str, float]
    none_margin: float

    def score(self, names: list[str]) -> float:
        return sum(self.weights.get(name, 0.0) for name in names)

    def choose(self, ctx: Context, draft: Draft) -> Span | None:
        """The best-scoring candidate's span, or None when "nobody" scores higher."""
        found = speaker_candidates(ctx, draft)
        ruled = rule_path(draft, found)
        best: SpeakerCandidate | None = None
        best_score = self.score(features(ctx, draft, None, ruled)) + self.none_margin
        for candidate in found:
            score = self.score(features(ctx, draft, candidate, ruled))
            if score > best_score and not only_qualifies(candidate, draft):
                best, best_score = candidate, score
        return best.span if best is not None else None


def choose_speakers(ctx: Context, drafts: list[Draft], model: SpeakerModel) -> None:
    """Give each draft the speaker the model chooses (a draft with none is unattributed)."""
    for draft in drafts:
        draft.speaker = model.choose(ctx, draft)
        draft.unattributed = draft.speaker is None


@lru_cache(maxsize=1)
def load_speaker_model() -> SpeakerModel:
    """The shipped model, loaded once per process."""
    data = json.loads(files("newsgraph.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return SpeakerModel(data["weights"], data["none_margin"])
