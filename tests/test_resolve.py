"""Run-wide entities: one id per actor across articles, streaming, without merging namesakes."""

from __future__ import annotations

import json

from newsgraph.extract.mentions import find_mentions
from newsgraph.model import Document, Event, Mention, Statement
from newsgraph.resolve import EntityResolver


def resolved(parse, resolver, text, **fields):
    document = Document(id=str(hash(text)), source="t", text=text, entities=find_mentions(parse(text)), **fields)
    return resolver.resolve(document)


def ids(document):
    return {m.text: m.entity_id for m in document.entities}


def test_a_later_full_name_links_to_the_earlier_short_form(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "Gurov said on Monday that the offensive would go on.")
    second = resolved(parse, resolver, "General Alexander Gurov visited the front near Aleppo on Tuesday.")
    assert ids(first)["Gurov"] == ids(second)["Alexander Gurov"]
    assert resolver.entities[ids(first)["Gurov"]].name == "Alexander Gurov"


def test_a_place_first_seen_in_a_capitalised_dateline_takes_its_usual_spelling(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "MADRID, May 3 (Wire) - Dock workers walked out on Friday.")
    second = resolved(parse, resolver, "The strike spread from Madrid to the southern ports.")
    assert ids(first)["MADRID"] == ids(second)["Madrid"]
    assert resolver.entities[ids(first)["MADRID"]].name == "Madrid"
    assert "Madrid" not in resolver.entities[ids(first)["MADRID"]].aliases


def test_spellings_and_aliases_share_one_id_across_articles(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "Ahmet Davutoğlu met Daesh defectors in Şanlıurfa.")
    second = resolved(parse, resolver, "Davutoglou said ISIS had lost ground near Sanliurfa.")
    assert ids(first)["Ahmet Davutoğlu"] == ids(second)["Davutoglou"]
    assert ids(first)["Daesh"] == ids(second)["ISIS"]
    assert ids(first)["Şanlıurfa"] == ids(second)["Sanliurfa"]


def test_a_name_written_with_and_without_its_dotless_i_is_one_person_with_both_spellings(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "Interior Minister Kemal Yildirak said 13 suspects were held.")
    second = resolved(parse, resolver, "Kemal Yıldırak told reporters that the attacker would be caught.")
    entity = resolver.entities[ids(first)["Kemal Yildirak"]]
    assert ids(second)["Kemal Yıldırak"] == entity.id
    assert {entity.name, *entity.aliases} >= {"Kemal Yildirak", "Kemal Yıldırak"}


def test_two_people_with_one_surname_stay_apart_and_context_picks_the_right_one(parse):
    resolver = EntityResolver()
    lebanon = resolved(parse, resolver, "Lebanese lawmaker Ahmed Haddad accused Israel after Hezbollah fired rockets.")
    kabul = resolved(parse, resolver, "Samir Haddad, an aid worker in Herat, was detained by the Taliban.")
    later = resolved(parse, resolver, "Haddad said Hezbollah would not disarm.")
    assert ids(lebanon)["Ahmed Haddad"] != ids(kabul)["Samir Haddad"]
    assert ids(later)["Haddad"] == ids(lebanon)["Ahmed Haddad"]


def test_a_capital_acting_and_the_country_are_one_entity_the_city_another(parse):
    resolver = EntityResolver()
    document = resolved(parse, resolver, "Ankara said Turkey would respond. Protesters gathered in Ankara.")
    acting, country, city = document.entities
    assert acting.entity_id == country.entity_id != city.entity_id
    assert resolver.entities[city.entity_id].country == "TR"
    assert resolver.entities[city.entity_id].lat is not None


def test_speakers_get_canonical_names_and_event_arguments_keep_their_words_with_the_canonical_id(parse):
    text = "Ankara said on Monday it had struck targets in Ankara province. Erdogan said more would follow."
    speaker_start = text.index("Erdogan")
    statement = Statement(speaker_text="Erdogan", speaker_start=speaker_start, speaker_end=speaker_start + 7,
                          content="more would follow", content_start=0, content_end=1)
    event = Event(type="FIGHT", trigger="struck", start=0, end=1, sentence=0, actor="Ankara", location="Ankara")
    document = resolved(parse, EntityResolver(), text, quotes=[statement], events=[event])
    assert document.quotes[0].speaker == "Recep Tayyip Erdoğan"
    assert (document.events[0].actor, document.events[0].location) == ("Ankara", "Ankara")
    turkey = next(m.entity_id for m in document.entities if m.start == 0)
    assert document.events[0].actor_id == turkey


