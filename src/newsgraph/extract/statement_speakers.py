"""The speaker span of a cue: the subject of a reporting verb, the owner of a claim, a document's author."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.statement_lexicon import cues, roles

# A verb without its own subject shares the subject of the verb it hangs from
# ("called him a liar and said ...", "went on to say ...", "was able to tout ...").
SHARED_SUBJECT_DEPS = {"conj", "xcomp", "advcl", "acomp"}
# Verbs whose subject, not their object, does what their infinitive says ("promised voters to cut taxes").
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten"}
# Children that end a speaker span: "Striker Marcus Bell, who was targeted, said".
CLAUSE_DEPS = {"relcl", "acl", "advcl", "parataxis", "cc", "conj"}
SOURCE_PREPS = {"from", "by", "of", "at"}
# Entity types of a name that may speak.
NAMED_TYPES = {"PERSON", "ORG", "NORP", "GPE"}
# Subjects after the verb in inverted reports ("said Transport Secretary Helen Price").
INVERTED_DEPS = {"nsubj", "dobj", "attr", "npadvmod", "appos"}
FIRST_AND_SECOND_PERSON = {"i", "we", "you", "me", "us"}
FIRST_AND_SECOND_PERSON_OWNERS = {"my", "our", "your"}
RELATIVE_TAGS = {"WP", "WDT", "WP$"}
DASHES = ("–", "—", "--")
# Verbs whose subject is what seems, not who says so ("The figures appear to be wrong"): no speaker.
RAISING_VERBS = {"seem", "appear"}
RAISED_DEPS = {"xcomp", "acomp", "attr", "ccomp", "oprd", "dobj"}
# How many tokens into its line a dateline's dash may come ("KESTREL CITY, March 3 (Daily Ledger) –").
DATELINE_TOKENS = 14


def speaker_of(cue: Token) -> Span | None:
    """The speaker span of a reporting verb or noun, or None when the text names none."""
    if cue.pos_ != "VERB":
        return _noun_speaker(cue)
    if _is_raising(cue):
        return None
    verb = cue
    for _ in range(4):
        subject = next((c for c in reversed(list(verb.lefts)) if c.dep_ == "nsubj"), None)
        if subject is not None and in_dateline(subject):  # "WASHINGTON -- President Obama ... said": the name, not the place
            subject = next((c for c in subject.children if c.dep_ == "appos"), None)
        subject = subject or next((c for c in verb.rights if c.dep_ == "nsubj"), None)
        if subject is not None:
            return None if verb is not cue and _impersonal(verb, subject) else _subject_source(verb, subject)
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            break
        controller = _object_controller(verb)
        if controller is not None:
            return source_span(controller)
        verb = verb.head
    return _inverted_subject(cue)


def _object_controller(verb: Token) -> Token | None:
    """Who does what an infinitive says when the verb above it has an object before it: "the bill prompted
    his wife to make a comment" (she makes it), "urged voters to reject X"; "promised X to" is the exception."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in SUBJECT_CONTROL:
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj if obj is not None and any(_may_act(t) for t in (obj, *obj.conjuncts)) else None


def _may_act(token: Token) -> bool:
    """Whether an object may be who does what follows: a person or body, not a time or a thing ("spent long
    hours trying to", "used the presence of fighters to justify")."""
    if token.ent_type_ in {"DATE", "TIME"} or token.lower_ == "it":
        return False
    return can_speak(token) and (token.tag_ != "NNS" or token.lemma_.lower() in roles() or is_source_noun(token))


def _impersonal(verb: Token, subject: Token) -> bool:
    """ "It is worth remembering that S", "it's hard not to sense that S": a judgement nobody in particular makes."""
    return subject.lower_ == "it" and verb.lemma_ == "be" and any(c.dep_ == "acomp" for c in verb.children)


def _is_raising(verb: Token) -> bool:
    """ "The figures appear to be wrong": what seems has no say; "she seemed to confirm that S" (a
    cue within two infinitives) is her report, and "he appeared at the rally" shows up, not seems."""
    if verb.lemma_.lower() not in RAISING_VERBS:
        return False
    if any(c.dep_ == "prep" for c in verb.children) and not any(c.dep_ in RAISED_DEPS for c in verb.children):
        return False
    infinitives = [c for c in verb.children if c.dep_ == "xcomp"]
    infinitives += [g for c in infinitives for g in c.children if g.dep_ == "xcomp"]
    return not any((c.lemma_.lower(), "VERB") in cues() for c in infinitives)


