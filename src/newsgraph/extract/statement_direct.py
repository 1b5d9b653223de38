"""Direct speech: quoted passages with the cue and speaker that report them.

A quote split around its cue ("A," he said. "B.") is one statement; a quote standing alone
in the paragraph after another speaker's quote continues that speaker.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.quote_marks import Quote
from newsgraph.extract.statement_context import QUOTE_CHARS, Context, Draft, quote_end
from newsgraph.extract.statement_indirect import puts_it
from newsgraph.extract.statement_lexicon import cues
from newsgraph.extract.statement_speakers import according_source, can_speak, is_first_or_second_person, source_span, speaker_of

# A quote is speech, not a scare-quoted phrase, when its words end with punctuation inside the
# marks, when a colon introduces it, or when it is at least this many words long (statements dev set);
# a quote with no cue must be this long too (PolNeAR dev: shorter cue-less quotes were 80 wrong, 25 right).
MIN_SPEECH_WORDS = 10
# How many tokens after a closing mark the cue may come, inside the same sentence ("...," Scott
# Pruitt, the Republican attorney general of Oklahoma, said); PolNeAR dev (8 missed 30 speakers).
CUE_REACH = 24
# Cue-less quotes within this many words after the previous statement go on in its voice
# (statements dev set, benchmarks/statements).
FOLLOW_WORDS = 12
# A verb in these clauses is not the cue of the quote before it ("...," said X, who told Y ...).
SUBORDINATE_DEPS = {"relcl", "acl", "advcl", "pcomp", "xcomp"}
# How many tokens the cue sentence between two parts of a split quote may have.
CONTINUE_REACH = 40
# How many tokens after an inverted cue its speaker's name may start ("...," said Transport Secretary Helen Price).
INVERTED_REACH = 3
SENTENCE_END = {".", "!", "?"}
# A quote ending in these hands over to whoever voiced it, in the words after the closing mark.
HANDING_MARKS = {",", "?", "!"}
# How a verb that voices the quote before it hangs in the parse, and the objects it does not take.
VOICING_DEPS = {"ROOT", "parataxis", "ccomp"}
OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"}
SPEECH_END = set(",.?!…—-:;")
SIGNATURE_DASHES = {"―", "—", "–", "-"}
# A signature line ("― Carla Sanchez, Phoenix") is short: at most this many characters after its dash.
SIGNATURE_CHARS = 60
# How many words a signature the tagger did not take for a name may have.
SIGNATURE_WORDS = (2, 5)


def direct_drafts(ctx: Context) -> list[Draft]:
    """One Draft per quoted statement, split quotes joined, in text order."""
    drafts: list[Draft] = []
    for quote in ctx.quotes:
        if not _is_speech(ctx, quote):
            continue
        cue = _cue_after(ctx, quote)
        signature = _signature(ctx, quote) if cue is None else None
        previous = drafts[-1] if drafts else None
        if cue is None and signature is None and previous is not None and _continues(ctx, previous, quote):
            previous.end = quote_end(ctx.text, quote)
            continue
        cue = cue or _cue_before(ctx, quote)
        signed = (signature or _named_colon(ctx, quote)) if cue is None else None
        short = len(ctx.text[quote.start : quote.end].split()) < MIN_SPEECH_WORDS
        if cue is None and short and not _signed_by_person(signed):
            continue  # a short quote nobody is said to say is a title or scare quote ("true.", "Lyin' Ted.")
        if signed is not None:
            cue, speaker = signed
        else:
            speaker = _speaker(ctx, quote, cue) if cue is not None else _voice_before(ctx, quote, previous)
        lead = _lead_clause(ctx, cue, quote) if cue is not None else None
        if lead is not None:  # "said she has the quality for the job: “Steadiness ...”" is one mixed statement
            closed = quote.end + (quote.end < len(ctx.text) and ctx.text[quote.end] in QUOTE_CHARS)
            drafts.append(Draft(lead, closed, cue, speaker))
        else:
            drafts.append(Draft(quote.start, quote_end(ctx.text, quote), cue, speaker, direct=True))
    return drafts


def _lead_clause(ctx: Context, cue: Token, quote: Quote) -> int | None:
    """Where the cue's own clause starts when it runs from the cue up to the colon or comma before the
    quote, or takes the quote in as its last part ("added that S, which is a problem because, “Q”"):
    the quote finishes that clause, and PolNeAR marks the two as one content."""
    if cue.pos_ != "VERB" or cue.idx > quote.start:
        return None
    clause = next((c for c in cue.rights if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None or clause.left_edge.idx >= quote.start:
        return None
    end = ctx.doc[clause.right_edge.i]
    if end.idx >= quote.start:
        return ctx.doc[clause.left_edge.i].idx if end.idx <= quote.end + 1 else None
    between = ctx.text[end.idx + len(end) : quote.start]
    return None if any(ch.isalnum() for ch in between) else ctx.doc[clause.left_edge.i].idx


def _is_speech(ctx: Context, quote: Quote) -> bool:
    words = ctx.text[quote.start : quote.end].split()
    before = ctx.text[max(0, quote.start - 4) : quote.start].rstrip(" “\"‘«'")
    if not words or (len(words) < MIN_SPEECH_WORDS and _is_object_of_preposition(ctx, quote)):
        return False
    return words[-1][-1] in SPEECH_END or before.endswith(":") or len(words) >= MIN_SPEECH_WORDS


def _is_object_of_preposition(ctx: Context, quote: Quote) -> bool:
    """A short quote a preposition before it takes as its object names a show, a book or a phrase ("on this
    weekend's broadcast of “Fox News Sunday,” Pence said S"): nobody says it there."""
    words = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if words is None or not len(words):
        return False
    return words.root.dep_ == "pobj" and words.root.head.i < words.start


def is_speech_verb(token: Token) -> bool:
    cue = cues().get((token.lemma_.lower(), "VERB"))
    return token.pos_ == "VERB" and cue is not None and "ccomp" in cue.complements


def _cue_after(ctx: Context, quote: Quote) -> Token | None:
    """The reporting verb just after a closing mark ("...," Kaya told reporters); failing one, the
    verb that voices a quote handed over with a comma ("...," the judge exclaimed)."""
    after = _words_after(ctx, quote)
    for token in after:
        if is_speech_verb(token) and not _is_subordinate(token, quote):
            return None if _reports_next(ctx, quote, token) else token
    if _last_char(ctx, quote) not in HANDING_MARKS:
        return None
    verb = next((t for t in after if t.pos_ == "VERB"), None)
    return verb if verb is not None and _voices(ctx, verb, quote) else None


def _words_after(ctx: Context, quote: Quote) -> list[Token]:
    """The tokens after a closing mark, within reach, up to the sentence end, a line break or the next quote."""
    doc = ctx.doc
    span = doc.char_span(quote.end, min(len(ctx.text), quote.end + 1), alignment_mode="expand")
    if span is None:
        return []
    words = []
    for token in doc[span.end : span.end + CUE_REACH]:
        if ctx.in_quote(token) or _ends_sentence(token) or token.text.startswith("\n"):
            break
        words.append(token)
    return words


def _voices(ctx: Context, verb: Token, quote: Quote) -> bool:
    """Whether a verb after a quote opening its sentence is how someone voiced it ("...?" scoffed
    Gil): a main verb without a conjunction of its own ("...," as Childers did: not) that speaks bare."""
    if not _opens_sentence(ctx, quote) or (verb.dep_ not in VOICING_DEPS and not _hangs_in(verb, quote)):
        return False
    if any(c.dep_ == "mark" and c.idx >= quote.end for c in verb.lefts):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _speaks_bare(ctx, verb.rights, source_span(subject) if subject is not None else None)


def _speaks_bare(ctx: Context, objects: Iterable[Token], speaker: Span | None) -> bool:
    """Whether a verb voices a quote: no object of its own outside the quote ("...," the club charged a
    fee: not), and a third-person speaker outside it who can speak ("he said, and I quote, “...”": not)."""
    if any(c.dep_ in OBJECT_DEPS and not ctx.in_quote(c) for c in objects):
        return False
    if speaker is None or is_first_or_second_person(speaker):
        return False
    return not ctx.in_quote(speaker.root) and can_speak(speaker.root)


def _is_subordinate(verb: Token, quote: Quote) -> bool:
    """Whether a verb after a quote hangs in a clause of a later word ("...," said X, who told Y); a verb
    the parser hung from a word inside the quote ("...the mosques," the candidate said) is its cue."""
    return verb.dep_ in SUBORDINATE_DEPS and not _hangs_in(verb, quote)


def _hangs_in(verb: Token, quote: Quote) -> bool:
    """Whether the parser hung a verb after a quote from a word inside it (a misparse of the cue)."""
    return quote.start <= verb.head.idx < quote.end


def _reports_next(ctx: Context, quote: Quote, verb: Token) -> bool:
    """Whether a verb after a quote that ends its sentence reports the clause after it instead
    ("...not in line with our policy.'' The network said it would S", also when S ends in a quote of its own:
    "...recklessness." Park said Kim's state is "spiraling."); a quote handing over to its cue ends with a
    comma ("...,” Kaya said)."""
    after = ctx.text[quote.end : quote.end + 3].lstrip("”\"'’")
    ended = _last_char(ctx, quote) in {".", "?", "!"} or after.startswith(".")
    return ended and any(c.dep_ == "ccomp" and c.i > verb.i and not ctx.in_quote(c.left_edge) and _next_to(verb, c) for c in verb.children)


def _next_to(verb: Token, clause: Token) -> bool:
    """Whether a clause follows its verb with no other verb between ("said, twice, that S"); not "asked,
    repeating a broadside - that S", an apposition the parse hung from the cue."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[verb.i + 1 : clause.left_edge.i])


def _speaker(ctx: Context, quote: Quote, cue: Token) -> Span | None:
    """The cue's speaker; when the parse finds it inside the quote ("We will ...," Chief Jordan said;
    "Full panic mode," said Leslie Wimes), the name between the closing mark and the cue, or right after the cue."""
    if cue.lower_ == "according":
        source = according_source(cue)
        return source_span(source) if source is not None else None
    speaker = speaker_of(cue)
    if speaker is None or ctx.in_quote(speaker.root):
        named = [e for e in ctx.doc.ents if e.label_ in {"PERSON", "ORG"} and quote.end <= e.start_char]
        between = [e for e in named if e.end <= cue.i]
        after = [e for e in named if cue.i < e.start <= cue.i + INVERTED_REACH]
        return between[-1] if between else (after[0] if after else None)
    return speaker


def _ends_sentence(token: Token) -> bool:
    """A full stop that ends a sentence, not the one inside "(D-Md.)"."""
    if token.text not in SENTENCE_END:
        return False
    return token.i + 1 == len(token.doc) or token.nbor().text not in {")", ","}


def _signature(ctx: Context, quote: Quote) -> tuple[Token, Span] | None:
    """A quote signed with a dash and a name on its line ("...” ― Carla Sanchez"), or on the next line when the quote
    is a paragraph of its own (a line "- Bernie Sanders." under it): the dash is the cue, the name the speaker."""
    text, doc = ctx.text, ctx.doc
    lead = _lead(ctx, quote)
    gap = " \xa0\n" if not lead or lead.endswith("\n") else " \xa0"
    dash = quote.end
    while dash < len(text) and (text[dash] in QUOTE_CHARS or text[dash] in gap):
        dash += 1
    if dash >= len(text) or text[dash] not in SIGNATURE_DASHES:
        return None
    line_end = text.find("\n", dash)
    line_end = len(text) if line_end < 0 else line_end
    line_end = min(line_end, next((q.start - 1 for q in ctx.quotes if q.start > dash), line_end))  # "― Ann Lee “Next.”"
    name = next((e for e in doc.ents if dash < e.start_char and e.end_char <= line_end and e.label_ in {"PERSON", "ORG"}), None)
    cue = doc.char_span(dash, dash + 1, alignment_mode="expand")
    if name is None and cue is not None:
        name = _signed_name(doc, cue.end_char, line_end)
    if name is None or cue is None or line_end - dash > SIGNATURE_CHARS:
        return None
    first = next(t for t in doc[cue.end : name.end] if not t.is_space)  # "― Christina N Luis Olidem": all of the name
    return cue[0], doc[first.i : name.end]


def _signed_name(doc: Doc, start: int, end: int) -> Span | None:
    """A name the tagger missed after a signature dash ("― Beck Pimentel"): two to five capitalised words
    and nothing else up to the line's end."""
    line = doc.char_span(start, end, alignment_mode="contract")
    words = [t for t in line if not t.is_space and t.text != "."] if line is not None else []
    capitalised = all(t.text[0].isupper() and t.text.rstrip(".").isalpha() for t in words)
    if not capitalised or not SIGNATURE_WORDS[0] <= len(words) <= SIGNATURE_WORDS[1]:
        return None
    return doc[words[0].i : words[-1].i + 1]


