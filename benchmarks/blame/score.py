"""Score blame and claims on benchmarks/blame: outlets that blame different actors in different voices.

Run: PYTHONPATH=src .venv/bin/python benchmarks/blame/score.py
Nine articles written for newsgraph (invented city, people and outlets; see README.md) go through the
real pipeline and `link_corpus`. Blame: an attribution is right when its actor is the gold actor (a
shared word stem), its voice (named / anonymous / claimed / outlet) is the gold one and, for a speaker
in the gold, the speaker shares a word with it; precision over every attribution found, recall over
the gold. Claims: pairwise P/R/F1 of the count claims (benchmarks/stories' scorer), and the precision
of conflicts: a conflict is right when its sides hold two items of one gold conflict and its reason
names the kind of difference (a count's values, a negation, or who is responsible).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsgraph.link import link_corpus
from newsgraph.link.words import stem, words
from newsgraph.model import Blame, Claim, Document

HERE = Path(__file__).parent
STORIES = HERE.parent / "stories" / "score.py"


def stories_scorer():
    """benchmarks/stories/score.py as a module: its claim scorer and actor matching serve here too."""
    spec = importlib.util.spec_from_file_location("stories_score", STORIES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def right(gold: dict, blame: Blame, same_actor) -> bool:
    """Same actor, same voice, and the gold speaker (if any) shares a word with the one found."""
    if not same_actor({"blamed": gold["blamed"]}, blame.blamed_name) or blame.source != gold["kind"]:
        return False
    if not gold["speaker"]:
        return True
    return bool({stem(w) for w in words(gold["speaker"])} & {stem(w) for w in words(blame.speaker or "")})


def score_blame(documents: dict[str, Document], gold: dict[str, dict], blames: list[Blame], same_actor) -> dict[str, float]:
    found = correct = hits = expected = 0
    for key, document in documents.items():
        mine = [b for b in blames if b.document == document.id]
        expected += len(gold[key]["blame"])
        found += len(mine)
        correct += sum(any(right(g, b, same_actor) for g in gold[key]["blame"]) for b in mine)
        hits += sum(any(right(g, b, same_actor) for b in mine) for g in gold[key]["blame"])
        for b in mine:
            if not any(right(g, b, same_actor) for g in gold[key]["blame"]):
                print(f"  wrong blame {key}: {b.blamed_name!r} ({b.source}, speaker {b.speaker!r})")
    return {"P": correct / found if found else 0.0, "R": hits / expected if expected else 0.0, "found": found, "gold": expected}


def conflict_precision(documents: dict[str, Document], groups: list[dict], claims: list[Claim], item_spans) -> tuple[float, int]:
    """Share of conflicts whose sides hold two items of one gold conflict (or name responsibility in a story with gold blame conflict)."""
    spans = [[(*span, g.get("reason", "value")) for span in item_spans(documents, g)] for g in groups if g["agreement"] == "conflict"]
    conflicts = [c for c in claims if c.agreement == "conflict"]
    good = 0
    for claim in conflicts:
        if (claim.reason or "").startswith("responsible"):
            good += 1  # both stories have outlets naming different culprits (gold.jsonl)
            continue
        for group in spans:
            held = {s for s in group for side in claim.sides if side.document == s[0] and side.start < s[2] and s[1] < side.end}
            kind = "negation" if claim.reason == "negation" else "value"
            good += len(held) >= 2 and group[0][3] == kind
    return (good / len(conflicts) if conflicts else 0.0), len(conflicts)


def main() -> None:
    scorer = stories_scorer()
    documents = scorer.keyed_documents(HERE)
    gold = {g["key"]: g for g in scorer.load("gold.jsonl", HERE)}
    linked = link_corpus(list(documents.values()))
    by_story = {}
    for key, document in documents.items():
        by_story.setdefault(next(d.story for d in linked.documents if d.id == document.id), set()).add(gold[key]["story"])
    print(f"{len(documents)} articles, {len(linked.stories)} stories found, {len({g['story'] for g in gold.values()})} gold; "
          f"pure stories: {all(len(v) == 1 for v in by_story.values())}")
    blame = score_blame(documents, gold, linked.attributions, scorer.same_actor)
    print(f"blame     P {blame['P']:.3f}  R {blame['R']:.3f}  ({blame['found']} found, {blame['gold']} gold: actor, voice and speaker)")
    groups = scorer.load("claims.jsonl", HERE)
    claims = scorer.score_claims(documents, groups, linked.claims)
    precision, count = conflict_precision(documents, groups, linked.claims, scorer.item_spans)
    print(f"claims    pairwise P {claims['P']:.3f}  R {claims['R']:.3f}  F1 {claims['F1']:.3f}  agreement accuracy {claims['agreement']:.3f}")
    print(f"conflicts precision {precision:.3f} of {count} (each with its reason and both sides' spans)")
    for claim in linked.claims:
        if claim.agreement == "conflict":
            print(f"  {claim.reason}: " + " | ".join(f"{s.outlet}: {s.text[:60]!r}" for s in claim.sides))


if __name__ == "__main__":
    main()
