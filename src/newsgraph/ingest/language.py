"""Language identification of article text (py3langid: fast, offline, 97 languages)."""

from __future__ import annotations

import py3langid

# Enough text to decide reliably; more only costs time.
_SAMPLE_CHARS = 2000
# Below this many letters there is too little text to tell the language.
_MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return None
    language, _ = py3langid.classify(sample)
    return language
