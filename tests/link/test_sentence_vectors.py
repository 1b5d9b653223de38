"""Claim sentence vectors: paraphrases closer than look-alikes on other matters."""

import numpy as np

from newsgraph.link.sentence_vectors import sentence_vectors, text_pieces

SENTENCES = [
    "Police arrested the gunman outside the Delmora cinema on Monday.",
    "Officers detained the shooter near the Delmora cinema on Monday.",
    "The Delmora council raised the price of cinema tickets on Monday.",
    "A ferry carrying 40 passengers sank off the coast of Vantro.",
]


def test_a_paraphrase_is_closer_than_a_sentence_sharing_its_topic_words():
    vectors = sentence_vectors(SENTENCES)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] > similarity[0, 3]


def test_vectors_are_unit_length_and_empty_text_gives_zeros():
    vectors = sentence_vectors(["Storm floods Vantro harbour.", ""])
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0)
    assert not vectors[1].any()


def test_unknown_names_split_into_word_pieces_and_accents_fold():
    assert text_pieces("Delmóra") == text_pieces("Delmora") != []
