"""Line rules of the clean stage: which lines of a scraped text are navigation, related links,
bylines or photo captions, where the headline is, and what remains as the body (``clean_text``).

The rules are general features, not lists of known pages: navigation vocabulary in en de es fr it
pl pt nl ru uk, read-time/date/timestamp lines, prompts, bylines, caption and credit patterns, and
position (short unpunctuated lines above the first paragraph and below the last, runs of
headline-like lines). ``crosscheck.clean`` uses this module; the story titles (``stories.describe``)
use ``looks_like_headline`` and ``strip_dateline``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from crosscheck.config import Settings
from crosscheck.textunits import closers, ends_with_stop, without_full_stop, word_count

# ---------------------------------------------------------------- vocabulary (normalised: lower case)
# Whole lines that are navigation, section labels or page furniture, in en de es fr it pl ru uk.
NAV_LINES = frozenset("""
category|categories|section|latest news|latest|news|breaking news|breaking|top stories|most read|most popular|
popular|trending|authors|author|see all|see more|show more|load more|view all|view more|read more|read also|
related|related articles|related stories|related news|related content|more on this story|more stories|
you may also like|you might also like|recommended|recommended for you|share|share this|share this article|
share this story|share article|tweet|email|e-mail|print|copy link|link copied|comments|comment|
leave a comment|show comments|advertisement|advertising|sponsored|sponsored content|ad|subscribe|sign in|
log in|login|register|menu|search|home|skip to content|skip to main content|back to top|follow us|newsletter|
tags|topics|live|live updates|key events|show key events only|listen|listen to this article|watch|video|photos|
gallery|close|next|previous|next article|previous article|continue reading|cookie settings|accept|accept all|
privacy policy|terms of use|contact us|about us|editor's picks|editors' picks|exclusive|opinion|analysis|
translated|translation|
kategorie|rubrik|neueste nachrichten|aktuelle nachrichten|nachrichten|meistgelesen|meistgelesene artikel|
autor|autoren|autorin|alle anzeigen|mehr anzeigen|mehr lesen|weiterlesen|lesen sie auch|auch interessant|
mehr zum thema|das könnte sie auch interessieren|teilen|artikel teilen|drucken|kommentare|anzeige|werbung|
abonnieren|anmelden|startseite|suche|schlagwörter|themen|zum artikel|zurück|empfehlungen|
categoría|últimas noticias|noticias|lo más leído|más leídas|más leído|autores|ver todo|ver más|leer más|
lee también|lea también|lea además|le puede interesar|te puede interesar|noticias relacionadas|relacionado|
relacionadas|compartir|imprimir|comentarios|publicidad|suscríbete|iniciar sesión|portada|buscar|etiquetas|temas|
leia também|leia mais|veja também|saiba mais|notícias relacionadas|mais lidas|partilhar|compartilhar|
lees ook|lees meer|zie ook|meer over dit onderwerp|gerelateerde artikelen|meest gelezen|delen|
catégorie|rubrique|dernières infos|dernières nouvelles|dernières actualités|actualités|les plus lus|
auteur|auteurs|voir tout|voir plus|lire la suite|lire aussi|à lire aussi|sur le même sujet|
articles similaires|partager|imprimer|commentaires|publicité|abonnez-vous|s'abonner|se connecter|accueil|
rechercher|mots-clés|sujets|
categoria|ultime notizie|notizie|i più letti|più letti|autore|autori|vedi tutti|vedi tutto|leggi anche|
leggi di più|articoli correlati|potrebbe interessarti|condividi|stampa|commenti|pubblicità|abbonati|
iscriviti|accedi|cerca|argomenti|tag|
kategoria|najnowsze|najnowsze wiadomości|wiadomości|najczęściej czytane|autorzy|zobacz wszystkie|
zobacz więcej|czytaj więcej|czytaj także|czytaj też|zobacz też|zobacz także|polecamy|udostępnij|drukuj|
komentarze|reklama|subskrybuj|zaloguj się|szukaj|tagi|tematy|
категория|рубрика|последние новости|все новости|новости|самое читаемое|популярное|автор|авторы|
смотреть все|показать все|читать далее|читайте также|смотрите также|по теме|материалы по теме|поделиться|
печать|комментарии|реклама|подписаться|войти|поиск|теги|главная|
категорія|останні новини|усі новини|всі новини|новини|найпопулярніше|автори|дивитися всі|показати всі|
читати далі|читайте також|дивіться також|за темою|поділитися|друк|коментарі|підписатися|увійти|пошук|
головна""".replace("\n", "").split("|"))

# Labels after which a list of related headlines follows.
LIST_LABELS = frozenset("""
read more|read also|related|related articles|related stories|related news|related content|more on this story|
more stories|you may also like|you might also like|recommended|recommended for you|most read|most popular|
trending|top stories|latest news|editor's picks|lesen sie auch|mehr zum thema|auch interessant|meistgelesen|
das könnte sie auch interessieren|empfehlungen|noticias relacionadas|te puede interesar|lo más leído|
más leídas|lee también|lea también|lea además|le puede interesar|leia também|veja também|notícias relacionadas|
mais lidas|lees ook|zie ook|meer over dit onderwerp|gerelateerde artikelen|meest gelezen|
lire aussi|à lire aussi|sur le même sujet|articles similaires|les plus lus|
leggi anche|articoli correlati|potrebbe interessarti|i più letti|czytaj także|czytaj też|zobacz też|
zobacz także|polecamy|najczęściej czytane|читайте также|смотрите также|по теме|материалы по теме|
самое читаемое|читайте також|дивіться також|за темою|найпопулярніше|останні новини|последние новости
""".replace("\n", "").split("|"))

_RELATED_PREFIX = re.compile(
    r"^(?:read (?:also|more)|also read|see also|related(?: article| story)?|more on this|watch|listen|"
    r"lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|siehe auch|lee también|lea (?:también|además)|"
    r"leer más|ver también|le puede interesar|leia (?:também|mais)|veja também|saiba mais|lees (?:ook|meer)|zie ook|"
    r"te puede interesar|lire aussi|à lire aussi|voir aussi|leggi anche|guarda anche|"
    r"czytaj (?:także|też|więcej)|zobacz (?:też|także)|читайте также|смотрите также|читайте також|"
    r"дивіться також|по теме|за темою)\s*[:|»>–—]\s*\S",
    re.I,
)
_PROMPT_START = re.compile(
    r"^(?:subscribe|sign up|sign in|log in|follow (?:us|@)|join (?:us|our)|download (?:our|the)|"
    r"get (?:our|the) (?:app|newsletter)|click here|tap here|(?:please )?(?:turn on|enable|disable|allow|"
    r"switch off|whitelist)\b.{0,40}\b(?:javascript|ad ?block\w*|cookies)|share (?:this|on)|"
    r"(?:partager|compartir|teilen|condividi|udostępnij|поделиться|поділитися)\s+(?:sur|en|auf|su|na|в|у)\s|support (?:our|us)|"
    r"abonnieren sie|melden sie sich|folgen sie uns|suscríbete|síguenos|abonnez-vous|inscrivez-vous|"
    r"suivez-nous|iscriviti|abbonati|seguici|zapisz się|subskrybuj|obserwuj nas|подпишитесь|"
    r"подписывайтесь|підпишіться|підписуйтесь|стежте за)\b",
    re.I,
)
_PROMPT_WORD = re.compile(
    r"\b(?:newsletter|subscribe|subscription|sign up|javascript|ad ?blocker|abonnieren|abonnez|"
    r"abonnement|suscríbete|suscribirse|suscripción|abbonati|abbonamento|subskrybuj|subskrypcj\w*|"
    r"подпис(?:ывайтесь|аться|ка|ку|ки|читесь)|подпишитесь|підпис(?:уйтесь|атися|ка|ку|ки)|"
    r"підпишіться)\b",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b|файл\w* cookie", re.I)
# cookie notices speak to the reader ('we use', 'you agree'); a report about cookies does not
_COOKIE_CTX = re.compile(
    r"\b(?:we|our|you|your|this (?:site|website)|wir|unsere?|nous|notre|vous|usamos|utilizamos|nuestro|"
    r"utilizziamo|nostro|używamy|ten serwis|мы|наш\w*|вы|ми|ви)\b|accept|consent|akzept|zustimm|"
    r"aceptar|accepter|accett|akceptuj|zgod|согла|згод", re.I)
_SOCIAL = frozenset("facebook twitter x telegram whatsapp linkedin email e-mail mail instagram youtube "
                    "tiktok viber reddit pinterest print copy link share tweet messenger vk flipboard "
                    "threads bluesky rss".split())
_READ_TIME = re.compile(
    r"^(?:\d+\s*-?\s*(?:min(?:ute)?s?\.?|m|мин\.?|хв\.?)\s*(?:read|reading|de lecture|de lectura|di lettura|"
    r"lesezeit|czytania|чтения|читання|на прочтение|на читання)|(?:reading time|lesezeit|"
    r"temps de lecture|tiempo de lectura|tempo di lettura|czas czytania|время чтения|час читання)"
    r"\s*:?\s*\d+\s*\w*)\W*$",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))|all rights reserved|alle rechte vorbehalten|"
                        r"todos los derechos reservados|tous droits réservés|"
                        r"tutti i diritti riservati|wszelkie prawa zastrzeżone|все права защищены|"
                        r"усі права захищені|всі права захищені", re.I)
_TAGS = re.compile(r"^(?:tags|topics|keywords|schlagwörter|themen|etiquetas|temas|mots-clés|sujets|"
                   r"argomenti|tag|tagi|tematy|теги|темы|теми)\s*:", re.I)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|report by|posted by|author|authors|von|por|par|di|autor|autorka|"
    r"autorzy|autore|auteur|автор|автори|авторы|текст)\s*:?\s+(?P<names>.+)$", re.I)
_WIRE_CREDITS = re.compile(r"^\(?\s*(?:additional )?reporting by (?P<names>.+?)(?:;|\.\s|\.?$)"
                           r"|^\(?\s*(?:writing|editing) by\b", re.I)
_CREDIT_LINE = re.compile(r"^(?:translated by|translation by|translation:|edited by|editing by|übersetzt von|"
                          r"übersetzung|traducido por|traducción|traduit par|traduction|tradotto da|"
                          r"traduzione|tłumaczenie|tłumaczył|переклад|перевод|перевела|переклала)\b", re.I)
_ROLES = re.compile(r"\b(?:reporter|correspondent|editor|writer|staff|journalist|columnist|contributor|"
                    r"redakteur\w*|korrespondent\w*|redactor\w*|periodista|journaliste|giornalista|"
                    r"dziennikarz\w*|корреспондент|кореспондент|журналист\w*|журналіст\w*)\b", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\||\band\b|\bund\b|\by\b|\bet\b|\be\b|\bi\b|\bи\b|\bі\b)\s*")
_PARTICLES = frozenset("de van von der den da di le la al el bin du dos del y".split())

_CAPTION_END = re.compile(
    r"\((?:source|photo|photos|photograph|image|picture|pic|credit|illustration|foto|fotografía|imagen|"
    r"bild|zdjęcie|fot\.|фото|джерело|источник|ілюстрація|иллюстрация)\s*:?[^()]{0,80}\)\s*\.?$", re.I)
_CAPTION_START = re.compile(
    r"^(?:photo|photograph|image|picture|pictured|pic|credit|foto|bild|fotografía|imagen|zdjęcie|fot\.|"
    r"фото|ілюстративне фото|иллюстративное фото|image caption|image source|media caption|caption)"
    r"\s*[:|]\s*\S|^(?:image caption|image source|media caption),\s*\S|"
    r"^(?:illustrative (?:photo|image)|photo illustration|ілюстративне фото|иллюстративное фото|"
    r"фото ілюстративне|фото иллюстративное|symbolbild|imagen de archivo|photo d'illustration|"
    r"foto d'archivio|zdjęcie ilustracyjne)\b", re.I)
# photo credits; agency credits are upper case ('REUTERS/Name', 'Name/AFP'): 'a Reuters/Ipsos poll'
# and the German wire dateline 'Berlin (dpa/lnw) -' are body text
_CREDIT = re.compile(
    r"(?i:getty images|shutterstock|\(photo by |\bap photo\b|\bphoto credit\b|\((?:file )?photo\)|"
    r"^file photo\b|\bphotograph: |(?:^|[.!?]\s)(?:photo|picture|image|foto|bild|фото|zdjęcie)\s*:\s*\S)|"
    r"\b[Pp]hoto by [A-Z]|REUTERS/|/REUTERS\b|/AFP\b|AFP/|EPA-EFE|/EPA\b|EPA/|/dpa\b|/Anadolu|Sputnik/|"
    r"RIA Novosti/|TASS/|/TASS\b|/AP\b")
_AGENCY_END = re.compile(r"\((?:Reuters|REUTERS|AP|AFP|EPA|dpa|DPA|Xinhua|TASS|RIA Novosti|Ukrinform|UNIAN|"
                         r"(?:AP|AFP|Reuters) [Pp]hoto[^()]*)\)\s*\.?$")
_POSITION = re.compile(r"\s\((?:[LRC]|2nd [LR]|3rd [LR]|[Ll]eft|[Rr]ight|[Cc]ent(?:re|er)|[Ff]ront|"
                       r"[Bb]ack|[Tt]op|[Bb]ottom|[Ff]rom [Ll]eft|L to R|l-r)\)")
_POSITION_CAPTION_WORDS = 45
_LIST_INTRO_WORDS = 6
_QUOTED = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u201e]")
_MONTHS_EN = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
              r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATED = re.compile(rf"\b{_MONTHS_EN} \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d\d\b|"
                    rf"\b\d{{1,2}} {_MONTHS_EN},? (?:19|20)\d\d\b|\b(?:19|20)\d\d,? in [A-Z]")
_PHOTO_VERB = re.compile(
    r"\b(?:attends?|attended|pose[sd]?|posing|gestures?|looks? on|walks?|walking|stands?|standing|sits?|"
    r"sitting|speaks?|speaking|is seen|are seen|arrives?|arriving|waves?|waving|holds?|holding|"
    r"shake hands|shakes hands|delivers?|takes? part|pictured|seen|in this|waits?|waiting|rides?|riding|"
    r"gather(?:s|ed)?|march(?:es)?|protests?|celebrates?|reacts?|leaves?|crosse?s?|watch(?:es)?)\b")
# tokens allowed in a line that is only a date, a time or a 'published/updated' stamp
_DATE_STEMS = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec jän mär mai okt dez ene abr ago dic fév fev avr aoû "
    "aou déc gen mag giu lug set ott sty lut kwi maj cze lip sie wrz paź lis gru янв фев мар апр мая май "
    "июн июл авг сен окт ноя дек січ лют бер кві тра чер лип сер вер жов лис гру mon tue wed thu fri sat "
    "sun die mit don fre sam son lun mié jue vie sáb dom mer jeu ven dim gio sab pon wto śro czw pią sob "
    "nie пон вто сре чет пят суб вос вів нед".split())
_DATE_WORDS = frozenset(
    "date published updated posted last modified on at am pm gmt utc bst cet cest est edt pst pdt eet eest msk "
    "kyiv time h hrs um uhr veröffentlicht aktualisiert zuletzt publicado actualizado el a las de del "
    "publié mis à jour le pubblicato aggiornato il alle ore opublikowano aktualizacja godz o "
    "опубликовано обновлено опубліковано оновлено в о г года року р ago hour hours minute minutes min "
    "mins day days vor stunden stunde minuten tagen hace horas hora minutos días il y heures heure jours "
    "fa giorni temu godziny godzin minut dni назад часа часов минут минуты дня дней тому години годин "
    "хвилин хвилини днів".split())
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


# ---------------------------------------------------------------- line features
def key_of(line: str) -> str:
    """Lower case, outer punctuation/bullets stripped, whitespace collapsed: for vocabulary look-up."""
    text = re.sub(r"\s+", " ", line.lower()).strip()
    return text.strip(" \t-–—•·|:>»«›<‹*#→←↓↑▶►▸✓/\\()[]")


def _words(line: str) -> int:
    return word_count(line)  # script-aware: Chinese, Japanese and Thai have no spaces


def has_sentence(text: str) -> bool:
    """True when some line of the text ends like a sentence."""
    return any(ends_with_stop(line) for line in text.splitlines())


def _is_paragraph(line: str, min_words: int) -> bool:
    """A body paragraph: a sentence of some length, or long running text."""
    n = _words(line)
    stripped = line.rstrip().rstrip(closers())
    if n >= 25:
        return True
    if n >= min_words and stripped and stripped[-1] in ".…\u3002\u06d4\u0964":
        return True
    if n >= min_words and without_full_stop(line):  # Thai ends a sentence with a space only
        return True
    return n >= 20 and ends_with_stop(line)


def _is_date_line(line: str) -> bool:
    tokens = _WORD.findall(line.lower())
    if not tokens or len(tokens) > 16 or not re.search(r"\d", line):
        return False
    # a number token is a date part ('11.13', '2024-10', '13일'); a run of unspaced script with a figure in
    # it ('...发射Lumen-3气象卫星') is words, not a date
    return all((any(c.isdigit() for c in t) and sum(c.isalpha() for c in t) <= 3) or t[:3] in _DATE_STEMS
               or t in _DATE_WORDS for t in tokens)


def _is_menu(line: str) -> bool:
    parts = [p.strip() for p in re.split(r"\s[|•·›»>/]\s|\s*\|\s*", line) if p.strip()]
    return len(parts) >= 3 and all(_words(p) <= 4 and not ends_with_stop(p) for p in parts)


def _is_social(line: str) -> bool:
    tokens = [t for t in re.split(r"[\s|,·•/]+", line.lower()) if t]
    return bool(tokens) and len(tokens) <= 10 and all(t in _SOCIAL for t in tokens)


_PLACE = re.compile(r"\s+(?:in|aus|en|à|a|w|у|в)\s+[A-ZА-ЯЄІЇ][\w-]+(?:,? [A-ZА-ЯЄІЇ][\w-]+)*\s*$")
_AUTHOR_LABELS = frozenset("author authors autor autoren autorin autorzy autore autori auteur auteurs autores "
                           "автор автори авторы by".split())
_AMBIGUOUS_LABEL = frozenset("von di da por par de".split())  # also ordinary words starting a sentence


def _names(text: str, max_words: int = 4) -> tuple[str, ...] | None:
    """Person or agency names from a byline remainder, or None when it is not a list of names."""
    text = re.sub(r"\s*[|–—-]\s*(?:updated|published)\b.*$", "", text, flags=re.I).strip(" .,")
    parts = [_PLACE.sub("", p.strip()) for p in _NAME_SPLIT.split(text) if p and p.strip()]
    if not parts or len(parts) > 6:
        return None
    for part in parts:
        words = part.split()
        if not words or len(words) > max_words or words[0].lower() in _PARTICLES:
            return None
        if not all(w[0].isupper() or w.lower() in _PARTICLES for w in words):
            return None
    if not any(len(p.split()) >= 2 or (p.isupper() and len(p) >= 2) for p in parts):
        return None
    return tuple(p for p in parts if not _ROLES.search(p))


def _byline(line: str) -> tuple[str, ...] | None:
    """Authors named by a byline ('By X and Y', 'Author: X', 'Reporting by X; Editing by Y')."""
    if _words(line) > 16:
        return None
    wire = _WIRE_CREDITS.match(line)
    if wire:
        return _names(wire.group("names") or "") or ()
    m = _BYLINE.match(line)
    if m:
        label = line.split()[0].lower()
        return _names(m.group("names"), 3 if label in _AMBIGUOUS_LABEL else 4)
    return None


def _is_caption(line: str) -> bool:
    """Photo captions and credits recognisable on their own."""
    if _words(line) > 80:
        return False
    if _CAPTION_END.search(line) or _CAPTION_START.match(line) or (_AGENCY_END.search(line) and _words(line) <= 40):
        return True
    if _CREDIT.search(line):
        return True
    # a position mark in a caption's one short scene; a party label in a paragraph of reported speech is not one
    # ('Gov. Pat McCrory (R) said it would be "improper" for him to speak on ...')
    return bool(_POSITION.search(line) and (_PHOTO_VERB.search(line) or _DATED.search(line))
                and _words(line) <= _POSITION_CAPTION_WORDS and not _QUOTED.search(line))


def _is_photo_description(line: str) -> bool:
    """A caption without a credit: a dated scene described in the present tense (seen after a headline)."""
    return bool(_DATED.search(line) and _PHOTO_VERB.search(line)) and _words(line) <= 60


def _classify(line: str) -> str | None:
    """'nav', 'related', 'caption' or 'byline' for lines recognisable on their own; None otherwise."""
    key = key_of(line)
    if not key:
        return "nav"
    if key in NAV_LINES or _READ_TIME.match(key) or _is_date_line(line) or _is_menu(line) or _is_social(line):
        return "nav"
    if _CREDIT_LINE.match(line) and _words(line) <= 12:
        return "nav"
    if _TAGS.match(line) or _COPYRIGHT.search(line) and _words(line) <= 20:
        return "nav"
    if _RELATED_PREFIX.match(line):
        return "related"
    n = _words(line)
    if _PROMPT_START.match(line) and n <= 30:
        return "nav"
    if _PROMPT_WORD.search(line) and n <= 15 and not line.rstrip(closers()).endswith("."):
        return "nav"
    if _COOKIE.search(line) and _COOKIE_CTX.search(line) and n <= 60:
        return "nav"
    if _byline(line) is not None:
        return "byline"
    if _is_caption(line):
        return "caption"
    return None


# glued navigation: 'See allPresident ...' or '... the end.Read more'
# phrases, or single words long enough not to be the start of a CamelCase name ('NewsCorp', 'LiveNation')
_GLUE_WORDS = sorted((w for w in NAV_LINES if " " in w or len(w) >= 7), key=len, reverse=True)
_GLUED_PREFIX = re.compile(r"^(" + "|".join(re.escape(w) for w in _GLUE_WORDS) + r")(?=(?-i:[A-ZА-ЯЄІЇ\"“«]))", re.I)
_GLUED_SUFFIX = re.compile(r"(?<=[.!?…\"”»])(" + "|".join(re.escape(w) for w in _GLUE_WORDS) + r")$", re.I)


def _unglue(line: str) -> list[str]:
    """Split navigation words glued to text without a space into lines of their own."""
    out = [line]
    m = _GLUED_PREFIX.match(line)
    if m and m.group(1)[0].isupper() and not line[m.end(1) - 1].isupper():
        out = [m.group(1), line[m.end(1):]]
    m = _GLUED_SUFFIX.search(out[-1])
    if m and m.group(1)[0].isupper():
        out[-1:] = [out[-1][: m.start(1)], m.group(1)]
    return [o for o in out if o.strip()]


_BIDI_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")  # display-only direction marks of RTL text


def normalise_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "")
    line = _BIDI_MARKS.sub("", line)  # a Hebrew or Arabic line ends in '.' + RLM: still a sentence
    return re.sub(r"[ \t\u2009\u202f]+", " ", line).strip()


# ---------------------------------------------------------------- the text cleaner
@dataclass(frozen=True)
class CleanText:
    """What ``clean_text`` found: the body and everything taken out of it."""

    text: str
    title: str | None = None
    captions: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    dateline: str | None = None  # the first date stamp with a year ('12 May 2025 09:14'), label stripped


_STAMP_LABEL = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified|veröffentlicht|aktualisiert|publicado|actualizado|"
    r"publié|mis à jour|pubblicato|aggiornato|opublikowano|aktualizacja|опубликовано|обновлено|опубліковано|"
    r"оновлено)\s*:?\s*)?(?:(?:on|am|le|el|il|the)\s+)?", re.I)


def _dateline(lines: "_Lines") -> str | None:
    for line, kind in zip(lines.text, lines.kind):
        if kind == "nav" and _is_date_line(line) and re.search(r"\b(?:19|20)\d\d\b", line):
            return _STAMP_LABEL.sub("", re.split(r"\s\|\s", line)[0]).strip() or None
    return None


@dataclass
class _Lines:
    text: list[str]
    kind: list[str | None]
    authors: list[str] = field(default_factory=list)


_STAMP_START = re.compile(r"^\W*(?:(?P<label>[^\W\d_]{1,12})(?P<colon>\s*:)?\s+\d{1,4}[./-]\d{1,2}\b|"
                          r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b)")
_DATELINE = re.compile(r"^(.{2,60}?)\s+(?:[—–]|--?)\s+")


# 'New Delhi, Nov 24 (PTI) The ...', 'KAVERIPUR (PWI) At least ...': a dateline closed by its agency's bracket alone
_AGENCY_DATELINE = re.compile(r"^([^()\n]{2,60}?)\s*\([^()\n]{2,30}\)\s+(?=[\"\u201c\u2018']|[^\W_a-z])")


def strip_dateline(line: str) -> str:
    """``line`` without a leading dateline ('WASHINGTON — ', 'SEOUL, Nov 13 (Reuters) - ', 'New Delhi, Nov 24 (PTI) ')."""
    m = _DATELINE.match(line)
    if not m:
        m = _AGENCY_DATELINE.match(line)
        if m is None:
            return line
        place, _, date = m.group(1).partition(",")
        dated = bool(date) and any(ch.isdigit() for ch in date) and _words(date) <= 3
        capital = [w for w in place.split() if w[:1].isupper()]
        if len(capital) == len(place.split()) and _words(place) <= 4 and (dated or place.isupper()) \
                and key_of(place) not in NAV_LINES:
            return line[m.end():]
        return line
    place = re.sub(r"\([^)]*\)", " ", m.group(1)).split(",")[0].strip()
    letters = [c for c in place if c.isalpha()]
    if len(letters) >= 2 and place.isupper() and _words(place) <= 4 and key_of(place) not in NAV_LINES:
        return line[m.end():]
    return line


def looks_like_headline(line: str) -> bool:
    """A line that can be a headline: not a date stamp ('11.13 (수)', 'date 2024-10 ...'), a line opening
    with a dateline ('WASHINGTON — ...': that is the lede), a menu, or a piece cut at an abbreviation ('N.')."""
    line = line.strip()
    worded = [t for t in _WORD.findall(line.lower()) if sum(c.isalpha() for c in t) >= 2
              and t[:3] not in _DATE_STEMS and t not in _DATE_WORDS]
    letters = sum(c.isalpha() for t in worded for c in t)
    if letters < 4 or letters <= sum(c.isdigit() for c in line) or _is_date_line(line) or _is_menu(line):
        return False
    stamp = _STAMP_START.match(line)
    if stamp and (not stamp.group("label") or stamp.group("colon") or stamp.group("label").lower() in _DATE_WORDS):
        return False
    if strip_dateline(line) != line:
        return False
    return True


def _lede(line: str, min_words: int) -> bool:
    """A title line that is really the first sentence of the body (ends with a full stop, or is long)."""
    return line.rstrip(closers()).endswith(".") or _is_paragraph(line, min_words)


def _find_title(lines: _Lines, top: int, given: str | None) -> int | None:
    """Index of the headline in the top lines: the given title, a repeated line, else the first headline-like one."""
    if given:
        want = key_of(given)
        for i in range(top):
            if lines.kind[i] is None and key_of(lines.text[i]) == want:
                return i
        return None
    seen: dict[str, int] = {}
    for i in range(min(top + 4, len(lines.text))):
        if lines.kind[i] is None and _words(lines.text[i]) >= 3 and looks_like_headline(lines.text[i]):
            k = key_of(lines.text[i])
            if k in seen:
                return seen[k]
            seen[k] = i
    for i in range(top):
        text = lines.text[i]
        if lines.kind[i] is None and 3 <= _words(text) <= 30 and not text.rstrip().endswith(".") \
                and looks_like_headline(text):
            return i
    return None


_HANDLE = re.compile(r"(?<![\w.])@\w{2,}|\b[\w.+-]+@[\w-]+\.[\w.]+\b")  # '@martakell', 'kell@herald.example'


def author_notes(body: str, authors: tuple[str, ...], last: int = 2) -> tuple[str, str]:
    """(body, its closing notes on the report's authors): among the last ``last`` lines, one that opens with an
    author's name and names a newsroom role or a handle ('Marta Kell is the Herald's environment correspondent.
    Follow her on X @martakell.') is about the writer, not the event."""
    lines = body.split("\n")
    names = [n for n in authors if n.strip()]
    if not names:
        return body, ""
    notes: list[int] = []
    for i in range(len(lines) - 1, max(-1, len(lines) - 1 - last), -1):
        line = lines[i].strip()
        opens = any(line.startswith(n) or line.startswith(n.split()[-1] + " ") for n in names)
        if opens and _words(line) <= 40 and (_ROLES.search(line) or _HANDLE.search(line)):
            notes.append(i)
        else:
            break
    if not notes or len(notes) == len(lines):
        return body, ""
    keep = [ln for i, ln in enumerate(lines) if i not in notes]
    return "\n".join(keep), "\n".join(lines[i] for i in sorted(notes))


def _introduces_list(line: str) -> bool:
    """A sentence of the article that opens a list of its own ('The ministry listed three conditions:'): a colon
    after a clause's worth of words, not a list label ('Read more:', 'Related stories:')."""
    return line.rstrip().endswith(":") and _words(line) >= _LIST_INTRO_WORDS and key_of(line) not in LIST_LABELS


def clean_text(text: str, title: str | None = None, settings: Settings | None = None,
               positional: bool = True) -> CleanText:
    """Split a scraped plain text into headline, body lines, captions, authors and boilerplate.

    ``positional=False`` (text an extractor already isolated) applies only the rules that recognise
    a line on its own and the headline, not the top/bottom and link-list rules.
    """
    s = settings or Settings()
    raw_lines = [normalise_line(ln) for ln in text.splitlines()]
    expanded = [part for ln in raw_lines if ln for part in _unglue(ln)]
    lines = _Lines(expanded, [_classify(ln) for ln in expanded])
    n = len(lines.text)
    paras = [i for i in range(n) if lines.kind[i] is None and _is_paragraph(lines.text[i], s.clean_para_min_words)]
    first_para = paras[0] if paras else n
    last_para = paras[-1] if paras else n - 1
    top = min(first_para, s.clean_top_lines)

    # names on their own lines below an 'Authors' label
    for i in range(1, n):
        if lines.kind[i - 1] == "nav" and key_of(lines.text[i - 1]) in _AUTHOR_LABELS:
            j = i
            while j < n and j < i + 4 and lines.kind[j] in (None, "nav") and _names(lines.text[j]):
                lines.kind[j] = "author"
                j += 1
    # headline: every copy of it near the top leaves the body; a given title that is page furniture
    # (a date stamp, a dateline, a menu) is no headline
    if title and not looks_like_headline(title):
        title = None
    title_i = _find_title(lines, top, title)
    found_title = title or (lines.text[title_i] if title_i is not None else None)
    if found_title:
        want = key_of(found_title)
        for i in range(min(n, max(top, (title_i or 0) + 1) + 4)):
            # a copy that is the lede sentence repeated as title stays in the body
            if lines.kind[i] is None and key_of(lines.text[i]) == want and not _lede(lines.text[i], s.clean_para_min_words):
                lines.kind[i] = "title" if i == title_i else "nav"
    # a dated scene just below the headline is a photo caption
    if title_i is not None:
        after = [i for i in range(title_i + 1, min(n, title_i + 6)) if lines.kind[i] is None]
        if after and _is_photo_description(lines.text[after[0]]):
            lines.kind[after[0]] = "caption"
            if after[0] == first_para:
                paras = paras[1:]
                first_para = paras[0] if paras else n
    # above the first paragraph and below the last one: short unpunctuated lines are furniture
    for i in [] if not positional else list(range(0, min(first_para, n))) + list(range(last_para + 1, n)):
        if lines.kind[i] is None and not ends_with_stop(lines.text[i]) and _words(lines.text[i]) <= 15:
            lines.kind[i] = "nav"
    # link lists: headline-like lines after a list label, or runs of them
    i = 0 if positional else n
    while i < n:
        if lines.kind[i] is None and _introduces_list(lines.text[i]):  # the article's own list: its items stay
            i += 1
            while i < n and lines.kind[i] is None and not ends_with_stop(lines.text[i]) and _words(lines.text[i]) <= 25 \
                    and not _introduces_list(lines.text[i]):
                i += 1
            continue
        after_label = i > 0 and lines.kind[i - 1] in ("nav", "related") and key_of(lines.text[i - 1]) in LIST_LABELS
        j = i
        while j < n and lines.kind[j] is None and not ends_with_stop(lines.text[j]) and _words(lines.text[j]) <= 25:
            j += 1
        if j > i and (after_label or j - i >= s.clean_link_run):
            for k in range(i, j):
                lines.kind[k] = "related"
        i = max(j, i + 1)

    body, captions, boiler, authors = [], [], [], []
    for line, kind in zip(lines.text, lines.kind):
        if kind is None:
            body.append(line)
        elif kind == "caption":
            captions.append(line)
        elif kind in ("byline", "author"):
            authors.extend((_byline(line) if kind == "byline" else _names(line)) or ())
            boiler.append(line)
        elif kind != "title":
            boiler.append(line)
    return CleanText(
        text="\n".join(body),
        title=found_title,
        captions=tuple(captions),
        boilerplate=tuple(boiler),
        authors=tuple(dict.fromkeys(authors)),
        dateline=_dateline(lines),
    )
