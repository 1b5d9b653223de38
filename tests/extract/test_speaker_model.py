"""The trained speaker chooser: the speaker a sentence offers where the rules find none, and no speaker
when nobody in the sentence can be one."""

from __future__ import annotations

from newsgraph.extract.speaker_candidates import speaker_candidates
from newsgraph.extract.speaker_model import SpeakerModel
from newsgraph.extract.statement_context import Context
from newsgraph.extract.statement_model import load_model
from newsgraph.extract.statements import statement_drafts
from tests.extract.conftest import only


def test_a_participle_cue_takes_the_subject_of_the_clause_it_hangs_in(statements):
    text = "Mayor Ana Ruiz described the closure as a mistake, but stopped short of calling the council's vote illegal."
    assert only(statements(text), "vote illegal").speaker_text == "Mayor Ana Ruiz"


def test_the_chooser_takes_the_rules_speaker_where_it_is_plain(statements):
    text = "Governor Leah Marsh said on Friday that the ferry would run again in May."
    assert only(statements(text), "ferry").speaker_text == "Governor Leah Marsh"


def test_no_candidate_means_no_speaker(parse):
    ctx = Context(parse("The harbour budget is expected to shrink sharply next year."))
    [draft] = statement_drafts(ctx, load_model())
    assert speaker_candidates(ctx, draft) == []
    eager = SpeakerModel({"bias": 10.0, "ruled=True": 10.0}, 0.0)  # a model that would take any candidate
    assert eager.choose(ctx, draft) is None


def test_a_quote_handing_over_to_its_own_words_offers_no_speaker(parse):
    text = (
        'Analyst Elena Marsh found that residents fear a sale. "We will all wake up poorer and nobody will have '
        'asked us a thing," is a common saying.'
    )
    ctx = Context(parse(text))
    quote = next(d for d in statement_drafts(ctx, load_model()) if "wake up" in ctx.text[d.start : d.end])
    assert quote.cue is None and speaker_candidates(ctx, quote) == []
