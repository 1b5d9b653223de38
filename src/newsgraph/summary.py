"""What a run found, in a few lines a person reads first: the stories, where outlets conflict, who blames whom."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.model import Blame, Claim, Story

# How many of each a summary names; the rest is counted.
SHOWN = 5
VOICES = {"outlet": "in its own voice", "named": "quoting {speaker}", "anonymous": "quoting {speaker}",
          "claimed": "claimed by {speaker}"}


def summary_lines(stories: Sequence[Story], claims: Sequence[Claim], blame: Sequence[Blame]) -> list[str]:
    """The largest stories, the conflicts with their reasons and outlets, and who blames whom on whose word."""
    headlines = {s.id: s.headline or "untitled story" for s in stories}
    lines = [f"story: {headlines[s.id]} ({len(s.documents)} articles; {', '.join(s.outlets) or 'unknown outlets'})"
             for s in _largest(stories)]
    conflicts = [c for c in claims if c.agreement == "conflict"]
    lines += [f"conflict in {headlines.get(c.story or '', 'a story')}: {c.reason or 'the sides differ'} "
              f"({' / '.join(dict.fromkeys(s.outlet or 'unknown outlet' for s in c.sides))})" for c in conflicts[:SHOWN]]
    said = dict.fromkeys(_blame_line(b) for b in blame)
    lines += list(said)[:SHOWN]
    hidden = max(0, len(conflicts) - SHOWN) + max(0, len(said) - SHOWN)
    return lines + ([f"... and {hidden} more in the dossier"] if hidden else [])


def _largest(stories: Sequence[Story]) -> list[Story]:
    shared = [s for s in stories if len(s.documents) > 1]
    return sorted(shared, key=lambda s: (-len(s.documents), s.headline or ""))[:SHOWN]


def voice(source: str, speaker: str | None) -> str:
    """On whose word a blame rests, in words: "in its own voice", "quoting the minister", "claimed by X"."""
    return VOICES[source].format(speaker=speaker or "a source")


def _blame_line(blame: Blame) -> str:
    return f"blame: {blame.outlet or 'an unknown outlet'} blames {blame.blamed_name} {voice(blame.source, blame.speaker)}"
