"""Where the per-document work runs: a runner takes cleaned Documents and gives them back annotated, in input order.

Two runners: worker processes on this machine (`annotate.annotate`, the default) and a Ray cluster
(`ray_runner.RayRunner`, `--engine ray`). Both call `annotate.annotate_chunk` on batches, so their
output is the same; everything corpus-wide (resolution, stories) stays in the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from newsgraph.annotate import annotate
from newsgraph.extract import Warn
from newsgraph.model import Document

Engine = Literal["local", "ray"]


class Runner(Protocol):
    def annotate(self, documents: Iterable[Document], warn: Warn) -> Iterator[Document]:
        """Each document with its extraction filled in, in input order; notes go to `warn`."""
        ...


@dataclass(frozen=True)
class LocalRunner:
    """Worker processes on this machine (`jobs`; None: one per core), each loading the model once."""

    jobs: int | None = None

    def annotate(self, documents: Iterable[Document], warn: Warn) -> Iterator[Document]:
        return annotate(documents, warn, self.jobs)


def make_runner(engine: Engine, jobs: int | None, ray_address: str | None) -> Runner:
    """The runner an engine names (Ray is imported only when asked for)."""
    if engine == "ray":
        from newsgraph.ray_runner import RayRunner

        return RayRunner(jobs, ray_address)
    return LocalRunner(jobs)
