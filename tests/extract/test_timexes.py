"""Time expressions: spans and TIMEX3 values anchored on the publication date."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.timexes import find_timexes
from newsgraph.model import Timex

PUBLISHED = date(2017, 1, 7)  # a Saturday


def values(parse, text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(parse(text), published)}


def only(parse, text: str, published: date | None = PUBLISHED) -> Timex:
    found = find_timexes(parse(text), published)
    assert len(found) == 1, found
    return found[0]


def test_absolute_dates(parse) -> None:
    found = values(parse, "Relations froze in November 2015 and thawed in 2016 after the coup of July 15, 2016.")
    assert found == {"November 2015": "2015-11", "2016": "2016", "July 15, 2016": "2016-07-15"}


def test_last_month_name_is_the_previous_one(parse) -> None:
    assert values(parse, "The gunman entered Turkey last July.") == {"last July": "2016-07"}


def test_holiday_is_the_most_recent_one(parse) -> None:
    assert values(parse, "The attack happened on New Year's Eve.") == {"New Year's Eve": "2016-12-31"}


def test_ago_counts_back_from_publication(parse) -> None:
    assert values(parse, "Three months ago, the two sides agreed.") == {"Three months ago": "2016-10"}


def test_today_is_the_publication_date(parse) -> None:
    timex = only(parse, "Today, the embassy remains closed.")
    assert (timex.value, timex.anchor) == ("2017-01-07", "2017-01-07")


def test_past_week_is_a_range_ending_at_publication(parse) -> None:
    timex = only(parse, "Police detained 300 people over the past week.")
    assert (timex.text, timex.type, timex.value) == ("the past week", "DURATION", "2016-12-31/2017-01-07")


def test_past_year_is_the_previous_calendar_year(parse) -> None:
    timex = only(parse, "Ferry fares at Dunmore Quay rose sharply over the past year.")
    assert (timex.text, timex.type, timex.value) == ("the past year", "DATE", "2016")


def test_between_years_marks_each_year(parse) -> None:
    assert values(parse, "Between 2011 and 2016, millions crossed the border.") == {"2011": "2011", "2016": "2016"}


def test_since_marks_the_start_date_alone(parse) -> None:
    timexes = find_timexes(parse("The camp has stood since 1994 near the river."), PUBLISHED)
    assert [(t.text, t.type, t.value) for t in timexes] == [("1994", "DATE", "1994")]


def test_from_to_marks_each_day(parse) -> None:
    found = values(parse, "The checkpoint was shut from Aug. 26 to Oct. 20.")
    assert found == {"Aug. 26": "2016-08-26", "Oct. 20": "2016-10-20"}


def test_year_span_with_hyphen_stays_an_interval(parse) -> None:
    assert values(parse, "The 2015-16 season drew record crowds.") == {"2015-16": "2015/2016"}


def test_past_twenty_years_is_a_duration(parse) -> None:
    timex = only(parse, "He has ruled the country for the past 20 years.")
    assert (timex.type, timex.value) == ("DURATION", "P20Y")


def test_daily_is_a_set(parse) -> None:
    timex = only(parse, "The ferry runs daily.")
    assert (timex.type, timex.value) == ("SET", "P1D")


def test_weekday_is_past_by_default_and_future_after_will(parse) -> None:
    assert values(parse, "The minister resigned on Monday.") == {"Monday": "2017-01-02"}
    assert values(parse, "The minister will travel to Moscow on Monday.") == {"Monday": "2017-01-09"}


def test_weekday_without_tense_is_the_nearer_one(parse) -> None:
    found = values(parse, "Harbour workers in Velden and the port board meet separately Monday with the mediator.")
    assert found == {"Monday": "2017-01-09"}  # two days ahead of the Saturday, not five back


def test_a_plan_told_in_the_past_perfect_is_past(parse) -> None:
    found = values(parse, "The Larkfield bid had been due to expire Friday evening.")
    assert found == {"Friday evening": "2017-01-06TEV"}
    found = values(parse, "The Ostrava strike may have cost the mill a week of output on Wednesday.")
    assert found["Wednesday"] == "2017-01-04"


def test_month_after_expected_is_in_the_future(parse) -> None:
    published = date(2018, 3, 15)
    assert values(parse, "The missiles are expected to arrive in September.", published) == {"September": "2018-09"}


def test_without_publication_date_relative_values_keep_xs(parse) -> None:
    found = values(parse, "Protests began last July and the treaty was signed on Monday in 1987.", None)
    assert found == {"last July": "XXXX-07", "Monday": "XXXX-WXX-1", "1987": "1987"}


def test_next_day_counts_from_the_date_before_it(parse) -> None:
    found = values(parse, "The minister will arrive on Monday. He meets his counterpart the next day.")
    assert found == {"Monday": "2017-01-09", "the next day": "2017-01-10"}


def test_clock_time_takes_the_day_of_its_sentence(parse) -> None:
    found = values(parse, "The gunman opened fire at 1:15 a.m. on New Year's Day.")
    assert found == {"1:15 a.m.": "2017-01-01T01:15", "New Year's Day": "2017-01-01"}


def test_modifiers_are_kept(parse) -> None:
    timex = only(parse, "He lived there for more than two years.")
    assert (timex.text, timex.value, timex.mod) == ("more than two years", "P2Y", "MORE_THAN")


def test_ages_and_the_verb_may_are_not_time_expressions(parse) -> None:
    assert values(parse, "The 37-year-old suspect may face trial.") == {}


def test_offsets_point_at_the_text(parse) -> None:
    doc = parse("Erdogan spoke to Putin on Wednesday, two days after the vote in late 2016.")
    for timex in find_timexes(doc, PUBLISHED):
        assert doc.text[timex.start:timex.end] == timex.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -/.,:'") + ["May ", "Monday ", "last ", "since ",
                                                                      "between ", "and ", "ago ", "the past "]),
               max_size=30).map("".join))
def test_never_raises(parse, text: str) -> None:
    find_timexes(parse(text), PUBLISHED)
    find_timexes(parse(text), None)


def test_fiscal_quarters_without_article_and_hyphenated(parse) -> None:
    found = values(parse, "Third-quarter profit rose, and fourth quarter sales will follow.", date(2016, 10, 28))
    assert found == {"Third-quarter": "2016-Q3", "fourth quarter": "2016-Q4"}


def test_the_quarter_refers_to_the_last_one_mentioned_and_year_ago_goes_back_a_year(parse) -> None:
    text = "Profit rose in the second quarter. The quarter was strong, better than the year-ago quarter."
    found = values(parse, text, date(2016, 10, 28))
    assert (found["The quarter"], found["the year-ago quarter"]) == ("2016-Q2", "2015-Q2")


def test_the_latest_quarter_is_the_last_one_ended(parse) -> None:
    assert values(parse, "Sales fell in the latest quarter.", date(2016, 10, 28)) == {"the latest quarter": "2016-Q3"}


def test_day_weeks_ahead_is_the_coming_one_even_after_a_past_verb(parse) -> None:
    found = values(parse, "The board extended the offer to Jan. 20 and said the dividend was payable Feb. 15.")
    assert found == {"Jan. 20": "2017-01-20", "Feb. 15": "2017-02-15"}


def test_day_months_ahead_is_the_past_one(parse) -> None:
    assert values(parse, "The plant closed on Aug. 9.") == {"Aug. 9": "2016-08-09"}


def test_year_ago_in_a_quarterly_report_is_the_same_quarter(parse) -> None:
    text = "Orlen Tools said fourth-quarter profit rose to $4 million from $3 million a year ago, and sales rose 5% from a year earlier."
    found = values(parse, text, date(2017, 1, 20))
    assert found == {"fourth-quarter": "2016-Q4", "a year ago": "2015-Q4", "a year earlier": "2015-Q4"}


def test_weekday_before_a_date_belongs_to_it(parse) -> None:
    assert values(parse, "The council met on Tuesday, Jan. 3, to vote.") == {"Tuesday, Jan. 3": "2017-01-03"}


def test_thanksgiving_is_the_fourth_thursday_of_november(parse) -> None:
    assert values(parse, "The boy was found on Thanksgiving Day.") == {"Thanksgiving Day": "2016-11-24"}


def test_current_and_the_past_are_references(parse) -> None:
    found = values(parse, "In the past, the current mayor opposed the plan. The current account deficit grew.")
    assert found == {"the past": "PAST_REF", "current": "PRESENT_REF"}


def test_clock_time_with_its_day_is_one_expression(parse) -> None:
    found = find_timexes(parse("The ultimatum will expire at 6 p.m. EST Monday, officials said."), PUBLISHED)
    assert [(t.text, t.type, t.value) for t in found] == [("6 p.m. EST Monday", "TIME", "2017-01-09T18:00")]


def test_month_of_last_year(parse) -> None:
    assert values(parse, "The mill closed in July last year.") == {"July last year": "2016-07"}


def test_quarter_with_its_year_before_it(parse) -> None:
    found = values(parse, "It lost money in the 2015 second quarter and expects a profit in next year's first quarter.")
    assert found == {"the 2015 second quarter": "2015-Q2", "next year's first quarter": "2018-Q1"}


def test_year_earlier_before_a_noun_and_fiscal_year(parse) -> None:
    text = "Fourth-quarter sales beat year-earlier levels. The year-ago quarter was weak. Fiscal 2016 ended in June."
    found = values(parse, text, date(2017, 1, 20))
    assert found == {"Fourth-quarter": "2016-Q4", "year-earlier": "2015-Q4", "The year-ago quarter": "2015-Q4", "Fiscal 2016": "2016",
                     "June": "2016-06"}


def test_years_said_in_words_are_years(parse) -> None:
    found = values(parse, "The dam was finished in nineteen ninety-one and flooded in January nineteen ninety-seven.")
    assert found == {"nineteen ninety-one": "1991", "January nineteen ninety-seven": "1997-01"}


def test_a_couple_of_years_is_two(parse) -> None:
    assert values(parse, "The ferry will run for the next couple of years.") == {"the next couple of years": "P2Y"}


def test_early_summer_is_the_season_with_its_year(parse) -> None:
    timex = only(parse, "The harvest failed in early summer.", date(2017, 10, 4))
    assert (timex.text, timex.value, timex.mod) == ("early summer", "2017-SU", "START")


def test_quarterly_alone_is_not_a_time_expression(parse) -> None:
    assert values(parse, "The cooperative pays a quarterly dividend to its members.") == {}


def test_the_coming_months_and_the_near_term_lie_ahead(parse) -> None:
    found = values(parse, "Prices should ease in the coming months, though the near term looks hard.")
    assert found == {"coming months": "FUTURE_REF", "the near term": "FUTURE_REF"}


def test_near_term_debt_is_not_a_time(parse) -> None:
    assert values(parse, "The mill repaid its short-term debt and its near term notes.") == {}


def test_a_second_witness_is_not_a_second(parse) -> None:
    assert values(parse, "A second witness told the court the same story.") == {}


def test_the_quarter_is_the_last_quarter_named_even_after_a_date(parse) -> None:
    text = ("Bravo Mills earned $5 million in the fiscal first quarter. Orders had slowed by Sept. 29, "
            "the company said. Costs in the quarter fell by a tenth.")
    timexes = find_timexes(parse(text), date(2017, 10, 26))
    assert [(t.text, t.value) for t in timexes] == [
        ("the fiscal first quarter", "2017-Q1"), ("Sept. 29", "2017-09-29"), ("the quarter", "2017-Q1")]


def test_the_year_period_is_that_year_s_quarter_and_leaves_the_report_s_quarter(parse) -> None:
    text = ("Bravo Mills earned $5 million in the fiscal first quarter. In the 2016 period it lost $2 million. "
            "Costs in the quarter fell.")
    timexes = find_timexes(parse(text), date(2017, 10, 26))
    assert [(t.text, t.value) for t in timexes] == [
        ("the fiscal first quarter", "2017-Q1"), ("the 2016 period", "2016-Q1"), ("the quarter", "2017-Q1")]


def test_a_half_unit_adds_to_the_duration(parse) -> None:
    found = values(parse, "The Brenmoor ferry crossing took 5 1/2 hours, and unloading took a minute and a half.")
    assert found == {"5 1/2 hours": "PT5H30M", "a minute and a half": "PT1M30S"}


def test_an_ordinal_century_is_its_first_two_digits(parse) -> None:
    found = values(parse, "The Kelderby chapel dates from the 11th century.")
    assert found == {"the 11th century": "10"}


def test_this_century_is_the_century_so_far(parse) -> None:
    timex = only(parse, "It was the worst flood on the Arlen river this century.")
    assert (timex.type, timex.value) == ("DURATION", "P100Y")


def test_a_month_a_past_verb_happened_in_is_the_past_one_even_when_the_next_is_near(parse) -> None:
    found = values(parse, "Harlow Foods bought the Brenmoor bakery in February. Its dividend is payable Feb. 1.",
                   date(2017, 10, 30))
    assert found == {"February": "2017-02", "Feb. 1": "2018-02-01"}


def test_a_plan_in_the_past_tense_dates_what_it_planned_not_itself(parse) -> None:
    found = values(parse, "The Arlen council set Friday as the deadline. Its team planned to leave on Thursday.",
                   date(2017, 1, 4))  # a Wednesday
    assert found == {"Friday": "2016-12-30", "Thursday": "2017-01-05"}


def test_a_forecast_quarter_does_not_become_the_report_s_quarter(parse) -> None:
    text = ("Bravo Mills earned $5 million in the third quarter. Analysts expect losses through the second quarter "
            "of 2018. In the year-ago period, Bravo Mills earned $7 million.")
    timexes = find_timexes(parse(text), date(2017, 10, 26))
    assert [(t.text, t.value) for t in timexes] == [
        ("the third quarter", "2017-Q3"), ("the second quarter of 2018", "2018-Q2"), ("year-ago period", "2016-Q3")]


def test_the_year_ended_a_date_is_a_year_long_period(parse) -> None:
    found = find_timexes(parse("For the fiscal year ended June 30, Harlow Foods earned $3 million."), PUBLISHED)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the fiscal year", "DURATION", "P1Y"), ("June 30", "DATE", "2016-06-30")]


def test_a_period_that_ended_on_a_date_ended_in_the_past(parse) -> None:
    found = values(parse, "In the quarter ended Nov. 30, Harlow Foods lost money.", date(2017, 11, 20))
    assert found["Nov. 30"] == "2016-11-30"


def test_the_year_that_year_and_the_latest_period(parse) -> None:
    text = ("Harlow Foods earned $5 million in the third quarter, its best for the year. Sales in the latest period "
            "rose. Its founder left in March 2009 and came back later that year.")
    found = values(parse, text, date(2017, 10, 26))
    assert found == {"the third quarter": "2017-Q3", "the year": "2017", "the latest period": "2017-Q3",
                     "March 2009": "2009-03", "that year": "2009"}


def test_the_latest_period_outside_a_results_report_is_not_a_time(parse) -> None:
    assert values(parse, "Fossils from the latest period of the dig were shown.") == {}


def test_the_report_s_quarter_a_year_back(parse) -> None:
    text = ("Bravo Mills lost $2 million in the third quarter, against a profit for the corresponding period last "
            "year. For the quarter a year ago it earned $1 million. Sales for last year's quarter were flat.")
    found = values(parse, text, date(2017, 10, 26))
    assert found == {"the third quarter": "2017-Q3", "the corresponding period last year": "2016-Q3",
                     "the quarter a year ago": "2016-Q3", "last year's quarter": "2016-Q3"}


def test_the_previous_weekday_counts_from_the_day_reported_on(parse) -> None:
    text = "The Arlen index fell 2% on Oct. 27 against the previous Friday."
    assert values(parse, text, date(2017, 10, 31)) == {"Oct. 27": "2017-10-27", "previous Friday": "2017-10-20"}
    text = "The Arlen index fell 2% on Oct. 27 and recovered the following Monday."
    assert values(parse, text, date(2017, 11, 8)) == {"Oct. 27": "2017-10-27", "following Monday": "2017-10-30"}


def test_this_season_is_the_season_of_the_publication_year_even_when_over(parse) -> None:
    found = values(parse, "Brenmoor ferry traffic fell this summer.", date(2017, 11, 1))
    assert found == {"this summer": "2017-SU"}


def test_the_following_month_counts_from_the_month_named_before(parse) -> None:
    found = values(parse, "In March, Harlow Foods got an offer. The following month, it put itself up for sale.",
                   date(2017, 10, 27))
    assert found == {"March": "2017-03", "The following month": "2017-04"}


def test_a_part_of_a_day_takes_the_day_named_or_the_sentence_s(parse) -> None:
    found = values(parse, "The Arlen dam gave way in mid-afternoon yesterday. Crews arrived at midnight Friday.")
    assert found == {"mid-afternoon yesterday": "2017-01-06TAF", "midnight Friday": "2017-01-06T24:00"}
    found = values(parse, "On Jan. 3 the water rose again by late evening.")
    assert found == {"Jan. 3": "2017-01-03", "late evening": "2017-01-03TEV"}


def test_both_years_of_a_pair_are_marked(parse) -> None:
    found = values(parse, "The merger would dilute Harlow earnings by 9% in both 2018 and 2019.")
    assert found == {"2018": "2018", "2019": "2019"}


def test_a_second_a_year_earlier_compares_with_the_same_year(parse) -> None:
    text = ("Harlow Foods sales rose from a year ago. Costs rose too, compared with a year earlier. "
            "Its founder left five years ago. A year later, he came back.")
    timexes = find_timexes(parse(text), date(2017, 10, 26))
    assert [(t.text, t.value) for t in timexes] == [
        ("a year ago", "2016"), ("a year earlier", "2016"), ("five years ago", "2012"), ("A year later", "2013")]


def test_each_month_name_is_a_set(parse) -> None:
    timex = only(parse, "Pilgrims come to the Kelderby chapel each July.")
    assert (timex.text, timex.type, timex.value) == ("each July", "SET", "XXXX-07")


def test_a_title_of_the_year_is_not_a_time(parse) -> None:
    assert values(parse, "Mara Lindqvist was named Brenmoor Person of the Year.") == {}


def test_the_past_decade_or_century_is_the_length_up_to_now(parse) -> None:
    found = values(parse, "Arlen grew more in the past decade than in the past century.")
    assert found == {"the past decade": "P10Y", "past century": "P100Y"}


def test_is_to_marks_the_future(parse) -> None:
    found = values(parse, "Trading in Brenmoor shares is to resume in Paris Tuesday.", date(2017, 10, 27))
    assert found == {"Tuesday": "2017-10-31"}


def test_the_current_and_latest_fiscal_year(parse) -> None:
    text = ("Corvale Pumps expects higher sales in the current fiscal year, after a loss in the latest fiscal year. "
            "It reported on the fiscal year ended June 30.")
    found = values(parse, text, date(2017, 10, 26))
    assert found == {"the current fiscal year": "2017", "the latest fiscal year": "2016", "the fiscal year": "P1Y",
                     "June 30": "2017-06-30"}


def test_the_latest_period_without_a_quarter_named_is_the_last_quarter_ended(parse) -> None:
    text = "Corvale Pumps said sales in the latest period rose 4% from a year earlier."
    assert values(parse, text, date(2017, 11, 2))["the latest period"] == "2017-Q3"


def test_a_possessive_weekday_is_already_past(parse) -> None:
    text = "The Harlow notes convert at a 20% premium over Thursday's closing price."
    assert values(parse, text, date(2017, 10, 30)) == {"Thursday": "2017-10-26"}


def test_year_end_is_the_last_day_of_the_year_and_since_year_end_of_the_year_before(parse) -> None:
    text = "Corvale Pumps hopes to close the sale by year-end. Its shares are up 8% since year-end."
    found = [(t.text, t.value) for t in find_timexes(parse(text), date(2017, 10, 30))]
    assert found == [("year-end", "2017-12-31"), ("year-end", "2016-12-31")]


def test_the_near_future_is_a_vague_future(parse) -> None:
    assert values(parse, "Corvale Pumps plans a share sale in the near future.") == {"the near future": "FUTURE_REF"}


def test_last_with_a_month_and_day_is_that_past_day(parse) -> None:
    text = "Rina Vost, a Harlow Foods clerk, was hurt last Oct. 23 at the plant."
    assert values(parse, text, date(2017, 4, 19)) == {"Oct. 23": "2016-10-23"}


def test_weekday_night_is_the_day_and_evening_keeps_its_part(parse) -> None:
    found = values(parse, "Crews reached the Arlen dam Friday night. The mayor spoke there Thursday evening.")
    assert found == {"Friday night": "2017-01-06", "Thursday evening": "2017-01-05TEV"}


def test_year_ago_after_the_quarter_ended_counts_back_the_quarter(parse) -> None:
    text = "Orla Foods lost $2 million in the third quarter ended Sept. 30. Year-ago results included a gain."
    assert values(parse, text)["Year-ago"] == "2015-Q3"


def test_this_quarter_of_a_past_result_is_the_reported_quarter(parse) -> None:
    text = "Orla Foods lost $2 million in the third quarter. This quarter's loss includes a charge."
    assert values(parse, text)["This quarter"] == "2016-Q3"


def test_this_quarter_ahead_is_the_current_one(parse) -> None:
    text = "Orla Foods lost $2 million in the third quarter. It will open two shops this quarter."
    assert values(parse, text)["this quarter"] == "2017-Q1"


def test_every_quarter_is_a_set(parse) -> None:
    timex = only(parse, "Orla Foods pays its growers every quarter.")
    assert (timex.text, timex.type, timex.value) == ("every quarter", "SET", "P1Q")


def test_first_two_quarters_of_a_year_are_its_first_half(parse) -> None:
    text = "Orla Foods expects losses through the first two quarters of 2018. It lost money in the last two quarters."
    found = values(parse, text)
    assert found["the first two quarters of 2018"] == "2018-H1"
    assert "the last two quarters" not in found


def test_year_comparison_after_nine_months_is_the_year_before(parse) -> None:
    text = ("Orla Foods earned $5 million in the third quarter. "
            "For the nine months, it earned $12 million, up from $9 million a year earlier.")
    assert values(parse, text)["a year earlier"] == "2015"


def test_year_comparison_after_months_ended_a_date_counts_from_that_date(parse) -> None:
    text = "For the six months ended Aug. 12, Orla Foods earned $3 million, against $4 million a year earlier."
    assert values(parse, text)["a year earlier"] == "2015-08-12"


def test_fiscal_quarter_is_of_the_year_it_ended_in(parse) -> None:
    text = "Orla Foods lost money in the second quarter ended Oct. 31. Results for that quarter included a charge."
    found = values(parse, text, date(2017, 10, 27))
    assert (found["the second quarter"], found["that quarter"]) == ("2016-Q2", "2016-Q2")


def test_number_words_written_apart_are_one_number(parse) -> None:
    found = values(parse, "Crews searched for the last twenty four hours and will stay thirty-one more days.")
    assert (found["the last twenty four hours"], found["thirty-one more days"]) == ("PT24H", "P31D")


def test_days_later_count_from_the_date_told_before(parse) -> None:
    text = "The ferry sank on March 3. Three days later, divers found the hull. A day earlier, a storm had passed."
    found = values(parse, text, date(2017, 3, 20))
    assert (found["Three days later"], found["A day earlier"]) == ("2017-03-06", "2017-03-05")


def test_an_earlier_quarter_looked_back_on_leaves_the_report_s_quarter(parse) -> None:
    text = ("Orla Foods earned more in the third quarter. After a weak second quarter, sales recovered. "
            "Costs were higher in the year-earlier period.")
    assert values(parse, text, date(2017, 10, 27))["year-earlier period"] == "2016-Q3"


def test_last_year_compared_with_the_latest_quarter_is_that_quarter_a_year_back(parse) -> None:
    text = ("Orla Foods reported third-quarter results. Sales in the latest quarter rose to $9 million from "
            "$8 million last year. Last year, the company also sold a plant.")
    timexes = find_timexes(parse(text), date(2017, 10, 27))
    assert [t.value for t in timexes if t.text.lower() == "last year"] == ["2016-Q3", "2016"]


def test_the_year_period_after_months_is_that_year(parse) -> None:
    text = ("Orla Foods earned more in the third quarter. "
            "In the first nine months, it earned $12 million, against $9 million in the 2016 period.")
    assert values(parse, text, date(2017, 10, 27))["the 2016 period"] == "2016"


def test_the_quarter_ended_a_date_of_another_calendar_quarter_has_no_number(parse) -> None:
    text = ("Orla Foods earned more in the fiscal first quarter. "
            "Sales for the quarter ended Sept. 30 rose 9%. Costs for the quarter ended Sept. 30 at Bex Inc. fell.")
    found = find_timexes(parse(text), date(2017, 10, 27))
    assert [t.value for t in found if t.text == "the quarter"] == ["2017-QX", "2017-QX"]


def test_the_quarter_ended_the_last_day_of_the_quarter_named_keeps_its_number(parse) -> None:
    text = "Orla Foods earned more in the third quarter. Sales for the quarter ended Sept. 30 rose 9%."
    assert values(parse, text, date(2017, 10, 27))["the quarter"] == "2017-Q3"


def test_the_current_quarter_told_in_the_past_is_the_report_s_quarter(parse) -> None:
    text = "Orla Foods reported a decline in fourth-quarter earnings. Sales in the latest period rose 4%."
    assert values(parse, text, date(2017, 11, 2))["the latest period"] == "2017-Q4"


def test_then_current_is_a_past_reference(parse) -> None:
    found = values(parse, "Holders could buy shares at half the then current price; the current price is higher.")
    assert (found["then current"], found["current"]) == ("PAST_REF", "PRESENT_REF")
