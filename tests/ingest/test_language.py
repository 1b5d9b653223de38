"""Language identification: English news is told at a glance, anything else by py3langid."""

from __future__ import annotations

from newsgraph.ingest.language import detect_language, plainly_english

ENGLISH = (
    "The council voted on Tuesday to close the valley schools for a week after the flood, and the mayor said "
    "that the decision was taken with the families in mind. Officials from the water board, which runs the "
    "levees, said they would have the pumps working again by the weekend, though their engineers were less sure."
)
SPANISH_QUOTING_ENGLISH = (
    "El senador habló con la prensa en Washington el martes por la tarde. \"We will not accept the terms of this "
    "deal, and the people of the valley deserve better from their government,\" dijo el senador en inglés. "
    "El gobierno anunció el miércoles que cerrará las escuelas del valle por las inundaciones. El alcalde dijo "
    "que la situación es grave pero está bajo control, y los bomberos trabajaron toda la noche."
)


def test_plain_english_news_is_english_without_the_model() -> None:
    assert plainly_english(ENGLISH) and detect_language(ENGLISH) == "en"


def test_an_article_in_another_language_quoting_english_is_left_to_the_model() -> None:
    assert not plainly_english(SPANISH_QUOTING_ENGLISH)
    assert detect_language(SPANISH_QUOTING_ENGLISH) == "es"


def test_a_short_text_is_left_to_the_model() -> None:
    assert not plainly_english("The mayor said the schools would close.")
    assert detect_language("The mayor said the schools would close.") == "en"
