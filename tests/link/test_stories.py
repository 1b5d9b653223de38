"""Stories: the same happening across outlets joins, look-alikes stay apart, independent of order."""

from __future__ import annotations

import json
import random
import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.link import StoryIndex, link_corpus
from newsgraph.link.happenings import arguments, same_happening
from newsgraph.link.stories import canonical_order
from newsgraph.model import Document, Mention
from tests.link.conftest import club_articles, corpus, story_of


def test_one_happening_across_outlets_is_one_story_and_a_lookalike_is_another(linked) -> None:
    club = {story_of(linked, f"club-{i}") for i in (1, 2, 3)}
    stadium = {story_of(linked, f"stadium-{i}") for i in (1, 2)}
    assert len(club) == 1 and len(stadium) == 1
    assert club != stadium and story_of(linked, "bank") not in club | stadium
    assert len(linked.stories) == 3


def test_stories_do_not_depend_on_input_order() -> None:
    documents = corpus()
    first = {d.id: d.story for d in link_corpus(documents).documents}
    for seed in range(3):
        shuffled = documents[:]
        random.Random(seed).shuffle(shuffled)
        assert {d.id: d.story for d in link_corpus(shuffled).documents} == first


def test_a_story_has_headline_dates_outlets_actors_and_places(linked) -> None:
    story = next(s for s in linked.stories if "club-1" in s.documents)
    assert story.headline in {d.title for d in club_articles()}
    assert (story.first_date, story.last_date) == (date(2017, 1, 1), date(2017, 1, 2))
    assert story.outlets == ["Bosphorus Daily", "Meridian Post", "Northern Ledger"]
    assert story.actors[0] == "Islamic State" and "Istanbul" in story.places


def test_a_copy_joins_the_story_of_its_original_and_a_repeat_keeps_its_story() -> None:
    index = StoryIndex()
    first = index.add(club_articles()[0])
    copy = club_articles()[0].model_copy(update={"id": "copy", "text": "Syndicated.", "duplicate_of": "club-1"})
    assert index.add(copy).story == first.story
    assert index.add(club_articles()[0]).story == first.story
    assert index.stories[0].documents == ["club-1", "copy"]


def test_a_later_article_joins_without_changing_earlier_story_ids() -> None:
    index = StoryIndex()
    given_ids = [index.add(d).story for d in corpus()]
    late = club_articles()[1].model_copy(update={"id": "club-late", "published": date(2017, 1, 3)})
    assert index.add(late).story == given_ids[1]
    assert [s.id for s in index.stories][:3] == list(dict.fromkeys(given_ids))[:3]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.text(max_size=200), min_size=1, max_size=5))
def test_any_text_gets_a_story(texts: list[str]) -> None:
    index = StoryIndex()
    for number, text in enumerate(texts):
        document = Document(id=f"d{number}", source="x", text=text, title=text[:20] or None, published=date(2020, 1, 1))
        assert index.add(document).story
    assert sum(len(s.documents) for s in index.stories) == len(texts)


def test_a_restored_index_gives_the_stories_of_one_run() -> None:
    documents = corpus()
    whole = StoryIndex()
    expected = [whole.add(d).story for d in documents]
    first = StoryIndex()
    found = [first.add(d).story for d in documents[:2]]
    second = StoryIndex.restore(json.loads(json.dumps(first.snapshot())))
    found += [second.add(d).story for d in documents[2:]]
    assert found == expected and second.stories == whole.stories


OSCAR_TEXTS = [
    ("Mara Quillon to host 81st Oscars", "Mara Quillon will host the 81st Academy Awards in Los Angeles on February 22, 2009, "
     "the producers of the telecast announced. Quillon, 41, said she was thrilled."),
    ("Quillon named Oscars host", "Actress Mara Quillon has been picked to present the 81st Academy Awards ceremony in 2009. "
     "Producers said Quillon, 41, would bring humour to the show in Los Angeles."),
    ("Tobin Vesk returns to host the Oscars", "Comedian Tobin Vesk will host the 86th Academy Awards in Los Angeles in March 2014, "
     "the Academy said. Vesk, 55, hosted the show once before."),
    ("Vesk to present 86th Academy Awards", "The Academy picked Tobin Vesk, 55, to host its 86th ceremony in 2014. "
     "Vesk told fans in Los Angeles he was delighted to return."),
]