def test_speakers_and_event_arguments_carry_the_entity_id_of_their_actor(parse):
    text = "Erdogan said on Monday that Turkey had struck the PKK. He said more would follow."
    pronoun = text.index("He said")
    named = Statement(speaker_text="Erdogan", speaker_start=0, speaker_end=7, content="x", content_start=0, content_end=1)
    by_pronoun = Statement(speaker="Erdogan", speaker_text="He", speaker_start=pronoun, speaker_end=pronoun + 2,
                           content="more would follow", content_start=0, content_end=1)
    actor, target = text.index("Turkey"), text.index("PKK")
    event = Event(type="FIGHT", trigger="struck", start=0, end=1, sentence=0, actor="Turkey", target="PKK",
                  actor_start=actor, actor_end=actor + 6, target_start=target, target_end=target + 3)
    document = resolved(parse, EntityResolver(), text, quotes=[named, by_pronoun], events=[event])
    by_text = {m.text: m.entity_id for m in document.entities}
    assert [q.speaker_id for q in document.quotes] == [by_text["Erdogan"], by_text["Erdogan"]]
    assert (document.events[0].actor_id, document.events[0].target_id) == (by_text["Turkey"], by_text["PKK"])


def test_a_speaker_is_the_person_in_its_span_not_a_demonym_before_the_name(parse):
    text = "German Chancellor Lena Marsh said on Monday that the talks would resume. The White House said it agreed."
    house = text.index("The White House")
    chancellor = Statement(speaker="Lena Marsh", speaker_text="German Chancellor Lena Marsh", speaker_start=0,
                           speaker_end=text.index(" said"), content="x", content_start=0, content_end=1)
    seat = Statement(speaker="White House", speaker_text="The White House", speaker_start=house,
                     speaker_end=house + 15, content="x", content_start=0, content_end=1)
    document = resolved(parse, EntityResolver(), text, quotes=[chancellor, seat])
    by_text = {m.text: m.entity_id for m in document.entities}
    assert [q.speaker for q in document.quotes] == ["Lena Marsh", "White House"]
    assert [q.speaker_id for q in document.quotes] == [by_text["Lena Marsh"], by_text["White House"]]


def test_a_place_or_a_person_after_a_preposition_in_the_speaker_phrase_is_not_the_speaker(parse):
    text = ("Observers in Madrid said the vote was fair. A spokesman for Prime Minister Ivo Brandt said he would attend. "
            "The head of the port authority, Mira Oduya, said talks were over. "
            "The foreign ministers of Norland, Kestria and Iran are due to meet.")
    phrases = ["Observers in Madrid", "A spokesman for Prime Minister Ivo Brandt", "The head of the port authority, Mira Oduya",
               "The foreign ministers of Norland, Kestria and Iran"]
    quotes = [Statement(speaker_text=p, speaker_start=text.index(p), speaker_end=text.index(p) + len(p),
                        content="x", content_start=0, content_end=1) for p in phrases]
    document = resolved(parse, EntityResolver(), text, quotes=quotes)
    by_text = {m.text: m.entity_id for m in document.entities}
    assert [q.speaker_id for q in document.quotes] == [None, None, by_text["Mira Oduya"], None]


def test_a_restored_resolver_gives_the_ids_of_one_run(parse):
    texts = ["Gurov said on Monday that the offensive would go on.",
             "Lebanese lawmaker Ahmed Haddad accused Israel after Hezbollah fired rockets.",
             "General Alexander Gurov visited the front near Aleppo on Tuesday.",
             "Haddad said Hezbollah would not disarm."]
    whole = EntityResolver()
    expected = [ids(resolved(parse, whole, text)) for text in texts]
    first = EntityResolver()
    found = [ids(resolved(parse, first, text)) for text in texts[:2]]
    second = EntityResolver.restore(json.loads(json.dumps(first.snapshot())))
    found += [ids(resolved(parse, second, text)) for text in texts[2:]]
    assert found == expected and second.snapshot() == whole.snapshot()


def _document(text: str, mentions: list[tuple[str, str]]) -> Document:
    """An article whose mentions (text, type) are given: the model's type slips are the point."""
    from newsgraph.model import Mention

    spans = [Mention(start=(start := text.index(name)), end=start + len(name), text=name, type=type_) for name, type_ in mentions]
    return Document(id=str(hash(text)), source="t", text=text, entities=spans)


def test_a_full_name_tagged_a_place_in_one_article_is_still_the_person_of_the_others():
    resolver = EntityResolver()
    first = resolver.resolve(_document("Marten Olvaag will host the Harvest Awards.", [("Marten Olvaag", "PERSON")]))
    second = resolver.resolve(_document("Marten Olvaag rehearsed on Sunday.", [("Marten Olvaag", "GPE")]))
    assert ids(first)["Marten Olvaag"] == ids(second)["Marten Olvaag"]


def test_one_word_names_of_a_person_and_a_place_stay_apart():
    resolver = EntityResolver()
    person = resolver.resolve(_document("Velland scored twice.", [("Velland", "PERSON")]))
    place = resolver.resolve(_document("Floods hit Velland.", [("Velland", "GPE")]))
    assert ids(person)["Velland"] != ids(place)["Velland"]


