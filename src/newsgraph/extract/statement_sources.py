"""Whose statement: canonical speaker and attribution (named, anonymous, unattributed).

Pronouns ("he", "she", "it", "they") and descriptions ("the general", "the ministry") are
resolved to the nearest compatible named speaker in the article; unnamed roles ("officials",
"a spokesman", "one source") are anonymous.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.statement_context import Context
from newsgraph.extract.statement_lexicon import gender_of, roles, title_gender, title_word
from newsgraph.model import Mention

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
ORG_TYPES = {"ORG", "NORP", "GPE", "FAC"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"}
INDEFINITE = {"a", "an", "one", "some", "several", "many", "few", "two", "three", "four", "five"}
NAME_PARTICLES = {"de", "del", "della", "di", "da", "van", "von", "la", "le", "bin", "al", "el", "du"}
# Entity types the tagger gives some people's names ("Ivanka Trump" tagged a product).
MISTYPED_PEOPLE = {"PRODUCT", "WORK_OF_ART"}
HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame", "lord", "lady", "rev", "gen", "col", "sen", "rep"}
# A quotation in the text: a name inside it is one the quoted speaker talks about.
QUOTATION = re.compile(r'“[^”]*”|"[^"\n]*"')
# Words that make a title another one: "the president" is neither the vice president nor the former one.
RANKS = {"vice", "deputy", "assistant", "lieutenant", "lt", "under", "former", "ex", "acting"}
# Words in a description that do not narrow down who it is ("the 45-year-old senator", "the longtime mayor").
# How many times more often than any other a person is named to be the one a shared title means.
SALIENT_RATIO = 3
NEUTRAL = {"year", "old", "longtime", "veteran", "then", "current", "outgoing", "incoming", "same"}
# How far back (in sentences) a pronoun looks for its speaker: one news paragraph or two;
# set by hand, checked on the statements dev set (benchmarks/statements).
PRONOUN_REACH = 8


@dataclass(frozen=True)
class Source:
    """A resolved speaker: canonical name (or None), attribution, kind and grammatical gender."""

    name: str | None
    attribution: str
    kind: str = "other"  # person, org or other
    gender: str | None = None


@dataclass(frozen=True)
class Known:
    """A named actor seen at a token position, with the descriptions the article gives it."""

    position: int
    source: Source
    titles: frozenset[str]
    words: frozenset[str] = frozenset()


class SourceResolver:
    """Resolves speaker spans of one document, remembering the speakers already resolved."""

    def __init__(self, ctx: Context, mentions: list[Mention]) -> None:
        doc, text = ctx.doc, ctx.text
        self.doc = doc
        self.ents = tuple(doc.ents)  # spaCy rebuilds doc.ents on every access: once here
        self.full_names, self.namesakes = _full_names(mentions)
        for surname in self._unnamed_namesakes(text, mentions):
            del self.full_names[surname]
        self.name_genders = self._name_genders(text, mentions)
        self.known: list[Known] = [k for k in (self._known(doc, m) for m in mentions) if k is not None]
        self.speakers: set[str | None] = set()
        self.unresolved: list[tuple[int, str]] = []  # speaker pronouns left as written: position, gender
        self.quotes = [m.span() for m in QUOTATION.finditer(text)]
        self.sentence_of = [0] * len(doc)
        for index, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = index

    def resolve(self, span: Span | None) -> Source:
        """The canonical speaker and attribution of a speaker span; remembers it for later pronouns."""
        if span is None or len(span) == 0:
            return Source(None, "unattributed")
        source = self._resolve(span)
        if source.kind == "person":
            self.speakers.add(source.name)
        if span.root.pos_ == "PRON" and source.name == span.root.text and source.gender is not None:
            self.unresolved.append((span.root.i, source.gender))
        if source.name is not None and self._worth_remembering(span, source):
            self.known.append(Known(span.root.i, source, frozenset()))
        return source

    def _worth_remembering(self, span: Span, source: Source) -> bool:
        """Whether a speaker is news to later pronouns: a pronoun or description resolved to a name, or a
        name the tagger gave no name type ("Ivanka Trump" tagged a product); a pronoun left as written is not."""
        if source.name != span.text:
            return True
        return span.root.pos_ == "PROPN" and not any(k.position == span.root.i for k in self.known)

    def _resolve(self, span: Span) -> Source:
        head = span.root
        if head.pos_ == "PRON":
            return self._pronoun(head)
        person = self._person_in(span)
        if person is not None:
            return person
        named = self._named_in(span)
        if named is not None:
            return named
        if _is_anonymous(span):
            return Source(_lowered(span), "anonymous")
        role = roles().get(head.lemma_.lower())
        if role is not None and role.kind != "anonymous" and _is_definite(span):
            found = self._description_target(span, role.kind, role.group)
            if found is not None:
                return found
        kind = "org" if role is not None and role.kind.endswith("org") else "other"
        return Source(_description(span), "named", kind)

    def _person_in(self, span: Span) -> Source | None:
        """The person named in a span ("Her deputy, Ibrahim Bello"), by full name."""
        head = span.root.i
        group = span.root.tag_ in {"NNS", "NNPS"}  # "the other candidates -- Jeb Bush, John Kasich ..."
        naming = [e for e in self._ents_in(span) if e.start <= head < e.end or (_names(e, head) and not group)]
        for ent in sorted(naming, key=lambda e: (not e.start <= head < e.end, abs(e.root.i - head))):
            surname = ent.text.split()[-1].lower()
            if _is_person_name(ent) or (surname in self.full_names and ent.root == span.root):
                return self._person(_with_honorific(ent))
        if span.root.pos_ == "PROPN" and span.root.lower_ in self.full_names:
            return self._person(_with_honorific(span.root.doc[span.root.i : span.root.i + 1]))
        return None

    def _ents_in(self, span: Span) -> list[Span]:
        """The entities wholly inside a span, as `span.ents` gives them, without rebuilding the document's."""
        return [e for e in self.ents if span.start <= e.start and e.end <= span.end]

    def _person(self, text: str) -> Source:
        name = self._full_name(text)
        return Source(name, "named", "person", self.name_genders.get(name) or _gender_of_name(name))

    def _full_name(self, text: str) -> str:
        """The article's fullest form of a person's name: by given name and surname, else by surname
        ("Mrs. Clinton" picks a woman among namesakes)."""
        name = _strip_honorific(text)
        words = name.split()
        if not words:
            return text
        options = self.namesakes.get(words[-1].lower(), [])
        if _given(words):
            given = {word.lower() for word in words[:-1]}  # "Democrat Hillary Clinton": any word may be the given name
            same = [n for n in options if _given(n.split()) in given] or (options if len(options) == 1 else [])
            return max(same, key=len) if same else name
        honorific = gender_of(text.split()[0]) if len(text.split()) > 1 else None
        if honorific is None:
            return self.full_names.get(words[-1].lower(), name)
        fitting = [n for n in [*options, self.full_names.get(words[-1].lower(), name)] if _gender_of_name(n) in (honorific, None)]
        return min(fitting, key=lambda n: _gender_of_name(n) != honorific) if fitting else name  # never "Mrs. Bill Clinton"

    def _name_genders(self, text: str, mentions: list[Mention]) -> dict[str, str]:
        """Genders the article shows by honorific or gendered title ("Mrs Kaya", "spokeswoman Ana Ruiz")."""
        found = {}
        for mention in mentions:
            before = _word_before(text, mention)
            gender = gender_of(before)
            if _is_person(mention) and gender:
                words = _strip_honorific(mention.text).split()
                found[self._full_name(" ".join([before, *words])) if words else ""] = gender
        return found

    def _unnamed_namesakes(self, text: str, mentions: list[Mention]) -> set[str]:
        """Surnames a person of another gender than every full name shares ("Mr. Obama" beside
        "Michelle Obama" only): the bare surname may be either, so it is not expanded."""
        found = set()
        for mention in mentions:
            words = mention.text.split()
            gender = gender_of(_word_before(text, mention)) if len(words) == 1 else None
            surname = words[-1].lower() if words else ""
            if gender and surname in self.full_names and _gender_of_name(self.full_names[surname]) not in (gender, None):
                found.add(surname)
        return found

    def _named_in(self, span: Span) -> Source | None:
        """An organisation or group named by the span's head ("the Interior Ministry", "Kenya's Treasury")."""
        head = span.root
        for ent in self._ents_in(span):
            if ent.label_ in ORG_TYPES and ent.start <= head.i < ent.end:
                if _has_given_name(ent.text):  # a person the tagger took for an organisation
                    return self._person(ent.text)
                start = min(ent.start, _after_determiners(span))
                text = self.doc[start : ent.end].text
                return Source(_strip_the(text), "named", "org")
        return None

    def _pronoun(self, pronoun: Token) -> Source:
        """The person "he" or "she" stands for, when the text leaves one candidate; else the pronoun as written.

        A pronoun resolves only to the nearest earlier person of its gender (or of unknown
        gender) named outside a quotation, when no other such person is named between that one's
        sentence and the pronoun, and no speaker "she" left as written is the subject of the clause
        naming that person ("She says X's tweets are lies. ... She tweeted": not X): a wrong speaker
        shown as a name is worse than "he".
        """
        gender = PERSON_PRONOUNS.get(pronoun.lower_)
        as_written = Source(pronoun.text, "named", "person" if gender else "other", gender)
        if gender is None:
            return as_written
        here = self.sentence_of[pronoun.i]
        earlier = [k for k in self.known if k.position < pronoun.i and here - self.sentence_of[k.position] <= PRONOUN_REACH]
        fitting = [k for k in earlier if k.source.kind == "person" and k.source.gender in (None, gender)]
        unquoted = [k for k in fitting if not self._quoted(k)]
        if not unquoted:
            return as_written
        nearest = max(unquoted, key=lambda k: k.position)
        since = self.sentence_of[nearest.position] - 1
        rivals = {k.source.name for k in fitting if self.sentence_of[k.position] >= since}
        name = self.doc[nearest.position]
        unnamed = any(g == gender and _speaks_of(self.doc[i], name) for i, g in self.unresolved if i < pronoun.i)
        alone = rivals == {nearest.source.name} and not unnamed
        sure = alone and self._may_be(nearest.source, gender) and self._one(nearest)
        return nearest.source if sure else as_written

    def _one(self, known: Known) -> bool:
        """Whether a name stands for one person: a family ("the Obamas") is never "he" or "she", though it stays a
        rival for them (Bill of "the Clintons"). The tag cannot tell: the tagger makes "Sanders" a plural too."""
        name = self.doc[known.position]
        return not (name.i > 0 and name.nbor(-1).lower_ == "the" and name.lower_.endswith("s") and name.dep_ != "compound")

    def _quoted(self, known: Known) -> bool:
        """Whether a name is said inside a quotation: the quoted speaker talks about that person."""
        at = self.doc[known.position].idx
        return any(start < at < end for start, end in self.quotes)

    def _may_be(self, person: Source, gender: str) -> bool:
        """Whether "he"/"she" may stand for a person: of that gender, or of unknown gender with a full
        name or already a speaker (a lone word of unknown gender is as often a brand or a place: "Beehive")."""
        unknown = person.gender is None and (len((person.name or "").split()) > 1 or person.name in self.speakers)
        return person.gender == gender or unknown

    def _description_target(self, span: Span, kind: str, group: frozenset[str]) -> Source | None:
        """The named actor that "the president" or "the ministry" stands for, nearest first: one the
        article names with that title and with every word that qualifies it ("the New Jersey governor")."""
        head = span.root
        rank = _rank(head)
        titles = {" ".join([*rank, word]) for word in group}
        qualifiers = _qualifiers(span) - set(rank)
        wanted = "person" if kind == "person" else "org"
        candidates = [k for k in self.known if k.source.kind == wanted and k.source.name
                      and qualifiers <= k.words | _name_words(k.source.name)]
        matching = [k for k in candidates if k.titles & titles or (not rank and _name_words(k.source.name) & group)]
        if not matching and kind == "generic-org":
            matching = candidates
        if not matching:
            return None
        if kind == "person":
            matching = self._most_mentioned(matching)
        if not matching:
            return None
        best = min(matching, key=lambda k: (k.position > head.i, abs(k.position - head.i)))
        return best.source

    def _most_mentioned(self, matching: list[Known]) -> list[Known]:
        """Of several people a title fits, the one the article is about: its surname written at least three times
        as often as any other's ("the president" of an Obama story is not the World Bank president it quotes
        once); none when no one stands out, as "the governor" of a debate among three governors."""
        names = {k.source.name for k in matching}
        if len(names) == 1:
            return matching
        words = Counter(t.text for t in self.doc)  # by the words: the tagger misses many a later "Kovacs"
        (first, most), (_, next_most) = Counter({name: words[name.split()[-1]] for name in names}).most_common(2)
        return [k for k in matching if k.source.name == first] if most >= SALIENT_RATIO * next_most else []

    def _known(self, doc: Doc, mention: Mention) -> Known | None:
        """A mention as a known actor, with its titles ("Interior Minister X", "the company, X")."""
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        if _is_person(mention):
            source = self._person(span.text)
        elif mention.type in ORG_TYPES - {"GPE"}:
            source = Source(_strip_the(span.text), "named", "org")
        else:
            return None
        return Known(span.root.i, source, _titles(span), _context_words(span))


