"""How two claims' figures and dates relate: the same counted thing, a clash, an anchor (a precise figure
both state), bounds, scale words across languages, dates written or resolved alike, a negation both tell,
and one participant swapped in the same words."""
from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from crosscheck.currencies import currency_of

from .features import ClaimView
from .figures import APPROX_QUALIFIERS, Figure
from .lexicon import CUE_WORDS, HEDGES, MODALITY_WORDS, NUMBER_WORDS, PREDICATES, STOP, SYNONYMS, TOKEN, UNITS, stem


def same_thing(x: str | None, y: str | None) -> bool:
    return bool(x and y and (x == y or len(x) >= 5 and len(y) >= 5 and x[:5] == y[:5]))


def figure_relation(fa: tuple[Figure, ...], fb: tuple[Figure, ...], cross: bool = False) -> str:
    """'clash' when some counted thing has disjoint values in the two claims, else 'same' when
    some figure agrees, else 'none'. Across languages the counted things' words cannot be compared:
    one figure each is compared by value; several agree when some pair does, and never clash."""
    single = len(fa) == 1 and len(fb) == 1
    if cross:
        if single:
            x, y = fa[0], fb[0]
            if same_value(x, y):
                return "same"  # ('at least 19' / 'al menos 25': two floors put the count's edge apart, as in one language)
            # a figure with no counted noun (a flight number) or counting another thing ("22 edificios"
            # next to "27 fatalities") cannot contradict a count
            return "none" if scale_apart(x, y) or not _comparable_across(x.of, y.of) else "clash"
        if _unit_clash(fa, fb):
            return "clash"
        # (several figures: a translation converts units, rounds and drops figures; they clash only when none
        # agrees and the first of each counts the same thing: 'at least 27 people, nine children' / 'au moins 25
        # personnes', two sources' tolls)
        if any(same_value(x, y) for x in fa for y in fb):
            return "same"
        if not (fa and fb):
            return "none"
        x, y = fa[0], fb[0]
        thing = _noun_class(x.of) if x.of and y.of else None
        one = thing is not None and thing == _noun_class(y.of) and not thing.startswith("word:")  # (not 'people' /
        # 'passengers')
        return "clash" if one and not scale_apart(x, y) else "none"
    agree: dict[str, bool] = {}
    for x in fa:
        for y in fb:
            if x.of and y.of and not same_thing(x.of, y.of):
                continue
            if not (x.of and y.of):
                continue  # a count whose noun is unknown is no count of the same thing
            thing = (x.of or y.of or "")[:5]
            agree[thing] = agree.get(thing, False) or same_value(x, y)
    for thing in agree:
        xs = [x for x in fa if x.of and x.of[:5] == thing]
        ys = [y for y in fb if y.of and y.of[:5] == thing]
        if agree[thing] and len(xs) == len(ys) > 1 and not _matched(xs, ys):
            agree[thing] = False  # 'five of the seven members' / 'four of the seven members': the seven agree, the five not
    if any(not ok for ok in agree.values()):
        return "clash"
    return "same" if agree else "none"


def same_value(x: Figure, y: Figure) -> bool:
    # the same kind of bound with other numbers ("at least 14" / "at least 23") is another count
    return x.low <= y.high and y.low <= x.high and not (_bound(x) and _bound(x) == _bound(y) and x.low != y.low)


def _matched(xs: list[Figure], ys: list[Figure]) -> bool:
    """Each of one claim's figures of a thing agrees with its own figure of the other claim (as many on each side)."""
    if not xs:
        return True
    return any(same_value(xs[0], y) and _matched(xs[1:], ys[:i] + ys[i + 1:]) for i, y in enumerate(ys))


_LOWER = frozenset(("more than", "over", "at least"))
_UPPER = frozenset(("up to", "fewer than", "less than", "under", "at most", "as many as"))


def _bound(f: Figure) -> str | None:
    return "lower" if f.qualifier in _LOWER else "upper" if f.qualifier in _UPPER else None


def is_floor(f: Figure) -> bool:
    """The figure is given as a floor ('at least 14', 'more than 20')."""
    return _bound(f) == "lower"


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    """The words that only say 'people', in every language (disagreements.json "people_words"), with the stems of
    the English figures' nouns ('resident' of '1,500 residents')."""
    from .clauses import lexicon

    words = {w for table in lexicon()["people_words"].values() for w in table}
    return frozenset(words | {stem(w) for w in words})


