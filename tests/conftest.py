"""Shared fixtures: the spaCy pipeline loaded once per test session, and a parse helper."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import settings
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import load_pipeline

# Property tests run the same examples on every machine (CI must not flake), without a deadline:
# a spaCy parse can take longer than hypothesis's default 200 ms on a loaded machine.
settings.register_profile("newsgraph", derandomize=True, deadline=None)
settings.load_profile("newsgraph")


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    """Parse a text with the project's pipeline (the same one `extract` uses)."""
    return nlp