def _full_names(mentions: list[Mention]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each surname's full name ("Kaya" -> "Suleyman Kaya"), and every full name the article gives it.

    Namesakes ("Bill Clinton", "Hillary Clinton") keep their own names, in the order the article
    introduces them; a bare surname stands for the first one introduced, the story's own ("Trump" in a
    story that later quotes his daughter), by the longest form of that name ("Hillary Rodham Clinton").
    """
    first: dict[tuple[str, str], int] = {}
    longest: dict[tuple[str, str], str] = {}
    for mention in mentions:
        if not _is_person(mention):
            continue
        words = _strip_honorific(mention.text.replace("’s", "").replace("'s", "")).split()
        if not words:
            continue
        key = (words[-1].lower(), _given(words))
        first.setdefault(key, mention.start)
        if len(" ".join(words)) > len(longest.get(key, "")):
            longest[key] = " ".join(words)
    namesakes: dict[str, list[str]] = {}
    for (surname, given), name in sorted(longest.items(), key=lambda item: first[item[0]]):
        if given:
            namesakes.setdefault(surname, []).append(name)
    bare = {surname: names[0] for surname, names in namesakes.items()}
    bare.update({surname: name for (surname, given), name in longest.items() if not given and surname not in bare})
    return bare, namesakes


def _speaks_of(pronoun: Token, name: Token) -> bool:
    """Whether a pronoun is the subject of a clause holding the name, so it is someone else ("She says X's tweets
    are lies"); "In her speech, X said" and "Not only did she agree, X said" may be X."""
    return pronoun.dep_ == "nsubj" and pronoun.head in name.ancestors


def _with_honorific(name: Span) -> str:
    """A name with the gendered honorific before it, which the tagger leaves out ("Mr." + "Okafor")."""
    return f"{name.doc[name.start - 1].text} {name.text}" if title_gender(name) is not None else name.text


def _is_person_name(ent: Span) -> bool:
    """A person's name, also one the tagger took for a product or work ("Ivanka Brandt" PRODUCT): a
    speaker is never a product, and a name of two or more words is a person's more often than a title's."""
    return ent.label_ == "PERSON" or (ent.label_ in MISTYPED_PEOPLE and len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent))