@lru_cache(maxsize=8192)
def _noun_class(word: str) -> str:
    """What a counted word names, in any language: a unit of data/disagreements.json ('Jahren' -> unit:y), a concept
    ('fatalities', 'muertos' -> dead), 'people' for a word that only says they are people ('Menschen', '명'), or
    itself."""
    from .clauses import lexicon

    w = word.lower()
    if code := currency_of(w):
        return "unit:" + code  # 'dollars', 'dólares', 'долларов': one currency in every language
    unit = lexicon()["units"].get(w)
    if unit is not None:
        return "unit:" + unit[0]  # 'Jahren' / 'years', 'ans' / 'años': a unit of the figure, alike in every language
    if any(w == entry[2].lower() for entry in lexicon()["units"].values()):
        return "unit:" + w  # a measure read in its base unit ('°c' of '111 degrees Fahrenheit')
    if w in _people_words():
        return "people"
    concepts = lexicon()["concepts"].items()
    for concept, tables in concepts:  # a concept's word opens the counted word ('viviendas' of 'vivienda')
        if any(w.startswith(p.strip()) for words in tables.values() for p in words if len(p.strip()) > 2):
            return concept
    # ... else the counted word is the stem of one ('fatal' of 'fatalit'), the nearest: 'home' is the stem of
    # 'homes' (homes), not of 'homeless' (the evacuated)
    stems = [(len(p.strip()) - len(w), concept) for concept, tables in concepts for words in tables.values()
             for p in words if len(w) > 3 and len(p.strip()) > 2 and p.strip().startswith(w)]
    return min(stems)[1] if stems else "word:" + w


def _unit_clash(fa: tuple[Figure, ...], fb: tuple[Figure, ...]) -> bool:
    """Across languages, of several figures: the one figure each side gives in a unit written alike in both
    ('4.5%' / '4,75%', '900 million euros' / '1,2 Milliarden Euro'), or of one thing a concept names in both
    ('unas 3.000 personas' / 'cerca de 4.500 pessoas', both 'people', with 'cuatro pueblos' / 'quatro aldeias'
    agreeing beside them), differs."""
    def things(f: Figure) -> set[str]:
        if not f.of:
            return set()
        cls = _noun_class(f.of)
        return ({"written:" + f.of} if f.of in UNITS else set()) | ({cls} if not cls.startswith("word:") else set())

    ta, tb = [(x, things(x)) for x in fa], [(y, things(y)) for y in fb]
    for thing in {t for _, ts in ta for t in ts} & {t for _, ts in tb for t in ts}:
        xs = [x for x, ts in ta if thing in ts]
        ys = [y for y, ts in tb if thing in ts]
        if len(xs) == 1 and len(ys) == 1:
            x, y = xs[0], ys[0]
            # (a value the other side gives of another word is the same figure read under two nouns: '15 people'
            # killed / '15 muertos', beside '1,500 residents' / '1.500 vecinos')
            if not (x.low <= y.high and y.low <= x.high) and not scale_apart(x, y) and \
                    not any(x.low <= v.high and v.low <= x.high for v in fb) and \
                    not any(y.low <= u.high and u.low <= y.high for u in fa):
                return True
    return False


def _comparable_across(a: str | None, b: str | None) -> bool:
    """Two counted words of two languages count the same thing: the same concept, or one side only
    says 'people'; two words no concept knows cannot be matched across languages."""
    if not (a and b):
        return False
    ca, cb = _noun_class(a), _noun_class(b)
    if a.lower() == b.lower() and a.lower() in UNITS:
        return True  # a unit written alike in both languages: '900 million euros' / '1,2 Milliarden Euro'
    return ca == cb and not ca.startswith("word:") or "people" in (ca, cb)


def scale_apart(x: Figure, y: Figure) -> bool:
    """Values a power of a thousand apart (6 vs 6,000,000,000; 10 vs 10.000): across languages a scale word
    or a digit-group mark read in one language and not the other, more likely than another figure."""
    a, b = sorted((abs(x.high) or abs(x.low), abs(y.high) or abs(y.low)))
    if not a:
        return False
    ratio = b / a
    return any(abs(ratio / 1000 ** k - 1) < 0.2 for k in (1, 2, 3))


def _specific(f: Figure) -> bool:
    """A hedged figure that is no round number ('about 18,000', not 'about 20,000'): two or more significant
    digits, as specific as a retelling gets."""
    if (f.qualifier or "") not in APPROX_QUALIFIERS:
        return False
    value = round((f.low + f.high) / 2)
    digits = str(int(value)).rstrip("0")
    return value >= 100 and len(digits) >= 2


