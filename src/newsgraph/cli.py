"""The `newsgraph` command: extract and demo (typer + rich)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsgraph import __version__
from newsgraph.contract import write_documents, write_links
from newsgraph.link import link_corpus
from newsgraph.errors import InputError
from newsgraph.model import Document
from newsgraph.pipeline import Options, extract_documents, resolved_documents
from newsgraph.resolve import EntityResolver

from newsgraph.summary import summary_lines

if TYPE_CHECKING:
    from newsgraph.store import Store
    from newsgraph.store.analyze import Corpus

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False, help="Evidence-linked accounts of news coverage.")
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # the shell's code for a run ended by Ctrl-C (128 + SIGINT)


class EngineName(str, Enum):
    local = "local"
    ray = "ray"


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"


class Reporter:
    """Writes `newsgraph: <path>: <reason>` lines to stderr and remembers whether any input failed.

    Errors are always written; notes (a skipped language, a summary) not with `-q`; `-v` adds a line per article.
    """

    quiet = False
    verbose = False

    def __init__(self) -> None:
        self.failed = 0

    def error(self, error: InputError) -> None:
        self.failed += 1
        self.alert(str(error))

    @classmethod
    def note(cls, message: str) -> None:
        if not cls.quiet:
            cls.alert(message)

    @staticmethod
    def alert(message: str) -> None:
        """A line that is written even with -q: an error."""
        sys.stderr.write(f"newsgraph: {message}\n")


def _version(value: bool) -> None:
    if value:
        print(f"newsgraph {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also name each article as it is done."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr: no notes, summary or progress."),
) -> None:
    """Evidence-linked accounts of news coverage."""
    Reporter.quiet, Reporter.verbose = quiet, verbose and not quiet


def progress(documents: Iterable[Document], what: str) -> Iterator[Document]:
    """The documents, with a progress line on stderr when it is a terminal (and each article named with -v)."""
    if Reporter.quiet or not sys.stderr.isatty():
        yield from (_named(d) for d in documents)
        return
    columns = (SpinnerColumn(), TextColumn(f"{what} {{task.completed}} articles"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)
        for document in documents:
            yield _named(document)
            bar.advance(task)


def _named(document: Document) -> Document:
    if Reporter.verbose:
        Reporter.note(f"{document.source}: {document.title or 'untitled'} ({len(document.quotes)} statements, "
                      f"{len(document.events)} events)")
    return document


@contextmanager
def interruptible() -> Iterator[None]:
    """Ctrl-C ends the run with one line and exit code 130, not a traceback (the workers ignore it)."""
    try:
        yield
    except KeyboardInterrupt:
        Reporter.note("interrupted; articles already written are kept")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _options(published: str | None, max_mb: float, jobs: int | None, engine: EngineName | None = None,
             ray_address: str | None = None) -> Options:
    day = _published_option(published)
    if max_mb <= 0:
        raise typer.BadParameter("must be a positive number of megabytes", param_hint="--max-size")
    if ray_address and engine is not EngineName.ray:
        raise typer.BadParameter("only goes with --engine ray", param_hint="--ray-address")
    return Options(published=day, max_bytes=int(max_mb * 1024 * 1024), jobs=jobs,
                   engine=(engine or EngineName.local).value, ray_address=ray_address)


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
    links: Path | None = typer.Option(None, help="Also write the run's stories, claims and blame to this JSON file."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the JSON to this file instead of stdout."),
) -> None:
    """Write one JSON object per article of PATHS, in the extract contract (see the README), to stdout or -o FILE."""
    reporter = Reporter()
    resolver = EntityResolver()
    read = resolved_documents if links else extract_documents  # with --links the stories are grouped at the end
    documents = progress(read(paths, _options(published, max_size, jobs), reporter.error, reporter.note,
                              resolver=resolver), "extracted")
    linked = None
    try:
        with interruptible(), _destination(output) as out:
            if links:  # the articles wait for the run's end, to carry the stories of all of them grouped at once
                linked = link_corpus(list(documents))
                documents = iter(linked.documents)
            write_documents(documents, out, fmt.value)
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None
    if linked is not None:
        write_links(linked, resolver.entities.values(), links)
        Reporter.note(f"{len(linked.stories)} stories and their claims and blame written to {links}")
    raise typer.Exit(EXIT_INPUT_ERRORS if reporter.failed else 0)


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a file that appears whole when the run ends (a partial file keeps a .part suffix)."""
    if output is None:
        yield sys.stdout
        return
    partial = output.with_name(output.name + ".part")
    with open(partial, "w", encoding="utf-8") as out:
        yield out
    partial.replace(output)


