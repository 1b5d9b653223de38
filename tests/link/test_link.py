"""link_corpus: the one call the pipeline makes at the end of a run; its output fits the store."""

from __future__ import annotations

from pathlib import Path

from newsgraph.link import StoryIndex, link_corpus
from newsgraph.store import Store
from tests.link.conftest import corpus


def test_the_linked_corpus_is_stored_whole_and_read_back_field_for_field(linked, tmp_path: Path) -> None:
    store = Store(tmp_path / "news.db", writable=True)
    store.add(linked.documents)
    store.set_links(linked.stories, linked.claims, linked.attributions, linked.framing)
    stored = store.links()
    assert stored.stories == linked.stories and stored.claims == linked.claims
    assert stored.blame == linked.attributions and stored.framing == linked.framing
    conflicts = [c for c in stored.claims if c.agreement == "conflict"]
    assert conflicts and all(c.reason and len(c.sides) >= 2 for c in conflicts)  # the test covers what matters most
    assert any(b.source == "claimed" for b in stored.blame) and any(f.blamed for f in stored.framing)
    assert list(store.documents([d.id for d in linked.documents])) == linked.documents


def test_every_claim_belongs_to_a_story_and_every_story_to_its_documents(linked) -> None:
    stories = {s.id: set(s.documents) for s in linked.stories}
    for claim in linked.claims:
        assert {s.document for s in claim.sides} <= stories[claim.story]
    assert sorted(d for s in linked.stories for d in s.documents) == sorted(d.id for d in corpus())


def test_a_streamed_run_keeps_the_story_ids_it_already_wrote() -> None:
    index = StoryIndex()
    streamed = [index.add(d) for d in reversed(corpus())]
    linked = link_corpus(streamed, index)
    assert [d.story for d in linked.documents] == [d.story for d in streamed]
    assert {s.id for s in linked.stories} == {d.story for d in streamed}