def figure_anchor(fa: tuple[Figure, ...], fb: tuple[Figure, ...], cross: bool = False) -> bool:
    """Both claims give the same precise figure of the same counted thing ("5,000 reservists"):
    a specific anchor that survives a retelling which changes the verb (drift). Across languages
    the counted things' words differ: the figure alone anchors."""
    for x in fa:
        for y in fb:
            if not cross and not (x.of and y.of and same_thing(x.of, y.of)):
                continue
            precise = all(f.high - f.low <= 0.25 * max(abs(f.high), 1.0) or _specific(f) for f in (x, y))
            if precise and x.low <= y.high and y.low <= x.high and max(x.high, y.high) >= 10:
                return True
    return False


def _date_compatible(x: str, y: str) -> bool:
    for cx, cy in zip(x, y):
        if cx != cy and "X" not in (cx, cy):
            return False
    return True


def date_relation(da: tuple[str, ...], db: tuple[str, ...]) -> str:
    if not da or not db:
        return "none"
    return "same" if any(_date_compatible(x, y) for x in da for y in db) else "clash"


def dates_between(a: ClaimView, b: ClaimView, cross: bool = False) -> str:
    """How two claims' dates relate. Across languages only dates written with a number count. A
    weekday or "overnight" that both claims write alike is one day, even when the reports' publication
    dates resolve it to different days; it clashes only when the numbered dates clash."""
    if cross:
        return date_relation(a.stated_dates, b.stated_dates)
    rel = date_relation(a.dates, b.dates)
    if rel == "clash" and a.time_words & b.time_words and date_relation(a.stated_dates, b.stated_dates) != "clash":
        return "none"
    return rel


def negation_shared(a: ClaimView, b: ClaimView) -> bool:
    """The negated claim's negation bears on what the other claim says: it is on its main clause, or its
    clause has a term of the other claim. A negation in a clause of its own the other claim does not
    retell ("the blast killed two, and police did not have suspects" / "the blast killed two") is no flip."""
    neg, other = (a, b) if a.negated else (b, a)
    return not neg.negation_terms or bool(neg.negation_terms & other.terms)


def one_swap(a: ClaimView, b: ClaimView) -> bool:
    """The two claims are the same words but for one run of one to three content words each, which share no
    stem ("closed the ferry terminal" / "closed the fish market", "arrested the mayor" / "... the treasurer"):
    the same frame about another participant, not a retelling, which rewords the frame around its facts.
    A swapped verb, auxiliary, figure or function word ("will" / "would", "gave" / "donated") is rewording."""
    wa = [w.lower() for w in TOKEN.findall(a.claim.text)]
    wb = [w.lower() for w in TOKEN.findall(b.claim.text)]
    ca, cb = Counter(wa), Counter(wb)  # one run of at most three words apart: at most three words each side
    if sum((ca - cb).values()) > 3 or sum((cb - ca).values()) > 3:
        return False
    ops = [op for op in SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(ops) != 1 or ops[0][0] != "replace":
        return False
    _, i1, i2, j1, j2 = ops[0]
    sa, sb = wa[i1:i2], wb[j1:j2]
    if not (len(sa) <= 3 and len(sb) <= 3) or len(wa) - len(sa) < max(4, 0.6 * max(len(wa), len(wb))):
        return False
    stems = []
    for side in (sa, sb):
        out = set()
        for w in side:
            s = stem(w)
            if (w in STOP or w in CUE_WORDS or w in NUMBER_WORDS or any(ch.isdigit() for ch in w) or s in PREDICATES
                    or s in MODALITY_WORDS or s in HEDGES or s in CUE_WORDS):
                return False
            out.add(SYNONYMS.get(s, s))
        stems.append(out)
    if stems[0] & stems[1]:
        return False
    # a name spelt two ways ('Zelenskyy' / 'Zelensky') is one participant
    return not any(x[:5] == y[:5] for x in sa for y in sb if len(x) >= 5 and len(y) >= 5)


def content_meets(a: ClaimView, b: ClaimView) -> bool:
    """Beside their names, the two claims share two words, or all the words of the one that has fewer than two ('Kovel
    resigned' / 'Kovel did not resign'): 'denied it had agreed to a prisoner exchange' is not the contrary of 'agreed
    to reopen the border crossing', though both say 'agree' and name the two countries."""
    ca, cb = a.terms, b.terms
    return len(ca & cb) >= min(2, len(ca), len(cb))