def test_a_title_links_with_and_without_its_country_and_spaced_initials():
    resolver = EntityResolver()
    spaced = resolver.resolve(_document("The U. S. Surgeon General warned on Monday.", [("U. S. Surgeon General", "ORG")]))
    bare = resolver.resolve(_document("The Surgeon General spoke again.", [("Surgeon General", "ORG")]))
    dotted = resolver.resolve(_document("U.S. Surgeon General offices closed.", [("U.S. Surgeon General", "ORG")]))
    assert ids(spaced)["U. S. Surgeon General"] == ids(bare)["Surgeon General"] == ids(dotted)["U.S. Surgeon General"]


def test_a_middle_initial_does_not_match_another_persons_initials(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "Martin A. Kessler, a broadcaster, criticised the Dunmore Hawks on Monday.")
    second = resolved(parse, resolver, "Coach A.J. Kessler praised the Fenwick Owls on Tuesday.")
    assert ids(first)["Martin A. Kessler"] != ids(second)["A.J. Kessler"]


def test_given_names_a_letter_apart_of_different_genders_are_two_people(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "Eric Lindqvist, a farmer, criticised the dam plan on Monday.")
    second = resolved(parse, resolver, "Erica Lindqvist opened the new library in Dunmore on Tuesday.")
    assert ids(first)["Eric Lindqvist"] != ids(second)["Erica Lindqvist"]


def test_a_surname_alone_links_to_the_one_namesake_of_its_story(parse):
    resolver = EntityResolver()
    mayor = resolved(parse, resolver, "Mayor Lena Marsh opened the new bridge in Dunmore.")
    coach = resolved(parse, resolver, "Paul Marsh coached the Fenwick Owls to a win over Brayton.")
    owls = resolved(parse, resolver, "Marsh said the Fenwick Owls would rest before playing Brayton.")
    assert ids(owls)["Marsh"] == ids(coach)["Paul Marsh"] != ids(mayor)["Lena Marsh"]


def test_a_person_typed_as_a_place_links_to_the_person_of_the_same_story(parse):
    resolver = EntityResolver()
    first = resolved(parse, resolver, "The Fenwick Owls fired coach Maurice Quillan after a loss to Brayton.")
    text = "Mo Quillan was fired after the loss to Brayton."
    document = Document(id="q", source="t", text=text, entities=[
        Mention(text="Mo Quillan", start=0, end=10, type="FAC"),
        *[m for m in find_mentions(parse(text)) if m.start >= 11]])
    second = resolver.resolve(document)
    assert ids(second)["Mo Quillan"] == ids(first)["Maurice Quillan"]


def test_a_place_typed_as_a_person_links_to_the_place_of_the_same_story_only(parse):
    def larkmoor(resolver, text):
        return resolver.resolve(Document(id=text, source="t", text=text, entities=[
            Mention(text="Larkmoor", start=0, end=8, type="PERSON"), *[m for m in find_mentions(parse(text)) if m.start >= 9]]))

    floods = "Floods hit the town of Larkmoor, Ohio, on Monday."
    resolver, apart = EntityResolver(), EntityResolver()
    place, place_apart = resolved(parse, resolver, floods), resolved(parse, apart, floods)
    story = larkmoor(resolver, "Larkmoor residents fled across Ohio.")
    other = larkmoor(apart, "Larkmoor scored twice.")
    assert ids(story)["Larkmoor"] == ids(place)["Larkmoor"]
    assert ids(other)["Larkmoor"] != ids(place_apart)["Larkmoor"]


def test_a_headline_speaker_is_the_one_body_actor_of_that_name() -> None:
    text = "Mara de Hill met Tom de Hill and Loretta E. Lynch."
    mentions = [Mention(start=text.index(n), end=text.index(n) + len(n), text=n, type="PERSON", name=n)
                for n in ("Mara de Hill", "Tom de Hill", "Loretta E. Lynch")]

    def speaker_of(name: str, entities: list[Mention]) -> tuple[str | None, str | None]:
        quote = Statement(speaker=name, speaker_text=name, speaker_start=0, speaker_end=len(name), content="x",
                          content_start=len(name) + 2, content_end=len(name) + 3, in_title=True)
        [said] = EntityResolver().resolve(Document(id="d", source="s", text=text, entities=entities, quotes=[quote])).quotes
        return said.speaker, said.speaker_id
    assert speaker_of("Loretta Lynch", mentions)[0] == "Loretta E. Lynch"  # offsets 0..13 are the title's, not Mara's
    assert speaker_of("De Hill", mentions[:1])[0] == "Mara de Hill"
    assert speaker_of("De Hill", mentions) == ("De Hill", None)  # two of that name: no guess
