"""`newsgraph analyze`: extract only the articles the store lacks, store them batch by batch, relink the corpus."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsgraph.model import Document, Entity
from newsgraph.pipeline import OnError, Options, Warn, extract_documents
from newsgraph.resolve import EntityResolver
from newsgraph.store.database import Store
from newsgraph.store.link import relink


@dataclass(frozen=True)
class Analysis:
    """What a run added: new documents, and the stories of the whole store after relinking."""

    added: int
    total: int
    stories: int


def analyze(paths: list[str], store: Store, options: Options, on_error: OnError, warn: Warn) -> Analysis:
    """Add the articles of `paths` that are not stored yet, then link the whole store into stories again.

    Stored articles are left out before the NLP, so an incremental run only pays for what is new.
    """
    resolver = EntityResolver()
    documents = extract_documents(paths, options, on_error, warn, known=store.document_ids(), resolver=resolver)
    return store_documents(documents, store, resolver.entities)


def store_documents(documents: Iterable[Document], store: Store, entities: Mapping[str, Entity]) -> Analysis:
    """Add extracted documents (known ones are skipped) with their canonical entities, and relink the store.

    `entities` is the resolver's live table: each batch stores the entities it names as they are
    then, and the whole table is stored again at the end, when later articles may have renamed
    an entity or added aliases and coordinates.
    """
    added = store.add(documents, entities)
    store.set_entities(entities.values())
    return Analysis(added=added, total=store.count(), stories=relink(store))
