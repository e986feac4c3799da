"""Sources named by a role alone in other languages than English ('según la ministra', 'según el ministerio',
'σύμφωνα με την υπουργό'): the person last named with that title, or the ministry last named (claims_multi.py)."""
from __future__ import annotations

import re

from crosscheck.analyze.claims_sources_multi import _EDGE, PERSON_REACH, _mentions_in
from crosscheck.analyze.portfolios import cue_entry, ministry_nouns
from crosscheck.textunits import stop_words

TITLE_STEM = 5  # letters a title keeps through its cases ('υπουργός' / 'την υπουργό', 'ministra' / 'ministras')


def role_holder(st, phrase: str | None, s: int) -> tuple[str, str] | None:
    """A source that is a title alone ('según la ministra', 'σύμφωνα με την υπουργό', 'menurut menteri'): the
    person last named with that title before ``s`` ('La ministra de Salud Ilse Varga habló ...'), as the English
    finder resolves a role to its named holder; None when the phrase is more than a title or no one was."""
    if not phrase or st.cues.titles is None:
        return None
    tokens = [t.strip(_EDGE + ".,;:").lower() for t in phrase.split()]  # (Devanagari's vowel signs are no \w)
    words = [w for w in tokens if w and w not in stop_words(st.cues.lang)]
    long = next((t for t in st.cues.title_words if " " in t and t in " ".join(tokens)), None)
    if long is not None:  # a title of two words ('theo bộ trưởng')
        words = [long]
    if not 1 <= len(words) <= 2 or not all(a_title(st, w) for w in words):
        return None
    if any(w.startswith(n) and w not in st.cues.title_words for w in words for n in ministry_nouns(st.cues.lang)):
        return None  # 'según el ministerio': the ministry, not the minister ('ministra'); 'bộ trưởng' is a title
    words = list(dict.fromkeys(f for w in words for f in (w, *sorted(st.cues.title_forms.get(w, ())))))
    stems = {w[:TITLE_STEM] for w in words}
    for m in reversed(_mentions_in(st, max(0, s - PERSON_REACH * 3), s)):
        ent = st.ents.entity(m.entity)
        if (ent.type if ent else m.label) != "PERSON":
            continue
        if _titled_by(st.text[max(0, m.start - 60):m.start], stems, words) or \
                _titled_by(st.text[m.end:m.end + 40], stems, words, after=True):  # 'Varga Ilse egészségügyi miniszter'
            return m.entity, ent.name if ent else " ".join(st.text[m.start:m.end].split())
    return None


def a_title(st, word: str) -> bool:
    """``word`` (lower case) is one of the language's titles, or one in another case ('ministra' of 'minister'; not
    'Bakanlığı', the ministry)."""
    return word in st.cues.title_words or any(t.startswith(word[:TITLE_STEM]) and abs(len(t) - len(word)) <= 2
                                              for t in st.cues.title_words)


def ministry_named_before(st, phrase: str | None, s: int) -> tuple[str, str] | None:
    """'según el ministerio', 'selon le ministère': the ministry last named before ``s`` ('informó el Ministerio de
    Hacienda'), as the English finder reads 'the ministry'; None when the phrase is more than the noun."""
    nouns = ministry_nouns(st.cues.lang)
    words = [w.strip(_EDGE + ".,;:").lower() for w in (phrase or "").split()]
    words = [w for w in words if w and w not in stop_words(st.cues.lang)]
    if len(words) != 1 or words[0] in st.cues.title_words or not any(words[0].startswith(n) for n in nouns):
        return None
    for m in reversed(_mentions_in(st, max(0, s - PERSON_REACH * 3), s)):
        ent = st.ents.entity(m.entity)
        name = ent.name if ent else " ".join(st.text[m.start:m.end].split())
        if (ent.type if ent else m.label) == "ORG" and any(name.lower().startswith(n) for n in nouns):
            return m.entity, name
    # a ministry the NER did not find, already a source ('Министерство обороны сообщило, что C1. По данным
    # министерства, C2')
    for c in reversed(st.claims):
        if c.start < s - PERSON_REACH * 3:
            break
        if c.kind != "outlet" and c.speaker_text and len(c.speaker_text.split()) > 1 and \
                any(c.speaker_text.lower().startswith(n) for n in nouns):
            return c.speaker, c.speaker_text
    return None


def org_named_before(st, phrase: str | None, s: int) -> tuple[str, str] | None:
    """'Das teilte das Unternehmen mit', 'aldus het bedrijf': a source that is a noun naming an organisation by its
    kind alone (data/claim_cues.json 'org_kinds') is the organisation last named before ``s`` (the end of the claim's
    sentence: 'Der Modehändler Velmar hat ... beantragt'), as the English finder reads 'the company'; None when the
    phrase is more than the noun."""
    kinds = tuple(cue_entry(st.cues.lang).get("org_kinds", ()))
    words = [w.strip(_EDGE + ".,;:").lower() for w in (phrase or "").split()]
    words = [w for w in words if w and w not in stop_words(st.cues.lang)]
    if not kinds or len(words) != 1 or not words[0].endswith(kinds):
        return None
    for m in reversed(_mentions_in(st, max(0, s - PERSON_REACH * 3), s)):
        ent = st.ents.entity(m.entity)
        if (ent.type if ent else m.label) == "ORG":
            return m.entity, ent.name if ent else " ".join(st.text[m.start:m.end].split())
    return None


def _titled_by(near: str, stems: set[str], titles: list[str], after: bool = False) -> bool:
    """The title (``stems``: its first letters; ``titles``: its words, which a compound may end with, in another
    case: 'Gesundheitsministerin', 'Terveysministeri' for 'ministerin') is among the last four words before a
    name in its clause ('minister zdrowia Ilse Varga', 'a ministra da Saúde, Ilse Varga'), or with ``after``
    among the first two after it ('Varga Ilse egészségügyi miniszter'), not in another sentence."""
    clause = re.split(r"[.!?;:\u3002]", near)[0 if after else -1]
    words = clause.split()[:2] if after else clause.split()[-4:]
    window = " ".join(clause.lower().split()[:3] if after else clause.lower().split()[-6:])
    if any(" " in t and t in window for t in titles):
        return True  # a title of two words ('Bộ trưởng Y tế Ilse Varga')
    for w in words:
        w = w.strip(",").lower()
        if w[:TITLE_STEM] in stems or any(len(w) > n and w.endswith(t[:n]) for t in titles
                                          for n in range(max(TITLE_STEM, len(t) - 2), len(t) + 1)):
            return True
    return False
