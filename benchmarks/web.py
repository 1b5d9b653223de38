"""Response times of the web app on a store of 10,000 generated articles: story page and search.

The articles come from benchmarks/generate.py; their items (actors, statements, numbers, events) are
placed by string search rather than by running spaCy, and every five articles form a story, so the
store is built in seconds. Requests go through the app in-process (Starlette's test client), so the
times are the app's own: routing, queries, templates. Goal: median < 200 ms, p95 < 500 ms.

    python benchmarks/web.py [--count 10000] [--requests 200] [--db /tmp/web-bench.db]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
from generate import ACTORS, PLACES, VERBS, write_corpus  # noqa: E402

from newsgraph.model import Document, Event, Mention, Quantity, Statement, Story  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.web import create_app  # noqa: E402

STORY_SIZE = 5
NAMES = [a for a in ACTORS if a[0].isupper()] + PLACES
QUOTE = re.compile(r'"([^"]+)," (.+?) said')
NUMBER = re.compile(r"\d[\d,]*")


def documents(path: Path) -> Iterator[Document]:
    """The generated articles as Documents with their items placed by string search."""
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            record = json.loads(line)
            text = record["text"]
            yield Document(id=f"bench{number:05d}", source=str(path), url=record["url"], outlet=record["outlet"],
                           title=record["title"], published=record["date"], language="en", text=text,
                           entities=_mentions(text), quotes=_quotes(text), quantities=_numbers(text), events=_events(text))


def _mentions(text: str) -> list[Mention]:
    return [Mention(start=m.start(), end=m.end(), text=name, type="PERSON" if name in ACTORS else "GPE",
                    entity_id="bench-" + name.lower().replace(" ", "-"), name=name)
            for name in NAMES for m in re.finditer(re.escape(name), text)]


def _quotes(text: str) -> list[Statement]:
    return [Statement(speaker_text=m.group(2), speaker_start=m.start(2), speaker_end=m.end(2), cue="said",
                      content=m.group(1), content_start=m.start(1), content_end=m.end(1), direct=True)
            for m in QUOTE.finditer(text)]


def _numbers(text: str) -> list[Quantity]:
    return [Quantity(start=m.start(), end=m.end(), text=m.group(), value=float(m.group().replace(",", "")))
            for m in NUMBER.finditer(text)]


def _events(text: str) -> list[Event]:
    found = []
    for verb in VERBS:
        for m in re.finditer(rf"\b{verb}\b", text):
            found.append(Event(type=verb.upper(), trigger=verb, start=m.start(), end=m.end(), sentence=0,
                               actor="bench-police", target="bench-ankara"))
    return found


def build(db: Path, count: int) -> Store:
    """A store of `count` generated articles, linked into stories of STORY_SIZE articles."""
    db.parent.mkdir(parents=True, exist_ok=True)
    corpus = db.with_suffix(".jsonl")
    write_corpus(str(corpus), count)
    store = Store(db, writable=True)
    store.add(documents(corpus), batch_size=500)
    ids = sorted(store.document_ids())
    stories = [Story(id=f"story{i // STORY_SIZE:05d}", documents=ids[i:i + STORY_SIZE], headline=f"Story {i // STORY_SIZE}")
               for i in range(0, len(ids), STORY_SIZE)]
    store.set_links(stories, [], [])
    return store


def timed(request: Callable[[], int], times: int) -> list[float]:
    """Milliseconds of each of `times` calls; every response must be a 200."""
    found = []
    for _ in range(times):
        start = time.perf_counter()
        assert request() == 200
        found.append((time.perf_counter() - start) * 1000)
    return found


def report(name: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"{name:<14} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   ({len(times)} requests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", type=Path, default=Path(tempfile.mkdtemp()) / "web-bench.db")
    args = parser.parse_args()
    started = time.perf_counter()
    store = build(args.db, args.count) if not args.db.exists() else Store(args.db)
    print(f"store: {store.count()} articles in {args.db} ({time.perf_counter() - started:.1f} s)")
    client = TestClient(create_app(args.db), base_url="http://localhost")  # a host the app answers to
    rng = random.Random(7)
    stories = [f"story{rng.randrange(args.count // STORY_SIZE):05d}" for _ in range(args.requests)]
    words = [rng.choice(["Varga", "ankara talks", "bomb market", "ministry said", "Reyes", "negotiations coll"])
             for _ in range(args.requests)]
    report("story page", timed(lambda: client.get(f"/stories/{stories.pop()}").status_code, args.requests))
    report("search page", timed(lambda: client.get("/search", params={"q": words.pop()}).status_code, args.requests))
    report("live search", timed(lambda: client.get("/search/results", params={"q": rng.choice(PLACES)}).status_code,
                                args.requests))


if __name__ == "__main__":
    main()
