"""Language identification of article text (py3langid: fast, offline, 97 languages).

Most runs are English news: a text whose words are plainly English (enough of "the", "of", "and" ...,
almost none of "el", "und", "les" ...) is English without loading py3langid's model, which costs a
second per process. Any other text, short or mixed, goes to py3langid.
"""

from __future__ import annotations

import string

import py3langid

# Enough text to decide reliably; more only costs time.
_SAMPLE_CHARS = 2000
# Below this many letters there is too little text to tell the language.
_MIN_LETTERS = 20
# Words frequent in any English text and not words of other languages ("a", "in", "to", "was" are).
ENGLISH_WORDS = frozenset("the and of that with which from this have were said would their".split())
# Words frequent in other European languages and rare in English (not "de", "la", "des": Des Moines, La Guardia).
OTHER_WORDS = frozenset("el los las del que y und der das ist nicht les une est dans pour il di che het een och att og por para".split())
# A sample is plainly English when at least this share of its words is English ones (PolNeAR's English
# news: median 0.15, 2 of 924 articles below 0.05) and almost none are other languages' (a Spanish
# article quoting a long English sentence is left to the model).
ENGLISH_SHARE = 0.05
OTHER_SHARE = 0.02
# Fewer words than this are left to the model.
_MIN_WORDS = 40
_EDGES = string.punctuation + "“”‘’«»"


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < _MIN_LETTERS:
        return None
    if plainly_english(sample):
        return "en"
    language, _ = py3langid.classify(sample)
    return language


def plainly_english(sample: str) -> bool:
    """Whether enough of a sample's words are common English function words to call it English."""
    words = [word.strip(_EDGES) for word in sample.lower().split()]
    if len(words) < _MIN_WORDS:
        return False
    english, other = sum(word in ENGLISH_WORDS for word in words), sum(word in OTHER_WORDS for word in words)
    return english >= ENGLISH_SHARE * len(words) and other < OTHER_SHARE * len(words)