def _with_people(number: int, title: str, text: str) -> Document:
    names = [(m.start(), m.end(), m.group()) for m in re.finditer(r"(?:Mara )?Quillon|(?:Tobin )?Vesk", text)]
    people = [Mention(start=a, end=b, text=t, type="PERSON", entity_id="e-" + t.split()[-1].lower(), name=t) for a, b, t in names]
    return Document(id=f"oscar-{number}", source="x", title=title, text=text, entities=people)


def test_lookalikes_with_other_people_figures_and_years_are_two_stories() -> None:
    documents = [_with_people(n, title, text) for n, (title, text) in enumerate(OSCAR_TEXTS)]
    stories = [d.story for d in link_corpus(documents).documents]
    assert stories[0] == stories[1] != stories[2] == stories[3]


def _partition(documents: list[Document]) -> set[frozenset[str]]:
    """The stories of a run as sets of article texts, whatever their ids."""
    groups: dict[str, set[str]] = {}
    for document in link_corpus(documents).documents:
        groups.setdefault(document.story, set()).add(document.text)
    return {frozenset(g) for g in groups.values()}


def test_lookalike_stories_do_not_depend_on_which_article_comes_first() -> None:
    documents = [_with_people(n, title, text) for n, (title, text) in enumerate(OSCAR_TEXTS)] + corpus()
    first = _partition(documents)
    for seed in range(4):
        order = list(range(len(documents)))
        random.Random(seed).shuffle(order)
        relabeled = [d.model_copy(update={"id": f"{rank:03d}"}) for rank, d in zip(order, documents)]
        assert _partition(relabeled) == first


def test_a_grouped_run_does_not_depend_on_the_order_its_articles_are_indexed_in() -> None:
    documents = [_with_people(n, title, text) for n, (title, text) in enumerate(OSCAR_TEXTS)] + corpus()
    first = {frozenset(s.documents) for s in StoryIndex.grouped(documents).stories}
    for seed in range(4):
        shuffled = documents[:]
        random.Random(seed).shuffle(shuffled)
        assert {frozenset(s.documents) for s in StoryIndex.grouped(shuffled).stories} == first
    assert len(first) == 5 and all(first)


def test_a_grouped_index_takes_later_articles_like_a_streaming_one() -> None:
    index = StoryIndex.grouped(corpus())
    restored = StoryIndex.restore(json.loads(json.dumps(index.snapshot())))
    late = club_articles()[1].model_copy(update={"id": "club-late", "published": date(2017, 1, 3)})
    assert restored.add(late).story == index.add(late).story == index.add(club_articles()[0]).story


def test_the_linking_order_depends_on_the_articles_text_not_on_their_ids() -> None:
    documents = [_with_people(n, title, text) for n, (title, text) in enumerate(OSCAR_TEXTS)] + corpus()
    relabeled = [d.model_copy(update={"id": f"{len(documents) - rank:03d}"}) for rank, d in enumerate(documents)]
    assert [d.text for d in canonical_order(relabeled)] == [d.text for d in canonical_order(documents)]


BACKGROUND = ("\n\n" + "The inquiry into the harbour contracts ran for two years and ended without charges, " * 4
              + "Governor Edda Brant led the state at the time.")


def _death(number: int, name: str, age: int) -> Document:
    text = f"{name}, a former aide to the governor, died on Sunday at {age}, his family said." + BACKGROUND
    people = [Mention(start=0, end=len(name), text=name, type="PERSON", entity_id="e-" + name.split()[-1].lower(), name=name),
              Mention(start=text.index("Edda"), end=text.index(" led"), text="Edda Brant", type="PERSON", entity_id="e-brant",
                      name="Edda Brant")]
    return Document(id=f"death-{number}", source="x", text=text, entities=people)


def test_the_lead_names_the_happening_apart_from_the_background() -> None:
    found = arguments(_death(0, "Harlan Voss", 81))
    assert found.lead_people == {"e-voss"} and found.people == {"e-voss", "e-brant"}
    assert found.lead_figures == {"81"}


def test_two_deaths_with_one_background_are_less_alike_than_two_reports_of_one_death() -> None:
    voss, again, other = (arguments(_death(n, name, age)) for n, (name, age) in
                          enumerate([("Harlan Voss", 81), ("Harlan Voss", 81), ("Orrin Talbec", 74)]))
    assert same_happening(0.3, 0.3, voss, other) < 0.5 < same_happening(0.3, 0.3, voss, again)


def test_an_index_saved_before_lead_arguments_restores() -> None:
    data = StoryIndex.grouped(corpus()).snapshot()
    for article in data["articles"]:
        for name in ("lead_people", "lead_places", "lead_figures"):
            del article["arguments"][name]
    assert StoryIndex.restore(data).add(club_articles()[0]).story