def _names(ent: Span, head: int) -> bool:
    """Whether a name hangs from a description's head as the one it names ("her deputy, Ibrahim Bello"), not as a
    modifier before it ("the Trump administration", "a Clinton spokesman"); a name elsewhere in the description
    is someone else ("some Republicans, including Lamar Alexander", "Gary Johnson's doctor")."""
    return ent.root.head.i == head and (ent.root.dep_ == "appos" or (ent.root.dep_ == "compound" and ent.start > head))


def _word_before(text: str, mention: Mention) -> str:
    """The word just before a mention ("Mrs." before "Kaya"), or ""."""
    before = text[max(0, mention.start - 20) : mention.start].split()
    return before[-1] if before else ""


def _given(words: list[str]) -> str:
    """The given name of a name's words, "" for a bare surname ("De Blasio", "bin Salman": particles are not one)."""
    return words[0].lower() if len(words) > 1 and words[0].lower() not in NAME_PARTICLES else ""


def _titles(span: Span) -> frozenset[str]:
    """Descriptions attached to a named span: title words before it, the noun it is in apposition to,
    each with its rank ("vice president", "former president")."""
    found = [t for t in span.doc[max(0, span.start - 3) : span.start] if t.dep_ == "compound"]
    found += [t for t in span if t.lemma_.lower() in roles()]
    root = span.root
    if root.dep_ == "appos":
        found.append(root.head)
    found += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    return frozenset(" ".join([*_rank(t), title_word(t)]) for t in found)


