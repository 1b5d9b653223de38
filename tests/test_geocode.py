"""Offline geocoding: countries, cities with their country, the article's countries as context."""

from __future__ import annotations

from newsgraph.geocode import geocode


def test_a_city_named_alone_gets_its_country_region_and_coordinates():
    place = geocode("Ankara")
    assert place.country == "TR" and place.admin1 == "TR.68"
    assert round(place.lat) == 40 and round(place.lon) == 33


def test_the_most_populous_city_wins_unless_the_article_names_another_country():
    assert geocode("Tripoli").country == "LY"
    assert geocode("Tripoli", {"LB"}).country == "LB"


def test_spelling_variants_and_country_aliases_are_found():
    assert geocode("Kiev").country == "UA"
    assert geocode("Diyarbakir").country == "TR"
    assert geocode("Britain").country == "GB"


def test_an_unknown_name_is_not_placed():
    assert geocode("Xqzzyville") is None
