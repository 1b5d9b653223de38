"""Who said what: direct, indirect, mixed, anonymous and unattributed statements, and their speakers.

Beyond speech verbs (beliefs, wants, evidence, headline colons), one statement per attribution,
and speakers that stay what the text supports: a name only when one person fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.quote_marks import find_quotes
from newsgraph.extract.statement_model import load_model
from newsgraph.extract.statement_speakers import speaker_of
from newsgraph.extract.statements import find_statements
from tests.extract.conftest import only
from newsgraph.pipeline import Options, extract_documents


@pytest.mark.parametrize("open_mark, close_mark", [("“", "”"), ('"', '"'), ("''", "''")])
def test_a_quote_split_around_its_cue_is_one_direct_statement(statements, open_mark, close_mark):
    text = (
        f"Interior Minister Suleyman Kaya visited the border on Monday.\n\n{open_mark}We will not allow anyone to "
        f"threaten our citizens,{close_mark} Kaya told reporters. {open_mark}The state is determined.{close_mark}"
    )
    found = statements(text)
    quote = only(found, "threaten our citizens")
    assert quote.direct and "The state is determined" in quote.content
    assert quote.speaker == "Suleyman Kaya" and quote.speaker_text == "Kaya"
    assert text[quote.content_start : quote.content_end] == quote.content
    assert not any(s is not quote and "determined" in s.content for s in found)


def test_a_quote_running_over_paragraphs_is_one_statement(statements):
    text = (
        "Union leader Grace Mbeki spoke on Sunday.\n\n"
        "“We were told to wait. We waited for three years,” she said. “Now the waiting is over.\n\n"
        "“From Monday, nurses will stop working overtime.”\n\nThe government did not comment."
    )
    quote = only(statements(text), "waited for three years")
    assert quote.content.endswith("stop working overtime.")
    assert quote.speaker == "Grace Mbeki" and quote.speaker_text == "she"


def test_a_quote_inside_a_quote_stays_part_of_it(statements):
    text = "“When my critics say ‘bring them home’, I ask them: home to what?” Defence Minister Tomas Reyes said."
    found = statements(text)
    assert len(found) == 1
    assert "‘bring them home’" in found[0].content and found[0].speaker == "Tomas Reyes"


def test_doubled_apostrophes_are_quote_marks_and_single_ones_are_not():
    text = "''We will rebuild,'' the mayor said of the pier's future. ''Not this year.''"
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["We will rebuild,", "Not this year."]


def test_quote_marks_skip_apostrophes_and_unclosed_marks():
    text = "It’s Ankara’s plan, the officials’ view. He is 5'11\" tall. “Unclosed\n\nnext paragraph"
    assert find_quotes(text) == []


def test_indirect_speech_keeps_the_clause_with_its_that(statements):
    found = statements("Health Minister Sofia Lindqvist announced on Thursday that hospitals would receive more money.")
    statement = only(found, "hospitals")
    assert statement.content == "that hospitals would receive more money"
    assert statement.speaker == "Sofia Lindqvist" and statement.cue == "announced" and not statement.direct


def test_a_report_after_its_content_is_found(statements):
    found = statements("More than a hundred factories have closed since January, the chamber of commerce said on Wednesday.")
    statement = only(found, "factories")
    assert statement.content == "More than a hundred factories have closed since January"
    assert statement.speaker == "chamber of commerce"


def test_according_to_names_the_source_behind_the_figures(statements):
    found = statements("According to figures from the Interior Ministry, security forces detained 3,359 suspects in 2016.")
    statement = only(found, "3,359")
    assert statement.content == "security forces detained 3,359 suspects in 2016"
    assert statement.speaker == "Interior Ministry" and statement.cue == "according to"


def test_noun_cues_carry_statements(statements):
    text = "Mayor Daniel Okafor's claim that crime had fallen by 30 percent was challenged by local police on Friday."
    found = statements(text)
    statement = next(s for s in found if s.cue == "claim")
    assert statement.content == "that crime had fallen by 30 percent" and statement.speaker == "Daniel Okafor"
    challenged = next(s for s in found if s.cue == "challenged")  # the police's act on the claim is its own attribution
    assert challenged.speaker == "local police" and "Okafor's claim" in challenged.content


def test_went_on_to_say(statements):
    text = "Commission chairman Joseph Mwangi went on to say that the count in two districts would be repeated."
    statement = only(statements(text), "the count")
    assert statement.speaker == "Joseph Mwangi"


def test_a_mixed_quote_is_reported_speech_with_the_quoted_fragment(statements):
    text = "President Kemal Arslan on Tuesday called his Syrian counterpart a “cold dictator” and said Ankara would not accept new refugees."
    found = statements(text)
    mixed = only(found, "cold dictator")
    assert not mixed.direct and mixed.content.startswith("his Syrian counterpart")
    assert only(found, "refugees").speaker == "Kemal Arslan"


def test_a_quoted_that_clause_is_mixed_and_keeps_its_that(statements):
    text = "Green party leader Jonas Berg spoke on Saturday. He told party members that “no deal is better than a bad deal”."
    statement = only(statements(text), "no deal")
    assert not statement.direct and statement.content == "that “no deal is better than a bad deal”"


def test_a_quote_alone_after_its_cue_is_direct(statements):
    text = "Green party leader Jonas Berg spoke on Saturday. He told party members: “No deal is better than a bad deal.”"
    statement = only(statements(text), "No deal")
    assert statement.direct and statement.content.startswith("No deal is better than a bad deal")


@pytest.mark.parametrize(
    "text, fragment, speaker_word",
    [
        ("Analysts believe a compromise is likely.", "compromise", "analysts"),
        ("Officials fear a sharper slowdown.", "slowdown", "officials"),
        ("A government spokesman denied that the army had used tear gas.", "tear gas", "spokesman"),
        ("Sources close to the negotiations said Hungary had threatened to block the package.", "Hungary", "sources"),
    ],
)
def test_unnamed_sources_are_anonymous(statements, text, fragment, speaker_word):
    statement = only(statements(text), fragment)
    assert statement.attribution == "anonymous" and speaker_word in statement.speaker


def test_beliefs_are_hedged(statements):
    assert only(statements("Analysts believe a compromise is likely."), "compromise").hedged


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("It is believed that at least 14 civilians were killed.", "14 civilians"),
        ("It is considered unlikely that talks will resume this month.", "talks will resume"),
        ("The ceasefire reportedly collapsed overnight.", "ceasefire"),
        ("Negotiations over the new coalition are said to be close to collapse.", "close to collapse"),
    ],
)
def test_impersonal_statements_are_unattributed(statements, text, fragment):
    statement = only(statements(text), fragment)
    assert statement.attribution == "unattributed" and statement.speaker is None and statement.hedged


def test_an_impersonal_judgement_has_no_speaker_not_it(statements):
    found = statements("It is worth remembering that the harbour was built in 1890. It's hard not to sense that the town is tired.")
    assert [(s.speaker, s.attribution) for s in found] == [(None, "unattributed")] * 2


def test_she_resolves_to_the_nearest_woman_not_the_nearest_name(statements):
    text = (
        "Dr. Amina Yusuf said new cholera cases had fallen. Her deputy, Ibrahim Bello, cautioned that the rainy "
        "season could bring a new wave. He said 42 deaths had been recorded. She said vaccination teams had reached many villages."
    )
    found = statements(text)
    assert only(found, "42 deaths").speaker == "Ibrahim Bello"
    she = only(found, "vaccination teams")
    assert she.speaker == "Amina Yusuf" and she.speaker_text == "She"


def test_descriptions_resolve_to_the_named_actor(statements):
    text = (
        "Russia's Foreign Ministry on Friday denied that it had interfered in the election. The ministry said the claims "
        "were groundless. Brazil's President Luiz Almeida said on Monday that deforestation fell. The president said enforcement was working."
    )
    found = statements(text)
    ministry = only(found, "groundless")
    assert ministry.speaker_text == "The ministry" and "Foreign Ministry" in ministry.speaker
    assert only(found, "enforcement").speaker == "Luiz Almeida"


def test_statements_come_in_text_order_with_consistent_offsets(statements):
    text = "“We are ready,” she said. Officials said the talks would resume. The ceasefire reportedly held."
    found = statements(text)
    assert [s.content_start for s in found] == sorted(s.content_start for s in found)
    for s in found:
        assert text[s.content_start : s.content_end] == s.content
        if s.cue_start is not None:
            assert text[s.cue_start : s.cue_end] == s.cue.split()[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(['"', "“", "”", "‘", "’", "'", "said", "he", "that", "according to", "\n\n", ",", ".", "It is believed", "Officials", "X"]),
        max_size=40,
    ).map(" ".join)
)
def test_no_text_makes_the_extractor_raise(parse, text):
    doc = parse(text)
    for statement in find_statements(doc, find_mentions(doc)):
        assert 0 <= statement.content_start < statement.content_end <= len(text)


@pytest.mark.parametrize(
    "text, fragment, speaker_word",
    [
        ("Senator Ruth Okafor wants to raise the minimum wage to fifteen dollars.", "raise the minimum wage", "Okafor"),
        ("New polls show the race for governor is tied in three counties.", "race for governor", "polls"),
        ("Farm leaders fear that the new tariffs will close dozens of dairies.", "close dozens of dairies", "leaders"),
        ("Governor Tomas Vilander vowed to veto the pipeline bill.", "veto the pipeline bill", "Vilander"),
    ],
)
def test_wants_evidence_fears_and_vows_are_attributions(statements, text, fragment, speaker_word):
    statement = only(statements(text), fragment)
    assert speaker_word.lower() in (statement.speaker or "").lower()
    assert len(statement.content.split()) <= len(text.split()) - 2


def test_a_headline_colon_names_its_speaker(statements):
    text = "Mayor Lena Ortiz: Budget cuts will hurt our schools.\n\nThe city council met on Tuesday to vote."
    statement = only(statements(text), "Budget cuts")
    assert statement.speaker == "Lena Ortiz" and statement.cue == ":"
    assert statement.content == "Budget cuts will hurt our schools"


@pytest.mark.parametrize("label", ["Editor’s note", "EXCLUSIVE", "WATCH"])
def test_a_label_before_a_colon_is_not_a_speaker(statements, label):
    text = f"{label}: This story was updated on Friday with new figures.\n\nThe plant closed in May."
    assert not [s for s in statements(text) if s.cue == ":"]


def test_a_quote_inside_reported_speech_is_not_a_second_statement(statements):
    text = "Councillor Mira Haldane said the housing plan was “a disaster for young families” and should be withdrawn."
    found = statements(text)
    assert len(found) == 1 and "disaster for young families" in found[0].content


def test_a_short_quoted_phrase_nobody_says_is_not_a_statement(statements):
    text = "The program, dubbed “Fresh Start,” will open in April in four districts."
    assert not statements(text)


def test_he_stays_as_written_when_two_men_could_have_said_it(statements):
    text = "Jan Kowalski met Pavel Novak in Brno on Monday. He said the rail link would be finished by 2030."
    statement = only(statements(text), "rail link")
    assert statement.speaker == "He" and statement.speaker_text == "He"


def test_she_goes_to_the_speaker_just_named_though_the_tagger_took_her_name_for_a_product(statements):
    text = (
        '"The plan leaves fathers out," said Carla Mendes, a policy director at a think tank.\n\n'
        "The think tank has criticised the plan for months. In a Ledger essay, Ivanka Brandt acknowledged the battle. "
        '"The number of single mothers has doubled in three decades," she wrote.'
    )
    statement = only(statements(text), "single mothers")
    assert statement.speaker == "Ivanka Brandt" and statement.speaker_text == "she"


def test_he_resolves_when_one_man_fits(statements):
    text = "Farm minister Pavel Novak toured the flooded valley on Monday. He said the state would pay for new dams."
    statement = only(statements(text), "new dams")
    assert statement.speaker == "Pavel Novak" and statement.speaker_text == "He"


def test_a_dateline_is_never_the_speaker(statements):
    text = "KESTREL CITY, March 3 (Daily Ledger) – The harbour authority said on Friday that ferry fares would rise."
    statement = only(statements(text), "ferry fares")
    assert "harbour authority" in statement.speaker and "KESTREL" not in statement.speaker


def test_what_was_said_before_its_cue_starts_in_the_cues_paragraph(statements):
    text = ('"We expect our colleagues to find the organisers," she said. "All of them, and quickly."\n\n'
            "The two mayors spoke by telephone late on Tuesday, the harbour board said.")
    statement = only(statements(text), "by telephone")
    assert statement.content == "The two mayors spoke by telephone late on Tuesday"


def test_a_dateline_is_never_part_of_what_was_said(statements):
    text = ("KESTREL CITY, Dec 13 (Daily Ledger) - Norland's envoy to Kestria, Viktor Lomak, was shot dead on Tuesday "
            "at an art gallery in Kestrel City, Kestrian officials said.")
    statement = only(statements(text), "shot dead")
    assert statement.content.startswith("Norland's envoy to Kestria") and statement.speaker_text == "Kestrian officials"


def test_a_dateline_set_off_by_a_hyphen_is_not_part_of_the_speaker(statements):
    text = ("Ferry talks stall.\n\nKESTREL CITY - Harbour leaders met on Friday, amid growing concerns that "
            "the ferry fleet is too old to sail. Danish officials said the fleet would be replaced.")
    found = statements(text)
    assert only(found, "too old to sail").speaker_text == "Harbour leaders"
    assert only(found, "fleet would be replaced").speaker == "Danish officials"  # a nationality keeps its capital


def test_who_after_a_description_of_a_named_person_is_that_person(statements):
    text = ("Editor's note: Marco Velt regularly insults reporters and is a serial liar, rampant xenophobe and birther "
            "who has repeatedly pledged to close the border. Harbour Republicans are the only ones who see a threat in the ferries.")
    found = statements(text)
    assert only(found, "close the border").speaker == "Marco Velt"
    assert only(found, "threat in the ferries").speaker_text == "the only ones"


@pytest.mark.parametrize(
    "text, fragment, written",
    [
        ("Then came the twist - Mayor Ilse Ames said the port would close.", "port would close", "Mayor Ilse Ames"),
        ("The debate over coal is also predictable - Ilse Ames has vowed to bring back lost mining jobs and roll back rules.",
         "mining jobs", "Ilse Ames"),
        ("Analysts in Kestrel City believe the harbour board has little interest in a new dispute.", "little interest",
         "Analysts in Kestrel City"),
        ("A fisherman in Norvale, who spoke on condition of anonymity, condemned the fees.", "fees", "A fisherman in Norvale"),
        ('"Subpoenas are not optional," panel chairman Rep. Ada Morrow (R-Ohio) said after the hearing.', "not optional",
         "panel chairman Rep. Ada Morrow (R-Ohio)"),
    ],
)
def test_the_speaker_as_written_is_the_speakers_own_phrase(statements, text, fragment, written):
    """Not what a dash sets before it, not the place inside it alone, not a relative clause after it; its closing bracket kept."""
    assert only(statements(text), fragment).speaker_text == written


def test_an_outlet_that_reports_is_the_speaker(statements):
    text = "The Daily Ledger has learned that the harbour authority plans to sell two ferries."
    statement = only(statements(text), "sell two ferries")
    assert "Ledger" in statement.speaker


def test_the_shipped_model_is_small_and_loads_once():
    model = load_model()
    assert model is load_model() and 0 < model.threshold < 1 and len(model.weights) > 1000


def test_extract_gives_a_resolved_pronoun_speaker_its_entity_id(tmp_path: Path):
    article = tmp_path / "valley.txt"
    article.write_text("Farm minister Pavel Novak toured the flooded valley on Monday.\n\n"
                       "He said the state would pay for new dams in the spring.\n", encoding="utf-8")
    document = next(extract_documents([str(article)], Options(jobs=1)))
    statement = only(document.quotes, "new dams")
    novak = next(m for m in document.entities if m.text == "Pavel Novak")
    assert statement.speaker_text == "He" and statement.speaker == novak.name
    assert statement.speaker_id == novak.entity_id is not None


def test_a_quote_signed_with_a_dash_belongs_to_the_name_after_it(statements):
    text = "Readers wrote in after the debate.\n\n“The plan scares me and my neighbours in the valley.” ― Carla Ventimiglia\n"
    statement = only(statements(text), "scares me")
    assert statement.speaker == "Carla Ventimiglia" and statement.direct


def test_a_quote_paragraph_signed_on_the_next_line_belongs_to_the_name_there(statements):
    text = (
        "The mayor repeated her claim at the hearing.\n\n“Almost all of the toll money is going to the big shipping firms.”\n\n"
        "- Carla Ventimiglia.\n\nThe audit agrees with her on the trend.\n"
    )
    signed = only(statements(text), "toll money")
    assert (signed.speaker, signed.cue, signed.direct) == ("Carla Ventimiglia", "-", True)


def test_a_report_wins_over_the_bare_quote_it_carries(statements):
    text = "Senator Ruth Okafor spoke on Monday. She said the state has become “far more interested in roads than in the people who use them.”"
    statement = only(statements(text), "far more interested")
    assert statement.speaker == "Ruth Okafor" and statement.cue == "said"


def test_reported_speech_around_its_cue_is_one_statement(statements):
    text = "The new bridge, Mayor Lena Okoro said, would cut travel times for thousands of commuters."
    statement = only(statements(text), "cut travel times")
    assert statement.content.startswith("The new bridge") and statement.content.endswith("thousands of commuters")
    assert statement.speaker == "Lena Okoro" and statement.cue == "said" and not statement.direct


def test_a_disputed_claim_stays_its_owners_statement(statements):
    text = (
        "Brightwater Mining opened a new shaft in May. The company's assertion that its mine poses no risk "
        "to the river has been disputed by scientists."
    )
    found = statements(text)
    claim = next(s for s in found if s.cue == "assertion")
    assert claim.content == "that its mine poses no risk to the river" and claim.speaker_text == "The company"
    assert any(s.cue == "disputed" and s.speaker == "scientists" for s in found)


def test_a_quote_split_around_a_long_speaker_apposition_is_one_statement_with_its_speaker(statements):
    text = (
        "The hearing ran late into the evening.\n\n“The ferry contract was signed in secret,” Rep. Dana Whitlow "
        "(D-Ore.), the senior member of the transport panel, said in a phone interview. “Nobody on the panel "
        "saw the figures before the vote.”\n\nThe port authority did not respond."
    )
    statement = only(statements(text), "signed in secret")
    assert "Nobody on the panel saw the figures" in statement.content
    assert statement.speaker == "Dana Whitlow" and statement.cue == "said"


def test_a_speech_verb_in_the_speakers_relative_clause_is_not_the_cue(statements):
    text = "“The budget will balance by spring,” Omar Feld, who told reporters last week that he would resign, said on Monday."
    statement = only(statements(text), "The budget will balance")
    assert statement.speaker == "Omar Feld" and statement.cue == "said"


def test_signed_quotes_take_the_name_after_the_dash_and_do_not_lend_it_to_the_next_quote(statements):
    text = (
        "Readers wrote to us about the bridge closure.\n"
        "“The detour adds an hour to my commute every single day and nobody has explained why.”― Linda Porter\u00a0\n"
        "“We were promised the bridge would reopen in May, and now they are talking about next year.” ―\u00a0Karen Mitchell\n"
        "“Nobody in this city has ever asked the people who live by the river what they actually need.”\n"
    )
    found = statements(text)
    assert only(found, "detour adds an hour").speaker == "Linda Porter"
    assert only(found, "promised the bridge").speaker == "Karen Mitchell"
    assert only(found, "Nobody in this city").speaker is None


def test_a_quote_introduced_by_a_colon_or_according_to_is_its_introducers(statements):
    text = (
        "Talk-radio host Victor Lamb spoke about the debate on Tuesday.\n\n"
        "Lamb continued: “The moderators decided before the night began who would win, and it showed.”\n\n"
        "According to Lamb, “the second debate will be worse for everyone who watches it at home.”"
    )
    found = statements(text)
    assert only(found, "moderators decided").speaker == "Victor Lamb"
    assert only(found, "second debate will be worse").speaker == "Victor Lamb"


def test_a_comment_set_off_after_the_content_is_not_part_of_it(statements):
    text = (
        "Senator Ada Brennan acknowledged the risk of coastal flooding, which makes her an outlier in her party.\n\n"
        "Mayor Tomas Reyes told the council that the harbour would reopen in May, adding that the dredging was paid for."
    )
    found = statements(text)
    assert only(found, "risk of coastal flooding").content == "the risk of coastal flooding"
    assert only(found, "harbour would reopen").content == "that the harbour would reopen in May"


def test_a_prepositional_content_starts_after_its_preposition(statements):
    text = "Governor Ellen Marsh called for an end to the toll on the coastal highway."
    assert only(statements(text), "an end to the toll").content == "an end to the toll on the coastal highway"


def test_a_speaker_span_does_not_reach_back_over_a_line_break(statements):
    text = "Live updates from the count.\n\n9:40 p.m.\n\nCounty clerk Mara Jensen said the last ballots would be counted by midnight."
    statement = only(statements(text), "last ballots")
    assert statement.speaker_text == "County clerk Mara Jensen" and statement.speaker == "Mara Jensen"


def test_an_as_x_reported_aside_reports_the_clause_it_sits_in(statements):
    text = (
        "As The Valley Courier reported, the county will close two of its five libraries next spring.\n\n"
        "But as Councilwoman Tara Venn noted, the budget vote is still weeks away.\n\n"
        "The library board met on Tuesday as the snow began to fall."
    )
    found = statements(text)
    reported = only(found, "two of its five libraries")
    assert reported.content == "the county will close two of its five libraries next spring"
    assert (reported.speaker, reported.cue) == ("Valley Courier", "reported")
    noted = only(found, "budget vote")
    assert noted.content == "the budget vote is still weeks away"
    assert noted.speaker == "Tara Venn"
    assert not [s for s in found if "snow" in s.content or "board met" in s.content]


def test_pointing_or_referring_to_something_attributes_what_is_pointed_at(statements):
    text = (
        "Councilwoman Tara Venn pointed to the county's growing debt.\n\n"
        "“Nobody reacted in time,” Venn said, referring to the flooding in the lower town.\n\n"
        "The river rose to its highest level in a decade."
    )
    found = statements(text)
    pointed = only(found, "growing debt")
    assert (pointed.speaker, pointed.cue) == ("Tara Venn", "pointed")
    referring = only(found, "flooding")
    assert (referring.speaker_text, referring.cue) == ("Venn", "referring")
    assert not [s for s in found if "highest level" in s.content]


def test_a_participle_added_inside_a_split_quote_is_its_own_statement(statements):
    text = (
        "Ines Valdara, the harbour master, spoke after the storm.\n\n"
        "“The breakwater held for six hours,” Valdara said, adding that “the ferries will sail again on Friday.”\n\n"
        "“We rebuilt the pier in a week,” she said, emphasizing how quickly the volunteers of Port Selwyn worked, "
        "“and nobody was hurt.”"
    )
    found = statements(text)
    held = only(found, "breakwater held")
    assert "ferries" not in held.content and held.speaker.endswith("Valdara")
    added = only(found, "ferries will sail")
    assert added.cue == "adding" and added.speaker.endswith("Valdara")
    emphasizing = [s for s in found if s.cue == "emphasizing"]
    assert [s.content for s in emphasizing] == ["how quickly the volunteers of Port Selwyn worked"]
    assert emphasizing[0].speaker.endswith("Valdara")
    assert "nobody was hurt" in only(found, "rebuilt the pier").content


def test_a_verb_the_tagger_takes_for_a_noun_keeps_its_subject_as_speaker(statements):
    text = "Councillor Bram Oduya visited the depot. But Oduya claims that the new buses were never tested in snow."
    claim = only(statements(text), "never tested in snow")
    assert claim.speaker.endswith("Bram Oduya") and claim.cue == "claims"


def test_a_headline_colon_after_a_document_or_a_name_from_the_article_is_attributed(statements):
    text = (
        "Poll: Voters in Marlow County Turn Against the Toll Road.\n\n"
        "Quarrin: Toll Road Plan Will Not Survive the Winter.\n\n"
        "Update: the meeting moved to Thursday.\n\n"
        "Mayor Dessa Quarrin spoke to the Marlow Gazette on Monday about the survey of 900 residents."
    )
    found = statements(text)
    assert only(found, "Turn Against the Toll Road").speaker == "Poll"
    assert only(found, "Will Not Survive").speaker == "Dessa Quarrin"
    assert not [s for s in found if "meeting moved" in s.content]


def test_namesakes_keep_their_own_names_and_a_bare_surname_goes_to_the_one_introduced_first(statements):
    text = (
        "Former President Bill Harlan campaigned in Ohio for his wife, Senator Mara Harlan, on Monday. "
        "Mara Harlan told supporters the race was close. "
        "Bill Harlan said voters would decide. Harlan said the debate would matter."
    )
    found = statements(text)
    assert only(found, "voters would decide").speaker == "Bill Harlan"
    assert only(found, "race was close").speaker == "Mara Harlan"
    assert only(found, "debate would matter").speaker == "Bill Harlan"


def test_an_infinitive_after_an_adjective_shares_the_subject_of_its_copula(statements):
    text = "Governor Lena Ostrova was able to repeatedly tout her record on road repairs at the county fair."
    assert only(statements(text), "her record on road repairs").speaker == "Lena Ostrova"


def test_an_honorific_picks_the_namesake_of_its_gender(statements):
    text = (
        "Mary Okafor and her husband, John Okafor, run the Lakeside Bakery. Mary Okafor opened it in 2009, "
        "and Mary Okafor still bakes every morning. Mr. Okafor said the rent had doubled."
    )
    assert only(statements(text), "rent had doubled").speaker == "John Okafor"


def test_a_cue_set_in_the_middle_of_its_clause_reports_the_whole_clause(statements):
    text = (
        "Kestrel Mills was a giant, Mr. Tarrow said, until it went bankrupt in 1999.\n\n"
        "The difference now, Dana Ruelle told me on Friday, is that she runs the whole agency.\n\n"
        "The depot will close, the council said."
    )
    found = statements(text)
    giant = only(found, "Kestrel Mills was a giant")
    assert giant.content.endswith("until it went bankrupt in 1999") and giant.speaker.endswith("Tarrow")
    difference = only(found, "The difference now")
    assert difference.content.endswith("she runs the whole agency") and difference.speaker == "Dana Ruelle"
    assert only(found, "depot").content == "The depot will close"


def test_an_infinitive_list_the_parse_splits_from_its_cue_stays_one_content(statements):
    text = "Governor Ilse Ames wants to triple the size of the ranger program, grow the park service and create a new reserve."
    wanted = only(statements(text), "triple the size")
    assert wanted.content == "to triple the size of the ranger program, grow the park service and create a new reserve"


def test_a_transcript_quoted_whole_gives_each_speaker_line_its_speaker(statements):
    text = (
        "The Valley Courier printed the exchange from Sunday's radio debate.\n\n"
        '"HOLLAND: Well, the real question is why the council waited three years to fix the bridge over the Tamsin river.\n\n'
        '"MBEKI: Do you really think the council could have paid for it any sooner than it did?\n\n'
        '"HOLLAND: Yes, and I said so at every meeting."'
    )
    found = statements(text)
    assert only(found, "waited three years").speaker == "HOLLAND"
    assert only(found, "paid for it any sooner").speaker == "MBEKI"
    assert not [s for s in found if s.speaker is None and "waited three years" in s.content]


def test_as_x_put_it_reports_the_quote_or_clause_it_introduces(statements):
    text = (
        'As Dana Ruelle, a tax lawyer in Marlow, recently put it, "Did the county lower its own rates?"\n\n'
        "As Ms. Ruelle put it in a statement, the county cannot afford a second bridge.\n\n"
        "The clerk put it on the agenda for Tuesday."
    )
    found = statements(text)
    assert only(found, "lower its own rates").speaker == "Dana Ruelle"
    assert only(found, "second bridge").content == "the county cannot afford a second bridge"
    assert not [s for s in found if "agenda" in s.content]


def test_a_cue_word_inside_a_second_that_clause_does_not_cut_the_content(statements):
    text = (
        "Economists at Marlow College agreed that the levy would raise taxes on the rich but that it would add "
        "so many new rules that it would mostly help tax lawyers.\n\n"
        "Mayor Ilse Ames said the bridge would reopen in May and warned that the ferry would stop running.\n\n"
        "Governor Bo Reyes said he would order a review of the dams and warned against cutting the flood budget."
    )
    found = statements(text)
    assert only(found, "review of the dams").content == "he would order a review of the dams"
    agreed = only(found, "raise taxes on the rich")
    assert agreed.content.endswith("it would mostly help tax lawyers")
    assert only(found, "reopen in May").content == "the bridge would reopen in May"
    assert only(found, "ferry would stop").cue == "warned"


def test_a_poll_a_clause_is_set_in_reports_that_clause(statements):
    text = (
        "In a Marlow Gazette poll last month, Mayor Ilse Ames had a 10-point lead.\n\n"
        "In a statement, the council said the bridge was safe.\n\n"
        "In the house on Elm Street, the family keeps three dogs.\n\n"
        "Mayor Ilse Ames, who leads in the polls, visited the port."
    )
    found = statements(text)
    lead = only(found, "10-point lead")
    assert lead.content == "Mayor Ilse Ames had a 10-point lead" and lead.cue == "In" and "Gazette" in lead.speaker
    assert only(found, "bridge was safe").cue == "said"
    assert not [s for s in found if "dogs" in s.content or "who leads" in s.content]


def test_a_statement_a_clause_is_set_in_carries_its_subjects_words(statements):
    text = (
        "In a statement, the ferry workers' union welcomed the court ruling.\n\n"
        "In a harbour office statement, Mayor Ilse Ames condemned the strike as reckless."
    )
    found = statements(text)
    assert only(found, "court ruling").speaker_text == "the ferry workers' union"
    condemned = only(found, "reckless")
    assert (condemned.speaker, condemned.cue) == ("Ilse Ames", "condemned")


def test_a_quote_that_finishes_its_cue_clause_after_a_colon_is_one_mixed_statement(statements):
    text = (
        'Mayor Ilse Ames said she has the essential quality for the job: "Steadiness, and mixed with strength."\n\n'
        'Ames said: "We will rebuild the bridge by May."\n\n'
        "Ames added that most of the vote seems more against Reyes than for her, which is a problem because, "
        "“In the end, we don’t vote against somebody. We vote for somebody.”"
    )
    found = statements(text)
    added = only(found, "vote for somebody")
    assert added.content.startswith("that most of the vote") and added.cue == "added"
    mixed = only(found, "Steadiness")
    assert mixed.content == 'she has the essential quality for the job: "Steadiness, and mixed with strength."'
    assert not mixed.direct and mixed.speaker == "Ilse Ames"
    plain = only(found, "rebuild the bridge")
    assert plain.direct and plain.content == "We will rebuild the bridge by May."


def test_a_closing_mark_typed_for_an_opening_one_at_a_line_start_opens_a_signed_quote(statements):
    text = (
        "Readers of the Marlow Gazette sent us their verdicts on the debate.\n\n"
        "”Fear. I am truly afraid that the toll road will ruin the valley and everyone in it.” ― Carla Mendes\n\n"
        "“The most unqualified council we have ever had.” ― Tomas Reyes"
    )
    assert [text[q.start : q.end] for q in find_quotes(text)][0].startswith("Fear. I am truly afraid")
    assert only(statements(text), "truly afraid").speaker == "Carla Mendes"


def test_a_participle_inside_quote_marks_stays_in_the_content(statements):
    text = "Tomas Reyes said he had fought in the war ''for the nation's rights, knowing that back home we did not have the rights.''"
    said = only(statements(text), "fought in the war")
    assert said.content.startswith("he had fought in the war") and "knowing that back home" in said.content


def test_an_inverted_speaker_after_a_quote_and_a_name_after_a_dateline_are_the_speakers(statements):
    text = (
        "KESTREL CITY -- Mayor Ilse Ames, opening the new ferry terminal on Saturday, said it would carry a million riders a year.\n\n"
        "“The council is in panic mode. Full panic mode,” said Leslie Wimes, a Kestrel City-based organizer of the Riverside Tenants Union."
    )
    found = statements(text)
    assert only(found, "million riders").speaker.endswith("Ames")
    assert only(found, "Full panic mode").speaker == "Leslie Wimes"


def test_a_cue_that_reports_the_clause_after_it_is_not_the_cue_of_the_quote_before_it(statements):
    text = (
        "Reporter Dana Ruelle was told her segment was ''not in line with our editorial policy.'' "
        "The network said it would send Ms. Ruelle to the coast for a better understanding.\n\n"
        "“We will rebuild the pier,” Mayor Ilse Ames said."
    )
    found = statements(text)
    sent = only(found, "send Ms. Ruelle")
    assert sent.content == "it would send Ms. Ruelle to the coast for a better understanding" and sent.cue == "said"
    assert only(found, "rebuild the pier").speaker.endswith("Ames")


def test_a_cue_followed_by_a_comment_and_a_dashed_apposition_still_voices_the_quote_before_it(statements):
    text = (
        "''Who kept the harbour open that winter?'' Mayor Ilse Ames asked, repeating a charge - that the board "
        "had closed it for a month - that she made at the council meeting."
    )
    asked = only(statements(text), "Who kept the harbour open")
    assert (asked.speaker, asked.cue) == ("Ilse Ames", "asked")


def test_a_quote_ending_a_sentence_is_not_voiced_by_a_report_whose_clause_ends_in_another_quote(statements):
    text = (
        'The harbour board accused the mayor of "reckless spending." Councillor Ana Ruiz said the ferry budget '
        'is "out of control." Valdara replied that the council should "stop its games."'
    )
    found = statements(text)
    said = only(found, "out of control")
    assert said.content == 'the ferry budget is "out of control."' and said.speaker == "Ana Ruiz"  # a councillor's title is not her name
    assert only(found, "stop its games").content == 'that the council should "stop its games."'
    assert not any("reckless spending" in s.content and s.speaker.endswith(("Ana Ruiz", "Valdara")) for s in found)


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Senator Marta Quell has been critical of the harbour deal since March.", "the harbour deal", "Marta Quell"),
        ("Many dairy farmers are afraid that the new dam will flood their fields.", "that the new dam will flood their fields", "farmers"),
        ("The union leaders were skeptical of the pay offer.", "the pay offer", "union leaders"),
        ("With local leaders increasingly worried about the budget gap, the governor called a meeting.", "the budget gap", "local leaders"),
    ],
)
def test_an_adjective_with_a_clause_or_object_states_its_subjects_attitude(statements, text, content, speaker):
    statement = only(statements(text), content)
    assert statement.content == content and speaker in statement.speaker


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Fishermen were frustrated that the port authority closed the harbour for a week.", "closed the harbour", "Fishermen"),
        ("Parents are worried that the new bus routes skip the school.", "new bus routes", "Parents"),
        ("Several councillors were incensed that the mayor signed the deal in private.", "signed the deal", "Several councillors"),
    ],
)
def test_a_feeling_in_the_passive_is_held_by_its_subject(statements, text, content, speaker):
    statement = only(statements(text), content)
    assert statement.speaker_text == speaker


def test_an_intention_noun_with_an_infinitive_is_its_owners_statement(statements):
    text = "Mayor Ilse Duran's promise to rebuild the pier won her the election."
    promise = only(statements(text), "rebuild the pier")
    assert (promise.cue, promise.content, promise.speaker) == ("promise", "to rebuild the pier", "Ilse Duran")


def test_railing_or_voting_against_something_attributes_what_is_opposed(statements):
    statement = only(statements("Councillor Ada Brenn railed against the new parking fees on Monday."), "parking fees")
    assert (statement.content, statement.speaker) == ("the new parking fees", "Ada Brenn")


def test_according_to_parsed_as_the_root_still_reports_what_follows_its_comma(statements):
    statement = only(statements("According to retired county judge Anna Berg, the ruling reeks of “politics” and haste."), "ruling")
    assert (statement.content, statement.speaker) == ("the ruling reeks of “politics” and haste", "Anna Berg")


def test_a_claim_owned_by_his_or_her_is_the_named_persons_statement(statements):
    text = "Councillor Jon Berg spoke at the harbour on Monday. His claim that the pier was unsafe angered the fishermen."
    claim = only(statements(text), "pier was unsafe")
    assert (claim.speaker_text, claim.speaker) == ("His", "Jon Berg")


def test_a_clause_set_off_before_an_inverted_said_is_its_content_even_when_it_reports(statements):
    text = "Harbour officials felt uneasy about the new tariff because it could drive ferries away, said Lena Okafor, the port director."
    statement = only(statements(text), "felt uneasy")
    assert statement.cue == "said" and statement.speaker == "Lena Okafor"
    assert statement.content == "Harbour officials felt uneasy about the new tariff because it could drive ferries away"


def test_a_clause_before_a_semicolon_is_not_what_the_cue_after_it_reports(statements):
    text = "The vote is unlikely to pass; the council's spokesman says members will meet again next month."
    found = statements(text)
    statement = only(found, "members will meet")
    assert statement.cue == "says" and statement.content == "members will meet again next month"
    assert not any("unlikely" in s.content for s in found)


def test_a_content_that_opens_a_quote_runs_on_to_its_close(statements):
    text = 'Governor Ada Lind called the bridge a "shining example in a decade when so many projects fail."'
    statement = only(statements(text), "shining example")
    assert statement.cue == "called" and statement.speaker == "Ada Lind"
    assert statement.content == 'the bridge a "shining example in a decade when so many projects fail."'


def test_a_participle_tail_with_a_leading_adverb_is_left_out_of_the_content(statements):
    text = "The minister told farmers he would lower the diesel tax, implicitly tying his future to the reform."
    statement = only(statements(text), "diesel tax")
    assert (statement.cue, statement.content) == ("told", "he would lower the diesel tax")


def test_a_cue_inside_its_content_takes_the_clause_the_parse_hangs_from_it(statements):
    statement = only(statements("To understand the old port, the mayor said, one should visit this museum."), "museum")
    assert statement.cue == "said" and statement.speaker_text == "the mayor"
    assert statement.content == "To understand the old port, the mayor said, one should visit this museum"


def test_a_condition_on_the_cues_objects_is_part_of_what_was_said(statements):
    statement = only(statements("Union leaders called the offer an insult if it stands."), "insult")
    assert (statement.cue, statement.content) == ("called", "the offer an insult if it stands")


def test_a_name_given_to_women_and_men_alike_takes_either_pronoun(statements):
    text = (
        "Terry Vance founded the Lakeside Families group after the flood. Mayor Paul Hendry praised the group. "
        "She said the new levee was still too low."
    )
    assert only(statements(text), "levee was still too low").speaker == "Terry Vance"


def test_a_plural_name_is_never_the_person_a_pronoun_stands_for(statements):
    text = (
        "The Obamas said in a statement that they had enjoyed the lake resort. The manager of the resort was less sure. "
        "\u201cWe never saw them there,\u201d he said."
    )
    assert only(statements(text), "enjoyed the lake resort").speaker == "Obamas"
    assert only(statements(text), "never saw them").speaker == "he"


@pytest.mark.parametrize(("said_by", "speaker", "attribution"), [
    ("The Okafor campaign said", "Okafor campaign", "named"),
    ("A senior Okafor adviser said", "senior Okafor adviser", "anonymous"),
    ("His deputy, Lena Marsh, said", "Lena Marsh", "named"),
])
def test_a_name_before_the_speakers_noun_only_says_whose_it_is(statements, said_by, speaker, attribution):
    text = f"Senator Paul Okafor lost the vote. {said_by} the count would be challenged."
    statement = only(statements(text), "count would be challenged")
    assert (statement.speaker, statement.attribution) == (speaker, attribution)


@pytest.mark.parametrize(("text", "content"), [
    # a reported list the parse splits at its commas is one content
    ("The mayor said the reservoir was nearly full, the pumps were working and the roads would reopen by Friday.",
     "the reservoir was nearly full, the pumps were working and the roads would reopen by Friday"),
    # a second report after the comma is not part of it
    ("Officials said the bridge would reopen, engineers said it was unsafe.", "the bridge would reopen"),
])
def test_clauses_of_a_cue_joined_by_commas_are_one_content_unless_one_reports_itself(statements, text, content):
    assert only(statements(text), content).content == content


@pytest.mark.parametrize(("text", "verb", "speaker"), [
    ("The verdict prompted Councillor Ilse Lind to make a speech about the court.", "make", "Councillor Ilse Lind"),
    ("Her aides are pressuring Mr. Okafor to stop attacking her record on housing.", "stop", "Mr. Okafor"),
    ("The mayor spent long hours trying to persuade the council.", "trying", "The mayor"),
    ("The minister promised voters to cut the fuel tax.", "cut", "The minister"),
])
def test_who_does_what_an_infinitive_says_is_the_object_before_it_when_it_can_act(nlp, text, verb, speaker):
    doc = nlp(text)
    found = speaker_of(next(t for t in doc if t.text == verb))
    assert found is not None and found.text == speaker


@pytest.mark.parametrize(("text", "signed"), [
    (  # short quotes one after another on a line, the unsigned short quote after them no speech at all
        "Readers sent us their verdicts on the debate.\n\n"
        "“We will build a wall around the stadium.” ― Carla Ruiz “Maybe we can move the stadium instead.” ― Tom Ortega.\n\n"
        "“Stadiums and walls.” Some readers were less kind.",
        {"wall around the stadium": "Carla Ruiz", "move the stadium": "Tom Ortega"},
    ),
    (  # signatures the tagger does not take for names
        "Readers wrote in after the debate.\n"
        "“The candidates spent the whole night talking past each other and nobody answered the question about rents.” ― Rosalind Okoro\n"
        "“I will vote, but I am not excited about either of them and neither are my neighbours.” ― Dolores Ambit.\n",
        {"talking past each other": "Rosalind Okoro", "not excited": "Dolores Ambit"},
    ),
])
def test_each_signed_quote_belongs_to_its_signer(statements, text, signed):
    found = statements(text)
    assert {fragment: only(found, fragment).speaker for fragment in signed} == signed
    assert not [s for s in found if "Stadiums and walls" in s.content]


def test_a_content_ends_at_its_line_even_when_the_parse_runs_on_into_the_next_line(statements):
    text = "The FBI director said the agency did not recommend prosecution\n___\n10 a.m.\nThe council met again."
    statement = only(statements(text), "did not recommend prosecution")
    assert statement.content.endswith("did not recommend prosecution")


def test_a_report_reads_the_same_after_a_quote_paragraph_as_alone(statements):
    report = "The plant was a juggernaut, Mr. Ruiz said, until it closed."
    alone = only(statements(report), "juggernaut")
    after = only(statements(f"Ms. Avery took over in 1998. \"We were floored.\"\n\n{report}"), "juggernaut")
    assert (after.speaker, after.content) == (alone.speaker, alone.content) == ("Ruiz", report[:-1])


def test_according_to_a_source_the_parse_reads_as_a_clause_still_names_it(statements):
    text = "As a judge on “Star Kitchen,” Mr. Lind repeatedly insulted contestants with crude language, according to show insiders."
    statement = only(statements(text), "insulted contestants")
    assert (statement.cue, statement.speaker) == ("according to", "show insiders")


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    (  # the previous voice goes on after its report, however long the speaker's description
        "“The flood changed how this town sees itself and I never expected that,” said Rev. Ann Lowell, then senior "
        "pastor at the Riverside Baptist Church in Fort Worth, Texas.\n\n"
        "“People came from three counties to fill sandbags. Nobody asked who they had voted for.”",
        "fill sandbags", "Ann Lowell",
    ),
    (  # a quote after a colon is the subject's before it, not the last speaker's
        "“The council worked for ten years to get the levee funded and we will not start over,” Mayor Ilse Ames said.\n\n"
        "Tomas Lind gave a snappy retort: “Nobody is tearing the levee down. We are going to build it higher.”",
        "tearing the levee down", "Tomas Lind",
    ),
    (  # any report voices the quote after it, not only a speech verb
        "The mill grew fast under Ms. Avery. Her former partner, Tomas R. Lindqvist, called her a genius at closing "
        "deals nobody else could close. \"She found money where everyone else saw debts and closed deals other people could not.\"",
        "found money", "Tomas R. Lindqvist",
    ),
    (  # a quote from someone's post is theirs, not the last speaker's
        "Aides say the governor will tour the valley. From Brandt's Facebook post: "
        "\"We will rebuild every house that the river took from us, and we will start tomorrow morning.\"",
        "rebuild every house", "Brandt",
    ),
])
def test_a_quote_without_a_cue_takes_the_voice_its_sentence_or_the_report_before_gives(statements, text, fragment, speaker):
    assert only(statements(text), fragment).speaker == speaker


def test_calling_for_someone_to_act_reports_who_should_do_what(statements):
    statement = only(statements("Senator Ilse Ames is calling for some of her rivals to drop out of the race."), "drop out")
    assert (statement.cue, statement.speaker) == ("calling", "Ilse Ames")
    assert statement.content == "some of her rivals to drop out of the race"


def test_a_report_of_its_own_set_off_after_a_content_is_a_statement_of_its_own(statements):
    text = ("Four in 10 residents said the harbour would be worse off in ten years, while nine in 10 said "
            "they thought the council favours the developers.")
    found = statements(text)
    assert "nine in 10" not in only(found, "harbour would be worse").content
    assert only(found, "favours the developers").speaker == "nine in 10"


@pytest.mark.parametrize(("text", "content"), [
    ("The director told his staff never to speak of the server.", "his staff never to speak of the server"),
    ("The mayor asked residents to stay indoors until the water falls.", "residents to stay indoors until the water falls"),
])
def test_telling_or_asking_someone_to_act_reports_whom_and_what(statements, text, content):
    assert only(statements(text), content).content == content


@pytest.mark.parametrize(("text", "cue"), [
    ("Moscow has not commented on that claim.", "not commented"),
    ("The ministry didn't say when the bridge would reopen.", "not say"),
    ("The union pointed out that the mine had closed twice.", "pointed out"),
])
def test_a_cue_keeps_its_negation_and_particle(statements, text, cue):
    [statement] = statements(text)
    assert statement.cue == cue


def test_a_named_report_is_the_name_s_not_who_seizes_on_it(statements):
    text = "Mayor Tom Adair seized on a Harbor Ledger report that the pier contract had gone to his rival's brother."
    statement = only(statements(text), "pier contract")
    assert (statement.cue, statement.speaker) == ("report", "Harbor Ledger")


def test_a_quoted_show_name_before_a_report_is_not_what_was_said(statements):
    text = "On Sunday's broadcast of “Harbor Week,” Governor Lena Brandt said the bridge would reopen in May."
    statement = only(statements(text), "bridge would reopen")
    assert statement.content == "the bridge would reopen in May" and statement.speaker == "Lena Brandt"
    assert not any("Harbor Week" in s.content for s in statements(text))


def test_manner_of_speaking_verbs_voice_their_quotes(statements):
    text = ("A crowd gathered at the harbour gates on Monday.\n\n"
            "“They sold the harbour,” a dock worker shouted, using an expletive to describe the council.\n\n"
            "At the rally, the mayor was heard yelling: “Get him out of here right now, all of you!”")
    found = statements(text)
    assert (only(found, "sold the harbour").speaker, only(found, "sold the harbour").cue) == ("dock worker", "shouted")
    assert (only(found, "Get him out").speaker, only(found, "Get him out").cue) == ("mayor", "yelling")


@pytest.mark.parametrize("noun", ["contention", "complaint", "testimony", "conclusion"])
def test_speech_nouns_with_a_that_clause_carry_statements(statements, noun):
    text = f"The union's {noun} that the dam was unsafe drew little support from engineers."
    statement = only(statements(text), "the dam was unsafe")
    assert (statement.cue, statement.speaker, statement.content) == (noun, "union", "that the dam was unsafe")
