"""Train the event model (main trigger and PLOVER type of a sentence) and write it into the package.

    python training/events/train.py [--c 1.0] [--negatives 120] [--out src/newsgraph/data/event_model]

Positives: the events train file minus its held-out fifth (training/heldout.py). Each sentence's
gold event is given to one candidate trigger (the silver trigger: the highest candidate whose
lexicon type is the gold type, else the root verb, else the highest candidate); its other
candidates are NONE, since the gold marks one main event per sentence. Negatives: every
candidate of the sentences of the first `--negatives` PolNeAR train articles (US campaign news,
mostly speech and no PLOVER event) as NONE, weighted down since some do hold events.
Classifier: multinomial logistic regression (scikit-learn, training only) over the indicator
features of extract/event_features.py (doc.tensor vectors were tried and lowered the held-out
type F1: 0.75 without, 0.64 at full weight); the runtime reads the
weights with numpy (extract/event_model.py). The held-out type score of the main-event choice
(extract/events.py) goes into meta.json, scored per sentence as the shared scorer does.
The shipped weights are this command's output with its defaults and the code they ship with: the
candidates and features come from the lexicon and extract/event_features.py, so rerun it after changing
either (weights trained before a lexicon change no longer come out of the command).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
from heldout import CORPORA, part, read  # noqa: E402

from newsgraph.extract.event_features import Candidate, candidates, sentence_features, sparse_features  # noqa: E402
from newsgraph.extract.event_model import NONE, TYPES, weights  # noqa: E402
from newsgraph.extract.events import main_event  # noqa: E402
from newsgraph.extract.timexes import sentence_starts  # noqa: E402
from newsgraph.nlp import load_pipeline  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "newsgraph" / "data" / "event_model"
NEGATIVE_WEIGHT = 0.3  # PolNeAR sentences are unlabelled for events: most hold none, some do
MIN_COUNT = 2  # features seen fewer times are dropped (keeps the weights small)


def sentences(doc):
    bounds = [*sentence_starts(doc), len(doc)]
    return [doc[a:b] for a, b in zip(bounds, bounds[1:])]


def silver(found: list[Candidate], types: set[str]) -> Candidate | None:
    """The candidate standing for the sentence's gold main event."""
    if not found:
        return None
    typed = [c for c in found if c.lexicon in types]
    roots = [c for c in found if c.token.dep_ == "ROOT"]
    return min(typed or roots or found, key=lambda c: (c.depth, c.token.i))


def examples(doc, label_of) -> list[tuple[dict, str, float]]:
    """(features, label, weight) for every candidate of the doc's sentences."""
    out = []
    for sentence in sentences(doc):
        found = candidates(sentence)
        words = sentence_features(sentence)
        for c, label, weight in label_of(found):
            out.append((sparse_features(c, found, words), label, weight))
    return out


def positive_labels(types: set[str], gold: str):
    def label_of(found):
        main = silver(found, types)
        return [(c, gold if main is not None and c.token.i == main.token.i else NONE, 1.0) for c in found]
    return label_of


def negative_labels(found):
    return [(c, NONE, NEGATIVE_WEIGHT) for c in found]


def polnear_texts(count: int) -> list[str]:
    with gzip.open(CORPORA / "attribution" / "polnear-train.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for _, line in zip(range(count), f)]


def training_examples(train: list[dict], negatives: int) -> list[tuple[dict, str, float]]:
    """Labelled candidates of the train sentences and of the negative articles."""
    nlp = load_pipeline()
    data = []
    for row, doc in zip(train, nlp.pipe(r["text"] for r in train)):
        gold = row["events"][0]
        data += examples(doc, positive_labels({gold["type"], *(gold.get("type_any") or [])}, gold["type"]))
    for doc in nlp.pipe(polnear_texts(negatives)):
        data += examples(doc, negative_labels)
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--c", type=float, default=3.0, help="inverse L2 strength of the logistic regression")
    parser.add_argument("--negatives", type=int, default=120, help="PolNeAR train articles used as negatives")
    parser.add_argument("--cache", help="pickle of the parsed examples, reused when it exists (faster reruns)")
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    args = parser.parse_args()
    train = part(read("events"), "train")
    if args.cache and Path(args.cache).exists():
        data = pickle.loads(Path(args.cache).read_bytes())
    else:
        data = training_examples(train, args.negatives)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(data))
    counts: dict[str, int] = {}
    for f, *_ in data:
        for key in f:
            counts[key] = counts.get(key, 0) + 1
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform([{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f, *_ in data])
    model = LogisticRegression(C=args.c, max_iter=3000)
    model.fit(X, [label for _, label, _ in data], sample_weight=np.array([w for *_, w in data]))
    meta = write(Path(args.out), model, vectorizer, args, len(train), len(data))
    if Path(args.out).resolve() == DEFAULT_OUT.resolve():
        meta["heldout"] = heldout_score()
        (DEFAULT_OUT / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta))


def heldout_score() -> dict[str, float]:
    """Type P/R/F1 of the shipped main-event choice on the held-out fifth, scored as the shared scorer does:
    one gold event per record, one system event per sentence the record splits into."""
    weights.cache_clear()
    rows = part(read("events"), "heldout")
    found = tp = 0
    for row, doc in zip(rows, load_pipeline().pipe(r["text"] for r in rows)):
        gold = row["events"][0]
        kinds = [main[1] for s in sentences(doc) if (main := main_event(s)) is not None]
        found += len(kinds)
        tp += any(kind in {gold["type"], *(gold.get("type_any") or [])} for kind in kinds)
    p, r = tp / found if found else 0.0, tp / len(rows)
    return {"sentences": len(rows), "type_p": round(p, 3), "type_r": round(r, 3),
            "type_f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


ABSENT = -30.0  # bias of a class the training data never shows (RETREAT: the gold says CONCEDE for YIELD)


def write(out: Path, model, vectorizer, args, sentences_used: int, examples_used: int) -> dict:
    """weights.npz (float16 feature weights, bias), features.json (their names) and meta.json."""
    out.mkdir(parents=True, exist_ok=True)
    classes = list(model.classes_)
    rows = [classes.index(k) if k in classes else None for k in [*TYPES, NONE]]
    coef = np.stack([model.coef_[r] if r is not None else np.zeros(model.coef_.shape[1]) for r in rows]).T.astype(np.float32)
    bias = np.array([model.intercept_[r] if r is not None else ABSENT for r in rows], dtype=np.float32)
    names = list(vectorizer.feature_names_)
    keep = np.abs(coef).max(axis=1) > 1e-4
    np.savez_compressed(out / "weights.npz", sparse=coef[keep].astype(np.float16), bias=bias)
    (out / "features.json").write_text(json.dumps([n for n, k in zip(names, keep) if k]), encoding="utf-8")
    meta = {"what": "main event and PLOVER type of a candidate trigger (multinomial logistic regression)",
            "data": "PLV events train minus the held-out fifth (training/heldout.py); PolNeAR train articles as NONE",
            "sentences": sentences_used, "examples": examples_used, "negative_articles": args.negatives,
            "negative_weight": NEGATIVE_WEIGHT, "c": args.c, "min_count": MIN_COUNT,
            "features": int(keep.sum()), "classes": [*TYPES, NONE],
            "command": "python training/events/train.py" + (f" --c {args.c}" if args.c != 3.0 else "")}
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


if __name__ == "__main__":
    main()
