"""The parts a story page is built from: its own days, its map, readable titles."""

from __future__ import annotations

from datetime import date
from importlib import resources

from newsgraph.model import Entity
from newsgraph.report.timeline import event_day, is_confident, is_own_day, story_window
from newsgraph.report.titles import readable_title
from newsgraph.report.world_map import HEIGHT, WIDTH, story_map

PUBLISHED = date(2017, 1, 2)


def test_an_event_keeps_the_precision_of_its_date() -> None:
    assert event_day("2017-01-01T01:15", PUBLISHED) == (date(2017, 1, 1), "day")
    assert event_day("2016-07", PUBLISHED) == (date(2016, 7, 1), "month")
    assert event_day("1984", PUBLISHED) == (date(1984, 1, 1), "year")
    assert event_day("2016-SU", PUBLISHED) == (date(2016, 1, 1), "year")
    assert event_day(None, PUBLISHED) == (PUBLISHED, "day") and event_day("PRESENT_REF", PUBLISHED) == (PUBLISHED, "day")


def test_only_day_dated_events_inside_the_story_window_are_its_own_days() -> None:
    window = story_window(date(2017, 1, 1), date(2017, 1, 3))
    assert is_own_day(date(2016, 12, 31), "day", False, window)  # the night before the first report
    assert not is_own_day(date(1984, 1, 1), "year", False, window)  # "since 1984"
    assert not is_own_day(date(2017, 1, 1), "month", False, window)  # "in January": not drawn on the 1st
    assert not is_own_day(date(2017, 1, 2), "day", True, window)  # marked background by the extractor
    assert not is_own_day(date(2016, 11, 1), "day", False, window)
    assert is_confident(None) and is_confident(0.9) and not is_confident(0.05)


def test_the_map_frames_the_towns_and_shades_the_countries_named() -> None:
    entities = {"istanbul": Entity(id="istanbul", name="Istanbul", type="GPE", country="TR", admin1="TR.34", lat=41.01, lon=28.95),
                "ankara": Entity(id="ankara", name="Ankara", type="GPE", country="TR", admin1="TR.68", lat=39.92, lon=32.85),
                "turkey": Entity(id="turkey", name="Turkey", type="GPE", country="TR", lat=39.5, lon=32.1),
                "nowhere": Entity(id="nowhere", name="Nowhere", type="LOC")}
    drawn = story_map({"istanbul": 5, "ankara": 1, "turkey": 3, "nowhere": 2}, entities)
    assert [d.name for d in drawn.dots] == ["Istanbul", "Ankara"] and drawn.dots[0].r > drawn.dots[1].r
    assert all(0 <= d.x <= WIDTH and 0 <= d.y <= HEIGHT for d in drawn.dots)
    assert sum(s.named for s in drawn.shapes) == 1 and len(drawn.shapes) > 5  # Turkey shaded among its neighbours
    assert drawn.countries == [("turkey", "Turkey", 3)]
    assert story_map({"nowhere": 2}, entities) is None


def test_the_shipped_outlines_stay_small() -> None:
    assert resources.files("newsgraph.data").joinpath("world.json").stat().st_size < 2_000_000


def test_an_untitled_article_reads_by_its_first_words_never_its_path() -> None:
    text = "Police detained two suspects on Sunday after the blast near the harbour, officials said."
    assert readable_title(None, text, "Test Wire", PUBLISHED) == "Police detained two suspects on Sunday after the blast near…"
    assert readable_title("  ", "", "Test Wire", PUBLISHED) == "Test Wire, 2017-01-02"
    assert readable_title("A title", text, None, None) == "A title"
