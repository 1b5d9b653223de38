"""Score article extractors against the hand-annotated HTML gold set.

    python benchmarks/extraction/score.py

Each page in pages/ has a gold record in gold.jsonl: the headline, the publication date
(or null when the page states none) and the article body (paragraphs separated by a blank
line; no title, byline, captions or page furniture).

An extractor is a function `extract_fn(html, filename) -> {"title", "date", "text"}`.
Body quality is bag-of-tokens overlap (multiset of lowercase \\w+ tokens) per page,
micro-averaged (token counts summed over pages) and macro-averaged (mean of per-page
scores). Titles must match after normalising case, whitespace and typographic quotes
and dashes; dates must match exactly, null == null included.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
GOLD = HERE / "gold.jsonl"

Extraction = dict[str, Any]
ExtractFn = Callable[[str, str], Extraction | None]

_TOKEN = re.compile(r"\w+")
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                             "–": "-", "—": "-", "\u00a0": " "})


@dataclass
class PageScore:
    """One page's result: body token counts, title/date verdicts and what was predicted."""

    file: str
    overlap: int
    predicted: int
    gold: int
    title_ok: bool
    date_ok: bool
    title: str | None
    date: str | None
    gold_date: str | None
    error: str | None = None

    @property
    def empty(self) -> bool:
        """True when the extractor returned no body text (or failed)."""
        return self.predicted == 0

    def prf(self) -> tuple[float, float, float]:
        """Token precision, recall and F1 of the body."""
        return prf(self.overlap, self.predicted, self.gold)


def tokens(text: str | None) -> Counter[str]:
    """Multiset of lowercase word tokens."""
    return Counter(_TOKEN.findall((text or "").lower()))


def prf(overlap: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts; an empty prediction scores 0 precision."""
    p = overlap / predicted if predicted else 0.0
    r = overlap / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm_title(title: str | None) -> str:
    """Title compared case-, whitespace- and quote/dash-insensitively."""
    text = unicodedata.normalize("NFKC", title or "").translate(_TYPOGRAPHY)
    return " ".join(text.split()).casefold()


def norm_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date, datetime or ISO-like string; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = re.match(r"\d{4}-\d{2}-\d{2}", str(value).strip())
    return match.group(0) if match else str(value)


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold records, one per page, in file order."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_page(extract_fn: ExtractFn, gold: dict[str, Any], pages: Path = PAGES) -> PageScore:
    """Run the extractor on one page and compare with its gold record."""
    html = (pages / gold["file"]).read_text(encoding="utf-8")
    error = None
    try:
        found = extract_fn(html, gold["file"]) or {}
    except Exception as exc:  # noqa: BLE001 — a crashing extractor scores as an empty page
        found, error = {}, f"{type(exc).__name__}: {exc}"
    pred, ref = tokens(found.get("text")), tokens(gold["body"])
    date = norm_date(found.get("date"))
    return PageScore(
        file=gold["file"],
        overlap=sum((pred & ref).values()),
        predicted=sum(pred.values()),
        gold=sum(ref.values()),
        title_ok=norm_title(found.get("title")) == norm_title(gold["title"]),
        date_ok=date == gold["date"],
        title=found.get("title"),
        date=date,
        gold_date=gold["date"],
        error=error,
    )


def totals(results: list[PageScore]) -> dict[str, Any]:
    """Micro and macro body P/R/F1, title and date accuracy, empty and failed page counts."""
    n = len(results)
    micro = prf(sum(r.overlap for r in results), sum(r.predicted for r in results), sum(r.gold for r in results))
    per_page = [r.prf() for r in results]
    macro = tuple(sum(values) / n for values in zip(*per_page, strict=True))
    return {
        "pages": n,
        "micro": dict(zip(("precision", "recall", "f1"), micro, strict=True)),
        "macro": dict(zip(("precision", "recall", "f1"), macro, strict=True)),
        "title_accuracy": sum(r.title_ok for r in results) / n,
        "date_accuracy": sum(r.date_ok for r in results) / n,
        "empty": sum(r.empty for r in results),
        "errors": sum(r.error is not None for r in results),
    }


def print_table(name: str, results: list[PageScore], summary: dict[str, Any]) -> None:
    """Per-page table followed by the totals."""
    print(f"\n=== {name}")
    print(f"{'page':<40} {'P':>5} {'R':>5} {'F1':>5}  title  {'date (pred / gold)':<25}")
    for r in results:
        p, rec, f = r.prf()
        date = f"{r.date} / {r.gold_date}" if not r.date_ok else "ok"
        print(f"{r.file[:40]:<40} {p:5.2f} {rec:5.2f} {f:5.2f}  {'ok' if r.title_ok else 'MISS':<5}  {date:<25}"
              + ("  EMPTY" if r.empty else "") + (f"  [{r.error}]" if r.error else ""))
    mi, ma = summary["micro"], summary["macro"]
    print(f"{'MICRO':<40} {mi['precision']:5.2f} {mi['recall']:5.2f} {mi['f1']:5.2f}")
    print(f"{'MACRO':<40} {ma['precision']:5.2f} {ma['recall']:5.2f} {ma['f1']:5.2f}")
    print(f"title accuracy {summary['title_accuracy']:.2f} · date accuracy {summary['date_accuracy']:.2f} · "
          f"empty pages {summary['empty']}/{summary['pages']} · errors {summary['errors']}")
    for r in results:
        if not r.title_ok:
            print(f"  title {r.file}: {r.title!r}")


def score_pages(extract_fn: ExtractFn, name: str = "extractor", verbose: bool = True,
                gold_path: Path = GOLD, pages: Path = PAGES) -> dict[str, Any]:
    """Score an extractor on every gold page; returns the totals plus per-page results."""
    results = [score_page(extract_fn, gold, pages) for gold in load_gold(gold_path)]
    summary = totals(results)
    if verbose:
        print_table(name, results, summary)
    return {**summary, "per_page": results}


score = score_pages


def trafilatura_baseline(html: str, filename: str, **settings: Any) -> Extraction | None:
    """Bare trafilatura 2.x with metadata and default settings (or the given ones)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, **settings)
    if doc is None:
        return None
    found = doc if isinstance(doc, dict) else doc.as_dict()
    return {"title": found.get("title"), "date": found.get("date"), "text": found.get("text")}


def newsgraph_reader(html: str, filename: str) -> Extraction:
    """newsgraph's whole HTML path: the reader, then cleaning, as `extract` runs them."""
    from newsgraph.ingest.clean import make_document
    from newsgraph.ingest.html import read_html

    document = make_document(read_html(filename, html))
    return {"title": document.title, "date": document.published, "text": document.text}


def main() -> None:
    """Score the bare trafilatura baseline and, when available, newsgraph's reader."""
    import logging

    logging.disable(logging.WARNING)  # trafilatura logs "discarding data" on empty pages
    score_pages(trafilatura_baseline, "trafilatura.bare_extraction (baseline)")
    score_pages(lambda html, name: trafilatura_baseline(html, name, favor_precision=True, include_comments=False),
                "trafilatura.bare_extraction, favor_precision, no comments")
    score_pages(newsgraph_reader, "newsgraph (read_html + clean)")


if __name__ == "__main__":
    main()
