"""Train the attribution scorer on PolNeAR train, pick its threshold on dev, write it into the package.

    PYTHONPATH=src /work/main/.venv/bin/python training/attribution/train.py [--work /tmp/newsgraph-attribution]

Parses both splits once (cached in --work), labels every candidate of statement_candidates.py
(positive when a gold attribution has the candidate's cue word in its cue and a content the
shared scorer would match), fits an
L2 logistic regression (scikit-learn, training only), chooses the acceptance threshold that
gives the best content F1 + content+source F1 of find_statements on dev, and writes
src/newsgraph/data/statement_model.json with its statement_model.meta.json beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.tokens import Doc

from corpus import CORPORA, parsed
from logistic import fit
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.statement_candidates import Candidate, candidates, features
from newsgraph.extract.statement_context import Context
from newsgraph.extract.statement_direct import direct_drafts
from newsgraph.extract.statement_model import MODEL_FILE, Model
from newsgraph.extract.statements import find_statements

sys.path.insert(0, str(CORPORA / "scorers"))
import attribution as scorer  # noqa: E402  (the shared scorer: its normalisation and matching)

HERE = Path(__file__).resolve().parent
PACKAGE_MODEL = HERE.parents[1] / "src" / "newsgraph" / "data" / MODEL_FILE
# Regularisation and feature cut-off, chosen by content F1 on dev (see meta.json).
C = 0.3
MIN_COUNT = 2
THRESHOLDS = [round(0.1 + 0.025 * i, 3) for i in range(17)]


def examples(split: str, work: Path) -> tuple[list[dict], list[int]]:
    """Feature dicts and labels of every candidate of a split."""
    rows, labels = [], []
    for record, doc in parsed(split, work):
        gold = [set(scorer.toks(a["content"])) for a in record["attributions"]]
        ctx = Context(doc)
        done = {d.cue.i for d in direct_drafts(ctx) if d.cue is not None}
        for candidate in candidates(ctx, done):
            rows.append(dict.fromkeys(features(candidate), 1))
            labels.append(int(is_attribution(candidate, record["attributions"], gold)))
    return rows, labels


def is_attribution(candidate: Candidate, attributions: list[dict], gold: list[set[str]]) -> bool:
    """A gold attribution has this cue word in its cue and a content the scorer would match."""
    draft = candidate.draft
    words = set(scorer.toks(draft.cue.doc.text[draft.start : draft.end]))
    return any(a["cue_start"] is not None and a["cue_start"] <= draft.cue.idx < a["cue_end"] and scorer.jaccard(words, g) >= 0.5
               for a, g in zip(attributions, gold))


def dev_scores(dev: list[tuple[dict, Doc, list]], model: Model) -> dict[str, float]:
    """Content and content+source P/R/F1 of find_statements on dev, matched as the shared scorer does."""
    n_gold = n_sys = tp_c = tp_s = 0
    for record, doc, mentions in dev:
        found = find_statements(doc, mentions, model)
        gold = record["attributions"]
        gsets = [set(scorer.toks(a["content"])) for a in gold]
        ssets = [set(scorer.toks(s.content)) for s in found]
        n_gold, n_sys = n_gold + len(gold), n_sys + len(found)
        for i, j, _ in scorer.greedy_match(gsets, ssets, 0.5):
            tp_c += 1
            tp_s += scorer.source_match(gold[i], found[j].speaker)
    cp, cr, cf = scorer.prf(tp_c, n_sys, n_gold)
    sp, sr, sf = scorer.prf(tp_s, n_sys, n_gold)
    return {"content_p": cp, "content_r": cr, "content_f1": cf, "source_p": sp, "source_r": sr, "source_f1": sf}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-attribution"))
    args = parser.parse_args()
    rows, labels = examples("train", args.work)
    print(f"train candidates={len(rows)} positive={sum(labels)}")
    weights = fit(rows, labels, C, MIN_COUNT, max_iter=2000)
    dev = [(record, doc, find_mentions(doc)) for record, doc in parsed("dev", args.work)]
    sweep = {t: dev_scores(dev, Model(weights, t)) for t in THRESHOLDS}
    for t, s in sweep.items():
        print(t, " ".join(f"{k}={v:.3f}" for k, v in s.items()))
    best = max(sweep, key=lambda t: sweep[t]["content_f1"] + sweep[t]["source_f1"])
    PACKAGE_MODEL.write_text(json.dumps({"threshold": best, "weights": weights}, sort_keys=True), encoding="utf-8")
    meta = {"data": "PolNeAR train (840 articles, ../shared/corpora/attribution/polnear-train.jsonl.gz)",
            "model": "L2 logistic regression over candidate features (extract/statement_candidates.py)",
            "settings": {"C": C, "min_count": MIN_COUNT, "features": len(weights), "threshold": best,
                         "train_candidates": len(rows), "train_positive": sum(labels)},
            "dev": {k: round(v, 3) for k, v in sweep[best].items()},
            "dev_note": "find_statements alone on PolNeAR dev (no corpus-wide resolution); "
                        "benchmarks/attribution.py gives the full extract numbers"}
    PACKAGE_MODEL.with_suffix(".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"threshold={best} {sweep[best]}")


if __name__ == "__main__":
    main()