def _signed_by_person(signed: tuple[Token, Span] | None) -> bool:
    """Whether a quote is signed with a dash and a person's name ("“Build a wall around him.” ― Tom Ortega"): speech
    however short. A name before a colon may be whom a headline quote is about ("Boyle: “Very Good Reporter”")."""
    return signed is not None and signed[0].text in SIGNATURE_DASHES and signed[1].root.ent_type_ == "PERSON"


def _lead(ctx: Context, quote: Quote) -> str:
    """The text before a quote, without its opening mark (one or two characters)."""
    return ctx.text[: quote.start].rstrip("“„«‘\"'")


def _last_char(ctx: Context, quote: Quote) -> str:
    """The last character of a quote's words, inside its closing mark ("," when it hands over to its cue)."""
    return ctx.text[quote.start : quote.end].rstrip()[-1:]


def _opens_sentence(ctx: Context, quote: Quote) -> bool:
    """Whether a quote starts its sentence or paragraph, rather than finishing a clause ("is “confident ...,”")."""
    lead = _lead(ctx, quote).rstrip(" ").rstrip("”’\"'")  # "“A.” “B.”": B opens a sentence after A's close
    return not lead.strip() or lead.endswith("\n") or lead.endswith(tuple(SENTENCE_END))


def _named_colon(ctx: Context, quote: Quote) -> tuple[Token, Span] | None:
    """A quote after a name and a colon ("More from Jane Okafor: “...”"): the colon is the cue, the name the speaker."""
    lead = _lead(ctx, quote).rstrip()
    if not lead.endswith(":"):
        return None
    colon = ctx.doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    name = next((e for e in ctx.doc[colon.start - 1].sent.ents if e.end == colon.start and e.label_ in {"PERSON", "ORG"}), None)
    return (colon[0], name) if name is not None else None


