"""Train the speaker chooser on PolNeAR train, pick its "nobody" margin on dev, write it into the package.

    PYTHONPATH=src python training/speakers/train.py [--work /tmp/newsgraph-attribution]

(the parsed splits are cached in --work, shared with training/attribution/train.py; needs the `train` extra.)

For every statement find_statements drafts whose content the shared scorer matches to a gold
attribution, each candidate of speaker_candidates.py (and "nobody") is labelled by whether its
span holds the gold source's head word (stricter than the scorer, which also credits "a lawyer in
Marlow" for "Dana Ruelle, a lawyer in Marlow"), or is a name the scorer credits for a gold pronoun
("Mr. Kamin" for "who"); a pronoun candidate must match literally, resolving it comes later
(statement_sources.py). An L2 logistic regression (scikit-learn, training only)
scores the candidates; the margin "nobody" needs is the one whose choices match the gold best on
dev. Writes src/newsgraph/data/speaker_model.json with its speaker_model.meta.json beside it, and
prints content+source scores of find_statements on dev for the rules alone and for the model.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.speaker_candidates import features, rule_path, speaker_candidates
from newsgraph.extract.speaker_model import MODEL_FILE, SpeakerModel
from newsgraph.extract.statement_context import Context
from newsgraph.extract.statement_model import load_model
from newsgraph.extract.statements import find_statements, statement_drafts

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "attribution"))
from corpus import CORPORA, parsed  # noqa: E402  (the attribution training's parse cache)
from logistic import fit  # noqa: E402  (the regression both trainers fit)

sys.path.insert(0, str(CORPORA / "scorers"))
import attribution as scorer  # noqa: E402  (the shared scorer: its normalisation and matching)

PACKAGE_MODEL = HERE.parents[1] / "src" / "newsgraph" / "data" / MODEL_FILE
# Regularisation and feature cut-off (see meta.json for the dev score they give).
C = 0.3
MIN_COUNT = 2
MARGINS = [round(-2.0 + 0.25 * i, 2) for i in range(17)]
# The rules alone, as a model: their speaker when they give one, else nobody.
RULES = SpeakerModel({"ruled=True": 1.0}, 0.0)


@dataclass
class Choice:
    """One matched statement: the feature names of "nobody" and of each candidate, and which are right."""

    options: list[list[str]]
    right: list[bool]
    credit: list[bool]


def choices(split: str, work: Path) -> list[Choice]:
    """The speaker choices of every content-matched statement of a split ("nobody" first)."""
    found = []
    statement_model = load_model()
    for record, doc in parsed(split, work):
        ctx = Context(doc)
        drafts = statement_drafts(ctx, statement_model)
        gold = record["attributions"]
        gsets = [set(scorer.toks(a["content"])) for a in gold]
        dsets = [set(scorer.toks(ctx.text[d.start : d.end])) for d in drafts]
        for i, j, _ in scorer.greedy_match(gsets, dsets, 0.5):
            draft, source = drafts[j], gold[i]
            candidates = speaker_candidates(ctx, draft)
            ruled = rule_path(draft, candidates)
            options = [features(ctx, draft, None, ruled)] + [features(ctx, draft, c, ruled) for c in candidates]
            credit = [scorer.source_match(source, None)] + [is_credited(source, c.span) for c in candidates]
            right = [credit[0]] + [is_right(source, c.span, ok) for c, ok in zip(candidates, credit[1:])]
            found.append(Choice(options, right, credit))
    return found


def is_credited(source: dict, span: Span) -> bool:
    """Whether the scorer credits a speaker span as written: a pronoun must match literally, a name also
    matches the antecedents a gold pronoun has ("Mr. Kamin" for "who")."""
    return scorer.source_match(source, span.text, lenient_pronouns=span.root.pos_ != "PRON")


def is_right(source: dict, span: Span, credited: bool) -> bool:
    """The training label: the span holds the gold source's head word, or is a name the scorer credits."""
    head = head_position(source)
    if head is None:
        return credited
    return span.start_char <= head < span.end_char or (credited and span.root.pos_ != "PRON")


