"""`newsgraph analyze`: extract only the articles the store lacks, store them batch by batch, link what changed.

The corpus-wide state (the canonical actors and the story index) is kept in the store, so a run
continues where the last one stopped. A store's first linking groups all its articles at once; a
later run groups its new articles together with the earlier stories they resemble, which keep
their ids (`StoryIndex.grow`). Either way the grouping does not hang on the order the articles
came in (actor resolution, whose canonical names are story terms, still does); a corpus analyzed
in parts can differ from one run over all of it, which may group the earlier articles otherwise.
Claims, blame and framing are per story, so a run relinks only the stories its new articles joined
or started, reading only those stories' articles; every other story keeps its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from newsgraph.ingest.dedup import DuplicateIndex
from newsgraph.link import StoryIndex, group_stories, link_corpus
from newsgraph.link.stories import canonical_order
from newsgraph.model import Document
from newsgraph.pipeline import OnError, Options, Warn, resolved_documents
from newsgraph.resolve import EntityResolver
from newsgraph.store.database import Store


Watch = Callable[[Iterable[Document]], Iterable[Document]]


@dataclass(frozen=True)
class Analysis:
    """What a run added: new documents, and the stories of the whole store after relinking."""

    added: int
    total: int
    stories: int


@dataclass(frozen=True)
class Corpus:
    """What a run continues from: the canonical actors so far and the index that gives articles their stories.

    `linked` says the state came from a store that was linked before, so its story index is grown, not regrouped.
    """

    resolver: EntityResolver = field(default_factory=EntityResolver)
    stories: StoryIndex = field(default_factory=StoryIndex)
    copies: DuplicateIndex = field(default_factory=DuplicateIndex)
    linked: bool = False

    @classmethod
    def of(cls, store: Store) -> Corpus:
        """The corpus state kept in `store`, or a fresh one for a new store."""
        state = store.corpus_state()
        if state is None:
            return cls()
        copies = DuplicateIndex.restore(state["copies"]) if "copies" in state else DuplicateIndex()  # older stores kept none
        return cls(EntityResolver.restore(state["resolver"]), StoryIndex.restore(state["stories"]), copies, linked=True)

    def snapshot(self) -> dict[str, Any]:
        """Plain JSON-ready data that `of` restores."""
        return {"resolver": self.resolver.snapshot(), "stories": self.stories.snapshot(), "copies": self.copies.snapshot()}


def analyze(paths: list[str], store: Store, options: Options, on_error: OnError, warn: Warn,
            watch: Watch = iter) -> Analysis:
    """Add the articles of `paths` that are not stored yet, then link the whole store again.

    Stored articles are left out before the NLP, so an incremental run only pays for what is new.
    `watch` sees the new articles pass (a progress bar).
    """
    with store.run_lock():
        corpus = Corpus.of(store)
        documents = resolved_documents(paths, options, on_error, warn, known=store.document_ids(),
                                       resolver=corpus.resolver, duplicates=corpus.copies)
        return store_documents(watch(documents), store, corpus)


def store_documents(documents: Iterable[Document], store: Store, corpus: Corpus) -> Analysis:
    """Add documents extracted with `corpus` (`Corpus.of(store)`; known ones are skipped) with their canonical entities,
    link the stories they joined or started, and keep the corpus state for the next run.

    Each batch stores the entities it names as they are then; the whole entity table is stored again
    at the end, when later articles may have renamed an entity or added aliases and coordinates.
    A store without a corpus state (none linked yet) is linked whole.
    """
    added = store.add(documents, corpus.resolver.entities)
    store.set_entities(corpus.resolver.entities.values())
    stories = relink_stories(store, corpus) if corpus.linked else relink(store, corpus)
    return Analysis(added=added, total=store.count(), stories=stories)


def relink(store: Store, corpus: Corpus) -> int:
    """Link every stored document, its stories grouped at once (`group_stories`: the same whatever order the articles
    came in), and keep that story index as the corpus state later runs continue from; return the story count."""
    documents = list(store.documents())
    grouped = replace(corpus, stories=group_stories(documents))
    linked = link_corpus(documents, grouped.stories)
    store.set_links(linked.stories, linked.claims, linked.attributions, linked.framing, state=grouped.snapshot())
    return len(linked.stories)


def relink_stories(store: Store, corpus: Corpus) -> int:
    """Group the articles stored since the last linking left the corpus's story index (this run's, and an interrupted
    run's) together with the stories they resemble (`StoryIndex.grow`, in canonical order: free of the run's input
    order), then link again only the stories that changed, reading only their articles; return the story count."""
    index = corpus.stories
    touched = index.grow(canonical_order(list(store.documents([i for i in store.document_ids() if i not in index]))))
    stories = index.stories
    wanted = [story for story in stories if story.id in touched]
    members = sorted(store.documents([i for story in wanted for i in story.documents]), key=_stored_order)
    linked = link_corpus(members, index)
    store.replace_stories(stories, touched, linked.claims, linked.attributions, linked.framing, corpus.snapshot())
    return len(stories)


def _stored_order(document: Document) -> tuple[bool, date, str]:
    """The order `Store.documents()` reads the whole store in (undated first, then by date, then id), which linking follows."""
    return document.published is not None, document.published or date.min, document.id