def _cue_before(ctx: Context, quote: Quote) -> Token | None:
    """The cue of a quote introduced by a colon or comma ("He said: ...", "a stark warning: ...")."""
    doc = ctx.doc
    lead = _lead(ctx, quote).rstrip()
    if not lead.endswith((":", ",")):
        return None
    mark = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if mark is None:
        return None
    sentence = doc[mark.start].sent
    colon = lead.endswith(":")
    for token in reversed(doc[sentence.start : mark.start]):
        if ctx.in_quote(token):
            return None
        if is_speech_verb(token) or puts_it(token) or (token.pos_ == "NOUN" and (token.lemma_.lower(), "NOUN") in cues()):
            return token
        if token.lower_ == "according" or (colon and _introduces(token, mark.start)):
            return token
        if token.i == mark.start - 1 and not colon and _hands_to_quote(ctx, token):
            return token
    return None


def _hands_to_quote(ctx: Context, verb: Token) -> bool:
    """Whether a verb right before the comma that opens a quote is how someone voiced it ("and then
    boomed, “...”", "joked, “...”"): a main verb whose speaker can speak ("When he arrived, “...”": not)."""
    if verb.pos_ != "VERB" or verb.dep_ in SUBORDINATE_DEPS:
        return False
    return _speaks_bare(ctx, verb.children, speaker_of(verb))


