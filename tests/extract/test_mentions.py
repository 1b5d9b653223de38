"""Mentions: gazetteer fixes, clean spans, in-article names, demonyms and seats of power."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.mentions import find_mentions


def mentions_of(parse, text):
    return {m.text: m for m in find_mentions(parse(text))}


def test_a_mention_never_crosses_a_line_break(parse):
    found = find_mentions(parse("By Jane Doe\nAnkara\n\nTurkish police said on Monday they had detained two men."))
    assert all("\n" not in m.text for m in found)
    assert "Jane Doe" in {m.text for m in found}


def test_a_sentences_first_word_is_not_part_of_the_name_after_it(parse):
    doc = parse("Beneath Paul Okafor's calm, the party is worried. Entrusting Donald Trump with the budget is a risk.")
    assert [m.text for m in find_mentions(doc) if m.type == "PERSON"] == ["Paul Okafor", "Donald Trump"]


def test_gazetteer_fixes_armed_groups_agencies_and_diacritic_places(parse):
    found = mentions_of(parse, "Daesh claimed the attack in İzmir, Sputnik reported, citing Hayat Tahrir al-Sham.")
    assert found["Daesh"].type == "ORG" and found["Daesh"].name == "Islamic State"
    assert found["İzmir"].type == "GPE"
    assert found["Sputnik"].type == "ORG"
    assert found["Hayat Tahrir al-Sham"].type == "ORG"


def test_named_operations_are_events_and_named_buildings_facilities(parse):
    found = mentions_of(parse, "Doctors at Al-Shifa Hospital said Operation Olive Branch had ended.")
    assert found["Al-Shifa Hospital"].type == "FAC"
    assert found["Operation Olive Branch"].type == "EVENT"


def test_actors_no_list_names_are_still_found(parse):
    found = mentions_of(parse, "Maria Vasquez, the mayor of Fresno, met officials of the Lakeside Water Authority.")
    assert found["Maria Vasquez"].type == "PERSON"
    assert "Fresno" in found


def test_titles_possessives_and_short_forms_share_the_full_name(parse):
    text = ("General Alexander Gurov said his troops had advanced. Gurov's aides confirmed it. "
            "General Gurov gave no figures.")
    found = find_mentions(parse(text))
    assert {m.text for m in found} == {"Alexander Gurov", "Gurov"}
    assert {m.name for m in found} == {"Alexander Gurov"}


def test_a_titled_surname_never_takes_the_full_name_of_the_other_gender(parse):
    text = ("Michelle Darrow opened the gala. Mr. Darrow said the museum would open in May. President Darrow left. "
            "Bill Harmon and Ana Harmon arrived late; Mrs. Harmon spoke first.")
    names = [(m.text, m.name) for m in find_mentions(parse(text)) if m.type == "PERSON"]
    assert ("Darrow", "Michelle Darrow") not in names  # neither "Mr. Darrow" nor "President Darrow", who may be either
    assert ("Darrow", "Darrow") in names
    assert ("Harmon", "Ana Harmon") in names


def test_a_name_after_a_persons_title_is_a_person_the_model_missed(parse):
    text = ("A gunman killed 39 people, Istanbul Governor Nihat Ekinci said. Ekinci told reporters the attacker fled. "
            "Mayor Dara Quell met General Motors officials on Tuesday.")
    people = {(m.text, m.name) for m in find_mentions(parse(text)) if m.type == "PERSON"}
    assert ("Nihat Ekinci", "Nihat Ekinci") in people and ("Ekinci", "Nihat Ekinci") in people
    assert ("Dara Quell", "Dara Quell") in people and not any("Motors" in text or "Tuesday" in text for text, _ in people)


def test_a_military_rank_before_a_name_makes_it_a_persons(parse):
    text = ("Retired Colonel General Anatoly Rudenko, a former deputy chief of the General Staff, said the army was ready. "
            "Lt. Marta Ivers led the patrol.")
    people = {m.name for m in find_mentions(parse(text)) if m.type == "PERSON"}
    assert {"Anatoly Rudenko", "Marta Ivers"} <= people and not any("Staff" in name for name in people)


def test_transliterated_name_takes_the_gazetteer_name(parse):
    found = mentions_of(parse, "Former prime minister Davutoglou criticised the government on Friday.")
    assert found["Davutoglou"].name == "Ahmet Davutoğlu"


def test_demonym_of_a_state_institution_stands_for_the_country(parse):
    found = find_mentions(parse("Turkish troops crossed the border. A Russian journalist filmed them."))
    turkish, russian = found[0], found[1]
    assert (turkish.name, turkish.country) == ("Turkey", "TR")
    assert russian.name == "Russian" and russian.country is None


def test_a_capital_that_acts_is_its_state_and_a_capital_as_place_stays_the_city(parse):
    found = find_mentions(parse("Moscow and Ankara agreed on a ceasefire. The deal was signed in Moscow."))
    assert [(m.text, m.name, m.role) for m in found] == [
        ("Moscow", "Russia", "actor"), ("Ankara", "Turkey", "actor"), ("Moscow", "Moscow", "location")]


def test_a_seat_of_power_that_warns_is_its_state(parse):
    found = mentions_of(parse, "The Kremlin warned Washington against new sanctions.")
    assert found["Kremlin"].name == "Russia"
    assert found["Washington"].name == "United States"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_find_mentions_never_raises(parse, text):
    for mention in find_mentions(parse(text)):
        assert text[mention.start:mention.end] == mention.text


def test_a_place_alone_on_the_first_line_is_a_dateline_not_an_actor(parse):
    found = find_mentions(parse("Ankara\n\nThe Kremlin warned on Monday that Ankara would pay."))
    assert (found[0].name, found[0].role) == ("Ankara", "location")


def test_a_title_case_headline_does_not_swallow_words_into_a_name(parse):
    text = ("Marla Quennell Checks Into Rehab Clinic\n"
            "The actress Marla Quennell checked into a clinic in Malibu on Tuesday, her spokesman said.")
    found = find_mentions(parse(text))
    people = [m for m in found if m.type == "PERSON"]
    assert all(text[m.start:m.end] == "Marla Quennell" for m in people) and len(people) >= 1


def test_a_headline_verb_before_a_name_is_cut_off(parse):
    text = ("Mayor To Appoint Dara Venholm\n"
            "The mayor will appoint Dara Venholm as the city's new fire chief, officials said on Monday.")
    people = [m for m in find_mentions(parse(text)) if "Venholm" in m.text]
    assert people and all(text[m.start:m.end] == "Dara Venholm" and m.type == "PERSON" for m in people)


def test_a_body_named_after_a_person_is_an_organisation_not_the_person(parse):
    found = mentions_of(parse, "President Tomas Varela spoke on Monday. The Varela administration later denied the report, "
                               "and the Varela team's first choice declined.")
    assert found["Tomas Varela"].type == "PERSON"
    assert found["Varela administration"].type == "ORG" and found["Varela team"].type == "ORG"
    assert "Varela" not in found