def _rank(title: Token) -> list[str]:
    """The rank words just before a title ("former", "vice"): "the president" is not the vice president."""
    start = title.i
    while start > 0 and title.doc[start - 1].lower_.rstrip(".") in RANKS:
        start -= 1
    return [title_word(t) for t in title.doc[start : title.i]]


def _qualifiers(span: Span) -> set[str]:
    """The words that narrow a description down ("New Jersey" in "the New Jersey governor")."""
    head = span.root
    return {t.lower_ for t in span if t.i != head.i and (t.pos_ == "PROPN" or (t.i < head.i and t.pos_ in {"ADJ", "NOUN"}))
            and t.lower_ not in NEUTRAL}


def _context_words(span: Span) -> frozenset[str]:
    """The words around a name that may qualify it: its name phrase and its apposition
    ("New Jersey Gov. Chris Christie", "Chris Christie, the New Jersey governor")."""
    doc, start = span.doc, span.start
    while start > 0 and span.start - start < 6 and doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ"}:
        start -= 1
    words = {t.lower_.rstrip(".") for t in doc[start : span.start]}
    for appos in (c for c in span.root.children if c.dep_ == "appos"):
        words |= {t.lower_ for t in appos.subtree}
    if span.root.dep_ == "appos":
        words |= {t.lower_ for t in span.root.head.subtree if t.i < span.start}
    return frozenset(words)


