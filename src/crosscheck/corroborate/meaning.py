"""Evidence that two claims mean the same beyond their words: the embedding cosine on the lexical scale (no evidence
within a language the embedder was not trained on), and one named speaker across languages (align.py, verdicts.py)."""
from __future__ import annotations

from functools import lru_cache

from ..config import Settings
from ..embed import embedder_languages
from ..textunits import base_language
from .features import ClaimView
from .values import same_value


@lru_cache(maxsize=256)
def _read(language: str | None, embedder: str) -> bool:
    """The embedder was trained on the language (or it is unknown): two of its sentences are compared by meaning."""
    read = embedder_languages(embedder)
    return read is None or not language or base_language(language) in read


def meaning(a: ClaimView, b: ClaimView, settings: Settings) -> float | None:
    """Embedding evidence for two claims, on the lexical scale [0, 1] (None when a vector is missing):
    cosine mapped linearly from ``align_cross_cos_low`` (0) to ``align_cross_cos_high`` (1) across
    languages, from ``align_same_cos_low`` to ``align_same_cos_high`` within one (where a paraphrase's
    words differ: "recalled its ambassador" / "withdrew its envoy")."""
    if a.vector is None or b.vector is None or a.vector.shape != b.vector.shape:
        return None
    if not a.cross(b) and not _read(a.language, settings.embedder):
        return None  # two sentences of a language the embedder was not trained on meet at random (bench/embed_languages.py)
    cos = float(a.vector @ b.vector)
    lo, hi = ((settings.align_cross_cos_low, settings.align_cross_cos_high) if a.cross(b)
              else (settings.align_same_cos_low, settings.align_same_cos_high))
    return min(1.0, max(0.0, (cos - lo) / (hi - lo)))


def figures_say(a: ClaimView, b: ClaimView, settings: Settings) -> bool:
    """Across languages, one of which the embedder was not trained on (its vectors meet at random): the two claims'
    sentences give two or more figures, every one of the sentence giving fewer agreeing with one of the other's, and a
    figure of one claim agrees with one of the other ('18 लोगों की मौत ... 23 घायल ... 200 मीटर' / 'At least 18 people
    were killed and 23 injured ... 200-metre'; 'zabil dva zaměstnance a 14 dalších zranil' / 'killed two workers',
    'injured 14', one sentence read as two claims): the sentences translate each other, and the claims say the same."""
    if not a.cross(b) or _read(a.language, settings.embedder) and _read(b.language, settings.embedder):
        return False
    if not any(same_value(x, y) for x in a.figures for y in b.figures):
        return False
    few, many = sorted((a.sentence_figures or a.figures, b.sentence_figures or b.figures), key=len)
    return len(few) >= 2 and all(any(same_value(x, y) for y in many) for x in few)


def one_named_speaker(a: ClaimView, b: ClaimView) -> bool:
    """Both claims are said by one named person: one linked entity, or names whose keys meet (_one_name)."""
    return a.named and b.named and (a.speaker_id == b.speaker_id or _one_name(a.speaker_keys, b.speaker_keys))


def _one_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two speakers' name keys (corroborate.features.name_keys) name one person: two keys in common, or every key of a
    one-word name ('Томаш Голуб' / 'Defence Minister Tomas Holub'; not 'Tomas Novak' / 'Tomas Holub')."""
    shared = len(a & b)
    return shared >= 2 or shared >= 1 and min(len(a), len(b)) == 1


def near_across(view: ClaimView, members: list[ClaimView], settings: Settings) -> bool:
    """Some member in another language means roughly what ``view`` says (embeddings propose the
    comparison that shared words propose within one language), or is said by the same named person (a language the
    embedder reads poorly: Ukrainian 'Томаш Голуб' / 'Tomas Holub', one person the entity linker found in both, as
    Greek 'Αντρέας Πέλιν' / 'Andreas Pellin'), or gives its sentence's figures (``figures_say``)."""
    return any(view.cross(m) and ((meaning(view, m, settings) or 0.0) > 0.0 or one_named_speaker(view, m)
                                  or figures_say(view, m, settings)) for m in members)
