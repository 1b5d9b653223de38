"""The spaCy pass and per-document extraction, batched, in worker processes for large inputs."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context

from newsgraph.extract import Warn, extract_document
from newsgraph.model import Document
from newsgraph.nlp import MAX_CHARS, load_pipeline

# Documents per task sent to a worker; large enough to amortise pickling, small enough to stream.
CHUNK_SIZE = 64
ENGLISH = "en"


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def annotate(documents: Iterable[Document], warn: Warn, jobs: int | None = None) -> Iterator[Document]:
    """Yield each Document, in input order, with its extraction filled in.

    Input that fits in one chunk is annotated in this process; more starts `jobs` workers,
    each loading the model once. At most two chunks per worker are in flight, so memory stays
    flat however long the input is.
    """
    chunks = _chunks(documents, CHUNK_SIZE)
    first = next(chunks, None)
    second = next(chunks, None)
    jobs = jobs or default_jobs()
    if first is None:
        return
    if second is None or jobs == 1:
        for chunk in itertools.chain([first], [second] if second else [], chunks):
            yield from _report(annotate_chunk(chunk), warn)
        return
    yield from _annotate_in_pool(itertools.chain([first, second], chunks), warn, jobs)


def _annotate_in_pool(chunks: Iterator[list[Document]], warn: Warn, jobs: int) -> Iterator[Document]:
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        pending: deque[Future] = deque()
        for chunk in chunks:
            pending.append(pool.submit(annotate_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from _report(pending.popleft().result(), warn)
        while pending:
            yield from _report(pending.popleft().result(), warn)


def annotate_chunk(documents: list[Document]) -> tuple[list[Document], list[str]]:
    """Parse English documents with one `nlp.pipe` call and extract from each; collect warnings."""
    messages: list[str] = []
    english = [i for i, d in enumerate(documents) if d.language in (ENGLISH, None)]
    for document in documents:
        if document.language not in (ENGLISH, None):
            messages.append(f"{document.source}: language is '{document.language}'; English-only steps skipped")
        elif len(document.text) > MAX_CHARS:
            messages.append(f"{document.source}: text over {MAX_CHARS:,} characters; only the start is analysed")
    done = list(documents)
    parsed = load_pipeline().pipe((documents[i].text[:MAX_CHARS] for i in english), batch_size=32)
    for i, doc in zip(english, parsed):
        done[i] = extract_document(doc, documents[i], messages.append)
    return done, messages


def _report(result: tuple[list[Document], list[str]], warn: Warn) -> list[Document]:
    documents, messages = result
    for message in messages:
        warn(message)
    return documents


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
