"""`newsgraph analyze`: extract only the articles the store lacks, store them batch by batch, relink the corpus.

The corpus-wide state (the canonical actors and the story index) is kept in the store, so a run
continues where the last one stopped: analyzing a corpus in parts gives the same entities and
stories, with the same ids, as one run over all of it, and as `extract` over the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.link import StoryIndex, link_corpus
from newsgraph.model import Document
from newsgraph.pipeline import OnError, Options, Warn, extract_documents
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
    """What a run continues from: the canonical actors so far and the index that gives articles their stories."""

    resolver: EntityResolver = field(default_factory=EntityResolver)
    stories: StoryIndex = field(default_factory=StoryIndex)

    @classmethod
    def of(cls, store: Store) -> Corpus:
        """The corpus state kept in `store`, or a fresh one for a new store."""
        state = store.corpus_state()
        if state is None:
            return cls()
        return cls(EntityResolver.restore(state["resolver"]), StoryIndex.restore(state["stories"]))

    def snapshot(self) -> dict[str, Any]:
        """Plain JSON-ready data that `of` restores."""
        return {"resolver": self.resolver.snapshot(), "stories": self.stories.snapshot()}


def analyze(paths: list[str], store: Store, options: Options, on_error: OnError, warn: Warn,
            watch: Watch = iter) -> Analysis:
    """Add the articles of `paths` that are not stored yet, then link the whole store again.

    Stored articles are left out before the NLP, so an incremental run only pays for what is new.
    `watch` sees the new articles pass (a progress bar).
    """
    with store.run_lock():
        corpus = Corpus.of(store)
        documents = extract_documents(paths, options, on_error, warn, known=store.document_ids(),
                                      stories=corpus.stories, resolver=corpus.resolver)
        return store_documents(watch(documents), store, corpus)


def store_documents(documents: Iterable[Document], store: Store, corpus: Corpus) -> Analysis:
    """Add documents extracted with `corpus` (known ones are skipped) with their canonical entities, relink the store,
    and keep the corpus state for the next run.

    Each batch stores the entities it names as they are then; the whole entity table is stored again
    at the end, when later articles may have renamed an entity or added aliases and coordinates.
    """
    added = store.add(documents, corpus.resolver.entities)
    store.set_entities(corpus.resolver.entities.values())
    return Analysis(added=added, total=store.count(), stories=relink(store, corpus))


def relink(store: Store, corpus: Corpus) -> int:
    """Link every stored document again with the corpus's story index (stories keep their ids); return the story count."""
    linked = link_corpus(list(store.documents()), corpus.stories)
    store.set_links(linked.stories, linked.claims, linked.attributions, linked.framing, state=corpus.snapshot())
    return len(linked.stories)