def head_position(source: dict) -> int | None:
    """Where the gold source's head word is in the text (None when it has no source or head)."""
    if not source["source"] or not source.get("source_head"):
        return None
    offset = source["source"].find(source["source_head"])
    return source["source_start"] + offset if offset >= 0 else None


def fit_options(train: list[Choice]) -> dict[str, float]:
    """Feature weights of an L2 logistic regression over every option of every choice."""
    rows = [dict.fromkeys(names, 1) for choice in train for names in choice.options]
    labels = [int(ok) for choice in train for ok in choice.right]
    return fit(rows, labels, C, MIN_COUNT)


def accuracy(model: SpeakerModel, found: list[Choice]) -> float:
    """Share of matched statements whose chosen option (nobody, or a candidate) the scorer credits as written."""
    right = 0
    for choice in found:
        scores = [model.score(names) for names in choice.options]
        scores[0] += model.none_margin
        best = max(range(len(scores)), key=lambda k: (scores[k], -k))
        right += choice.credit[best]
    return right / len(found)


def statement_scores(split: str, work: Path, model: SpeakerModel) -> dict[str, float]:
    """Content and content+source F1 of find_statements on a split, matched as the shared scorer does."""
    n_gold = n_sys = tp_c = tp_s = 0
    for record, doc in parsed(split, work):
        found = find_statements(doc, find_mentions(doc), speakers=model)
        gold = record["attributions"]
        contents = [set(scorer.toks(s.content)) for s in found]
        matches = scorer.greedy_match([set(scorer.toks(a["content"])) for a in gold], contents, 0.5)
        n_gold, n_sys, tp_c = n_gold + len(gold), n_sys + len(found), tp_c + len(matches)
        tp_s += sum(scorer.source_match(gold[i], found[j].speaker) for i, j, _ in matches)
    return {"content_f1": scorer.prf(tp_c, n_sys, n_gold)[2], "source_f1": scorer.prf(tp_s, n_sys, n_gold)[2], "source_tp": tp_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-attribution"))
    args = parser.parse_args()
    train, dev = choices("train", args.work), choices("dev", args.work)
    print(f"train statements={len(train)} options={sum(len(c.right) for c in train)}; dev statements={len(dev)}")
    weights = fit_options(train)
    sweep = {m: accuracy(SpeakerModel(weights, m), dev) for m in MARGINS}
    print("rules alone: dev", round(accuracy(RULES, dev), 3), "train", round(accuracy(RULES, train), 3))
    print("margins:", " ".join(f"{m}={a:.3f}" for m, a in sweep.items()))
    margin = max(sweep, key=lambda m: (sweep[m], -abs(m)))
    model = SpeakerModel(weights, margin)
    print("model: dev", round(sweep[margin], 3), "train", round(accuracy(model, train), 3))
    PACKAGE_MODEL.write_text(json.dumps({"none_margin": margin, "weights": weights}, sort_keys=True), encoding="utf-8")
    rules, learned = statement_scores("dev", args.work, RULES), statement_scores("dev", args.work, model)
    meta = {"data": "PolNeAR train (840 articles, ../shared/corpora/attribution/polnear-train.jsonl.gz)",
            "model": "L2 logistic regression over speaker-candidate features (extract/speaker_candidates.py)",
            "settings": {"C": C, "min_count": MIN_COUNT, "features": len(weights), "none_margin": margin,
                         "train_statements": len(train)},
            "dev_choice_accuracy": {"rules": round(accuracy(RULES, dev), 3), "model": round(sweep[margin], 3)},
            "dev_rules": {k: round(v, 3) for k, v in rules.items()},
            "dev_model": {k: round(v, 3) for k, v in learned.items()},
            "dev_note": "find_statements alone on PolNeAR dev (no corpus-wide resolution); "
                        "benchmarks/attribution.py gives the full extract numbers"}
    PACKAGE_MODEL.with_suffix(".meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
