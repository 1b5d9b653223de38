"""What the statement finders share: the quote passages of a document and the Draft they build."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quote_marks import Quote, find_quotes
from newsgraph.extract.statement_lexicon import reports_itself
from newsgraph.extract.statement_speakers import after_dateline, line_end, line_start

QUOTE_CHARS = set("“”„«»\"‘’'") | {"''"}  # characters, and the token spaCy makes of a doubled apostrophe
# Tokens stripped from both ends of a content span.
EDGE_PUNCT = set(",.;:—–-!?…()[]")
# Words left dangling at the end of a content when a coordinated cue is cut off ("... and warned").
TRAILING_WORDS = {"and", "but", "or", "while", "as"}
RELATIVE_TAGS = {"WDT", "WP", "WRB"}  # which, who, where, when
# What a one-word content may be: a name or a noun, never a pronoun ("supports him").
ONE_WORD_POS = {"PROPN", "NOUN"}
# How a participle tail hangs in the parse (", saying ...", ", adding ...").
TAIL_DEPS = {"advcl", "acl", "xcomp", "conj", "dep"}


@dataclass
class Draft:
    """A statement found but not yet resolved: content characters, cue and speaker tokens."""

    start: int
    end: int
    cue: Token | None
    speaker: Span | None
    direct: bool = False
    unattributed: bool = False
    hedged: bool = False


@dataclass
class Context:
    """One parsed document with its quote passages, for asking whether a token is quoted."""

    doc: Doc
    text: str = field(init=False)  # doc.text, joined once: spaCy rebuilds it on every access
    quotes: list[Quote] = field(init=False)
    _quote_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        self.quotes = find_quotes(self.text)
        self._quote_starts = [quote.start for quote in self.quotes]

    def quote_at(self, char: int) -> Quote | None:
        """The quote passage containing a character offset, if any."""
        index = bisect_right(self._quote_starts, char) - 1
        if index >= 0 and self.quotes[index].start <= char < self.quotes[index].end:
            return self.quotes[index]
        return None

    def in_quote(self, token: Token) -> bool:
        return self.quote_at(token.idx) is not None


def content_draft(ctx: Context, first: int, last: int, one_word: bool = False, **fields) -> Draft | None:
    """A Draft for the tokens first..last (inclusive), edges and a leading dateline trimmed; None when nothing is left.

    A one-word content is kept only when one_word allows it and the word is a name or noun
    ("endorsed Cruz", "critical of immigration"); a lone pronoun or particle says nothing.

    A content that is exactly one quoted passage is direct speech and keeps only the words
    inside the marks. A leading complementizer "that" stays: PolNeAR train puts it inside the
    content in 2,400 of 2,430 that-clauses, quoted ones included ("said that “S”" is mixed).
    """
    doc = ctx.doc
    first = _in_cue_paragraph(doc, first, fields.get("cue"))
    first = after_dateline(doc[first])  # "ANKARA, Dec 13 (Wire) - S, officials said": S
    last = line_end(doc, first, last)  # the parse may run a sentence on into the next paragraph ("prosecution.\n\n___")
    last = _before_semicolon(ctx, first, _before_tail(ctx, first, last))
    while first <= last and _is_edge(doc[first]):
        first += 1
    while last >= first and (_is_edge(doc[last]) or doc[last].lower_ in TRAILING_WORDS):
        last -= 1
    first, last = _balance_marks(doc, first, _to_quote_end(ctx, first, last))
    if last < first or (last == first and not (one_word and doc[first].pos_ in ONE_WORD_POS)):
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    quote = ctx.quote_at(start + 1) if ctx.text[start] in QUOTE_CHARS else ctx.quote_at(start)
    if quote is not None and quote.start >= start - 1 and quote.end <= end + 1 and _whole(ctx.text, quote, start, end):
        return Draft(quote.start, quote_end(ctx.text, quote), direct=True, **fields)
    return Draft(start, end, **fields)


def _in_cue_paragraph(doc: Doc, first: int, cue: Token | None) -> int:
    """Where a content before its cue starts when the parse ran it back over a paragraph break ("“Q.”\n\nS, the
    Kremlin said"): at the cue's paragraph, never in the one before."""
    return first if cue is None or cue.i <= first else line_start(doc, first, cue.i)


def _before_tail(ctx: Context, first: int, last: int) -> int:
    """The content's end before a comment set off by a comma that runs to its end: ", which makes him
    an outlier", ", where votes are at stake", ", saying ...", ", implicitly putting ..." (PolNeAR
    leaves such tails out of the content); inside quote marks the words are the speaker's own and stay."""
    doc = ctx.doc
    for i in range(first + 2, last + 1):
        token = doc[i]
        if doc[i - 1].text != "," or token.is_space or ctx.in_quote(token):
            continue
        report = token.dep_ == "mark" and token.head.dep_ == "advcl" and reports_itself(token.head)  # ", while X said S2"
        head = token.head if token.tag_ in RELATIVE_TAGS or token.dep_ == "advmod" or report else token
        relative = token.tag_ in RELATIVE_TAGS and head.dep_ == "relcl"
        participle = head.tag_ == "VBG" and head.dep_ in TAIL_DEPS
        if (relative or participle or report) and head.left_edge.i == i and head.right_edge.i >= last - 1:
            return i - 2
    return last


def _to_quote_end(ctx: Context, first: int, last: int) -> int:
    """Run a content that opens a quote on to the quote's close ("called Burma a “good news story in
    an era when ...”"): the parse may end the clause inside the quoted words, the speaker did not."""
    doc = ctx.doc
    quote = ctx.quote_at(doc[last].idx) if last >= first else None
    if quote is None or quote.start < doc[first].idx:
        return last
    while last + 1 < len(doc) and doc[last + 1].idx < quote.end:
        last += 1
    return last


def _before_semicolon(ctx: Context, first: int, last: int) -> int:
    """The content's end before a semicolon outside quote marks: what follows is the writer's next
    clause (PolNeAR train: a reported content stops at a semicolon 97 times, runs over one 45 times)."""
    for i in range(first + 1, last + 1):
        if ctx.doc[i].text == ";" and not ctx.in_quote(ctx.doc[i]):
            return i - 1
    return last


def quote_end(text: str, quote: Quote) -> int:
    """The end of a quote's words, without the comma that hands over to the cue ("A," he said)."""
    end = quote.end
    while end > quote.start and text[end - 1] in ", ":
        end -= 1
    return end


def _is_edge(token) -> bool:
    return token.text in EDGE_PUNCT or token.is_space


def _balance_marks(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Take in the partner of an unpaired quote mark next to the span, or drop the unpaired mark."""
    marks = [i for i in range(first, last + 1) if doc[i].text in QUOTE_CHARS]
    if len(marks) % 2 == 0:
        return first, last
    if last + 1 < len(doc) and doc[last + 1].text in QUOTE_CHARS:
        return first, last + 1
    if first > 0 and doc[first - 1].text in QUOTE_CHARS:
        return first - 1, last
    if marks[0] == first:
        return first + 1, last
    return first, last - 1 if marks[-1] == last else last


def _whole(text: str, quote: Quote, start: int, end: int) -> bool:
    """Whether the span [start, end) is the quote passage plus at most its marks and end punctuation."""
    outside = text[start : quote.start] + text[quote.end : end]
    return all(ch in QUOTE_CHARS or ch in EDGE_PUNCT or ch.isspace() for ch in outside)
