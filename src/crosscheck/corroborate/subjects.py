"""What a claim names and what it is about: whether another claim mentions a term (exactly, or a word with
the same five-letter start), and whether two claims' subjects are apart, read by first words and by the parse."""
from __future__ import annotations

from functools import lru_cache

from .features import ClaimView
from .lexicon import STOP, TOKEN, stem


def plain(term: str) -> bool:
    """A word term long enough to meet others by its five-letter start (not a name or a predicate class)."""
    return term[0] not in "~@" and len(term) >= 5


@lru_cache(maxsize=8192)
def prefixes(terms: frozenset[str]) -> dict[str, str]:
    return {t[:5]: t for t in sorted(terms) if plain(t)}


def mentions(view: ClaimView, term: str) -> bool:
    """Whether ``view`` names ``term`` (exactly, or a word with the same five-letter start)."""
    if term in view.terms or term in view.entity_terms:
        return True
    # ... or a word of a name it writes ('norvik' of a headline, whose names are not read, in 'Norvik Motors')
    return plain(term) and (term[:5] in prefixes(view.terms) or term in _name_words(view.names))


def names_subject(view: ClaimView, other: ClaimView, subject: str | None = None) -> bool:
    """``view`` mentions ``other``'s subject (``subject``: another reading of it): the term itself, or, for a
    name, one of its words ("Ferry service between A and B" / "Ferries between A and B")."""
    subject = subject or other.subject
    if mentions(view, subject):
        return True
    if not subject.startswith("@"):
        return False
    return any(mentions(view, w) for w in _subject_words(other.names, subject))


def heads_apart(a: ClaimView, b: ClaimView) -> bool:
    """The parse does not contradict the subjects' being apart: unread or unknown (a pronoun) on either
    side, or each subject (a name or a head noun) is one the other claim does not mention. The first-word
    subject alone took adjectives and times for subjects ('Notorious party girl X' / 'Perennial party girl
    X'); the parse alone, the agent of an active clause against the patient of a passive one: apart only
    where both read it so (ECB+ pairs F1 0.511 -> 0.522, fictional 0.943 -> 0.949; the parse alone 0.491)."""
    if not (a.head and b.head):
        return True
    return not names_subject(b, a, a.head) and not names_subject(a, b, b.head)


@lru_cache(maxsize=8192)
def _name_words(names: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The stemmed words of every name a claim writes."""
    return frozenset(stem(w) for _, name in names for w in TOKEN.findall(name))


@lru_cache(maxsize=8192)
def _subject_words(names: tuple[tuple[str, str], ...], subject: str) -> frozenset[str]:
    """The stemmed words (3+ letters, not stop words) of the names a claim writes its subject as."""
    words = {stem(w) for term, name in names if term == subject for w in TOKEN.findall(name)}
    return frozenset(w for w in words - STOP if len(w) >= 3)


def two_words_for_one(a: ClaimView, b: ClaimView) -> bool:
    """Two subjects that are bare nouns after a determiner ('the programme', 'the deal': each points back to what
    its report is about; not 'the new bridge', 'the harbour tunnel', which pick out one thing), beside one precise
    figure of one counted thing (not a share) that one speaker gives in both: two words a retelling uses for one
    thing ('The programme will cost 250 million euros' / 'The deal will cost taxpayers 250 million euros', the
    defence ministry both times)."""
    return _bare_subject(a) and _bare_subject(b) and any(f.of and f.of != "percent" and f.unit is None
                                                         for f in a.figures)


def _bare_subject(view: ClaimView) -> bool:
    words = TOKEN.findall(view.claim.text.lower())
    return len(words) > 2 and words[0] in STOP and stem(words[1]) == view.head == view.subject
