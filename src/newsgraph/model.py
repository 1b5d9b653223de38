"""The nouns of design.md as pydantic models; field names are the extract contract's.

Offsets are character offsets into `Document.text`, end exclusive; a statement found in the headline
(`in_title`) has its offsets in `Document.title`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Attribution = Literal["named", "anonymous", "unattributed"]
Agreement = Literal["agree", "conflict", "single-source"]
Modality = Literal["asserted", "reported", "future", "hypothetical", "demanded"]


class Record(BaseModel):
    """Base for every noun: strict fields, no silent extras."""

    model_config = ConfigDict(extra="forbid")


class RawDocument(Record):
    """What a reader found in one input, before cleaning."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    date_source: str | None = None
    byline: str | None = None
    is_clean: bool = False  # True when an extractor (trafilatura) already removed page furniture


class Mention(Record):
    """A span naming an actor or place."""

    start: int
    end: int
    text: str
    type: str
    entity_id: str | None = None
    name: str | None = None
    role: Literal["actor", "target", "location"] | None = None  # from the parse: agent, addressee/counterpart, place
    country: str | None = None  # ISO 3166 alpha-2 of the place, or of the state a demonym or seat stands for


class Entity(Record):
    """A canonical actor or place, shared by all documents of a run."""

    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


class Statement(Record):
    """Something someone is reported to have said or believed."""

    speaker: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    content: str
    content_start: int
    content_end: int
    direct: bool = False
    attribution: Attribution = "named"
    hedged: bool = False
    cue_start: int | None = None
    cue_end: int | None = None
    sentence: int | None = None  # index of the sentence holding the cue (or the content start)
    speaker_id: str | None = None  # entity id of the canonical speaker, when the speaker names an actor of the run
    in_title: bool = False  # said in the headline: every offset indexes Document.title, `sentence` is None


class Quantity(Record):
    """A reported number with what it counts."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    what: str | None = None
    bound: Literal["lower", "upper", "approximate"] | None = None  # "more than 400" -> lower
    period: str | None = None  # the time the number covers, as written ("in 2016", "between 2011 and 2016")
    statement: int | None = None  # index into the document's quotes of the statement reporting it
    source: str | None = None  # speaker of that statement


class Timex(Record):
    """A time expression normalized to ISO 8601 / TIMEX3."""

    start: int
    end: int
    text: str
    type: str
    value: str | None = None
    mod: str | None = None  # TIMEX3 mod: APPROX, MORE_THAN, START, MID, END, ...
    anchor: str | None = None  # the publication date a relative value was resolved against


class Event(Record):
    """Who did what to whom, when and where (PLOVER type)."""

    type: str
    trigger: str
    start: int
    end: int
    sentence: int
    actor: str | None = None
    target: str | None = None
    location: str | None = None
    date: str | None = None
    negated: bool = False
    modality: Modality = "asserted"
    date_source: Literal["sentence", "published"] | None = None  # where `date` came from
    statement: int | None = None  # index in the document's quotes of the statement reporting the event
    actor_start: int | None = None
    actor_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None
    actor_id: str | None = None  # entity id of the canonical actor, when resolved
    target_id: str | None = None  # entity id of the canonical target, when resolved
    confidence: float | None = None  # how sure the extractor is of this event (0-1); views can hide low ones
    background: bool = False  # dated long before the article (a year or month in the past): not the story's own days


class Document(Record):
    """One clean article and everything extracted from it."""

    id: str
    source: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    date_source: str | None = None
    language: str | None = None
    text: str
    byline: str | None = None
    credits: list[str] = Field(default_factory=list)
    duplicate_of: str | None = None
    story: str | None = None
    entities: list[Mention] = Field(default_factory=list)
    quotes: list[Statement] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def __repr__(self) -> str:
        """A line a person can read, not the whole text and every item."""
        counts = ", ".join(f"{len(getattr(self, key))} {key}" for key in ("entities", "quotes", "quantities", "timexes", "events"))
        return f"<Document {self.title or self.source!r} {self.outlet or 'unknown outlet'} {self.published or 'undated'}: {counts}>"

    def _repr_html_(self) -> str:
        """Jupyter's view: the article with every extracted item highlighted, as the report draws it."""
        from newsgraph.report.article import article_html  # the renderer needs jinja2; the model does not

        return article_html(self)


class Story(Record):
    """Documents that report the same happening."""

    id: str
    documents: list[str]
    headline: str | None = None
    first_date: date | None = None
    last_date: date | None = None
    outlets: list[str] = Field(default_factory=list)
    actors: list[str] = Field(default_factory=list)  # canonical names of the central actors, most mentioned first
    places: list[str] = Field(default_factory=list)  # canonical names of the central places, most mentioned first


class Claim(Record):
    """Statements from different documents that assert the same thing."""

    id: str
    story: str | None = None
    statements: list[tuple[str, int]] = Field(default_factory=list)  # (document id, index in quotes)
    agreement: Agreement = "single-source"
    events: list[tuple[str, int]] = Field(default_factory=list)  # (document id, index in events) of outlet-voice reports
    text: str | None = None  # the claim in the words of its first side
    reason: str | None = None  # why a conflict: "values 39 / 35", "negation", "responsible: X / Y"
    sides: list[ClaimSide] = Field(default_factory=list)  # the evidence of each document


class ClaimSide(Record):
    """One document's evidence for a claim: the span that asserts it and what it says."""

    document: str
    outlet: str | None = None
    kind: Literal["statement", "event", "blame"]
    index: int | None = None  # index in the document's quotes or events
    start: int
    end: int
    text: str
    values: list[float] = Field(default_factory=list)  # the numbers it reports for the claim's quantity
    negated: bool = False
    blamed: str | None = None  # the actor it names as responsible


class Blame(Record):
    """One article's word on who is responsible for a violent event of a story, and on whose word."""

    story: str
    document: str
    outlet: str | None = None
    blamed: str  # entity id of the canonical actor blamed, else its folded name ("kurdish militants")
    blamed_name: str  # the actor's canonical name, else the phrase as written without its article
    source: Literal["outlet", "named", "anonymous", "claimed"]  # own voice, named speaker, anonymous source, claim of responsibility
    speaker: str | None = None  # who blames: the canonical name of a named speaker, the words of an anonymous one
    cue: str
    start: int  # the evidence: the sentence (or statement) saying it
    end: int
    event: int | None = None  # index in the document's events of the violent event, when found
    speaker_id: str | None = None  # entity id of the named speaker (or of the group claiming the act), when resolved
    blamed_start: int | None = None  # the words naming the blamed actor
    blamed_end: int | None = None
    cue_start: int | None = None  # the words saying responsibility
    cue_end: int | None = None


class Framing(Record):
    """How one outlet tells one story: whom it blames, whom it quotes, what only it says."""

    story: str
    outlet: str
    blamed: dict[str, int] = Field(default_factory=dict)  # blamed name -> how many times
    named_speakers: list[str] = Field(default_factory=list)
    anonymous_speakers: list[str] = Field(default_factory=list)
    named_share: float | None = None  # named statements / attributed statements
    exclusive_claims: list[str] = Field(default_factory=list)  # ids of claims no other outlet makes
