"""Generate a corpus of synthetic news articles (JSON Lines) for speed and scale benchmarks.

The articles are assembled from sentence templates about invented actors and places, so their
length, vocabulary and furniture resemble crawled news; they are not for quality scoring.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta

ACTORS = ["Minister Lena Varga", "General Tomas Reyes", "the Interior Ministry", "President Adel Mansour",
          "the opposition party", "police", "rebel forces", "the United Nations", "Prime Minister Ivo Petrov",
          "a government spokesman", "analysts", "the central bank", "local residents", "Governor Sara Lind"]
PLACES = ["Ankara", "Istanbul", "Moscow", "Kyiv", "Baghdad", "Damascus", "Beirut", "Cairo", "Tunis", "Athens",
          "Sofia", "Tbilisi", "Baku", "Yerevan", "Tehran", "Amman"]
VERBS = ["met", "accused", "criticised", "welcomed", "warned", "supported", "rejected", "thanked", "called"]
TEMPLATES = [
    "{a} {v} {b} in {p} on {day}, according to officials.",
    '"We will not accept this," {a} said in {p}. "The situation is serious."',
    "{a} said that {b} had agreed to hold talks in {p} next week.",
    "Security forces detained {n} suspects in {p} in {year}, the ministry said.",
    "At least {n} people were killed when a car bomb exploded near a market in {p} {when}.",
    "{a} accused {b} of supporting armed groups operating near {p}.",
    "Analysts believe the attack was meant to derail the talks between {a} and {b}.",
    "The meeting in {p} was the first since {month}, when negotiations collapsed.",
    "It is believed that {b} will respond to the proposal within days.",
    "{a} telephoned {b} to discuss the crisis, {a2} said in a statement.",
]
WHEN = ["on Monday", "last Tuesday", "three days ago", "on New Year's Eve", "last July", "yesterday"]
FURNITURE = ["Be the first to comment", "Share this: Facebook Twitter WhatsApp",
             "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
             "Sign up for our newsletter", "Related articles"]


def article(rng: random.Random, number: int) -> dict[str, str]:
    """One synthetic article with a title, a date, 12-20 paragraphs and some site furniture."""
    published = date(2016, 1, 1) + timedelta(days=rng.randrange(700))
    paragraphs = [_sentence(rng) + " " + _sentence(rng) for _ in range(rng.randint(6, 10))]
    paragraphs += rng.sample(FURNITURE, 2)
    title = f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(ACTORS)} in {rng.choice(PLACES)}"
    return {"title": title, "text": "\n\n".join(paragraphs), "date": published.isoformat(),
            "url": f"https://news{number % 7}.example/{number}", "outlet": f"Outlet {number % 7}"}


def _sentence(rng: random.Random) -> str:
    a, b, a2 = rng.sample(ACTORS, 3)
    text = rng.choice(TEMPLATES).format(
        a=a, b=b, a2=a2, v=rng.choice(VERBS), p=rng.choice(PLACES), day=rng.choice(["Monday", "Friday", "Sunday"]),
        n=f"{rng.randint(2, 4000):,}", year=rng.randint(2011, 2016), when=rng.choice(WHEN),
        month=rng.choice(["March", "last summer", "November 2015"]))
    return text[0].upper() + text[1:]


def write_corpus(path: str, count: int, seed: int = 7) -> None:
    """Write `count` articles to `path` as JSON Lines."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            out.write(json.dumps(article(rng, number)) + "\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--count", type=int, default=3000)
    args = parser.parse_args()
    write_corpus(args.path, args.count)
