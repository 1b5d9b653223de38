"""newsgraph from Python, in a notebook or a script: strings in, annotated Documents out, then the corpus linked.

    nlp = newsgraph.load()
    doc = nlp(text_or_html, published="2017-01-02", outlet="Daily Ledger")
    docs = list(nlp.pipe([first, second]))           # strings, or dicts with "text" and metadata
    linked = newsgraph.link(docs)                     # stories, claims, blame, framing
    pandas.DataFrame(newsgraph.records(linked.claims))  # stories, claims, blame as rows
    doc                                               # in Jupyter: the article with its items highlighted

One Analyzer is one run: its documents share canonical actor ids and stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel

from newsgraph.annotate import annotate
from newsgraph.errors import EmptyInputError, UsageError
from newsgraph.ingest import read_string
from newsgraph.ingest.clean import make_document
from newsgraph.link import Linked, StoryIndex, link_corpus
from newsgraph.model import Document
from newsgraph.nlp import load_pipeline
from newsgraph.resolve import EntityResolver

Item = str | Mapping[str, Any]
# Fields of a dict item that describe the article rather than hold it.
METADATA = ("published", "outlet", "title", "url", "source")


@dataclass
class Analyzer:
    """Reads articles given as strings (plain text or HTML) into annotated, resolved Documents."""

    resolver: EntityResolver = field(default_factory=EntityResolver)
    stories: StoryIndex = field(default_factory=StoryIndex)
    notes: list[str] = field(default_factory=list)  # what was skipped and why (a non-English article, a cut text)

    def __call__(self, text: str, *, published: date | str | None = None, outlet: str | None = None,
                 title: str | None = None, url: str | None = None, source: str = "<string>") -> Document:
        """One article, annotated; raises an InputError (a NewsgraphError) when it holds no article text."""
        return next(self.pipe([{"text": text, "published": published, "outlet": outlet, "title": title, "url": url,
                                "source": source}]))

    def pipe(self, items: Iterable[Item], jobs: int = 1) -> Iterator[Document]:
        """Each article of `items` (strings, or dicts with "text" and any of published/outlet/title/url/source),
        annotated in order; `jobs` worker processes for long inputs."""
        documents = (_document(item, n) for n, item in enumerate(items))
        for document in annotate(documents, self.notes.append, jobs):
            yield self.stories.add(self.resolver.resolve(document))

    def link(self, documents: list[Document]) -> Linked:
        """Stories, claims, blame and framing of documents this analyzer read, the stories grouped over all of them
        (free of their order; `linked.documents` carry these story ids, not the ones `pipe` gave on arrival)."""
        return link_corpus(documents)


def load() -> Analyzer:
    """An analyzer with the English pipeline loaded (once per process)."""
    load_pipeline()
    return Analyzer()


def link(documents: list[Document]) -> Linked:
    """Stories, claims, blame and framing of any documents, independent of their order."""
    return link_corpus(documents)


def _document(item: Item, number: int) -> Document:
    """The clean Document of one item; its metadata overrides what the text or page says."""
    given = {"text": item} if isinstance(item, str) else dict(item)
    source = given.get("source") or f"<string {number}>"
    raw = read_string(given["text"], source)
    update = {key: given[key] for key in METADATA if given.get(key) is not None and key != "published"}
    if given.get("published") is not None:
        update |= {"published": _day(given["published"]), "date_source": "option"}
    document = make_document(raw.model_copy(update=update))
    if not document.text:
        raise EmptyInputError(source, "no article text left after removing site furniture")
    return document


def _day(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"published: {value!r} is not a date in the form YYYY-MM-DD") from None


def records(nouns: Iterable[BaseModel]) -> list[dict[str, Any]]:
    """Stories, claims, blame, framing or any list of nouns as plain rows: `pandas.DataFrame(records(linked.claims))`."""
    return [noun.model_dump(mode="json") for noun in nouns]