def _introduces(token: Token, colon: int) -> bool:
    """A verb whose subject a colon hands the quote to ("Limbaugh continued:", "Said Ellis:"): the root of the clause
    before the colon, also when the parse hangs that clause from the quote ("Lind gave a snappy retort: “...”")."""
    main = token.dep_ == "ROOT" or token.head.i > colon
    return token.pos_ == "VERB" and main and any(c.dep_ in {"nsubj", "dobj", "npadvmod"} for c in token.children)


def _voice_before(ctx: Context, quote: Quote, previous: Draft | None) -> Span | None:
    """Who speaks a quote no cue reports: the speaker of the report ending the sentence just
    before it ("..., Schiff said. “Q”"), else the previous quote's speaker when it opens a sentence right after."""
    reporter = _reporter_before(ctx, quote)
    speaker = speaker_of(reporter) if reporter is not None else None
    if speaker is not None and not ctx.in_quote(speaker.root):
        return speaker
    goes_on = previous is not None and _opens_sentence(ctx, quote) and _follows(ctx, previous, quote)
    return previous.speaker if goes_on else None


def _reporter_before(ctx: Context, quote: Quote) -> Token | None:
    """The last reporting verb, not negated, of the sentence a quote follows in its paragraph, when the quote
    opens a sentence and does not hand over to words of its own ("“...,” is one common saying")."""
    doc, text = ctx.doc, ctx.text
    lead = _lead(ctx, quote).rstrip(" ")
    if not lead.endswith(tuple(SENTENCE_END)) or text[len(lead) : quote.start].count("\n"):
        return None
    if _last_char(ctx, quote) == ",":
        return None
    mark = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if mark is None:
        return None
    sentence = doc[mark.start].sent
    verbs = [t for t in doc[sentence.start : mark.start] if is_speech_verb(t) and not ctx.in_quote(t) and not is_negated(t)]
    return verbs[-1] if verbs else None


