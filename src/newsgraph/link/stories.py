"""Stories: articles reporting the same happening, across outlets and days, grouped as they arrive.

Each article is a TF-IDF vector over its content words and its canonical actors and places
(`words.document_terms`), and a set of arguments: who, where, when, how many (`happenings`). A new
article is compared with the earlier articles whose cosine reaches `CANDIDATE_COSINE`; each pair
gets the probability of being one happening (`happenings.same_happening`, from the cosines and the
overlap or clash of their arguments), discounted by the days between them (`dates.closeness`);
two articles of the same news cycle whose cosine reaches `CONTEMPORARY_COSINE` are one happening. The article joins the story whose
members it matches best on average (average link: a look-alike that resembles one member does not
chain two happenings together) when that average reaches `JOIN_PROBABILITY`; otherwise it starts a
story. The number of stories is never given. A streaming index never re-clusters: a story id, once
given, stays. A whole run (`StoryIndex.grouped`, which `link_corpus` uses) is grouped at once by
`regroup`: average-linkage clustering over every pair's probability, so its stories depend on the
articles and not on the order they came in; `link_corpus` also indexes them in a canonical order
(publication date, text), which fixes exact ties and the story ids. A later batch (`grow`, what an
incremental `analyze` run uses) is grouped the same way together with the earlier stories it
resembles, which are never split and keep their ids.

The index state is plain data (`snapshot` / `restore`): each article's terms, days, arguments and
summary, its story, and the stored norms. Adding articles to a restored index gives what adding
them to the original would have given.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsgraph.link.dates import closeness, contemporary, document_days
from newsgraph.link.happenings import Arguments, arguments, same_happening
from newsgraph.link.linkage import attach_fragments, average_linkage
from newsgraph.link.vectors import TermIndex
from newsgraph.link.words import document_terms
from newsgraph.model import Document, Story

# Word cosine under which two articles are never compared further (ECB+ train topics: 99.6% of the
# same-happening pairs reach it).
CANDIDATE_COSINE = 0.05
# Average same-happening probability over a story's members at which an article joins it
# (ECB+ train topics streamed in canonical order, with the weights of data/story_pairs.json: B³ F1 0.882 at 0.2,
# 0.887 at 0.3, 0.886 at 0.4, 0.848 at 0.5).
JOIN_PROBABILITY = 0.3
# Average same-happening probability over two stories' member pairs at which `regroup` merges them
# (ECB+ train topics, pair model with lead arguments, fragments attached as below: grouped train B³ F1 0.933 at 0.45,
# 0.960 at 0.5, 0.963 at 0.55, 0.945 at 0.6).
GROUP_PROBABILITY = 0.55
# Stories of at most this many articles left by `regroup` are fragments, joined to the bigger story they match best on
# average when that average reaches ATTACH_PROBABILITY (ECB+ train topics: B³ F1 0.916 with none, 0.959 up to 2, 0.963 up
# to 3 or 4; 0.963 for any ATTACH_PROBABILITY from 0.01 to 0.08, 0.9627 at 0.1: the most cautious of the plateau kept).
FRAGMENT_SIZE = 3
ATTACH_PROBABILITY = 0.08
# Articles whose days are so far apart that `dates.closeness` caps their probability under this are not compared
# (a same-happening probability under 1% adds nothing to a story's average; it saves scoring corpora that span years).
NEGLIGIBLE_CLOSENESS = 0.01
# Word cosine at which two articles of the same news cycle (dated within dates.GRACE_DAYS) report one
# happening whatever their arguments: long reports from other angles quote other people
# (benchmarks/stories dev split and the demo sample; ECB+ has no dates to learn it from).
CONTEMPORARY_COSINE = 0.15
# Mention types counted as a story's actors and as its places.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# How many central actors and places a story lists.
CENTRAL = 5


@dataclass
class _Article:
    """What the index keeps of one article: plain data, enough to rebuild its story's summary."""

    id: str
    title: str | None
    outlet: str | None
    published: date | None
    days: tuple[int, ...]
    arguments: Arguments
    actors: list[str]
    places: list[str]
    story: int

    def snapshot(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None, "days": list(self.days),
                "arguments": self.arguments.snapshot(), "actors": self.actors, "places": self.places, "story": self.story}

    @classmethod
    def restore(cls, data: dict[str, Any]) -> _Article:
        return cls(data["id"], data["title"], data["outlet"], date.fromisoformat(data["published"]) if data["published"] else None,
                   tuple(data["days"]), Arguments.restore(data["arguments"]), data["actors"], data["places"], data["story"])


