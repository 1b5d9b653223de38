"""Fixtures for the link tests: one small corpus of three happenings, linked once per session."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.link import Linked, link_corpus
from newsgraph.model import Document
from tests.link.corpus import article, event, quantity, statement

CLUB_1 = ("A gunman killed 39 people at the Reina nightclub in Istanbul during New Year celebrations, officials said.\n\n"
          "Daesh claimed responsibility for the attack on the Reina nightclub. The gunman escaped in a taxi.")
CLUB_2 = ("The attack on the Reina nightclub in Istanbul killed 35 people, the health ministry said on Monday.\n\n"
          "Political analysts believe that Al Nusra is behind the attack on the Reina nightclub in Istanbul.")
CLUB_3 = ("Islamic State gunman killed 39 people at the Reina nightclub in Istanbul on New Year's night.\n\n"
          "\"The West conveys its message to Turkey using this instrument,\" said Alexander Gurov, a former general.")
STADIUM_1 = ("Two bombs exploded outside Vodafone Park stadium in Istanbul on Saturday night, killing 12 police officers.\n\n"
             "The Kurdish Hawks claimed responsibility for the stadium bombing.")
STADIUM_2 = ("Twin blasts near Vodafone Park stadium in Istanbul killed 12 police officers after a football match.\n\n"
             "Interior minister Mehmet Aydin said the Kurdish Hawks were behind the stadium bombing.")
BANK = "Turkey's central bank raised its lending rate to 9.25% on Tuesday to support the lira, which fell to a record low."


def club_articles() -> list[Document]:
    """Three outlets on the nightclub attack: a claim, an anonymous accusation, a named general's blame; 39 / 35 killed."""
    first = article("club-1", "Meridian Post", date(2017, 1, 1), "Gunman kills 39 at Istanbul nightclub", CLUB_1,
                    quotes=[statement(CLUB_1, "officials", "officials", CLUB_1[:CLUB_1.index(", officials")], "anonymous")],
                    events=[event(CLUB_1, "killed", day="2017-01-01", statement_index=0), event(CLUB_1, "attack", actor="Daesh")],
                    quantities=[quantity(CLUB_1, "39", 39, statement_index=0)])
    second = article("club-2", "Bosphorus Daily", date(2017, 1, 2), "Nightclub toll revised to 35", CLUB_2,
                     quotes=[statement(CLUB_2, "Health Ministry", "the health ministry", CLUB_2[:CLUB_2.index(", the health")]),
                             statement(CLUB_2, "political analysts", "Political analysts", "Al Nusra is behind the attack on the Reina nightclub in Istanbul",
                                       "anonymous", cue="believe")],
                     events=[event(CLUB_2, "attack", statement_index=0), event(CLUB_2, "killed", statement_index=0)],
                     quantities=[quantity(CLUB_2, "35", 35, statement_index=0)])
    third = article("club-3", "Northern Ledger", date(2017, 1, 2), "Islamic State gunman kills 39 in Istanbul", CLUB_3,
                    quotes=[statement(CLUB_3, "Alexander Gurov", "Alexander Gurov", "The West conveys its message to Turkey using this instrument")],
                    events=[event(CLUB_3, "killed", day="2017-01-01", actor="Islamic State")],
                    quantities=[quantity(CLUB_3, "39", 39)])
    return [first, second, third]


def stadium_articles() -> list[Document]:
    """The look-alike: bombs in the same city six weeks later, another group claiming them."""
    first = article("stadium-1", "Meridian Post", date(2017, 2, 11), "Bombs outside Istanbul stadium kill 12", STADIUM_1,
                    events=[event(STADIUM_1, "exploded", day="2017-02-11"), event(STADIUM_1, "bombing", actor="Kurdish Hawks")],
                    quantities=[quantity(STADIUM_1, "12", 12, what="police officers")])
    second = article("stadium-2", "Capital Wire", date(2017, 2, 11), "Twin blasts at Vodafone Park stadium", STADIUM_2,
                     quotes=[statement(STADIUM_2, "Mehmet Aydin", "Interior minister Mehmet Aydin", "the Kurdish Hawks were behind the stadium bombing")],
                     events=[event(STADIUM_2, "blasts", day="2017-02-11"), event(STADIUM_2, "bombing", statement_index=0)],
                     quantities=[quantity(STADIUM_2, "12", 12, what="police officers")])
    return [first, second]


def corpus() -> list[Document]:
    """Both happenings and an unrelated economic story."""
    bank = article("bank", "Capital Wire", date(2017, 1, 24), "Central bank raises lending rate", BANK,
                   events=[event(BANK, "raised", type_="SANCTION")])
    return [*club_articles(), *stadium_articles(), bank]


@pytest.fixture(scope="session")
def linked() -> Linked:
    return link_corpus(corpus())


def story_of(linked: Linked, doc_id: str) -> str:
    """The story id the linking gave an article."""
    return next(d.story for d in linked.documents if d.id == doc_id)
