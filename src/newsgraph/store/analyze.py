"""`newsgraph analyze`: extract only the articles the store lacks, store them batch by batch, relink the corpus."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsgraph.model import Document
from newsgraph.pipeline import OnError, Options, Warn, extract_documents
from newsgraph.store.database import Store
from newsgraph.store.link import relink


@dataclass(frozen=True)
class Analysis:
    """What a run added: new documents, and the stories of the whole store after relinking."""

    added: int
    total: int
    stories: int


def analyze(paths: list[str], store: Store, options: Options, on_error: OnError, warn: Warn) -> Analysis:
    """Add the articles of `paths` that are not stored yet, then link the whole store into stories again."""
    return store_documents(new_documents(paths, store.document_ids(), options, on_error, warn), store)


def store_documents(documents: Iterable[Document], store: Store) -> Analysis:
    """Add already extracted documents to the store (known ones are skipped) and relink it."""
    added = store.add(documents)
    return Analysis(added=added, total=store.count(), stories=relink(store))


def new_documents(paths: list[str], known: set[str], options: Options, on_error: OnError, warn: Warn) -> Iterator[Document]:
    """The articles of `paths` whose id is not in `known`, annotated and resolved (the known ones skip the NLP)."""
    return extract_documents(paths, options, on_error, warn, known=known)