class StoryIndex:
    """Assigns each article to a story as articles arrive (see the module docstring)."""

    def __init__(self, threshold: float = JOIN_PROBABILITY) -> None:
        self.threshold = threshold
        self._terms = TermIndex()
        self._arguments = TermIndex()
        self._articles: list[_Article] = []
        self._by_id: dict[str, int] = {}
        self._members: list[list[int]] = []

    def add(self, document: Document) -> Document:
        """The document with `story` set: the story it joins, or a new one it starts."""
        if document.id in self._by_id:
            return document.model_copy(update={"story": self._story_id(self._articles[self._by_id[document.id]].story)})
        terms, days, found = document_terms(document), document_days(document), arguments(document)
        original = self._by_id.get(document.duplicate_of or "")
        story = self._articles[original].story if original is not None else self._best_story(terms, days, found)
        return document.model_copy(update={"story": self._story_id(self._index(document, terms, days, found, story))})

    @classmethod
    def grouped(cls, documents: list[Document]) -> StoryIndex:
        """The index of a whole run: its originals indexed in the order given and grouped by `regroup`, then its copies
        joining their originals' stories."""
        index = cls()
        for document in documents:
            if document.duplicate_of is None and document.id not in index._by_id:
                index._index(document, document_terms(document), document_days(document), arguments(document), None)
        index.regroup()
        for document in documents:
            index.add(document)
        return index

    def __contains__(self, document_id: object) -> bool:
        """Whether the article with this id has its story in the index."""
        return document_id in self._by_id

    @property
    def stories(self) -> list[Story]:
        """Every story so far, in the order they started."""
        return [self._story(number) for number in range(len(self._members))]

    def snapshot(self) -> dict[str, Any]:
        """The index as plain JSON-ready data (see the module docstring)."""
        return {"threshold": self.threshold, "terms": self._terms.snapshot(), "arguments": self._arguments.snapshot(), "articles": [a.snapshot() for a in self._articles]}

    @classmethod
    def restore(cls, data: dict[str, Any]) -> StoryIndex:
        """The index a `snapshot` describes, ready to take more articles."""
        index = cls(data["threshold"])
        index._terms = TermIndex.restore(data["terms"])
        index._arguments = TermIndex.restore(data["arguments"])
        for number, row in enumerate(data["articles"]):
            article = _Article.restore(row)
            index._articles.append(article)
            index._by_id[article.id] = number
            while len(index._members) <= article.story:
                index._members.append([])
            index._members[article.story].append(number)
        return index

    def regroup(self, threshold: float = GROUP_PROBABILITY) -> None:
        """Group every indexed article anew, by average link over all their pairs (a whole run's end only).

        Joining as articles arrive, the first articles of two look-alike happenings may meet before
        either story has members that tell them apart, so the stories hang on the order. Here every
        pair's same-happening probability is known first (with the IDF of the whole run) and
        `linkage.average_linkage` merges the closest stories first; the fragments it leaves (a report
        from another angle) then join the story they match best (`linkage.attach_fragments`). The result
        depends on the articles, and on their index order only to break exact ties.
        """
        self._terms.refresh()
        self._arguments.refresh()
        for article, label in zip(self._articles, self._group(list(range(len(self._articles))), threshold)):
            article.story = label
        self._renumber()

    def grow(self, documents: list[Document], threshold: float = GROUP_PROBABILITY) -> set[str]:
        """Index a batch of new articles (give them in `canonical_order`) and group them at once together with the
        earlier stories they resemble; return the ids of the stories that changed: started, grew or merged away.

        An earlier story is regrouped with the batch when a new article's same-happening probability with one of its
        members reaches ATTACH_PROBABILITY (below that on every pair, no average can make them one story). Earlier
        stories enter the clustering whole, as clusters of their own, so they may merge but never split; a story
        keeps the id of the oldest earlier story in it. So the batch's stories depend on its articles and not on
        their input order; they can differ from grouping the whole corpus anew, which may also split earlier stories.
        """
        first = len(self._articles)
        for document in documents:
            if document.duplicate_of is None and document.id not in self._by_id:
                self._index(document, document_terms(document), document_days(document), arguments(document), None)
        self._terms.refresh()
        self._arguments.refresh()
        new = range(first, len(self._articles))
        earlier = {self._articles[other].story for number in new for other, probability in self._matches(number).items()
                   if other < first and probability >= ATTACH_PROBABILITY}
        changed = {self._story_id(story) for story in earlier}
        subset = sorted([number for story in earlier for number in self._members[story]] + list(new))
        fresh = len(self._members)  # past every story number: the new articles' own stories, until grouped
        start = [self._articles[number].story if number < first else fresh + number for number in subset]
        labels = self._group(subset, threshold, start)
        oldest: dict[int, int] = {}
        for label, story in zip(labels, start):
            oldest[label] = min(oldest.get(label, story), story)  # an earlier story if the group holds one
        for number, label in zip(subset, labels):
            self._articles[number].story = oldest[label]
        self._renumber()
        return changed | {self.add(document).story or "" for document in documents}

    def _group(self, numbers: list[int], threshold: float, start: list[int] | None = None) -> list[int]:
        """Average-linkage groups of these indexed articles (ascending numbers; those with the same `start` label
        begin as one group), fragments attached: each one's label."""
        position = {number: k for k, number in enumerate(numbers)}
        probabilities = [{position[other]: p for other, p in self._matches(number, before=number).items() if other in position}
                         for number in numbers]
        return attach_fragments(probabilities, average_linkage(probabilities, threshold, start), FRAGMENT_SIZE, ATTACH_PROBABILITY)

    def _matches(self, number: int, before: int | None = None) -> dict[int, float]:
        """`_probabilities` of an indexed article."""
        article = self._articles[number]
        return self._probabilities(self._terms.terms[number], article.days, article.arguments, before)

    def _renumber(self) -> None:
        """Stories numbered by their first article, empty ones dropped, members in index order."""
        order: dict[int, int] = {}
        for article in self._articles:
            article.story = order.setdefault(article.story, len(order))
        self._members = [[] for _ in order]
        for number, article in enumerate(self._articles):
            self._members[article.story].append(number)

    def _best_story(self, terms: dict[str, float], days: tuple[int, ...], found: Arguments) -> int | None:
        """The story whose members the article matches best on average, if enough; ties go to the older story."""
        matched: dict[int, float] = defaultdict(float)
        for number, probability in self._probabilities(terms, days, found).items():
            matched[self._articles[number].story] += probability
        scored = [(total / len(self._members[story]), -story) for story, total in matched.items()]
        best = max((s for s in scored if s[0] >= self.threshold), default=None)
        return -best[1] if best else None

    def _probabilities(self, terms: dict[str, float], days: tuple[int, ...], found: Arguments,
                       before: int | None = None) -> dict[int, float]:
        """Same-happening probability of an article with each indexed article (numbered below `before`, if given) whose
        word cosine makes it a candidate and whose days are not too far apart to matter."""
        candidates = [(n, c) for n, c in self._terms.similar(terms, CANDIDATE_COSINE) if before is None or n < before]
        shared = dict(self._arguments.similar(found.terms(), 0.0)) if candidates else {}
        probabilities = {}
        for number, cosine in candidates:
            article = self._articles[number]
            near = closeness(days, article.days)
            if cosine >= CONTEMPORARY_COSINE and contemporary(days, article.days):
                probabilities[number] = 1.0
            elif near >= NEGLIGIBLE_CLOSENESS:
                probabilities[number] = same_happening(cosine, shared.get(number, 0.0), found, article.arguments) * near
        return probabilities

    def _index(self, document: Document, terms: dict[str, float], days: tuple[int, ...], found: Arguments, story: int | None) -> int:
        """Index one article in `story` (a new one if None); return the story."""
        if story is None:
            story = len(self._members)
            self._members.append([])
        number = self._terms.add(terms)
        self._arguments.add(found.terms())
        self._articles.append(_Article(document.id, document.title, document.outlet, document.published, days, found,
                                       _names(document, ACTOR_TYPES), _names(document, PLACE_TYPES), story))
        self._by_id[document.id] = number
        self._members[story].append(number)
        return story

    def _story_id(self, number: int) -> str:
        """A stable id: a hash of the id of the story's first article."""
        first = self._articles[self._members[number][0]].id
        return "s-" + hashlib.sha1(first.encode()).hexdigest()[:12]

    def _story(self, number: int) -> Story:
        members = self._members[number]
        articles = [self._articles[i] for i in members]
        days = [a.published for a in articles if a.published]
        return Story(id=self._story_id(number), documents=list(dict.fromkeys(a.id for a in articles)),
                     headline=self._articles[self._central(members)].title,
                     first_date=min(days, default=None), last_date=max(days, default=None),
                     outlets=sorted({a.outlet for a in articles if a.outlet}),
                     actors=_central_names([a.actors for a in articles]), places=_central_names([a.places for a in articles]))

    def _central(self, members: list[int]) -> int:
        """The article closest to the story's centroid (the first one on a tie); titled articles first."""
        vectors = [_unit(self._terms.weights(self._terms.terms[i])) for i in members]
        centroid: Counter[str] = Counter()
        for vector in vectors:
            centroid.update(vector)
        scores = [(self._articles[i].title is not None, sum(w * centroid[t] for t, w in v.items())) for i, v in zip(members, vectors)]
        return members[max(range(len(members)), key=lambda k: (scores[k], -k))]


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = sum(w * w for w in weights.values()) ** 0.5 or 1.0
    return {t: w / norm for t, w in weights.items()}


def _names(document: Document, types: frozenset[str]) -> list[str]:
    """The canonical names of an article's mentions of these types, once per mention."""
    return [m.name or m.text for m in document.entities if m.type in types]


def _central_names(per_article: list[list[str]]) -> list[str]:
    """The names mentioned in the most articles of a story (then most often)."""
    articles: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for names in per_article:
        articles.update(set(names))
        mentions.update(names)
    ranked = sorted(articles, key=lambda n: (-articles[n], -mentions[n], n))
    return ranked[:CENTRAL]


def canonical_order(documents: list[Document]) -> list[Document]:
    """Originals by publication date then by a key of their text, copies after them: the order that makes
    linking free of input order and of the ids articles were given (an id may be a path or a random name)."""
    return sorted(documents, key=lambda d: (d.duplicate_of is not None, d.published or date.max,
                                            hashlib.sha1(d.text.encode()).hexdigest(), d.id))
