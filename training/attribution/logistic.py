"""The L2 logistic regression both attribution trainers fit: sparse named features in, named weights out."""

from __future__ import annotations

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression


def fit(rows: list[dict], labels: list[int], c: float, min_count: int, max_iter: int = 3000) -> dict[str, float]:
    """Feature weights (bias included as a feature of its own) for features seen at least min_count times."""
    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    kept = [{k: v for k, v in row.items() if counts[k] >= min_count} for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=max_iter, fit_intercept=False).fit(matrix, np.array(labels))
    return {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-3}