def is_negated(verb: Token) -> bool:
    """ "He did not suggest retaliation.": a report of what was not said gives no voice to the quote after it."""
    return any(c.dep_ == "neg" for c in verb.children)


def _follows(ctx: Context, previous: Draft, quote: Quote) -> bool:
    """Whether a cue-less quote comes right after the previous statement (at most its cue between):
    only then does it go on in the same voice; further away, or after a signed quote, its speaker is unknown."""
    if previous.cue is not None and previous.cue.text[-1] in SIGNATURE_DASHES:
        return False
    return len(ctx.text[_report_end(ctx, previous) : quote.start].split()) <= FOLLOW_WORDS


def _report_end(ctx: Context, previous: Draft) -> int:
    """Where a statement's report ends: after the sentence of a cue and speaker that follow its quote ("“A,” said Rev.
    Ann Lee, a pastor in Fort Worth, Texas."), however long the description; else at the statement's end."""
    speaker = previous.speaker
    if previous.cue is None or speaker is None or previous.cue.idx < previous.end or speaker.start_char < previous.end:
        return previous.end
    stop = next((t for t in ctx.doc[speaker.end : speaker.end + CONTINUE_REACH] if t.text in SENTENCE_END), None)
    return stop.idx + 1 if stop is not None else previous.end


def _continues(ctx: Context, previous: Draft, quote: Quote) -> bool:
    """Whether a cue-less quote goes on from the previous one: only its cue sentence lies between."""
    cue = previous.cue
    if cue is None or not previous.end <= cue.idx < quote.start or "\n" in ctx.text[previous.end : quote.start]:
        return False
    between = [t for t in ctx.doc[cue.i : cue.i + CONTINUE_REACH] if t.idx < quote.start and not t.is_space and t.text not in QUOTE_CHARS]
    if any(_reports_quote(t, cue, quote) for t in between):
        return False  # "A," he said, adding that "B": B is what the participle reports
    return len(between) < CONTINUE_REACH and not any(_ends_sentence(t) for t in between[:-1])


def _reports_quote(token: Token, cue: Token, quote: Quote) -> bool:
    """Whether token is a reporting participle added to the cue whose complement holds the quote."""
    if token.head.i != cue.i or token.tag_ != "VBG" or not is_speech_verb(token):
        return False
    return token.doc[token.right_edge.i].idx + len(token.doc[token.right_edge.i]) > quote.start
