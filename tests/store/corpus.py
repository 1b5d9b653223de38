"""A small hand-made corpus: Documents with every item list filled, for the store, report and web tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsgraph.model import Blame, Claim, ClaimSide, Document, Event, Framing, Mention, Quantity, Statement, Story, Timex
from newsgraph.store import Store

VARGA, REYES, ANKARA, MINISTRY = "e-varga", "e-reyes", "e-ankara", "e-ministry"
HOSTILE = 'Officials said <script>alert("owned")</script> and <b>bold</b> & "quotes" are not markup.'


def _at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def mention(text: str, part: str, entity: str, type_: str, name: str) -> Mention:
    start, end = _at(text, part)
    return Mention(start=start, end=end, text=part, type=type_, entity_id=entity, name=name)


def statement(text: str, speaker: str, content: str, direct: bool = True) -> Statement:
    (s0, s1), (c0, c1) = _at(text, speaker), _at(text, content)
    name, entity = ("Lena Varga", VARGA) if "Varga" in speaker else ("Tomas Reyes", REYES)
    return Statement(speaker=name, speaker_id=entity, speaker_text=speaker, speaker_start=s0,
                     speaker_end=s1, cue="said", content=content, content_start=c0, content_end=c1, direct=direct)


NAMES = {VARGA: "Lena Varga", REYES: "Tomas Reyes", ANKARA: "Ankara", MINISTRY: "Interior Ministry"}


def event(text: str, trigger: str, type_: str, actor: str, target: str, day: str) -> Event:
    """An event; an actor or target given by entity id gets its canonical name and id, as the resolver gives them."""
    start, end = _at(text, trigger)
    return Event(type=type_, trigger=trigger, start=start, end=end, sentence=0, actor=NAMES.get(actor, actor),
                 target=NAMES.get(target, target), actor_id=actor if actor in NAMES else None,
                 target_id=target if target in NAMES else None, location="Ankara", date=day)


def article(id_: str, outlet: str, published: date, title: str, text: str, **items) -> Document:
    return Document(id=id_, source=f"{id_}.txt", url=f"https://{outlet.lower().replace(' ', '')}.example/{id_}",
                    outlet=outlet, title=title, published=published, language="en", text=text, **items)


def border_report(id_: str, outlet: str, day: int, dead: str) -> Document:
    text = (f"Border troops attacked a convoy near Ankara on Friday, killing {dead} people, officials said.\n\n"
            f'Minister Lena Varga said "the attack was planned by General Tomas Reyes." '
            f"General Tomas Reyes said his forces had acted in self-defence.\n\n"
            f"The ministry condemned the raid and talks were postponed.")
    return article(id_, outlet, date(2021, 3, day), f"Convoy attacked near Ankara ({outlet})", text,
                   entities=[mention(text, "Ankara", ANKARA, "GPE", "Ankara"),
                             mention(text, "Lena Varga", VARGA, "PERSON", "Lena Varga"),
                             mention(text, "General Tomas Reyes", REYES, "PERSON", "Tomas Reyes"),
                             mention(text, "The ministry", MINISTRY, "ORG", "Interior Ministry")],
                   quotes=[statement(text, "Minister Lena Varga", "the attack was planned by General Tomas Reyes."),
                           statement(text, "General Tomas Reyes", "his forces had acted in self-defence", direct=False)],
                   quantities=[Quantity(start=_at(text, dead)[0], end=_at(text, dead)[1], text=dead,
                                        value=float(dead), what="people")],
                   timexes=[Timex(start=_at(text, "Friday")[0], end=_at(text, "Friday")[1], text="Friday", type="DATE",
                                  value=f"2021-03-{day - 1:02d}")],
                   events=[event(text, "attacked", "ASSAULT", "Border troops", "convoy", f"2021-03-{day - 1:02d}"),
                           event(text, "condemned", "ACCUSE", MINISTRY, REYES, f"2021-03-{day:02d}")])


def corpus() -> list[Document]:
    """Four articles: three outlets on one story, and one hostile article of its own."""
    hostile = article("d-hostile", "Outlet <C>", date(2021, 4, 2), "Markup <i>test</i>", HOSTILE,
                      quotes=[Statement(speaker=None, speaker_text="Officials", speaker_start=0, speaker_end=9,
                                        cue="said", content=HOSTILE[15:-1], content_start=15, content_end=len(HOSTILE) - 1,
                                        attribution="anonymous")])
    return [border_report("d-north", "North Daily", 6, "12"), border_report("d-south", "South Post", 7, "14"),
            border_report("d-west", "West Wire", 7, "12"), hostile]


def links() -> tuple[list[Story], list[Claim], list[Blame], list[Framing]]:
    """Stories, claims, blame and framing for `corpus()`, as the link stage would give them."""
    stories = [Story(id="s-convoy", documents=["d-north", "d-south", "d-west"], headline="Convoy attacked near Ankara",
                     first_date=date(2021, 3, 6), last_date=date(2021, 3, 7), outlets=["North Daily", "South Post", "West Wire"],
                     actors=["Tomas Reyes", "Lena Varga"], places=["Ankara"]),
               Story(id="s-markup", documents=["d-hostile"], headline="Markup <i>test</i>")]
    documents = {d.id: d for d in corpus()}

    def side(document: str, position: int) -> ClaimSide:
        q = documents[document].quotes[position]
        return ClaimSide(document=document, outlet=documents[document].outlet, kind="statement", index=position,
                         start=q.content_start, end=q.content_end, text=q.content)
    claims = [Claim(id="c-planned", story="s-convoy", statements=[("d-north", 0), ("d-south", 0)], agreement="agree",
                    sides=[side("d-north", 0), side("d-south", 0)], text="the attack was planned by General Tomas Reyes."),
              Claim(id="c-defence", story="s-convoy", statements=[("d-west", 1)], agreement="single-source",
                    sides=[side("d-west", 1)])]
    def blamed(document: str, outlet: str, who: str, name: str, source: str, at: int) -> Blame:
        return Blame(story="s-convoy", document=document, outlet=outlet, blamed=who, blamed_name=name, source=source,
                     cue="blamed", start=at, end=at + 20)
    blame = [blamed("d-north", "North Daily", REYES, "Tomas Reyes", "named", 0),
             blamed("d-north", "North Daily", REYES, "Tomas Reyes", "outlet", 30),
             blamed("d-south", "South Post", "border troops", "border troops", "anonymous", 0)]
    framing = [Framing(story="s-convoy", outlet="North Daily", blamed={"Tomas Reyes": 2}, named_speakers=["Lena Varga"],
                       named_share=1.0, exclusive_claims=[])]
    return stories, claims, blame, framing


def build_database(path: Path | str) -> Path | str:
    """A store at `path` (a SQLite file or a postgresql:// URL) holding `corpus()` and its links."""
    store = Store(path, writable=True)
    store.add(corpus())
    store.set_links(*links())
    return path
