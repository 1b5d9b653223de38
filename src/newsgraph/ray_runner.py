"""The Ray runner: annotate on a Ray cluster with Ray Data, `map_batches` over a pool of actors that load the model once.

The input streams through in windows of `WINDOW` documents, one Ray dataset each, so the driver never
holds more than a window; inside a window Ray Data streams `CHUNK_SIZE` batches to the actors with at
most `IN_FLIGHT` batches queued per actor (backpressure), and gives them back in input order.
Documents travel as their JSON, which gives back the same Document.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from newsgraph.annotate import CHUNK_SIZE, annotate_chunk
from newsgraph.batches import chunks
from newsgraph.errors import UsageError
from newsgraph.extract import Warn
from newsgraph.model import Document
from newsgraph.nlp import load_pipeline

# Documents per Ray dataset: each actor loads the model once per window (about 2 s), against some
# minutes of work per window per actor at this size; the driver holds at most one window's text.
WINDOW = 4096
# Batches queued per actor beyond the one it runs: enough to hide the hand-over, few enough to keep memory flat.
IN_FLIGHT = 2
# Workers of a local Ray started without --jobs.
DEFAULT_WORKERS = 2
# Object store of a local Ray: a window of articles with their extractions is tens of MB.
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024


class Annotator:
    """One Ray actor: the model loaded once, then batch after batch of documents annotated."""

    def __init__(self) -> None:
        load_pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        documents = [Document.model_validate_json(text) for text in batch["document"]]
        done, messages = annotate_chunk(documents)
        notes = [json.dumps(messages)] + [json.dumps([])] * (len(done) - 1)  # a batch's notes ride on its first row
        return {"document": [d.model_dump_json() for d in done], "notes": notes}


class RayRunner:
    """Annotate on the Ray cluster at `address` (None: a local Ray with `jobs` CPUs), `jobs` actors at once."""

    def __init__(self, jobs: int | None = None, address: str | None = None) -> None:
        self.jobs = jobs or DEFAULT_WORKERS
        self.address = address

    def annotate(self, documents: Iterable[Document], warn: Warn) -> Iterator[Document]:
        with self._connected():
            for window in chunks(documents, WINDOW):
                yield from self._annotate_window(window, warn)

    def _annotate_window(self, window: list[Document], warn: Warn) -> Iterator[Document]:
        import ray.data

        blocks = -(-len(window) // CHUNK_SIZE)
        dataset = ray.data.from_items([{"document": d.model_dump_json()} for d in window], override_num_blocks=blocks)
        annotated = dataset.map_batches(
            Annotator, batch_size=CHUNK_SIZE, batch_format="numpy", num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=min(self.jobs, blocks), max_tasks_in_flight_per_actor=IN_FLIGHT))
        for row in annotated.iter_rows():
            for note in json.loads(row["notes"]):
                warn(note)
            yield Document.model_validate_json(row["document"])

    @contextmanager
    def _connected(self) -> Iterator[None]:
        """Connect to Ray (or start a local one) unless this process already is; disconnect what was connected here."""
        try:
            import ray
        except ImportError:
            raise UsageError("--engine ray needs Ray: pip install 'newsgraph[ray]'") from None
        started = not ray.is_initialized()
        if started:
            local = {} if self.address else {"num_cpus": self.jobs, "object_store_memory": LOCAL_OBJECT_STORE_BYTES}
            ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.WARNING, **local)
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # output in input order, as the local runner gives it
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)  # no execution plans on the user's stderr
        try:
            yield
        finally:
            if started:
                ray.shutdown()
