"""Actors, targets and locations of event triggers, read from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.event_triggers import match, word_set
from newsgraph.extract.statement_lexicon import cues
from newsgraph.model import Mention

ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
NOT_ARGUMENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
SUBJECTS = ("nsubj", "csubj")
OBJECTS = ("dobj", "dative")
TARGET_PREPS = ("against", "on", "upon", "with", "to", "at", "for", "from")
NOUN_TARGET_PREPS = ("against", "on", "upon", "with", "to", "for", "at", "into")  # "an investigation into X"
SUPPORT_TARGET_PREPS = (*TARGET_PREPS, "into")  # "opened an investigation into X", parsed on the verb
LOOSE_PREPS = ("against", "on", "to", "with", "at", "for", "into", "from", "over", "in", "of")
NOT_PLACES = {"case", "order", "response", "addition", "view", "light", "protest", "support", "time", "fact"}  # "in case of"
PLACE_PREPS = ("in", "at", "near", "outside", "across", "inside", "around")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
DASHES = {"--", "—", "–", "-"}
DATELINE_WORDS = 8  # a dateline ("LA PAZ, Bolivia --") is at most this many tokens
QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "group",
                  "number", "some", "many", "most", "several", "tens"}
# Verbs whose object is also the subject of their infinitive ("urged Russia to withdraw").
OBJECT_CONTROL = {"urge", "ask", "call", "force", "order", "tell", "allow", "accuse", "blame", "persuade", "encourage",
                  "invite", "warn", "press", "compel", "require", "authorize", "permit", "forbid", "request", "pressure",
                  "charge", "appeal"}
# Types whose object is the actor's own (troops deployed, weapons withdrawn), never a recipient.
OWN_OBJECT_TYPES = {"MOBILIZE", "RETREAT"}
# Types whose "of" phrase names the actor ("a meeting of the Security Council", "the deployment of troops").
OF_ACTOR_TYPES = {"CONSULT", "PROTEST", "MOBILIZE", "RETREAT", "COOPERATE"}
SPEECH_ACT_TYPES = {"ACCUSE", "THREATEN", "REQUEST", "REJECT"}  # done by saying: the speaker is the actor
PLEDGE_TYPES = {"AGREE", "CONCEDE"}  # may be done by saying ("the minister said they will hand over the town")
CUSTODY_TYPES = {"COERCE", "CONCEDE"}  # held or freed in a country, by no one named: PLOVER's actor is that state
RESPONSIBILITY_VERBS = {"claim", "take", "admit", "accept", "bear"}
# Forces an actor sends: the event is done to where (or with whom) they go ("sent troops to Uganda").
SENT_FORCES = {"troop", "troops", "force", "forces", "soldier", "soldiers", "team", "delegation", "peacekeeper",
               "peacekeepers", "contingent", "unit", "units", "police", "jet", "jets"}
DESTINATION_PREPS = ("to", "into", "with", "in", "from")


@dataclass
class Arguments:
    """Tokens heading an event's actors, targets and place."""

    actors: list[Token]
    targets: list[Token]
    places: list[Token]