def _is_definite(span: Span) -> bool:
    """A description that points at one known actor: "the senator", "Senator from Texas"; not "a judge",
    "any company" or "its vice president" (whose owner is not resolved here)."""
    determiners = [c.lower_ for c in span.root.children if c.dep_ in {"det", "poss", "nummod"}]
    return all(d in {"the", "this", "that"} for d in determiners)


def _is_anonymous(span: Span) -> bool:
    """An unnamed source: a role noun, a plural common noun, a number or an indefinite description."""
    head = span.root
    role = roles().get(head.lemma_.lower())
    if role is not None and role.kind == "anonymous":
        return True
    if head.pos_ == "NUM" or head.lower_ in INDEFINITE:
        return True
    if head.pos_ != "NOUN":
        return False
    determiner = next((c.lower_ for c in head.children if c.dep_ in {"det", "nummod"}), None)
    return head.tag_ == "NNS" or (determiner in INDEFINITE and role is None)


def _description(span: Span) -> str:
    return _described(span).text


def _lowered(span: Span) -> str:
    """An anonymous description in lower case, its names kept as written ("senior Cruz adviser", "European officials")."""
    return "".join((t.text if t.pos_ == "PROPN" or t.ent_type_ == "NORP" else t.lower_) + t.whitespace_ for t in _described(span)).strip()


def _described(span: Span) -> Span:
    """A speaker span without its leading determiners ("the", "a", "its")."""
    return span.doc[_after_determiners(span) : span.end]


def _after_determiners(span: Span) -> int:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in DETERMINERS:
        start += 1
    return start


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _strip_honorific(text: str) -> str:
    """A person's name without the titles the tagger kept ("Brazil's President Luiz Almeida")."""
    words = text.split()
    for index in range(len(words) - 1, 0, -1):
        word = words[index - 1].lower().rstrip(".")
        if word in HONORIFICS or word.rstrip(".") in roles() or word.endswith(("'s", "’s")):
            return " ".join(words[index:])
    return text


def _is_person(mention: Mention) -> bool:
    """A person mention, also when the tagger took a full name for an organisation."""
    return mention.type == "PERSON" or (mention.type in ORG_TYPES and _has_given_name(mention.text))


def _has_given_name(text: str) -> bool:
    return any(gender_of(word) for word in text.split()[:-1])


def _name_words(name: str) -> set[str]:
    return {word.lower() for word in name.split()}


def _gender_of_name(name: str) -> str | None:
    return gender_of(name.split()[0]) if name else None