def holder_of(adjective: Token) -> Span | None:
    """Who holds the attitude an adjective states: the subject of its clause ("Graham has been critical
    of X", "With leaders worried about X"); none for an expletive ("it is clear that S")."""
    head = adjective if adjective.dep_ == "advcl" else adjective.head
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return speaker_of(head) if head.pos_ == "VERB" else None
    if subject.lower_ in {"it", "there"}:
        return None
    return _subject_source(head, subject)


def in_dateline(token: Token) -> bool:
    """Whether a token is part of a dateline ("ANKARA, Dec 13 (Wire) –"): capitals a dash follows, at a line start."""
    if not token.text.isupper():
        return False
    doc, first = token.doc, token.i
    while first > 0 and "\n" not in doc[first - 1].whitespace_ and not doc[first - 1].is_space and token.i - first < DATELINE_TOKENS:
        first -= 1
    if first > 0 and token.i - first >= DATELINE_TOKENS or any(_is_dash(t) for t in doc[first : token.i]):
        return False
    return any(_is_dash(t) for t in doc[token.i : first + DATELINE_TOKENS])


def line_start(doc: Doc, first: int, end: int) -> int:
    """The first token of doc[first:end] after its last line break; first when there is none."""
    breaks = _line_breaks(doc, first, end)
    return breaks[-1] + 1 if breaks else first


def line_end(doc: Doc, first: int, last: int) -> int:
    """The last token of doc[first:last + 1] before its first line break; last when there is none."""
    breaks = _line_breaks(doc, first, last + 1)
    return breaks[0] - 1 if breaks else last


def _line_breaks(doc: Doc, first: int, end: int) -> list[int]:
    return [t.i for t in doc[first:end] if t.is_space and "\n" in t.text]


def after_dateline(token: Token) -> int:
    """Where the words after a dateline start when token opens one ("ANKARA, Dec 13 (Wire) - S": S), else token's index."""
    if not in_dateline(token):
        return token.i
    dash = next((t.i for t in token.doc[token.i : token.i + DATELINE_TOKENS] if _is_dash(t)), None)
    return dash + 1 if dash is not None else token.i


def _is_dash(token: Token) -> bool:
    """A dash, or a hyphen standing apart as one ("BRUSSELS - European leaders", not "well-known")."""
    spaced = token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in DASHES or spaced


def _subject_source(verb: Token, subject: Token) -> Span | None:
    """The speaker a subject stands for; a relative pronoun stands for the noun its clause modifies, or for
    the named one that noun describes ("Trump is a serial liar and birther who has pledged X": Trump)."""
    if subject.tag_ in RELATIVE_TAGS:
        if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        described = _described_by(verb.head)
        return source_span(described if described is not None else verb.head)
    return source_span(subject)


def _described_by(noun: Token) -> Token | None:
    """The named person or organisation a predicate noun describes ("Trump is a liar, racist and birther"),
    through coordinated nouns and verbs; None when the noun is no predicate of a name (PolNeAR marks the
    noun itself: "Republicans are the only ones who see X" is said by "the only ones")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "attr":
        return None
    verb = noun.head
    while (subject := next((c for c in verb.children if c.dep_ == "nsubj"), None)) is None and verb.dep_ == "conj":
        verb = verb.head
    return subject if subject is not None and subject.ent_type_ in {"PERSON", "ORG"} else None


def _inverted_subject(verb: Token) -> Span | None:
    """ "...," said the minister: a noun right after a verb that follows a quote or comma is its speaker."""
    if verb.i == 0 or not verb.doc[verb.i - 1].is_punct:
        return None
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN" and verb.head.i > verb.i:  # "Said Ellis:" parsed as one name
        return verb.doc[verb.i + 1 : verb.head.i + 1]
    after = next((c for c in verb.rights if c.dep_ in INVERTED_DEPS and c.pos_ in {"PROPN", "NOUN"}), None)
    return source_span(after) if after is not None else None


def _noun_speaker(noun: Token) -> Span | None:
    """Whose claim: "the mayor's claim", "a claim by the mayor", "the mayor repeated his claim", "his claim"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        return source_span(owner)
    subject = next((c for c in noun.children if c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS), None)
    if subject is not None and can_speak(subject):  # a verb the tagger took for a noun: "Trump claims that S"
        return source_span(subject)
    subject = _misread_subject(noun)
    if subject is not None:  # "Trump claims that S" parsed as the noun phrase "Trump claims"
        return subject
    by = _prep_object(noun, {"by", "from"})
    if by is not None:
        return source_span(by)
    named = _named_modifier(noun)
    if named is not None:
        return named
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "said in a statement that ..."
    if noun.dep_ in {"dobj", "attr", "pobj"} and verb.pos_ == "VERB":
        subject = speaker_of(verb)
        if subject is not None and can_speak(subject.root):
            return subject
    if owner is not None and owner.lower_ not in FIRST_AND_SECOND_PERSON_OWNERS:  # "his promise to V": he, resolved later
        return source_span(owner)
    return None