@app.command()
def demo(
    folder: Path = typer.Option(Path("newsgraph-demo"), "--folder", help="Where to write the demo database and dossier."),
) -> None:
    """Run the whole pipeline on the sample corpus bundled with newsgraph, show what it found, write its dossier."""
    console = Console()
    reporter = Reporter()
    from newsgraph.store.analyze import Corpus

    state = Corpus()
    sample = resources.files("newsgraph.data").joinpath("sample")
    with resources.as_file(sample) as corpus:
        console.print(f"[bold]newsgraph demo[/bold]: reading the bundled sample in {corpus}")
        documents = list(progress(resolved_documents([str(corpus)], Options(), reporter.error, reporter.note,
                                                     resolver=state.resolver, duplicates=state.copies), "read"))
    show_documents(console, documents, Path(str(corpus)))
    write_demo_dossier(console, documents, state, folder)


def write_demo_dossier(console: Console, documents: list[Document], corpus: Corpus, folder: Path) -> None:
    """Store the demo's documents, write their dossier, and say how to open it and the app."""
    from newsgraph.report import write_report  # imported here: `extract` needs neither plotly nor the store
    from newsgraph.store import Store
    from newsgraph.store.analyze import store_documents

    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder / "demo.db", writable=True)
    analysis = store_documents(documents, store, corpus)
    dossier = write_report(store, folder / "dossier.html").resolve()
    console.print(f"{analysis.total} articles, {analysis.stories} stories in {store.path}")
    for line in summary_lines(*_links(store)):
        console.print(line, markup=False, highlight=False)
    console.print(f"dossier: {dossier}", markup=False, highlight=False)
    console.print(f"open the app: newsgraph serve --db {store.path}", markup=False, highlight=False)


def _links(store: Store) -> tuple[list, list, list]:
    """The stored stories, claims and blame, for the summary."""
    links = store.links()
    return links.stories, links.claims, links.blame


def _open_store(db: str, writable: bool = False):
    """The store at `db`, or a usage error naming the problem."""
    from newsgraph.errors import StoreError
    from newsgraph.store import Store

    try:
        return Store(db, writable=writable)
    except StoreError as error:
        Reporter.alert(f"{error.code} {error}")
        raise typer.Exit(EXIT_USAGE) from None


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files or directories to read (recursively); '-' reads stdin."),
    db: str = typer.Option("newsgraph.db", "--db", help="SQLite file, or postgresql://user@host/dbname, to create or add to."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that carry none."),
    max_size: float = typer.Option(20.0, help="Largest input file to read, in megabytes."),
    jobs: int | None = typer.Option(None, min=1, help="Worker processes for large inputs (default: one per core; Ray: 2)."),
    engine: EngineName = typer.Option(EngineName.local, "--engine", help="local: processes on this machine; ray: a Ray cluster."),
    ray_address: str | None = typer.Option(None, "--ray-address", help="Ray cluster to run on (default: start a local Ray)."),
) -> None:
    """Store the articles of PATHS and everything found in them; articles already stored are skipped."""
    from newsgraph.store.analyze import analyze as analyze_paths

    from newsgraph.errors import StoreError, UsageError

    reporter = Reporter()
    options = _options(published, max_size, jobs, engine, ray_address)
    try:
        with interruptible():
            result = analyze_paths(paths, _open_store(db, writable=True), options, reporter.error, reporter.note,
                                   watch=lambda documents: progress(documents, "analyzed"))
    except (StoreError, UsageError) as error:
        Reporter.alert(f"{error.code} {error}")
        raise typer.Exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_INPUT_ERRORS) from None
    Reporter.note(f"{result.added} new articles; {result.total} articles and {result.stories} stories in {db}")
    for line in summary_lines(*_links(_open_store(db))):
        Reporter.note(line)
    raise typer.Exit(EXIT_INPUT_ERRORS if reporter.failed else 0)


