"""The flow of design.md end to end: inputs in, annotated and resolved Documents out, streaming."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from newsgraph.errors import EmptyInputError, InputError
from newsgraph.extract import Warn
from newsgraph.ingest import DEFAULT_MAX_BYTES, Item, Label, read_inputs
from newsgraph.ingest.clean import make_document
from newsgraph.ingest.dedup import DuplicateIndex
from newsgraph.link import StoryIndex
from newsgraph.model import Document
from newsgraph.resolve import EntityResolver
from newsgraph.runner import Engine, make_runner

OnError = Callable[[InputError], None]


@dataclass(frozen=True)
class Options:
    """How a run reads its inputs and how much of the machine it uses."""

    published: date | None = None  # for inputs that carry no publication date
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int | None = None  # worker processes for large inputs; None: one per core (Ray: 2 workers)
    engine: Engine = "local"  # where the per-document work runs: "local" processes or "ray"
    ray_address: str | None = None  # the Ray cluster; None starts a local Ray
    label: Label | None = None  # the name an input is shown by, when not its path (uploads)


def extract_documents(
    paths: list[str],
    options: Options = Options(),
    on_error: OnError | None = None,
    warn: Warn | None = None,
    known: Container[str] = frozenset(),
    stories: StoryIndex | None = None,
    resolver: EntityResolver | None = None,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[Document]:
    """Every article of `paths` as `resolved_documents` gives it, each joining a story as it passes.

    The stories come from `stories` (a fresh index unless the caller keeps one to link the run at
    its end with `newsgraph.link.link_corpus`): the story an article joined on arrival.
    """
    stories = stories or StoryIndex()
    for document in resolved_documents(paths, options, on_error, warn, known, resolver, duplicates):
        yield stories.add(document)


def resolved_documents(
    paths: list[str],
    options: Options = Options(),
    on_error: OnError | None = None,
    warn: Warn | None = None,
    known: Container[str] = frozenset(),
    resolver: EntityResolver | None = None,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[Document]:
    """Every article of `paths`, cleaned, deduplicated, annotated and resolved, in input order, with no story yet
    (for callers that group the stories of the whole run at its end).

    Failed inputs go to `on_error` (raised if it is None) and the run goes on; notes that are
    not errors (a non-English article) go to `warn`. Articles whose id is in `known` (already
    stored) are left out before the NLP, so an incremental run only pays for what is new.
    Actors get run-wide ids from `resolver` (a fresh one unless the caller keeps it for the
    canonical entities); copies are found against `duplicates` (a fresh index unless the caller
    keeps the earlier runs' one).
    """
    on_error = on_error or _raise
    warn = warn or (lambda message: None)
    cleaned = clean_documents(read_inputs(paths, options.max_bytes, options.label), options.published, on_error, duplicates)
    resolver = resolver or EntityResolver()
    runner = make_runner(options.engine, options.jobs, options.ray_address)
    for document in runner.annotate((d for d in cleaned if d.id not in known), warn):
        yield resolver.resolve(document)


def clean_documents(items: Iterable[Item], published: date | None, on_error: OnError,
                    duplicates: DuplicateIndex | None = None) -> Iterator[Document]:
    """Clean each RawDocument and mark copies of earlier articles (also those `duplicates` holds); route errors to `on_error`."""
    duplicates = duplicates or DuplicateIndex()
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
            continue
        document = make_document(item, published)
        if not document.text:
            on_error(EmptyInputError(item.source, "no article text left after removing site furniture"))
            continue
        original = duplicates.add(document.id, document.text)
        yield document.model_copy(update={"duplicate_of": original}) if original else document


def _raise(error: InputError) -> None:
    raise error
