"""Who said what on real news: `newsgraph extract` over PolNeAR dev, scored by the shared scorer.

    python benchmarks/attribution.py [--out /tmp/newsgraph-att-dev] [--corpora ../shared/corpora]

Materializes the dev split (texts + gold) into --out, runs the whole extract (one process, so the
entity ids and canonical speakers are the ones users see), runs scorers/attribution.py (content and
content+source P/R/F1, recall by kind: direct / indirect / mixed, pronoun sources) and adds how the
pronoun speakers were given: resolved to a name (how many of those the gold's antecedents confirm, how
many have no antecedent in the gold) or left as written, and content+source with the speakers as
written (speaker_text), which separates choosing the speaker from resolving it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parents[1] / "shared" / "corpora"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsgraph-att-dev"))
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args()
    python = sys.executable
    subprocess.run([python, str(args.corpora / "materialize.py"), "attribution", "dev", str(args.out)], check=True)
    system = args.out / "sys.jsonl"
    with open(system, "w", encoding="utf-8") as sink:
        subprocess.run([python, "-m", "newsgraph", "extract", str(args.out / "texts"), "--format", "jsonl", "--jobs", "1"],
                       stdout=sink, check=True)
    scorer = [python, str(args.corpora / "scorers" / "attribution.py"), str(args.out / "gold.jsonl")]
    subprocess.run([*scorer, str(system)], check=True)
    print(pronoun_report(args.corpora, args.out / "gold.jsonl", system))
    as_written = subprocess.run([*scorer, str(written_speakers(system))], check=True, capture_output=True, text=True).stdout
    print("speakers as written (speaker_text, before resolution; diagnostic):",
          next(line for line in as_written.splitlines() if line.startswith("content+source:")))


def written_speakers(system: Path) -> Path:
    """A copy of the system output whose speakers are the spans as written: how well the speaker is chosen,
    apart from how it is resolved (the scorer cannot credit "he" resolved to a name its gold does not list)."""
    target = system.with_name("sys-as-written.jsonl")
    with open(system, encoding="utf-8") as source, open(target, "w", encoding="utf-8") as sink:
        for line in source:
            document = json.loads(line)
            for quote in document["quotes"]:
                quote["speaker"] = quote.get("speaker_text") or quote.get("speaker")
            sink.write(json.dumps(document) + "\n")
    return target


def pronoun_report(corpora: Path, gold_path: Path, system_path: Path) -> str:
    """Of the pronoun sources whose content was found: how many speakers were resolved to a name, how many of those right."""
    sys.path.insert(0, str(corpora / "scorers"))
    import attribution as scorer

    gold = {row["id"]: row for row in scorer.load_jsonl(str(gold_path))}
    resolved = right = unchecked = literal = 0
    for document in scorer.load_jsonl(str(system_path)):
        record = gold.get(scorer.doc_key(document))
        if record is None:
            continue
        quotes = document["quotes"]
        gsets = [set(scorer.toks(a["content"])) for a in record["attributions"]]
        ssets = [set(scorer.toks(q["content"])) for q in quotes]
        for i, j, _ in scorer.greedy_match(gsets, ssets, 0.5):
            attribution, speaker = record["attributions"][i], quotes[j].get("speaker")
            if not attribution.get("source") or not scorer.is_pronoun_source(attribution) or not speaker:
                continue
            if scorer.normalize(speaker) in scorer.PRONOUNS:
                literal += 1
            else:
                resolved += 1
                unchecked += not attribution.get("source_resolved")
                right += any(scorer.name_match(a, {scorer.head_of(a)}, speaker) for a in attribution.get("source_resolved") or [])
    return (f"pronoun speakers (content matched): resolved to a name={resolved} "
            f"(right by the hand-checked antecedents={right}, "
            f"gold without antecedents={unchecked}), left as written={literal}")


if __name__ == "__main__":
    main()
