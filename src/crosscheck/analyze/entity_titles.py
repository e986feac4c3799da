"""Titles around names in reports outside English, on the parse: a title word (a compound ending in one
included), a title of several words opening a name the NER read, a minister's portfolio between title and name,
a ministry named by its noun and portfolio, and a title written after the name. The words are per language
(data/claim_cues.json: titles, portfolios, ministries, title_after_name; analyze/portfolios.py reads them)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from crosscheck.analyze.institutions import spans as institution_spans
from crosscheck.analyze.portfolios import ministry_spans, name_after_portfolio, portfolio_end, title_after_name
from crosscheck.textunits import stop_words


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per parse: spaCy joins every token on each access."""
    text = doc.user_data.get("crosscheck_text")
    if text is None:
        text = doc.user_data["crosscheck_text"] = doc.text
    return text


def with_ministries(sdoc: Doc, spans: list[tuple[Span, str]], language: str) -> list[tuple[Span, str]]:
    """A ministry named by its noun and portfolio is one organisation: the spans the NER cut from it ('Ministério'
    a person, 'Interior' an organisation) give way to it. So does an institution named by its head noun and its
    adjectives in lower case ('Banque nationale de Lorvanie': the NER kept 'Banque'; analyze/institutions.py)."""
    text = doc_text(sdoc)
    found = [sp for s, e, alone in [(s, e, True) for s, e in ministry_spans(text, language)] +
             institution_spans(text, language) if (sp := sdoc.char_span(s, e, alignment_mode="expand")) is not None
             and (alone or any(x.start < sp.end and sp.start < x.end for x, _ in spans))]
    # (not one inside a longer name the NER read: 'Tribunal Federal' of 'Supremo Tribunal Federal'; an article
    # before it is no more name: 'La Audiencia Nacional')
    stops = stop_words(language)
    found = [m for m in found if not any(sp.start <= m.start and m.end <= sp.end and any(
        t.lower_ not in stops for t in (*sp.doc[sp.start:m.start], *sp.doc[m.end:sp.end])) for sp, _ in spans)]
    if not found:
        return spans
    kept = [(sp, lbl) for sp, lbl in spans if not any(sp.start < m.end and m.start < sp.end for m in found)]
    return kept + [(m, "ORG") for m in found]


def past_long_title(span: Span, titles: frozenset[str]) -> Span | None:
    """'Juru bicara ...' (Indonesian 'spokesperson': the NER read 'Juru' as a person), 'Perdana Menteri Anwar
    Ibrahim': a title of several words (``titles`` holding some) opening a span is no part of the name; None when
    nothing is left of it."""
    doc = span.doc
    for title in sorted((t for t in titles if " " in t), key=len, reverse=True):
        end = span.start + len(title.split())
        if end <= len(doc) and " ".join(t.lower_ for t in doc[span.start:end]) == title:
            return doc[end:span.end] if end < span.end else None
    return span


def without_portfolio(span: Span, titles: frozenset[str], language: str | None, titled: bool) -> Span | None:
    """'Salute Ilse Varga' of 'il ministro della Salute Ilse Varga': the name after the portfolio that opens a
    span a title stands before (or opened: ``titled``); None when the span is the portfolio alone."""
    doc = span.doc
    before = [t for t in doc[max(0, span.start - 4):span.start] if not t.is_punct]
    if not titled and not any(is_title_word(t.lower_, titles, True) for t in before[-3:]):
        return span
    end = portfolio_end(doc_text(doc), span.start_char, language)
    if end is not None and end >= span.end_char:
        return None
    at = name_after_portfolio(doc_text(doc), span.start_char, language)
    if at is None or at >= span.end_char:
        return span
    cut = doc.char_span(at, span.end_char, alignment_mode="expand")
    return cut if cut is not None and len(cut) else span


def is_title_word(word: str, titles: frozenset[str], foreign: bool) -> bool:
    """A title of the language's list; in another language also a compound ending in one ('Ministeriumssprecher',
    'Regionalgouverneur', 'Zivilschutzchefin'), as German and Dutch write them."""
    return word in titles or foreign and len(word) > 5 and any(
        len(word) >= len(t) + 3 and word.endswith(t) for t in titles)


def title_after(span: Span, titles: frozenset[str], language: str | None) -> bool:
    """In a language that writes the title after the name ('Varga Ilse egészségügyi miniszter'; data/claim_cues.json
    'title_after_name'), a name of two or three capitalised words with a title right after it, perhaps behind a
    word in lower case (the portfolio), is a person's."""
    if not language or not title_after_name(language) or not 2 <= len(span) <= 3 or \
            not all(t.is_title and t.is_alpha for t in span):
        return False
    after = [t for t in span.doc[span.end:span.end + 2] if t.is_alpha]
    return bool(after) and (is_title_word(after[0].lower_, titles, True) or
                            len(after) > 1 and after[0].is_lower and is_title_word(after[1].lower_, titles, True))
