"""The `newsgraph` command: extract and demo (typer + rich)."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.contract import write_documents
from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_date
from newsgraph.model import Document
from newsgraph.pipeline import Options, extract_documents

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False, help="Evidence-linked accounts of news coverage.")
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"


class Reporter:
    """Writes `newsgraph: <path>: <reason>` lines to stderr and remembers whether any input failed."""

    def __init__(self) -> None:
        self.failed = 0

    def error(self, error: InputError) -> None:
        self.failed += 1
        self.note(str(error))

    @staticmethod
    def note(message: str) -> None:
        sys.stderr.write(f"newsgraph: {message}\n")


def _options(published: str | None, max_mb: float, jobs: int | None) -> Options:
    day = _published_option(published)
    if max_mb <= 0:
        raise typer.BadParameter("must be a positive number of megabytes", param_hint="--max-size")
    return Options(published=day, max_bytes=int(max_mb * 1024 * 1024), jobs=jobs)


def _published_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--published") from None


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files or directories to read (recursively); '-' reads stdin."),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl: one object per line; json: one array."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that carry none."),
    max_size: float = typer.Option(20.0, help="Largest input file to read, in megabytes."),
    jobs: int | None = typer.Option(None, min=1, help="Worker processes for large inputs (default: one per core)."),
) -> None:
    """Write one JSON object per article of PATHS to stdout, in the extract contract of design.md."""
    reporter = Reporter()
    documents = extract_documents(paths, _options(published, max_size, jobs), reporter.error, reporter.note)
    try:
        write_documents(documents, sys.stdout, fmt.value)
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None
    raise typer.Exit(EXIT_INPUT_ERRORS if reporter.failed else 0)


@app.command()
def demo() -> None:
    """Run the whole pipeline on the sample corpus bundled with newsgraph and show what it found."""
    console = Console()
    reporter = Reporter()
    sample = resources.files("newsgraph.data").joinpath("sample")
    with resources.as_file(sample) as folder:
        console.print(f"[bold]newsgraph demo[/bold]: reading the bundled sample in {folder}")
        documents = list(extract_documents([str(folder)], Options(), reporter.error, reporter.note))
    show_documents(console, documents, Path(str(folder)))


def show_documents(console: Console, documents: list[Document], root: Path) -> None:
    """A table of the articles read, and the totals of what was extracted."""
    table = Table(title=f"{len(documents)} articles")
    for column in ("source", "outlet", "published", "lang", "title", "copy of"):
        table.add_column(column, overflow="fold")
    names = {d.id: _short(d.source, root) for d in documents}
    for d in documents:
        table.add_row(_short(d.source, root), d.outlet or "", str(d.published or ""), d.language or "",
                      d.title or "", names.get(d.duplicate_of or "", ""), style="dim" if d.duplicate_of else None)
    console.print(table, markup=False)
    totals = {key: sum(len(getattr(d, key)) for d in documents) for key in ("entities", "quotes", "quantities", "timexes", "events")}
    console.print("  ".join(f"{key}: {value}" for key, value in totals.items()))


def _short(source: str, root: Path) -> str:
    return source.replace(str(root) + "/", "")


def main() -> None:
    """Entry point for `python -m newsgraph`."""
    app()
