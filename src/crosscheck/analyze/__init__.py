"""Document -> facts: one spaCy pass per report, then entities, claims, quantities, times and lemmas.

``analyze(docs, settings)`` parses all texts in one batched ``nlp.pipe`` (see nlp.py) and keeps the
post-processing light: each stage walks the parsed tokens once. Reports in other languages get names
where the English model finds them in Latin script, lemmas as lowercased words, and claims from the
per-language tables of claims_multi.py (quotation marks, reporting verbs, 'according to' forms).
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence
from urllib.parse import urlsplit

from spacy.tokens import Doc

from crosscheck.analyze import claims as _claims
from crosscheck.analyze import claims_multi as _claims_multi
from crosscheck.analyze import entities as _entities
from crosscheck.analyze import headlines as _headlines
from crosscheck.analyze import names as _names
from crosscheck.analyze import nlp as _nlp
from crosscheck.analyze.aliases import known, link, surname_particles
from crosscheck.analyze.claim_polarity import with_denials
from crosscheck.analyze.time_words import cldr
from crosscheck.config import Settings
from crosscheck.model import Analysis, Document
from crosscheck.textunits import base_language, noun_markers, noun_position, sentence_spans, stop_words
from crosscheck.boilerplate import strip_dateline

__all__ = ["analyze", "analyze_parsed", "link"]

_EDGE_PUNCT = re.compile(r"^\W+|\W+$")
_WORDS = re.compile(r"[^\W\d_]+")
_PAST_LATIN = re.compile(r"[\u0250-\U0010ffff]+")
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def analyze(docs: Sequence[Document], settings: Settings | None = None) -> list[Analysis]:
    """One Analysis per document, in order."""
    settings = settings or Settings()
    cap = settings.analysis_max_chars
    texts = [_nlp.head(d.text or "", cap) for d in docs]
    latin = [_latin(t) for t in texts]
    heads = [headline(d, settings.spacy_model) for d in docs]
    titles = [h[0] if h else None for h in heads]
    parsed: list[Doc | None] = [None] * len(docs)
    parsed_titles: list[Doc | None] = [None] * len(docs)
    for model, want in ((settings.spacy_model, True), (_nlp.SCRIPT_PIPELINE, False)):
        idx = [i for i, ok in enumerate(latin) if ok is want]
        if idx:  # Latin script: the English model; other scripts: the tokenizer-only pipeline
            for i, sdoc in zip(idx, _nlp.parse([texts[i] for i in idx], model, settings.nlp_batch_size, settings.nlp_max_chars)):
                parsed[i] = sdoc
        for i in idx:  # a headline the text opens with as it is (no case changed) is read from the text's parse
            parsed_titles[i] = _opening_parse(titles[i], texts[i], parsed[i]) if titles[i] else None
        idx = [i for i in idx if titles[i] and parsed_titles[i] is None]
        if idx:
            heads_parsed = _nlp.parse([titles[i] for i in idx], model, settings.nlp_batch_size, settings.nlp_max_chars)
            for i, sdoc in zip(idx, heads_parsed):
                parsed_titles[i] = sdoc
    out = []
    for doc, text, sdoc, head, tdoc in zip(docs, texts, parsed, heads, parsed_titles):
        if len(text) < len(doc.text or ""):  # a huge report: its neighbours must not wait on it (issue 11)
            note = (f"text analysed up to character {len(text):,} of {len(doc.text):,} (Settings.analysis_max_chars); "
                    "the rest is stored but not analysed")
            analysis = analyze_parsed(dataclasses.replace(doc, text=text), sdoc, settings)
            analysis = dataclasses.replace(analysis, notes=analysis.notes + (note,))
        else:
            analysis = analyze_parsed(doc, sdoc, settings)
        out.append(with_title_claims(analysis, doc, *head, tdoc, settings) if tdoc is not None and head else analysis)
    return out


def headline(doc: Document, model: str | None = None) -> tuple[str, int] | None:
    """(the report's headline, where it starts in ``doc.title``), to be read for claims: the title without the
    site's name it opens or closes with (headlines.site_free) and its kickers ('Opinion | ', headlines.kicker_free),
    in sentence case (headlines.sentence_case; an English headline's words absent from the text by the dictionary
    of ``model``'s lemmatizer). The cleaning took it out of the text, or the text opens with it in a line of its
    own, which the body's reading leaves to it."""
    title = re.sub(r"\s", " ", doc.title or "")
    lang = base_language(doc.language or "en")
    s, e = _headlines.site_free(title, doc.outlet, urlsplit(doc.url or "").hostname)
    s = _headlines.kicker_free(title, s, e, lang)
    s += len(title[s:e]) - len(title[s:e].lstrip())
    e = s + len(title[s:e].strip())
    if e <= s:
        return None
    known = None
    # the text after its own copy of the headline, if it opens with one: the copy's capitals are the headline's
    body = (doc.text or "")[_opening_copy(title[s:e], doc.text or "", stop=True):]
    if model and lang == "en":  # a verb the text writes nowhere but in its own copy of the headline: no name
        rest = set(_WORDS.findall(body.casefold()))
        known = lambda w: w not in rest and (_nlp.dictionary_word(w, model) or w.endswith("ly") and  # noqa: E731
                                             _nlp.dictionary_word(w, model, "adv"))  # ('Criminally', no name)
    return _headlines.sentence_case(title[s:e], body, stop_words(lang), known), s


def _opening_copy(title: str, text: str, stop: bool = False) -> int:
    """The end of the text's first line when that line is the title (0 when it is not; ``stop``: also when the
    line has the title's words with other punctuation, a stop the title does not have: 'Fraud.’' for 'Fraud’')."""
    stripped = text.lstrip()
    line = stripped.split("\n", 1)[0]
    if " ".join(line.split()).casefold() != title.casefold() and not (
            stop and _WORDS.findall(line.casefold()) == _WORDS.findall(title.casefold())):
        return 0
    return len(text) - len(stripped) + len(line)


def _opening_parse(title: str, text: str, sdoc: Doc | None) -> Doc | None:
    """The text's parse of its first line when that line is ``title`` character for character (ECB+ opens
    with its lede as the title): parsing it again would cost a tenth of the analysis."""
    at = len(text) - len(text.lstrip())
    end = at + len(title)
    if sdoc is None or text[at:end] != title or text[end:end + 1] not in ("", "\n"):
        return None
    span = sdoc.char_span(at, at + len(title))
    return span.as_doc() if span is not None else None


def with_title_claims(analysis: Analysis, doc: Document, title: str, at: int, tdoc: Doc,
                      settings: Settings | None) -> Analysis:
    """``analysis`` with the claims of the headline (``title``, from character ``at`` of the document's title,
    parsed as ``tdoc``) after its own, in place of those the body read from its copy of the title: keys "t" +
    key, ``in_title`` set, offsets into the document's title.
    A speaker the text names too (the headline's entity or its words as written) is that entity of the text; any
    other keeps its words as written (speaker_text) and no entity."""
    names = frozenset(w for e in analysis.entities for w in e.name.split())
    parsed = analyze_parsed(dataclasses.replace(doc, text=title, title=None), tdoc, settings, headline=True,
                            names=names)
    found, own_entities = parsed.claims, parsed.entities
    keys: dict[str, str] = {}
    for e in analysis.entities:
        for name in (e.name, *e.aliases):
            keys.setdefault(name.casefold(), e.key)
    ents = {e.key: e for e in own_entities}
    claims = []
    for c in found:
        ent = ents.get(c.speaker) if c.speaker else None
        written = ((ent.name, *ent.aliases) if ent else ()) + ((c.speaker_text,) if c.speaker_text else ())
        speaker = next((keys[n.casefold()] for n in written if n.casefold() in keys), None)
        claims.append(dataclasses.replace(c, key="t" + c.key, speaker=speaker, in_title=True, start=c.start + at,
                                          end=c.end + at))
    copy = _opening_copy(title, doc.text or "")
    body = tuple(c for c in analysis.claims if c.start >= copy)
    if not claims and len(body) == len(analysis.claims):
        return analysis
    amounts = tuple(dataclasses.replace(q, start=q.start + at, end=q.end + at) for q in parsed.quantities) if claims else ()
    return dataclasses.replace(analysis, claims=body + tuple(claims), title_quantities=amounts)


def analyze_parsed(doc: Document, sdoc: Doc, settings: Settings | None = None, headline: bool = False,
                   names: frozenset[str] = frozenset()) -> Analysis:
    """The Analysis of one document already parsed by the pipeline of nlp.py (``headline``: its text is a
    headline, its claims read as headlines are written; ``names``: words of the report's names, for a label)."""
    latin = _latin(doc.text or "")
    english = (doc.language or "en").lower().startswith("en") and latin
    foreign = latin and not english and bool(doc.language)  # the English NER reads its names: cut to them
    stops = stop_words(base_language(doc.language)) if foreign else frozenset()
    titles = _claims_multi.title_words(doc.language) | _claims_multi.title_phrases(doc.language) if foreign \
        else _entities.TITLE_HEADS
    kinds = _claims_multi.org_kinds(doc.language) if foreign else frozenset()
    places = _claims_multi.org_kinds(doc.language, "place_kinds") if foreign else frozenset()
    ents = _entities.extract(sdoc, latin=latin, stops=stops, titles=titles, kinds=kinds, places=places,
                             calendar=_weekdays(doc.language) if foreign else frozenset(),
                             particles=surname_particles(doc.language) if foreign else frozenset(),
                             language=doc.language if foreign else None) if latin else \
        _names.find(sdoc, doc.text or "", doc.language)
    if stops:
        ents = _without_function_words(ents, stops, doc.text or "", doc.language)
    ents = _dateline_places(ents, doc.text or "")
    mentions = list(ents.mentions)
    claims = ()
    quantities, times = _numbers_and_dates(doc, sdoc if english else None)
    if english:
        found = _claims.extract(sdoc, ents, outlet=doc.outlet, settings=settings, headline=headline, names=names)
        claims = found.claims
        mentions.extend(found.mentions)
        mentions.sort(key=lambda m: m.start)
    elif doc.language:
        sents = _sentences(doc.text or "") if len(sdoc) else []
        facts = [(q.start, q.end) for q in quantities] + [(t.start, t.end) for t in times]
        claims = tuple(_claims_multi.extract(doc.text or "", sents, ents, doc.language, outlet=doc.outlet,
                                             settings=settings, facts=facts, headline=headline))
    claims = with_denials(claims, doc.text or "", doc.title, doc.language, mentions)
    return Analysis(
        document=doc.id, entities=ents.entities, mentions=tuple(mentions), quantities=tuple(quantities),
        times=tuple(times), claims=claims, lemmas=_lemmas(sdoc, english),
    )


_FIGURE_INSIDE = re.compile(r"\w\s+\d[\d.,]*\s+\w")  # a figure between two words of one mention


def _common_word(text: str, start: int, end: int, lang: str, calendar) -> bool:
    """A one-word mention that is a month or weekday of the language (CLDR), or, where every noun is capitalised,
    a word no gazetteer knows right after an article, an article fused with a preposition or an article and an
    adjective ('die Grenze', 'am Dienstagmorgen', 'dem schweren Erdbeben'; after a preposition it may be a place:
    'in Tarvel'; longer names follow articles: 'die Valdor Times'), a mention right after a figure ('1.800
    Menschen', '21 Millionen Rentner'), or a run of nouns with a figure inside ('Jahren 1200 Stellen')."""
    word = text[start:end]
    articles = noun_markers(lang)
    if articles and _FIGURE_INSIDE.search(word) and known(word) is None:
        return True  # 'Jahren 1200 Stellen', 'Aufschlag von 27 Prozent': a run of nouns around a figure
    words = word.split()
    if not all(w.isalpha() for w in words):
        return False
    if len(words) == 1 and word.lower() in calendar:
        return True
    if not articles or known(word) is not None:
        return False
    place = noun_position(text, start, lang)
    if place == "figure":
        return True
    return place is not None and len(words) == 1  # ('die Valdor Times', 'die Deutsche Bahn': a name after an article)


_PLACE_TYPES = ("GPE", "LOC", "FAC")


def _dateline_places(ents, text: str):
    """A name opening a paragraph's dateline ('GDANSK, June 6 (Northwire) -') is where the report was filed, a
    place: the small model read capitals as an organisation, and the lead's place was lost with it (two protests in
    two cities were one story). A name a gazetteer knows as something else keeps its type."""
    if not ents.mentions:
        return ents
    at = {}
    pos = 0
    for line in text.split("\n"):
        cut = len(line) - len(strip_dateline(line))
        if cut:
            at[pos] = pos + cut
        pos += len(line) + 1
    if not at:
        return ents
    retype = {m.entity for m in ents.mentions if m.start in at and m.end <= at[m.start]}
    changed = {e.key for e in ents.entities if e.key in retype and e.type not in _PLACE_TYPES
               and (known(e.name) is None or known(e.name).type in _PLACE_TYPES)}
    if not changed:
        return ents
    return _entities.LocalEntities(
        entities=tuple(dataclasses.replace(e, type="GPE") if e.key in changed else e for e in ents.entities),
        mentions=tuple(dataclasses.replace(m, label="GPE") if m.entity in changed else m for m in ents.mentions),
        by_token=ents.by_token)


def _weekdays(language: str | None) -> frozenset[str]:
    """The weekday names of the report's language (CLDR), lowercase."""
    table = cldr(base_language(language)) if language else None
    return frozenset((table or {}).get("weekdays", {}))


def _without_function_words(ents, stops: frozenset[str], text: str = "", language: str | None = None):
    """The English NER reading Spanish or Dutch tags capitalised function words ('Se', 'Hij', 'Tras'): an entity
    whose every word is a stop word of the report's language is dropped (the NER's own spans are cut to their
    names before: entities.foreign_span; this catches the other readers' names). So is an entity every mention of
    which is one common word (``_common_word``: 'Dienstag', 'die Grenze')."""
    bad = {e.key for e in ents.entities if all(w.lower() in stops for w in re.findall(r"\w+", e.name))}
    lang = base_language(language) if language else ""
    table = cldr(lang) if lang else None
    calendar = {*(table or {}).get("months", {}), *_weekdays(lang)}
    articles = noun_markers(lang)
    if text and (calendar or articles):
        said: dict[str, list] = {}
        for m in ents.mentions:
            said.setdefault(m.entity, []).append(m)
        bad |= {k for k, ms in said.items()
                if all(_common_word(text, m.start, m.end, lang, calendar) for m in ms)}
    if not bad:
        return ents
    return _entities.LocalEntities(
        entities=tuple(e for e in ents.entities if e.key not in bad),
        mentions=tuple(m for m in ents.mentions if m.entity not in bad),
        by_token={i: k for i, k in ents.by_token.items() if k not in bad})


_ORDINAL_END = re.compile(r"(?<![\d.])\d{1,2}\.\s*$")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a report in another language than English: textunits.sentence_spans (stops, capitals,
    abbreviations), not the English parse's, which ends one sentence in ten inside a sentence of Spanish or Dutch
    ('expertos en la industria dicen que | el Pentágono anuló ...') and Hindi's after an initial ('जिला कलेक्टर एस. |
    मीनाक्षी ने बताया'); a split after an ordinal dot rejoined ('am 14. März', '17. Oktober': a German or Polish day
    number's dot read as a full stop)."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        if out and _ORDINAL_END.search(text[out[-1][0]:out[-1][1]]) and "\n" not in text[out[-1][1]:s] and text[s:s + 1].strip():
            nxt = text[s:e].lstrip()
            if nxt[:1].islower() or _month_word(nxt.split(" ", 1)[0]):
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


def _month_word(word: str) -> bool:
    from crosscheck.analyze.time_words import FOREIGN_MONTHS

    return word.lower().rstrip(".,") in FOREIGN_MONTHS


def _numbers_and_dates(doc: Document, sdoc: Doc):
    try:
        from crosscheck.analyze import quantities, times
    except ImportError as exc:  # written by another stage owner; the analysis needs both
        raise ImportError(f"crosscheck.analyze needs quantities.py and times.py: {exc}") from exc
    return quantities.extract(doc, sdoc), times.extract(doc, sdoc) + times.extract_captions(doc)


def _lemmas(sdoc: Doc, english: bool) -> tuple[str, ...]:
    if english:
        return tuple(t.lemma_.lower() for t in sdoc if t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num))
    words = [_EDGE_PUNCT.sub("", t.lower_) for t in sdoc if not t.is_punct and not t.is_space]
    out = [w for w in words if len(w) > 1 and any(ch.isalpha() for ch in w)]
    run: list[str] = []
    for w in words + [""]:  # Han/kana come one character a token: their words are read as character bigrams
        if len(w) == 1 and _HAN_KANA.match(w):
            run.append(w)
            continue
        out.extend(a + b for a, b in zip(run, run[1:]))
        run = []
    return tuple(out)


def _latin(text: str) -> bool:
    sample = text[:4000]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return True
    return sum(map(str.isalpha, _PAST_LATIN.sub("", sample))) >= 0.6 * letters  # the letters under U+0250
