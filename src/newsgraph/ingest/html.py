"""Saved web pages: body, title, date, site name and canonical URL with trafilatura."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import htmldate
import lxml.etree
import lxml.html
import trafilatura
from rapidfuzz import fuzz

from newsgraph.errors import MalformedInputError
from newsgraph.ingest.dates import parse_date
from newsgraph.model import RawDocument

# Extensive search guesses a date from a copyright year or an archive link: a wrong date is worse
# than none (benchmarks/extraction pages 17 and 23).
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(rf"\b(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
_MIN_HEADLINE_WORDS = 3
# A first paragraph this similar to the headline (rapidfuzz ratio) repeats it.
_SAME_HEADLINE_RATIO = 90
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
# The precision mode is kept when its body holds at least this share of the default mode's
# characters: furniture is a small share of a page's text, a lost body most of it (tuned on
# benchmarks/extraction: precision-mode bodies there hold 0.91-1.00 of the default's, page 17 none).
_PRECISE_MIN_SHARE = 0.6
# A title suffix this short after a separator is a site name ("Headline | The Post").
_MAX_SITE_SUFFIX_WORDS = 5


def looks_like_html(text: str) -> bool:
    """True when text starts like an HTML document (for stdin and unknown suffixes)."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<head" in head


def read_html(source: str, html: str, url: str | None = None) -> RawDocument:
    """One article from an HTML page; raises MalformedInputError when it holds no article text."""
    page = extract_page(html, source, url)
    if not page["text"]:
        raise MalformedInputError(source, "no article text found in the HTML")
    return RawDocument(source=source, is_clean=True, **page)


def extract_page(html: str, source: str, url: str | None = None) -> dict[str, Any]:
    """Title, date (and where it came from), outlet, URL, byline and body text of a page."""
    found = _main_text(html, url)
    tree = _parse(html)
    title = _headline(tree, found.get("sitename")) or _clean_title(found.get("title"), found.get("sitename"))
    published, date_source = parse_date(found.get("date")), "trafilatura"
    if published is None:
        published, date_source = _htmldate(html, url), "htmldate"
    if published is None:
        published, date_source = _first_full_date(tree), "page-text"
    return {
        "title": title,
        "text": _without_title(_paragraphs(found.get("text") or ""), title),
        "published": published,
        "date_source": date_source if published else None,
        "outlet": found.get("sitename") or None,
        "url": found.get("url") or url,
        "byline": found.get("author") or None,
    }


def _main_text(html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's extraction in its precision mode, or its default mode when precision loses most of the text.

    The precision mode drops more page furniture (related lists, teasers, boxes) but can drop a
    whole body laid out in tables (benchmarks/extraction page 17).
    """
    precise = _trafilatura(html, url, favor_precision=True)
    default = _trafilatura(html, url, favor_precision=False)
    return precise if len(precise.get("text") or "") >= _PRECISE_MIN_SHARE * len(default.get("text") or "") else default


def _trafilatura(html: str, url: str | None, favor_precision: bool) -> dict[str, Any]:
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                                         favor_precision=favor_precision, date_extraction_params=_DATE_SEARCH)
    return result.as_dict() if result else {}


def _paragraphs(text: str) -> str:
    """trafilatura puts one block per line; newsgraph separates paragraphs by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _without_title(text: str, title: str | None) -> str:
    """Drop a leading paragraph that repeats the headline: the title stays out of the body."""
    first, _, rest = text.partition("\n\n")
    return rest if title and fuzz.ratio(comparable(first), comparable(title)) >= _SAME_HEADLINE_RATIO else text


def comparable(text: str) -> str:
    """Lowercase words joined by single spaces, for comparing texts whatever their punctuation."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _htmldate(html: str, url: str | None) -> Any:
    try:
        found = htmldate.find_date(html, url=url, **_DATE_SEARCH)
    except (ValueError, TypeError):
        return None
    return parse_date(found)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _headline(tree: lxml.html.HtmlElement | None, sitename: str | None) -> str | None:
    """The page's visible headline: its first <h1> that is more than a word or two and not the site name.

    Preferred over og:title and <title>, which often carry a shorter or SEO variant
    (benchmarks/extraction pages 02, 07 and 26).
    """
    for h1 in tree.iter("h1") if tree is not None else ():
        text = " ".join(h1.text_content().split())
        if len(text.split()) >= _MIN_HEADLINE_WORDS and text.lower() != (sitename or "").lower():
            return text
    return None


def _first_full_date(tree: lxml.html.HtmlElement | None) -> date | None:
    """The first complete date (day, month and year) in the page's visible text, as a last resort."""
    if tree is None:
        return None
    texts = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)]")
    match = _FULL_DATE.search(" ".join(texts))
    return parse_date(match[0]) if match else None


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    """Drop a site name before or after the headline ("Headline | The Post")."""
    if not title:
        return None
    title = title.strip()
    separators = list(_TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title
    site = (sitename or "").strip().lower()
    head, tail = title[: separators[-1].start()], title[separators[-1].end():]
    if tail.lower() == site or (_reads_as_site_name(tail) and len(head.split()) > len(tail.split())):
        return head
    lead, rest = title[: separators[0].start()], title[separators[0].end():]
    return rest if site and lead.lower() == site else title


def _reads_as_site_name(text: str) -> bool:
    """Short and capitalised like a masthead ("The Meridian Post", "example.com")."""
    words = text.split()
    return len(words) <= _MAX_SITE_SUFFIX_WORDS and (all(w[0].isupper() or w[0].isdigit() for w in words) or "." in text)


_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content, a record's body), one paragraph per block."""
    if "<" not in fragment:
        return fragment
    fragment = _CONTROL_CHARS.sub("", fragment)  # lxml refuses them in text nodes (tests/test_fuzz.py)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for block in root.iter(*_BLOCK_TAGS):
        block.tail = "\n\n" + (block.tail or "")
    return _paragraphs(re.sub(r"\n\s*\n", "\n", root.text_content()))
