"""PLOVER events: triggers, arguments from the parse, dates, negation, modality, reported speech."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.event_arguments import reported_deed
from newsgraph.extract.event_features import candidates, sentence_features, sparse_features
from newsgraph.extract.event_triggers import lexicon, read_lines
from newsgraph.extract.events import find_events
from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.timexes import find_timexes
from newsgraph.model import Event, Statement

PUBLISHED = date(2017, 1, 7)
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def events(parse, text: str, statements: list[Statement] | None = None) -> list[Event]:
    doc = parse(text)
    return find_events(doc, find_mentions(doc), statements or [], find_timexes(doc, PUBLISHED), PUBLISHED)


def one(parse, text: str, kind: str) -> Event:
    found = [e for e in events(parse, text) if e.type == kind]
    assert len(found) == 1, events(parse, text)
    return found[0]


def test_nominal_attack_with_target_and_place(parse) -> None:
    event = one(parse, "The attack against the Russian ambassador in Ankara shocked the country.", "ASSAULT")
    assert (event.trigger, event.target, event.location) == ("attack", "Russian ambassador in Ankara", "Ankara")


def test_shooting_down_of_a_jet_is_dated_by_its_sentence(parse) -> None:
    event = one(parse, "The shooting down of the Russian fighter jet in November 2015 strained ties.", "ASSAULT")
    assert (event.target, event.date, event.date_source) == ("Russian fighter jet", "2015-11", "sentence")


def test_protests_against_two_countries_in_two_cities(parse) -> None:
    found = events(parse, "Thousands joined protests against Iran and Russia in Istanbul and Ankara.")
    assert [(e.type, e.actor, e.target) for e in found] == [("PROTEST", "Thousands", "Iran and Russia")]
    assert found[0].location == "Istanbul and Ankara"


def test_phone_call_is_a_consultation(parse) -> None:
    event = one(parse, "Erdogan telephoned Putin on Wednesday.", "CONSULT")
    assert (event.actor, event.target, event.date) == ("Erdogan", "Putin", "2017-01-04")


def test_detentions_are_coercion(parse) -> None:
    event = one(parse, "Security forces detained 3,359 suspects in 2016.", "COERCE")
    assert (event.actor, event.target, event.date) == ("Security forces", "3,359 suspects", "2016")


def test_claiming_responsibility_names_the_attacker(parse) -> None:
    found = events(parse, "Daesh claimed responsibility for the attack.")
    assert [(e.type, e.trigger, e.actor) for e in found] == [("ASSAULT", "attack", "Daesh")]


def test_passive_agent_is_the_actor(parse) -> None:
    event = one(parse, "The ambassador was shot by an off-duty police officer.", "ASSAULT")
    assert (event.actor, event.target) == ("off-duty police officer", "ambassador")


def test_coordinated_actors_share_the_event(parse) -> None:
    text = "Turkey and Russia are fighting Daesh together."
    found = events(parse, text)
    assert [(e.type, e.actor, e.target) for e in found] == [("ASSAULT", "Turkey and Russia", "Daesh")]
    assert text[found[0].actor_start:found[0].actor_end] == "Turkey and Russia"


def test_one_main_event_per_sentence(parse) -> None:
    found = events(parse, "The minister condemned the attack on the embassy.")
    assert [(e.type, e.trigger, e.actor) for e in found] == [("ACCUSE", "condemned", "minister")]


def test_pronoun_actor_takes_the_reporting_subject_and_keeps_its_offsets(parse) -> None:
    text = "The Varnian army said it shelled the border post."
    event = one(parse, text, "ASSAULT")
    assert (event.actor, text[event.actor_start:event.actor_end], event.target) == ("Varnian army", "it", "border post")


def test_nominal_event_with_by_phrase(parse) -> None:
    event = one(parse, "The bombing of the embassy by the rebels killed two guards.", "ASSAULT")
    assert (event.trigger, event.actor, event.target) == ("bombing", "rebels", "embassy")


def test_events_dated_a_past_year_are_background(parse) -> None:
    assert one(parse, "In 2015, rebels attacked the town.", "ASSAULT").background
    assert not one(parse, "Rebels attacked the town on Friday.", "ASSAULT").background


def test_every_event_has_a_confidence(parse) -> None:
    text = "Police arrested the editor. The spokesman said the talks were useful. Rebels attacked the town."
    found = events(parse, text)
    assert found and all(0.0 <= e.confidence <= 1.0 for e in found)
    assert max(found, key=lambda e: e.confidence).trigger == "arrested"


def test_negation(parse) -> None:
    assert one(parse, "The army did not attack the village.", "ASSAULT").negated
    assert not one(parse, "The army attacked the village.", "ASSAULT").negated


def test_modalities(parse) -> None:
    assert one(parse, "Russia will attack the town next month.", "ASSAULT").modality == "future"
    assert [e.modality for e in events(parse, "Russia must withdraw its troops from Syria.")] == ["demanded"]
    demand = one(parse, "Turkey demanded that Russia withdraw its troops.", "REQUEST")
    assert (demand.actor, demand.target) == ("Turkey", "Russia")
    assert one(parse, "If talks fail, the rebels could attack the city.", "ASSAULT").modality == "hypothetical"
    assert one(parse, "Police arrested the editor.", "COERCE").modality == "asserted"


def test_event_inside_a_statement_is_linked_to_it(parse) -> None:
    text = 'The minister said that security forces had arrested 40 suspects.'
    content = "security forces had arrested 40 suspects"
    start = text.index(content)
    statement = Statement(speaker="minister", content=content, content_start=start, content_end=start + len(content))
    event = [e for e in events(parse, text, [statement]) if e.type == "COERCE"][0]
    assert (event.statement, event.modality) == (0, "reported")


def test_without_a_date_in_the_sentence_the_publication_date_is_marked(parse) -> None:
    event = one(parse, "Police arrested the editor.", "COERCE")
    assert (event.date, event.date_source) == ("2017-01-07", "published")


def test_sentence_index_and_offsets(parse) -> None:
    text = "Markets were calm. Police arrested the editor."
    event = one(parse, text, "COERCE")
    assert (event.sentence, text[event.start:event.end], event.actor, event.target) == (1, "arrested", "Police", "editor")
    assert text[event.actor_start:event.actor_end] == "Police"


def test_sentence_without_events(parse) -> None:
    assert events(parse, "The lira fell 2 percent against the dollar on Monday.") == []


def test_lexicon_covers_all_plover_types_with_well_formed_lines() -> None:
    rows = [line.split("\t") for line in read_lines("plover_triggers.tsv")]
    assert all(3 <= len(row) <= 4 and row[1] in ("VERB", "NOUN") and row[2] in PLOVER for row in rows)
    assert {entry.type for entries in lexicon().values() for entry in entries} == PLOVER


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["attack ", "by ", "the ", "Turkey ", "and ", "was ", "not ", "protests ",
                                         "against ", "which ", "to ", ". ", "urged ", "responsibility ", "for "]),
               max_size=30).map("".join))
def test_never_raises(parse, text: str) -> None:
    events(parse, text, [Statement(content="x", content_start=0, content_end=3)])


def test_coordinated_signers_without_a_named_target_act_on_each_other(parse) -> None:
    found = events(parse, "Chile and Peru signed a new fishing accord on Tuesday.")
    assert [(e.actor, e.target) for e in found] == [("Chile", "Peru")]


def test_a_dateline_is_not_the_actor(parse) -> None:
    event = one(parse, "QUITO, Ecuador -- Gunmen attacked a police station in the north of the country.", "ASSAULT")
    assert (event.actor, event.target) == ("Gunmen", "police station")


def test_a_passive_returns_to_its_recipient(parse) -> None:
    text = "The stolen painting was returned by Dutch police to the Belgian government last week."
    event = events(parse, text)[0]
    assert (event.actor, event.target) == ("Dutch police", "Belgian government")


def test_names_beside_titles_are_the_arguments(parse) -> None:
    event = one(parse, "The defence minister, Carlos Ibarra, met his counterpart, Ana Duarte, in Lima.", "CONSULT")
    assert (event.actor, event.target, event.location) == ("Carlos Ibarra", "Ana Duarte", "Lima")


def test_who_orders_a_jailing_jails(parse) -> None:
    event = one(parse, "A judge ordered three former ministers jailed on Monday.", "COERCE")
    assert (event.actor, event.target) == ("judge", "three former ministers")


def test_calling_someone_on_a_day_is_a_consultation(parse) -> None:
    event = events(parse, "Prime Minister Lena Morales called President Tomas Reyes on Saturday to discuss the border.")[0]
    assert (event.type, event.actor, event.target) == ("CONSULT", "Lena Morales", "Tomas Reyes")


def test_refusing_to_meet_someone_targets_them(parse) -> None:
    event = one(parse, "The council refused to meet with the mining company after the spill.", "REJECT")
    assert (event.actor, event.target) == ("council", "mining company")


def test_lifting_its_own_ban_targets_what_the_ban_is_on(parse) -> None:
    event = one(parse, "The regional court lifted its ban on the Veltro messaging app on Tuesday.", "CONCEDE")
    assert (event.actor, event.target) == ("regional court", "Veltro")


def test_demanding_something_from_someone_targets_who_is_asked(parse) -> None:
    event = one(parse, "The union leader demanded an apology from the transport minister.", "REQUEST")
    assert (event.actor, event.target) == ("union leader", "transport minister")


def test_a_country_willing_to_withdraw_is_the_actor(parse) -> None:
    event = one(parse, "Moldavia is willing to withdraw its troops from the disputed valley.", "AGREE")
    assert event.actor == "Moldavia"


def test_a_report_accusing_someone_is_its_publishers_accusation(parse) -> None:
    event = one(parse, "The Harbour Watch group published a report accusing the port authority of hiding spills.", "ACCUSE")
    assert (event.actor, event.target) == ("Harbour Watch group", "port authority")


def test_a_capitalised_dateline_with_article_or_colon_is_not_the_actor(parse) -> None:
    charged = one(parse, "THE HAGUE, Netherlands -- A tribunal prosecutor has charged a former police chief with fraud.",
                  "ACCUSE")
    attack = one(parse, "KANDAR (Wire) : Rebel fighters attacked an army convoy on Sunday.", "ASSAULT")
    assert (charged.actor, attack.actor) == ("tribunal prosecutor", "Rebel fighters")


def test_a_deed_reported_by_a_parenthetical_speaker_is_the_doers(parse) -> None:
    event = one(parse, "Canada will send two field hospitals to the region, the foreign minister said.", "AGREE")
    assert (event.trigger, event.actor) == ("send", "Canada")


def test_a_dateline_the_tagger_calls_a_noun_is_not_the_actor_nor_the_reporting_speaker(parse) -> None:
    pardon = one(parse, "MANILA -- President Delia Ramos of the Philippines has pardoned the former mayor Juan Estrel.",
                 "CONCEDE")
    refusal = one(parse, "VELLMAR -- Prime Minister Anton Kessel said on Monday that he has rejected a request "
                         "from the opposition leader.", "REJECT")
    assert (pardon.actor, refusal.actor) == ("Delia Ramos", "Anton Kessel")


def test_troops_remaining_on_alert_are_mobilized(parse) -> None:
    event = one(parse, "Coastal guard units remained on alert in the northern harbour amid the tensions.", "MOBILIZE")
    assert event.actor == "Coastal guard units"


def test_who_pledges_a_countrys_support_is_the_supporter(parse) -> None:
    event = one(parse, "The trade envoy Maria Lind pledged her country's full support for the new Baltic rail plan.",
                "SUPPORT")
    assert (event.actor, event.target) == ("Maria Lind", "new Baltic rail plan")


def test_who_opens_an_event_noun_is_its_actor(parse) -> None:
    event = one(parse, "The rebels opened an offensive on the northern city of Kunduz.", "ASSAULT")
    assert event.actor == "rebels"


def test_an_investigation_accuses_what_it_looks_into(parse) -> None:
    event = one(parse, "Prosecutors opened an investigation into Senator Smith.", "ACCUSE")
    assert (event.trigger, event.actor, event.target) == ("investigation", "Prosecutors", "Smith")


def test_a_lawsuit_filed_against_someone_accuses_them(parse) -> None:
    event = one(parse, "The union filed a lawsuit against the ministry.", "ACCUSE")
    assert (event.actor, event.target) == ("union", "ministry")


def test_train_supported_triggers_type_their_sentences(parse) -> None:
    found = [(e.type, e.trigger) for text in ("Russia returned the captured sailors to Ukraine.",
                                              "Police stormed the parliament building.",
                                              "The ministry summoned the French ambassador.")
             for e in events(parse, text)]
    assert found == [("CONCEDE", "returned"), ("ASSAULT", "stormed"), ("ACCUSE", "summoned")]


def test_a_candidates_features_name_the_words_governing_it(parse) -> None:
    sentence = parse("The ministry sent experts to investigate the explosion.")[:]
    found = candidates(sentence)
    probe = next(c for c in found if c.token.lower_ == "investigate")
    assert {"anc=send", "lex=ACCUSE"} <= set(sparse_features(probe, found, sentence_features(sentence)))


def test_coordinated_actors_of_an_agreement_act_on_each_other_even_beside_a_named_topic(parse) -> None:
    event = one(parse, "Chile and Peru agreed to share fishing data on Bolivia.", "AGREE")
    assert (event.actor, event.target) == ("Chile", "Peru")


def test_a_deed_reported_after_its_speaker_is_the_doers_but_a_pledge_stays_the_speakers(parse) -> None:
    doc = parse("Mr Lopez says the Danish navy is training Kenyan sailors.")
    says = next(t for t in doc if t.text == "says")
    assert (reported_deed(says, "AID").text, reported_deed(says, "AGREE").text) == ("training", "says")


def test_an_event_noun_a_verb_launches_targets_the_verbs_phrase(parse) -> None:
    event = one(parse, "Hackers launched cyber attacks on a number of bank websites in June.", "ASSAULT")
    assert (event.actor, event.target) == ("Hackers", "number of bank websites")


def test_sent_troops_target_where_they_are_sent(parse) -> None:
    event = one(parse, "Norway has offered to send troops to Mali.", "AGREE")
    assert (event.actor, event.target) == ("Norway", "Mali")


def test_who_heads_an_event_noun_is_its_actor(parse) -> None:
    event = one(parse, "A retired judge is heading an inquiry into the hospital deaths.", "ACCUSE")
    assert (event.actor, event.target) == ("retired judge", "hospital deaths")


def test_an_arrest_by_no_one_named_in_a_country_is_that_states(parse) -> None:
    event = one(parse, "A French journalist was detained in Iran last week.", "COERCE")
    assert (event.actor, event.target, event.location) == ("Iran", "French journalist", "Iran")


def test_a_place_stands_for_a_target_naming_no_actor(parse) -> None:
    event = one(parse, "The rebels agreed to a ceasefire in northern Mali.", "AGREE")
    assert (event.actor, event.target) == ("rebels", "Mali")


def test_troops_on_alert_in_a_place_are_there_for_it(parse) -> None:
    event = one(parse, "Dutch troops remained on alert in Kabul.", "MOBILIZE")
    assert (event.actor, event.target) == ("Dutch troops", "Kabul")


def test_a_target_keeps_the_place_that_says_which_one_it_is(parse) -> None:
    event = one(parse, "Gunmen attacked an army base in northern Niger.", "ASSAULT")
    assert (event.actor, event.target) == ("Gunmen", "army base in northern Niger")


def test_who_a_demand_is_made_of_wins_over_where_it_is_made(parse) -> None:
    text = "At a rally on Friday, leaders of the farmers' union demanded an explanation from the prime minister."
    event = one(parse, text, "REQUEST")
    assert (event.actor, event.target) == ("leaders", "prime minister")


def test_a_release_by_no_one_named_in_a_country_is_that_states(parse) -> None:
    event = one(parse, "Two Italian aid workers were freed in Mali on Sunday.", "CONCEDE")
    assert (event.actor, event.target) == ("Mali", "Two Italian aid workers")


def test_an_attack_noun_without_a_target_targets_what_it_killed(parse) -> None:
    event = one(parse, "A suicide bombing outside the ministry killed at least twelve soldiers on Monday.", "ASSAULT")
    assert (event.trigger, event.target) == ("bombing", "at least twelve soldiers")


def test_a_state_of_siege_declared_in_a_place_targets_it(parse) -> None:
    event = one(parse, "The army declared a state of siege in Tarija on Friday.", "COERCE")
    assert (event.actor, event.target, event.location) == ("army", "Tarija", "Tarija")


def test_a_country_willing_to_withdraw_troops_targets_where_they_leave(parse) -> None:
    event = one(parse, "Chad was willing to withdraw its soldiers from the disputed zone along the border.", "AGREE")
    assert (event.actor, event.target) == ("Chad", "disputed zone")


def test_a_hunger_strike_targets_what_it_protests(parse) -> None:
    event = one(parse, "A jailed activist has started a hunger strike, protesting the prison's visiting rules.", "PROTEST")
    assert (event.actor, event.target) == ("jailed activist", "prison's visiting rules")


def test_seeking_refuge_on_arriving_somewhere_targets_that_place(parse) -> None:
    event = one(parse, "About 300 migrants arrived in Chile seeking refuge last year.", "REQUEST")
    assert (event.actor, event.target, event.location) == ("About 300 migrants", "Chile", "Chile")


def test_troops_on_alert_in_an_unnamed_region_are_there_for_it_but_not_in_case_of_fighting(parse) -> None:
    region = one(parse, "Dutch troops stayed on alert in the border area.", "MOBILIZE")
    case = one(parse, "Dutch troops remained on alert in case of more fighting.", "MOBILIZE")
    assert (region.target, case.target) == ("border area", None)


def test_a_place_listed_beside_a_named_one_does_not_break_the_event(parse) -> None:
    text = ("Seven people, including the gunman's mother, have been detained in Kestrel City and the western "
            "province of Norvale, the state news agency reported.")
    event = one(parse, text, "COERCE")
    assert (event.trigger, event.target) == ("detained", "Seven people") and "Kestrel City" in event.location
