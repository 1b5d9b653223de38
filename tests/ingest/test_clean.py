"""Site furniture out, bylines and credits apart, paragraphs kept: the rules of data/furniture.tsv."""

import pytest

from newsgraph.ingest.clean import furniture_kind, load_rules, make_document, strip_furniture
from newsgraph.model import RawDocument

BODY_1 = "Flooding closed three schools in the valley on Wednesday, the district council said."
BODY_2 = "Share prices of the regional water company fell sharply after the council blamed it for the poor state of the levees."


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Be the first to comment", "comment"),
        ("Be the first to comment on this article", "comment"),
        ("Write your comment", "comment"),
        ("Leave a Reply Cancel reply", "comment"),
        ("Your email address will not be published. Required fields are marked *", "comment"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "spam"),
        ("Share this: Facebook Twitter WhatsApp", "share"),
        ("Share", "share"),
        ("Follow us on Twitter", "follow"),
        ("Follow the Northern Ledger on Twitter", "follow"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("We use cookies to improve your experience on our website.", "cookie"),
        ("Related articles", "related"),
        ("Read more: Council votes on flood defences", "readmore"),
        ("By Maria Keller", "byline"),
        ("By Maria Keller and Tom Oduya, Valley Desk", "byline"),
        ("Photo: Northlight Images/J. Park", "credit"),
        ("Advertisement", "ad"),
        ("Related: Hundreds pack hearing on hospital merger", "readmore"),
        ("Posted on Thursday, 11 January 2024 by Ellie Carver", "dateline"),
        ("· 6 min read", "dateline"),
        ("Do you have a story to share? Email us at news@example.org", "appeal"),
        ("Ana Ruiz can be reached at aruiz@example.org.", "appeal"),
        ("If you value this reporting, please consider a monthly contribution.", "appeal"),
        ("This interview has been edited for length and clarity.", "editorial"),
        ("Copyright The Valley Bulletin. All rights reserved.", "legal"),
        ("<< Back to News", "nav"),
        ("|", "nav"),
    ],
)
def test_furniture_lines_are_recognised(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize("line", [
    BODY_1, BODY_2, "By the end of the week, the water had receded.", "Related talks will follow.",
    "Support for the plan grew after the vote.", "More than 200 homes were flooded.", "Published figures show a rise in damage claims.",
    '"We will rebuild," she said.',
])
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_every_rule_kind_is_known() -> None:
    kinds = {rule.kind for rule in load_rules()}
    assert kinds == {"comment", "spam", "share", "follow", "newsletter", "cookie", "related", "readmore", "ad", "nav", "credit", "byline", "dateline", "appeal", "editorial", "legal"}


def test_strip_keeps_paragraphs_and_sets_byline_and_credits_apart() -> None:
    text = f"By Maria Keller\n\n{BODY_1}\nPhoto: Northlight Images/J. Park\n\n{BODY_2}\n\nShare this: Facebook Twitter\nBe the first to comment"
    cleaned = strip_furniture(text)
    assert cleaned.text == f"{BODY_1}\n\n{BODY_2}"
    assert cleaned.byline == "Maria Keller"
    assert cleaned.credits == ["Photo: Northlight Images/J. Park"]


def test_related_list_is_dropped_with_its_items() -> None:
    text = f"{BODY_1}\n\nRelated articles\nCouncil approves new levee budget\n\nWater company chief resigns\n\n{BODY_2}"
    assert strip_furniture(text).text == f"{BODY_1}\n\n{BODY_2}"


def test_document_gets_language_id_and_furniture_free_text() -> None:
    raw = RawDocument(source="a.txt", text=f"{BODY_1}\n\nLeave a reply\n\n{BODY_2}", title="Schools closed")
    document = make_document(raw)
    assert document.language == "en"
    assert document.text == f"{BODY_1}\n\n{BODY_2}"
    assert document.id == make_document(raw).id and len(document.id) == 16


def test_german_article_is_marked() -> None:
    text = "Die Regierung hat am Mittwoch beschlossen, die Schulen im Tal wegen des Hochwassers zu schließen, teilte der Bezirksrat mit."
    assert make_document(RawDocument(source="de.txt", text=text)).language == "de"


def test_a_pull_quote_repeated_from_the_text_is_dropped_and_short_lines_kept() -> None:
    text = ("Dockworkers walked out on Tuesday.\n\n"
            '"They want the cranes first and the conversation later"\n\n'
            '"They want the cranes first and the conversation later," Vellan said outside the gate.\n\n'
            "He said no.\n\nHe said no.")
    cleaned = strip_furniture(text)
    assert cleaned.text.count("cranes first") == 1 and cleaned.text.count("He said no.") == 2
    assert ("pullquote", '"They want the cranes first and the conversation later"') in cleaned.removed


def test_newsletter_box_lines_are_furniture_and_inbox_news_is_not() -> None:
    assert furniture_kind("Get the Courier's morning briefing") == "newsletter"
    assert furniture_kind("The day's top stories from across Harlow Vale, in your inbox at 7am.") == "newsletter"
    assert furniture_kind("By signing up you agree to our privacy notice. You can unsubscribe at any time.") == "newsletter"
    assert furniture_kind("Phishing emails that land in your inbox are the main threat, police said.") is None
