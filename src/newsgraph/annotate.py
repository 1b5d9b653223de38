"""The spaCy pass and per-document extraction, batched, in worker processes for large inputs."""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

from newsgraph.batches import chunks
from newsgraph.extract import Warn, extract_document
from newsgraph.model import Document
from newsgraph.nlp import MAX_CHARS, load_pipeline

# Documents per task sent to a worker; large enough to amortise pickling, small enough to stream.
CHUNK_SIZE = 64
ENGLISH = "en"
# How often a worker checks that its parent is alive: after a kill -9 of the parent it exits within this.
PARENT_POLL_SECONDS = 1.0


def default_jobs() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def annotate(documents: Iterable[Document], warn: Warn, jobs: int | None = None) -> Iterator[Document]:
    """Yield each Document, in input order, with its extraction filled in.

    Input that fits in one chunk is annotated in this process; more starts `jobs` workers,
    each loading the model once. At most two chunks per worker are in flight, so memory stays
    flat however long the input is.
    """
    batches = chunks(documents, CHUNK_SIZE)
    first = next(batches, None)
    second = next(batches, None)
    jobs = jobs or default_jobs()
    if first is None:
        return
    if second is None or jobs == 1:
        for chunk in itertools.chain([first], [second] if second else [], batches):
            yield from _report(annotate_chunk(chunk), warn)
        return
    yield from _annotate_in_pool(itertools.chain([first, second], batches), warn, jobs)


def _annotate_in_pool(chunks: Iterator[list[Document]], warn: Warn, jobs: int) -> Iterator[Document]:
    """Annotate chunks in `jobs` workers, in order; if reading the input fails, what was read is still yielded first."""
    pool = worker_pool(jobs)
    pending: deque[Future] = deque()
    try:
        for chunk in _reading(chunks):
            pending.append(pool.submit(annotate_chunk, chunk))
            if len(pending) >= 2 * jobs:
                yield from _report(pending.popleft().result(), warn)
        while pending:
            yield from _report(pending.popleft().result(), warn)
    except _ReadFailed as failed:
        while pending:
            yield from _report(pending.popleft().result(), warn)
        pool.shutdown()
        raise failed.__cause__ from None
    except BaseException:  # Ctrl-C, a closed consumer, a failure: the workers stop now, not after their chunk
        stop_workers(pool)
        raise
    pool.shutdown()


class _ReadFailed(Exception):
    """Reading the input raised (its __cause__): the chunks in flight are finished before it goes on up."""


def _reading(chunks: Iterator[list[Document]]) -> Iterator[list[Document]]:
    while True:
        try:
            chunk = next(chunks, None)
        except Exception as exc:
            raise _ReadFailed from exc
        if chunk is None:
            return
        yield chunk


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """`jobs` worker processes, all started now with Ctrl-C ignored (the parent handles it) and watching their parent."""
    with _sigint_ignored():
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn"),
                                   initializer=_start_worker, initargs=(os.getpid(),))
        for _ in range(jobs):
            pool.submit(os.getpid)  # each submit to a busy pool starts one more worker, inheriting SIG_IGN
    return pool


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and end the workers at once (shutdown alone waits for their current chunk)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public way before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a server's worker thread gets no Ctrl-C anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _start_worker(parent: int) -> None:
    """In each worker: ignore Ctrl-C, and exit as soon as the parent is gone (even after kill -9)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


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
    parsed = load_pipeline().pipe(_texts_and_titles(documents[i] for i in english), batch_size=32)
    for i in english:
        doc = next(parsed)
        title = next(parsed) if _has_title(documents[i]) else None
        done[i] = extract_document(doc, documents[i], messages.append, title)
    return done, messages


def _texts_and_titles(documents: Iterable[Document]) -> Iterator[str]:
    """Each document's text, followed by its title when it has one: one `nlp.pipe` parses both."""
    for document in documents:
        yield document.text[:MAX_CHARS]
        if _has_title(document):
            yield document.title or ""


def _has_title(document: Document) -> bool:
    """A title of its own: not also the text's first line (records often repeat it), whose statements the body already gives."""
    title = (document.title or "").strip()
    return bool(title) and not document.text.lstrip().startswith(title)


def _report(result: tuple[list[Document], list[str]], warn: Warn) -> list[Document]:
    documents, messages = result
    for message in messages:
        warn(message)
    return documents
