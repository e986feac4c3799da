"""Names in a language with a romanisation of its own (crosscheck.romanise) and the speakers they name."""
from __future__ import annotations
def test_a_name_of_a_known_language_is_read_with_its_romanisation_without_its_marker_letters():
    """'Голуб' holds no letter only Ukrainian writes, so it read as Russian: Golub, never Holub; the claim's language
    says it is Ukrainian."""
    from crosscheck.corroborate.features import name_keys
    from crosscheck.romanise import romanised

    assert romanised("Томаш Голуб", "uk") == "Томаш Hолуб"  # (the letters its table maps; anyascii does the rest)
    assert romanised("Томаш Голуб") == "Томаш Голуб"
    assert name_keys("Томаш Голуб", "uk") == {"tomas", "holub"}


def test_one_speaker_by_two_name_keys_or_every_key_of_a_one_word_name():
    from crosscheck.corroborate.meaning import _one_name

    assert _one_name(frozenset({"tomas", "holub"}), frozenset({"defen", "minis", "tomas", "holub"}))
    assert _one_name(frozenset({"holub"}), frozenset({"tomas", "holub"}))
    assert not _one_name(frozenset({"tomas", "novak"}), frozenset({"tomas", "holub"}))