def _misread_subject(noun: Token) -> Span | None:
    """The subject of a verb the tagger took for a cue noun in a sentence without a verb ("Trump claims that S"):
    the name before it, parsed as the noun's compound."""
    names = [c for c in noun.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_TYPES)]
    if noun.dep_ == "ROOT" and names and names[-1].i == noun.i - 1 and not any(c.dep_ == "det" for c in noun.lefts):
        return noun.doc[names[0].left_edge.i : noun.i]
    return None


def _named_modifier(noun: Token) -> Span | None:
    """The name a cue noun is a report of when it stands right before it: "a New York Times report that S",
    "a Pentagon assessment that S" (not who cites it: "Clinton is seizing upon a New York Times report")."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is None or before.dep_ != "compound" or before.head != noun or before.ent_type_ not in NAMED_TYPES:
        return None
    name = next((e for e in noun.doc.ents if e.start <= before.i < e.end), None)
    return name if name is not None and name.end == noun.i else None


def according_source(according: Token) -> Token | None:
    """X of "according to X", also when the parse reads X as a clause ("according to show insiders": "show" a verb)."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((g for g in to.children if g.dep_ in {"pobj", "pcomp"}), None) if to is not None else None


def source_span(token: Token) -> Span:
    """The speaker span headed by token; a document ("figures from X", "a study by X") gives way to X."""
    if is_source_noun(token):
        owner = next((c for c in token.children if c.dep_ == "poss"), None) or _prep_object(token, SOURCE_PREPS)
        named = _first_named(token)
        if named is not None:
            return named
        if owner is not None:
            return source_span(owner)
    return subject_span(token)


def is_source_noun(token: Token) -> bool:
    cue = cues().get((token.lemma_.lower(), "NOUN"))
    return token.pos_ == "NOUN" and cue is not None and "source" in cue.complements


def _first_named(token: Token) -> Span | None:
    """The first person or organisation named inside a document phrase."""
    for ent in token.doc.ents:
        if token.left_edge.i <= ent.start and ent.end <= token.right_edge.i + 1 and ent.label_ in {"PERSON", "ORG"}:
            return ent
    return None


def _prep_object(token: Token, preps: set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ in preps:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def subject_span(token: Token) -> Span:
    """The noun phrase of token without relative clauses, trailing punctuation or lines before its own."""
    doc = token.doc
    end = token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in CLAUSE_DEPS:
            end = min(end, child.left_edge.i)
    for clause in token.subtree:  # "a politician in Diyarbakir, who spoke on condition of anonymity": the clause hangs lower
        if clause.dep_ == "relcl" and clause.left_edge.i > 0 and doc[clause.left_edge.i - 1].text == ",":
            end = min(end, clause.left_edge.i)
    start = token.left_edge.i
    start = line_start(doc, start, token.i)  # "7:25 a.m.\n\nDonald Trump said": the name, not the time line
    dashes = [t.i for t in doc[start : token.i] if _is_dash(t)]
    start = dashes[-1] + 1 if dashes else start  # "BRUSSELS - European leaders", "is predictable - Donald Trump has"
    while end - 1 > token.i and _loose_end(doc[start:end]):
        end -= 1
    while start < token.i and doc[start].is_punct:
        start += 1
    if doc[end - 1].dep_ == "case" and end - 1 > token.i:  # "the mayor's" -> "the mayor"
        end -= 1
    return doc[start:end]


def _loose_end(span: Span) -> bool:
    """Whether a speaker phrase ends on a word that belongs to no name: punctuation, a space, a dangling
    "and" ("the former secretary of state and"); not the bracket that closes "(R-Utah)"."""
    last = span[-1]
    closes = last.text == ")" and any(t.text == "(" for t in span)
    return (last.is_punct and not closes) or last.is_space or last.pos_ == "CCONJ"


def can_speak(token: Token) -> bool:
    """Whether a subject is the kind of thing that says or believes: a person, body, group or role.

    Singular common nouns outside the role lexicon ("the drop showed that ...") are not.
    """
    if token.pos_ == "PRON":
        return token.lower_ not in {"this", "that", "these", "those", "which", "what"}
    if token.pos_ == "PROPN" or token.ent_type_ in NAMED_TYPES or token.tag_ == "NNS":
        return True
    return token.lemma_.lower() in roles() or is_source_noun(token) or token.pos_ == "NUM"


def is_first_or_second_person(span: Span) -> bool:
    return span.root.lower_ in FIRST_AND_SECOND_PERSON