@app.command()
def report(
    db: str = typer.Option("newsgraph.db", "--db", help="Database written by `newsgraph analyze` (SQLite file or postgresql:// URL)."),
    output: Path = typer.Option(Path("dossier.html"), "--output", "-o", help="HTML file to write."),
) -> None:
    """Write the dossier: one self-contained HTML file that opens offline."""
    from newsgraph.report import write_report

    path = write_report(_open_store(db), output)
    print(path.resolve())


@app.command()
def serve(
    ctx: typer.Context,
    db: str = typer.Option("newsgraph.db", "--db", help="Database written by `newsgraph analyze` (SQLite file or postgresql:// URL)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str | None = typer.Option(None, "--token", envvar="NEWSGRAPH_TOKEN",
                                     help="Enables the upload form for whoever knows it (read-only without). "
                                          "Prefer the NEWSGRAPH_TOKEN variable or --token-file: a flag shows in the process list."),
    token_file: Path | None = typer.Option(None, "--token-file", help="File holding the upload token (first line)."),
    allowed_host: list[str] = typer.Option([], "--allowed-host",
                                           help="Host name the app answers to (repeatable); default: the local names, "
                                                "plus --host when it is a name or address of its own."),
) -> None:
    """Serve the web app and its JSON API (OpenAPI at /openapi.json)."""
    import uvicorn

    from newsgraph.web import create_app
    from newsgraph.web.app import LOCAL_HOSTS

    if token is not None and getattr(ctx.get_parameter_source("token"), "name", "") == "COMMANDLINE":
        Reporter.note("warning: --token shows in the process list to every user of this machine; "
                      "use NEWSGRAPH_TOKEN or --token-file")
    token = _token_from_file(token_file) if token_file else token
    hosts = allowed_host or [*LOCAL_HOSTS, *([host] if host not in ("0.0.0.0", "::") else [])]
    _open_store(db, writable=token is not None)
    Reporter.note(f"serving {db} on http://{host}:{port}/ ({'uploads on' if token else 'read-only'}; "
                  f"answering to {', '.join(dict.fromkeys(hosts))})")
    uvicorn.run(create_app(db, token, hosts), host=host, port=port, log_level="warning")


def _token_from_file(path: Path) -> str:
    """The first line of a token file, or a usage error naming the file."""
    try:
        token = path.read_text(encoding="utf-8").strip().splitlines()[0].strip()
    except (OSError, UnicodeDecodeError, IndexError) as exc:
        raise typer.BadParameter(f"{path}: cannot read a token ({exc or 'empty file'})", param_hint="--token-file") from None
    if not token:
        raise typer.BadParameter(f"{path}: the first line is empty", param_hint="--token-file")
    return token


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    links = "links"
    csv = "csv"
    graphml = "graphml"
    gexf = "gexf"
    datasette = "datasette"


@app.command("export")
def export_command(
    db: str = typer.Option("newsgraph.db", "--db", help="Database written by `newsgraph analyze` (SQLite file or postgresql:// URL)."),
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl: documents; links: stories, claims, blame, framing, entities; csv: every table; "
                                                                  "graphml/gexf: actor graph; datasette: metadata.json."),
    output: str = typer.Option("-", "--output", "-o", help="File to write ('-' is stdout); a folder for csv."),
) -> None:
    """Write a complete export of the database (never truncated: a shortfall is an error)."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.export import write_export

    try:
        Reporter.note(f"exported {write_export(_open_store(db), fmt.value, output)}")
    except NewsgraphError as error:
        Reporter.alert(f"{error.code} {error}")
        raise typer.Exit(EXIT_USAGE if error.code == "NG201" else EXIT_INPUT_ERRORS) from None


@app.command()
def migrate(
    source: str = typer.Argument(..., help="SQLite file written by `newsgraph analyze`."),
    target: str = typer.Argument(..., help="postgresql://user@host/dbname of a database without articles."),
) -> None:
    """Copy a SQLite store into PostgreSQL, whole, in one transaction."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.store.migrate import migrate as migrate_store

    destination = _open_store(target, writable=True)
    try:
        copied = migrate_store(_open_store(source), destination)
    except NewsgraphError as error:
        Reporter.alert(f"{error.code} {error}")
        raise typer.Exit(EXIT_USAGE if error.code == "NG201" else EXIT_INPUT_ERRORS) from None
    Reporter.note(f"copied {copied['documents']} articles and {sum(copied.values())} rows into {destination.location}")


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