class Reader:
    """Reads arguments of triggers in one parsed document, knowing its mentions."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.mention_of: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                self.mention_of.setdefault(token.i, mention)

    def arguments(self, trigger: Token, kind: str) -> Arguments:
        """Actors, targets and places of a verbal or nominal trigger of PLOVER type `kind`."""
        verbal = trigger.pos_ in ("VERB", "AUX")
        actors, targets = self._verb(trigger, kind) if verbal else self._noun(trigger, kind)
        if not actors and not verbal:
            actors = [governor] if (governor := _governor_subject(trigger)) is not None else []
        actors = [a for actor in actors if (a := self._actor(actor)) is not None]
        targets = [d for target in targets if (t := self._target(target)) is not None and t not in actors
                   and (d := _destination(t)) is not None]
        places = self._places(trigger)
        if not actors and verbal and kind in CUSTODY_TYPES and _child(trigger, ("nsubjpass",)) is not None:
            actors = [p for p in places if self._mention_type(p) == "GPE"][:1]  # "was arrested in Niger"
        return Arguments(_spread(actors), _spread(targets), places)

    def loose_target(self, trigger: Token, taken: set[int]) -> Token | None:
        """What the main event is done to when no actor is: the object or prepositional object of the trigger
        or of the words around it (_loose_heads: "rejected a UN draft resolution", "sent aid to northeast
        Nigeria"); a named actor inside the trigger's phrase first ("rejected a request by the AP": the AP).
        Tokens in `taken` (the event's actors and places) are passed over."""
        named = next((t for t in trigger.subtree if t.i > trigger.i and t.i in self.mention_of and not {t.i, t.head.i} & taken
                      and self.mention_of[t.i].type in ("PERSON", "ORG", "GPE", "NORP")), None)
        if named is not None:  # "Yemeni asylum seekers", "Iran's government": the phrase the name modifies
            return named.head if named.dep_ in ("amod", "compound", "nmod", "poss") and named.head.pos_ == "NOUN" else named
        support = _support_verb(trigger)
        for head in _loose_heads(trigger, support):
            own = head.pos_ != "NOUN" and head is not support  # the support verb's object is the trigger itself
            found = self._usable(_child(head, ("dobj", "nsubjpass", "attr")) if own else None)
            found = found or self._usable(_prep_object(head, LOOSE_PREPS))
            if found is not None and found.pos_ in ("NOUN", "PROPN", "PRON") and found.i != trigger.i and found.i not in taken:
                return _destination(_antecedent(found)) or found
        return None

    def text(self, token: Token, placed: bool = False) -> str:
        """The mention naming the token, else its noun phrase (without a leading article), `placed`: with the
        place it is in ("an army base in northern Afghanistan"), which says which one it is."""
        mention = self.mention_of.get(token.i)
        if mention is not None:
            return mention.text
        start = min((c.left_edge.i for c in token.lefts if c.dep_ not in ("punct", "cc", "prep")), default=token.i)
        end = token.i + 1
        if token.lower_ in QUANTITY_HEADS:
            end = max((c.right_edge.i + 1 for c in token.rights if c.lower_ == "of"), default=end)
        place = _pobj(prep) if placed and (prep := _child(token, ("prep",))) is not None and prep.lower_ == "in" else None
        if place is not None and self._is_place(place) and token.pos_ == "NOUN":
            end = max(end, place.right_edge.i + 1)
        words = self.doc[start:end]
        if len(words) > 1 and words[0].lower_ in ("the", "a", "an"):
            words = words[1:]
        return words.text

    def _mention_type(self, token: Token) -> str | None:
        """The entity type of the mention naming a token; None for a place no mention names ("the western province")."""
        mention = self.mention_of.get(token.i)
        return mention.type if mention is not None else None

    def _verb(self, verb: Token, kind: str) -> tuple[list[Token], list[Token]]:
        order = _order(verb)
        if order is not None:  # "a judge ordered nine ex-members jailed": the judge acts on them
            return _subjects(order[0]), [order[1]]
        passive = _child(verb, ("nsubjpass",))
        actors = _subjects(verb)
        if passive is not None:  # "was returned by US officials to Spanish authorities": the recipient when the thing is no actor
            recipient = _prep_object(verb, TARGET_PREPS)
            if self._target(passive) is None and recipient is not None and self._target(recipient) is not None:
                return actors, [recipient]
            return actors, [passive]
        if kind in OWN_OBJECT_TYPES:
            return actors, []
        obj = _child(verb, OBJECTS)
        if obj is not None and obj.dep_ == "dative" and obj.pos_ == "ADP":
            obj = _pobj(obj)
        recipient = _prep_object(verb, TARGET_PREPS)
        if obj is not None and self.is_actor(obj):
            return actors, [obj]
        if kind == "REQUEST" and obj is not None and self._target(obj) is None:  # "demanded an apology from the PM"
            recipient = _prep_object(obj, ("from",)) or recipient
        target = recipient if recipient is not None and self._target(recipient) is not None else obj
        target = target if target is not None else _clause_subject(verb, kind) or self._infinitive_target(verb)
        return actors, [target] if target is not None else []

    def _infinitive_target(self, verb: Token) -> Token | None:
        """The actor the verb's infinitive acts on: "refused to meet with the American envoy"."""
        ready = _child(verb, ("acomp",))  # "is willing to withdraw its troops"
        clause = _child(verb, ("xcomp",)) or (_child(ready, ("xcomp",)) if ready is not None else None)
        if clause is None:
            return None
        found = _child(clause, OBJECTS) or _prep_object(clause, TARGET_PREPS)
        return found if found is not None and self.is_actor(found) else None

    def _noun(self, noun: Token, kind: str) -> tuple[list[Token], list[Token]]:
        actor = self._usable(_child(noun, ("poss",)) or _prep_object(noun, ("by", "between")))
        of_object = _prep_object(noun, ("of",))
        if actor is None and kind in OF_ACTOR_TYPES and of_object is not None and self.is_actor(of_object):
            actor = of_object
        actor = actor or self._national_modifier(noun)
        target = _prep_object(noun, NOUN_TARGET_PREPS) or (of_object if kind not in OF_ACTOR_TYPES else None)
        support = _support_verb(noun)
        if support is not None:  # "the minister pledged his country's support": who pledges it
            actor = next(iter(_subjects(support)), None) or actor
            recipient = _prep_object(support, SUPPORT_TARGET_PREPS)
            target = target or (recipient if recipient is not None and recipient.i != noun.i else None)
        return [actor] if actor is not None else [], [target] if target is not None else []

    def _national_modifier(self, noun: Token) -> Token | None:
        """An adjective or compound naming a country or group: "Turkish air strikes", "Hamas attacks"."""
        return next((c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i in self.mention_of
                     and self.mention_of[c.i].type in ("NORP", "GPE", "ORG") and not _in_dateline(c)), None)

    def _usable(self, token: Token | None) -> Token | None:
        """The token unless it is a date, amount or named event ("New Year's Eve attack")."""
        if token is None or token.ent_type_ in NOT_ARGUMENTS or token.ent_type_ == "EVENT":
            return None
        return token

    def _named(self, token: Token) -> Token:
        """The name a description stands beside ("his Iranian counterpart, Mostafa Najjar": Najjar), else the token."""
        if token.pos_ not in ("NOUN", "PROPN") or self.is_named(token):
            return token
        name = next((c for c in token.children if c.dep_ == "appos" and self.is_named(c)), None)
        return name if name is not None else token

    def is_named(self, token: Token) -> bool:
        """Whether a person or organisation mention covers the token."""
        return token.i in self.mention_of and self.mention_of[token.i].type in ("PERSON", "ORG")

    def _actor(self, token: Token, depth: int = 0) -> Token | None:
        """The actor token: relative pronouns resolved, event nouns replaced by their own actor."""
        token = self._usable(_antecedent(token))
        token = self._named(token) if token is not None else None
        if token is None:
            return None
        kind = match(token) if token.pos_ == "NOUN" and depth < 2 else None
        if kind is not None:
            actors, _ = self._noun(token, kind)
            return self._actor(actors[0], depth + 1) if actors else None
        return token

    def _target(self, token: Token, depth: int = 0) -> Token | None:
        """The target token if it names an actor, else the actor behind it (possessor, of/by/with phrase)."""
        token = self._usable(_antecedent(token))
        token = self._named(token) if token is not None else None
        if token is None:
            return None
        if self.is_actor(token):
            return token
        if depth >= 2:
            return None
        kind = match(token) if token.pos_ == "NOUN" else None
        if kind is not None:
            actors, targets = self._noun(token, kind)
            if targets and (not actors or actors[0].pos_ == "PRON"):  # "lifted its ban on TikTok": what the ban is on
                return self._target(targets[0], depth + 1)
            actor = self._actor(token, depth + 1)
            return actor if actor is not None and actor.i != token.i else None
        behind = _child(token, ("poss",)) or _prep_object(token, ("of", "by", "with", "against"))
        return self._target(behind, depth + 1) if behind is not None else None

    def is_actor(self, token: Token) -> bool:
        """Whether the token names an actor: an actor-type mention, a proper noun or pronoun, or an actor noun."""
        mention = self.mention_of.get(token.i)
        if mention is not None:
            return mention.type in ACTOR_TYPES
        return token.pos_ in ("PROPN", "PRON") or token.lemma_.lower() in word_set("plover_actor_nouns.tsv")

    def where(self, trigger: Token) -> Token | None:
        """The first "in/at/near ..." phrase object of the trigger or its support verb, named or not ("remained
        on alert in the north region")."""
        heads = _with_support(trigger)
        return next((o for h in heads if (o := self._usable(_prep_object(h, PLACE_PREPS))) is not None
                     and o.pos_ in ("NOUN", "PROPN") and o.lower_ not in NOT_PLACES), None)

    def _places(self, trigger: Token) -> list[Token]:
        """Place mentions in prepositional phrases of the trigger, its support verb, the noun it is "of", the verb
        its participle clause hangs on ("arrived in Chile seeking refuge") or its own phrases."""
        heads = _with_support(trigger)
        heads += [trigger.head.head] if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else []  # "state of siege in"
        heads += [trigger.head] if trigger.dep_ == "advcl" and trigger.tag_ == "VBG" else []  # "arrived in X seeking"
        heads += [o for p in trigger.children if p.dep_ == "prep" and (o := _pobj(p)) is not None]  # "attack on X in Ankara"
        places = [_pobj(p) for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS]
        found = [p for p in places if p is not None and self._is_place(p)]
        return _spread(found)

    def _is_place(self, token: Token) -> bool:
        return self._mention_type(token) in PLACE_TYPES


def reported_deed(trigger: Token, kind: str) -> Token:
    """For a deed a speech verb reports ("X overran a base, officials said", "he said X sent aid"), the reported
    clause's verb, which the event is about; a speech act (accusing, threatening, demanding, refusing) stays the
    speaker's, and so does a pledge unless the speaker is parenthetical."""
    if kind in SPEECH_ACT_TYPES or trigger.pos_ != "VERB" or (trigger.lemma_.lower(), "VERB") not in cues():
        return trigger
    clause = next((c for c in trigger.children if c.dep_ == "ccomp" and (c.i < trigger.i or kind not in PLEDGE_TYPES)),
                  None)
    return clause if clause is not None and clause.pos_ in ("VERB", "AUX") else trigger


def event_noun(trigger: Token, kind: str) -> Token:
    """For a support verb whose object is an event noun of the same type ("pledged support for the plan"),
    that noun, whose phrase names the target; else the trigger."""
    obj = _child(trigger, ("dobj",))
    if trigger.pos_ == "VERB" and obj is not None and _is_light(trigger) and match(obj) == kind:
        return obj
    return trigger


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the first of the token's prepositions named in `preps`, in the order given."""
    children = {c.lower_: c for c in token.children if c.dep_ in ("prep", "agent", "prt", "dative") and c.lower_ in preps}
    for prep in preps:
        obj = _pobj(children[prep]) if prep in children else None
        if obj is not None and obj.pos_ != "VERB" and obj.ent_type_ not in NOT_ARGUMENTS:
            return obj
    return None


def _subjects(verb: Token) -> list[Token]:
    """The doer of a verb: its subject, the "by" agent of a passive, or the understood subject."""
    agent = _child(verb, ("agent",))
    if agent is not None:
        return [a] if (a := _pobj(agent)) is not None else []
    if _child(verb, ("nsubjpass",)) is not None:
        return []
    subject = verb_subject(verb)
    return [subject] if subject is not None else _controller(verb)


def verb_subject(verb: Token) -> Token | None:
    """The verb's subject, passing over a dateline ("GAZA CITY, Gaza Strip -- officials applaud") to the
    phrase after its dash that the parser may hang on it ("MOGADISHU, Somalia -- A U.S. airstrike has killed")."""
    for subject in (c for c in verb.children if c.dep_ in SUBJECTS):
        if not _in_dateline(subject):
            return subject
        body = next((c for c in subject.subtree if c.dep_ == "appos" and not _in_dateline(c)), None)
        if body is not None:
            return body
    return None


def _in_dateline(token: Token) -> bool:
    """Whether the token is in a sentence-opening dateline: names (or capitalised words) and punctuation up to a dash,
    or up to a colon after a capitalised place ("KABUL (Wire) :")."""
    if token.pos_ != "PROPN" and not token.is_upper:  # the small model tags some capitalised places as nouns
        return False
    start = token.i
    while not token.doc[start].is_sent_start and start > token.i - DATELINE_WORDS:
        start -= 1
    end = token.i
    while end < min(len(token.doc) - 1, token.i + DATELINE_WORDS) and token.doc[end].text not in (*DASHES, ":"):
        end += 1
    words = token.doc[start:end]
    first, stop = token.doc[start], token.doc[end].text
    return (first.is_sent_start and (stop in DASHES or stop == ":" and first.is_upper)  # "KABUL (Pajhwok) :"
            and all(w.pos_ == "PROPN" or w.is_punct or w.is_upper for w in words))  # "THE HAGUE, ..."


def _order(participle: Token) -> tuple[Token, Token] | None:
    """(order verb, who it is done to) of a participle under an order-type verb ("ordered nine ex-members jailed"),
    parsed as a clause with its own subject or as a modifier of the order's object."""
    if participle.tag_ != "VBN":
        return None
    if participle.dep_ in ("ccomp", "xcomp", "oprd") and participle.head.lemma_.lower() in OBJECT_CONTROL:
        subject = _child(participle, ("nsubj",))
        return (participle.head, subject) if subject is not None else None
    owner = participle.head
    if participle.dep_ == "acl" and owner.dep_ == "dobj" and owner.head.lemma_.lower() in OBJECT_CONTROL:
        return owner.head, owner
    return None


def _clause_subject(verb: Token, kind: str) -> Token | None:
    """For demands and threats, the subject of the demanded clause: "demanded that Turkey withdraw"."""
    if kind not in ("REQUEST", "THREATEN", "ACCUSE"):
        return None
    clause = _child(verb, ("ccomp",))
    return _child(clause, ("nsubj",)) if clause is not None else None


def _controller(verb: Token) -> list[Token]:
    """The understood subject of a verb without one: infinitives, gerunds, conjuncts, relative clauses."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj":  # "put out a report accusing the army"
        return _subjects(head.head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
        return []
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is willing to withdraw its troops"
        head = head.head
    if verb.dep_ != "conj" and head.lemma_.lower() in OBJECT_CONTROL:
        obj = _child(head, ("dobj",)) or _prep_object(head, ("on", "upon"))
        if obj is not None:
            return [obj]
    subject = verb_subject(head) or _child(head, ("nsubjpass",) if verb.dep_ == "conj" else ())
    return [subject] if subject is not None else _controller(head) if head.pos_ in ("VERB", "AUX") else []


def _with_support(trigger: Token) -> list[Token]:
    """The trigger and its support verb, if any: the words whose phrases say where it happened."""
    support = _support_verb(trigger)
    return [trigger] if support is None else [trigger, support]


def _support_verb(noun: Token) -> Token | None:
    """The verb whose subject acts through the noun: light verbs ("held talks", "went on strike")
    and "claimed responsibility for the attack"."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and _is_light(head):
        return head
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return None
    owner = head.head
    if owner.lemma_.lower() == "responsibility" and owner.head.lemma_.lower() in RESPONSIBILITY_VERBS:
        return owner.head
    if owner.pos_ in ("NOUN", "NUM") and owner.dep_ == "dobj" and _is_light(owner.head):
        return owner.head  # "pledged $100 million in aid"
    if owner.pos_ == "VERB" and head.lower_ in ("on", "in", "into") and _is_light(owner):
        return owner  # "went on strike", "arrived on a visit"
    return None


def _loose_heads(trigger: Token, support: Token | None) -> list[Token]:
    """Words whose phrases may name what the trigger is done to: the trigger, the verb or object it governs, its
    support verb ("launched an assault on the bastion") and that verb's purpose clause ("went on strike to protest
    X", not "... after X was found"), and the deed an event noun is the subject of ("a bombing killed 75 people")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("xcomp", "ccomp", "dobj"))]
    if support is not None:
        heads += [support, *(c for c in support.children if c.dep_ in ("xcomp", "advcl") and _child(c, ("mark",)) is None)]
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj":
        heads.append(trigger.head)
    return heads


def _governor_subject(noun: Token) -> Token | None:
    """The subject of the verb whose object (or prepositional object) the event noun is: who expresses, heads
    or stops work in it ("the OIC expressed its condemnation of", "workers stopped work in a strike"); not who
    asks for it ("appealed for help")."""
    prep = noun.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ != "for" else None
    head = prep.head if prep is not None else noun.head if noun.dep_ == "dobj" else None
    if head is None or head.pos_ != "VERB":
        return None
    return next(iter(_subjects(head)), None)


def _is_light(verb: Token) -> bool:
    """A support verb, by lemma or (where the small model's lemmatizer slips) by form."""
    light = word_set("plover_light_verbs.tsv")
    return verb.lemma_.lower() in light or verb.lower_ in light


def _destination(token: Token) -> Token | None:
    """Where (or with whom) sent forces go, for forces the actor sends, joins or withdraws ("sent troops to Uganda",
    "joined forces with the Greens"), None when that is not said ("withdraw its troops if ..."); else the token."""
    if token.dep_ != "dobj" or token.pos_ != "NOUN" or token.lower_ not in SENT_FORCES:  # not "the Syrian Democratic Forces"
        return token
    return _prep_object(token.head, DESTINATION_PREPS) or _prep_object(token, DESTINATION_PREPS)


def _antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _spread(tokens: list[Token]) -> list[Token]:
    """Tokens with their coordinated conjuncts ("Turkey and Russia"), without repeats, in order."""
    seen: dict[int, Token] = {}
    for token in tokens:
        for t in (token, *token.conjuncts):
            seen.setdefault(t.i, t)
    return [seen[i] for i in sorted(seen)]
