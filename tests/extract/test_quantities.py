"""Reported numbers: value and bound, what they count, the period, and the statement reporting them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.extract.mentions import find_mentions
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.quantity_values import read_quantity
from newsgraph.extract.statements import find_statements


@pytest.fixture(scope="module")
def extract(parse):
    def run(text: str):
        doc = parse(text)
        statements = find_statements(doc, find_mentions(doc))
        return statements, find_quantities(doc, statements)

    return run


@pytest.mark.parametrize(
    "text, value, bound, unit",
    [
        ("3,359", 3359, None, None),
        ("more than a hundred", 100, "lower", None),
        ("at least a dozen", 12, "lower", None),
        ("3.5 million", 3_500_000, None, None),
        ("$4.5bn", 4_500_000_000, None, "USD"),
        ("less than 20 percent", 20, "upper", "percent"),
        ("twenty-five", 25, None, None),
        ("about 50,000", 50_000, "approximate", None),
        ("Thousands", 1000, "lower", None),
        ("850,000 euros", 850_000, None, "EUR"),
    ],
)
def test_number_phrases_are_read(text, value, bound, unit):
    reading = read_quantity(text)
    assert reading is not None and reading.value == value and reading.bound == bound and reading.unit == unit


def test_words_without_a_number_are_not_quantities():
    assert read_quantity("the") is None and read_quantity("a") is None and read_quantity("") is None


def test_a_reported_figure_has_its_source_period_and_what(extract):
    statements, quantities = extract(
        "According to figures from the Interior Ministry, security forces detained 3,359 suspects in 2016."
    )
    (number,) = quantities
    assert (number.text, number.value, number.what, number.period) == ("3,359", 3359, "suspects", "in 2016")
    assert number.statement == 0 and number.source == statements[0].speaker == "Interior Ministry"


def test_a_period_range_and_a_lower_bound(extract):
    _, quantities = extract(
        "More than 96,000 foreign nationals were granted citizenship between 2011 and 2016, the statistics office said."
    )
    (number,) = quantities
    assert number.value == 96000 and number.bound == "lower"
    assert number.what == "foreign nationals" and number.period == "between 2011 and 2016"


def test_the_date_of_the_report_is_not_the_period_of_the_number(extract):
    _, quantities = extract("The minister said on Monday that 1,200 troops were stationed along the border.")
    (number,) = quantities
    assert number.what == "troops" and number.period is None


def test_dates_years_and_people_called_one_are_not_quantities(extract):
    _, quantities = extract("One of them said the bridge, built in 1998, will open on 12 March 2025.")
    assert quantities == []


def test_money_and_percentages_keep_their_unit(extract):
    _, quantities = extract("Donors pledged 120 million dollars, and prices rose 40 percent.")
    assert [(q.value, q.unit) for q in quantities] == [(120_000_000, "USD"), (40, "percent")]


def test_numbers_outside_statements_have_no_source(extract):
    _, quantities = extract("Thousands of people marched through Tbilisi on Sunday.")
    (number,) = quantities
    assert number.what == "people" and number.bound == "lower" and number.statement is None and number.source is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["3,359", "more than", "a", "hundred", "$", "%", "in 2016", "said", "bn", "-", "0.5", "."]), max_size=30).map(" ".join))
def test_no_text_makes_quantities_raise(parse, text):
    doc = parse(text)
    for quantity in find_quantities(doc, find_statements(doc, find_mentions(doc))):
        assert text[quantity.start : quantity.end] == quantity.text
