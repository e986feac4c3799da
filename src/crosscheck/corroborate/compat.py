"""Whether two facts on one subject agree, the way a journalist would read them.

Figures:
* rounding: "10,000" and "10,213" agree (the round figure is a rounding of the precise one);
  "about 10,000" and "10,000" agree; an approximate figure allows 15% either way, an approximate share one
  point (data/disagreements.json 'approx_points': 'about 38%' and '36.4%' differ);
* a bound and a figure inside it ("more than 20" vs "20", "up to 30" vs "25") differ in precision
  only: shown, weaker than a conflict; the same kind of bound with different numbers ("as many as
  7,000" vs "as many as 8,000") is a conflict, because both reports put the edge somewhere else;
* ranges agree with any figure inside them; units are converted before comparing;
* a count of new cases ("another 1,500") next to a total is explained, not a conflict; so is a higher count
  of the dead or injured (data/disagreements.json 'cumulative') in a report published hours after one that
  gave its count as a floor ("at least 14", then "at least 17"); two exact counts hours apart still conflict,
  except for a count of a state that moves both ways ('cumulative' 'either_way': the missing), which two
  reports hours apart give at two moments.

Dates:
* different days are a conflict; one day apart when either sentence states a night-time clock, a
  time zone or midnight is explained by the time zone; relative days were already resolved against
  each report's own publication date by the analysis, so "on Friday" compares as a date.
"""
from __future__ import annotations

import os

from dataclasses import dataclass
from datetime import date, datetime, timezone
from math import floor, log10

from .clauses import lexicon
from .facts import Fact

APPROX = 0.15  # an approximate figure ("about 10,000") covers 15% either way
_LOWER_SPAN = 10.0  # "more than 20" reaches up to ten times its figure


@dataclass(frozen=True)
class Verdict:
    severity: str  # agree | precision | conflict | explained
    explanation: str


def _sig_round(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    scale = 10 ** (floor(log10(abs(x))) - digits + 1)
    return round(x / scale) * scale


def _significant(x: float) -> int:
    """Significant digits of a stated figure: 10,000 -> 1, 10,500 -> 3, 6.1 -> 2."""
    if x != int(x):
        s = repr(x).rstrip("0")
        return len(s.replace(".", "").replace("-", "").lstrip("0"))
    s = str(int(abs(x))).rstrip("0")
    return max(1, len(s))


def _rounds_to(rough: float, precise: float) -> bool:
    """``rough`` (a round figure, a hundred or more ending in 00) is ``precise`` rounded to its own
    significant digits; small counts ("30" vs "31") are stated exactly and never round."""
    if rough < 100 or rough != int(rough) or int(rough) % 100:
        return False
    digits = _significant(rough)
    if digits >= _significant(precise):
        return False
    scale = 10 ** (floor(log10(abs(precise))) - digits + 1) if precise else 1
    if precise % scale == scale / 2:
        return False  # '250,000' is a figure of its own, as round as '200,000' (half-even rounding would make it that)
    return _sig_round(precise, digits) == rough


def _interval(f: Fact) -> tuple[float, float]:
    v = float(f.value)
    if f.bound in ("range", "vague"):
        return (f.low if f.low is not None else v), (f.high if f.high is not None else v)
    if f.bound == "approx":
        points = lexicon()["approx_points"].get(f.subject.split(":")[0])
        return (v - points, v + points) if points else (v * (1 - APPROX), v * (1 + APPROX))
    if f.bound == "lower":
        return v, v * _LOWER_SPAN
    if f.bound == "upper":
        return 0.0, v
    return v, v


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")


def hours_apart(pa: str | None, pb: str | None) -> float | None:
    """Hours between two publication times given to the hour or finer (ISO; None when either is a bare date)."""
    def when(p: str | None) -> datetime | None:
        if not p or "T" not in p:
            return None
        try:
            t = datetime.fromisoformat(p.replace("Z", "+00:00"))
        except ValueError:
            return None
        return t if t.tzinfo else t.replace(tzinfo=timezone.utc)

    ta, tb = when(pa), when(pb)
    return abs((tb - ta).total_seconds()) / 3600 if ta and tb else None


def counted_later(hours: float | None) -> bool:
    """Reports this many hours apart can give a growing count at two moments (data/disagreements.json
    'cumulative')."""
    return hours is not None and hours >= lexicon()["cumulative"]["hours"]


def figures(a: Fact, b: Fact, a_first: bool = True, hours: float | None = None) -> Verdict:
    """How two figures on one subject relate (``a_first``: a's report was published first; ``hours``: how many
    hours apart the two reports were published, None when unknown)."""
    va, vb = float(a.value), float(b.value)
    if va == vb and a.bound == b.bound:
        return Verdict("agree", "")
    scale = lexicon()["measures"].get(a.subject.split(":")[0])
    if isinstance(scale, dict) and a.bound is None and b.bound is None:
        if abs(va - vb) <= scale["tolerance"] + 1e-9:
            return Verdict("agree", "")  # agencies' and revised readings of one event differ this much
        whole, decimal = (va, vb) if va == int(va) else (vb, va)
        if scale.get("whole_is_range") and whole == int(whole) and decimal != int(decimal) and \
                int(decimal) == int(whole):
            return Verdict("agree", "")  # 'magnitude 6' is stated to the unit only: 6.4 falls inside it
    if "vague" in (a.bound, b.bound):  # "thousands of homes" never contradicts a figure
        vaguer, other = (a, b) if a.bound == "vague" else (b, a)
        return Verdict("precision", f"'{vaguer.text}' is a loose amount next to '{other.text}'")
    later = b if a_first else a
    first = a if later is b else b
    if first.provisional and not later.provisional:
        return Verdict("explained", f"'{first.text}' was a provisional count; '{later.text}' came later")
    if later.update and float(later.value) != float((a if later is b else b).value):
        earlier = a if later is b else b
        return Verdict("explained", f"the count was updated: '{earlier.text}' first, then '{later.text}'")
    if counted_later(hours) and a.subject in lexicon()["cumulative"]["concepts"]:
        earlier = a if later is b else b
        if earlier.bound == "lower" and float(later.value) > float(earlier.value) and later.bound != "upper":
            return Verdict("explained", f"a later count: '{earlier.text}' first, '{later.text}' {hours:.0f} hours "
                                        "later (such counts grow while they are made)")
    if counted_later(hours) and a.subject in lexicon()["cumulative"].get("either_way", ()) \
            and "upper" not in (a.bound, b.bound) and "lower" not in (a.bound, b.bound):
        earlier = a if later is b else b
        return Verdict("explained", f"a count at another moment: '{earlier.text}' first, '{later.text}' "
                                    f"{hours:.0f} hours later (the missing are found or confirmed dead)")
    if a.increment != b.increment:
        new, tot = (a, b) if a.increment else (b, a)
        return Verdict("explained", f"'{new.text}' counts new cases; '{tot.text}' is the total so far")
    if a.bound in ("lower", "upper") and a.bound == b.bound:
        if va == vb or _rounds_to(va, vb) or _rounds_to(vb, va):
            return Verdict("agree", "")
        return Verdict("conflict", f"both give {'a lower' if a.bound == 'lower' else 'an upper'} bound, "
                                   f"at {_fmt(va)} vs {_fmt(vb)}")
    if a.bound in (None, "approx") and b.bound in (None, "approx"):
        if va == vb or _rounds_to(va, vb) or _rounds_to(vb, va):
            return Verdict("agree", "")
        if "approx" in (a.bound, b.bound):
            lo_a, hi_a = _interval(a)
            lo_b, hi_b = _interval(b)
            if lo_a <= hi_b and lo_b <= hi_a:
                return Verdict("agree", "")
        return Verdict("conflict", f"different figures for the same count: {_fmt(va)} vs {_fmt(vb)}")
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    # a bound next to a figure, or a range: compatible when they overlap (a bound's own edge included)
    if lo_a <= hi_b and lo_b <= hi_a:
        if a.bound == b.bound == "range":
            return Verdict("agree", "")
        vaguer, sharper = (a, b) if a.bound in ("lower", "upper", "range") else (b, a)
        return Verdict("precision", f"'{vaguer.text}' is vaguer than '{sharper.text}'; they do not contradict")
    return Verdict("conflict", f"'{a.text}' and '{b.text}' cannot both hold")


def dates(a: Fact, b: Fact) -> Verdict:
    """How two dates of one event relate."""
    if a.value == b.value:
        return Verdict("agree", "")
    if str(a.value)[5:] == str(b.value)[5:] and not (a.year_stated and b.year_stated):
        return Verdict("agree", "")  # the same day; a year the text did not state was chosen by the analysis
    da, db = date.fromisoformat(str(a.value)), date.fromisoformat(str(b.value))
    gap = abs((da - db).days)
    if gap == 1 and (a.time_cue or b.time_cue):
        return Verdict("explained", f"{a.value} vs {b.value}: an event late at night carries two dates in "
                                    "two time zones")
    if gap == 7 and a.weekday and b.weekday and a.relative and b.relative:
        # 'talks would continue on Wednesday' / 'переговоры продолжатся в среду': both name the day; which week is
        # read from each report's tense, and a future the analysis missed reads as the week before
        return Verdict("explained", f"'{a.text}' and '{b.text}' name one weekday; read as {a.value} and {b.value}, "
                                    "a week apart, from each report's tense")
    how = []
    for f in (a, b):
        if f.relative:
            how.append(f"'{f.text}' resolved against its report's publication date is {f.value}")
    note = "; ".join(how)
    return Verdict("conflict", f"{a.value} vs {b.value}" + (f" ({note})" if note else ""))


def same_subject(a: Fact, b: Fact) -> bool:
    """Two facts are about the same thing: same subject, same era, places not disjoint."""
    if a.subject != b.subject or a.kind != b.kind or a.part or b.part:
        return False
    if a.era != b.era or a.intent != b.intent:
        return False  # another year; a plan or a possibility next to a count of what is
    if a.places and b.places and not places_meet(a.places, b.places):
        return False
    if a.actors and b.actors and not (a.actors & b.actors):
        return False  # the shares of two parties, the budgets of two firms
    if a.subject.startswith("prison_term") and not (a.actors and b.actors):
        return False  # a term given to no one named ('two businessmen were jailed for four years') is no one's
    return True


def places_meet(xs: frozenset[str], ys: frozenset[str]) -> bool:
    """Two sets of place names share a place: a name in both, or one name written in two languages with its
    ending changed ('kestovia' / 'kestoviens', 'ukraine' / 'ukrainy': all but the last two letters of the shorter
    one, five at least, in common; 'saint-denis' and 'saint-malo' are two places)."""
    if xs & ys:
        return True
    for x in xs:
        for y in ys:
            n = len(os.path.commonprefix((x, y)))
            if n >= max(5, min(len(x), len(y)) - 2):
                return True
    return False


def _country(name: str) -> bool:
    """Whether a place name is a country (then a town inside it may be the same place)."""
    try:
        import pycountry

        pycountry.countries.lookup(name)
        return True
    except (LookupError, ImportError):
        return False


def places(a_side: list[Fact], b_side: list[Fact]) -> Verdict:
    """Where two reports put one event: a conflict only when neither report's places include, contain
    or could contain the other's (a country next to a town in it is not a conflict)."""
    na = {str(f.value) for f in a_side}
    nb = {str(f.value) for f in b_side}
    if len(na) > 1 or len(nb) > 1:
        return Verdict("agree", "")  # a report naming several places for one event: no single claim to oppose
    if na & nb:
        return Verdict("agree", "")
    for x in na:
        for y in nb:
            if x in y or y in x or _country(x) or _country(y):
                return Verdict("agree", "")
    return Verdict("conflict", f"the reports place it in different places: {', '.join(sorted(na))} vs "
                               f"{', '.join(sorted(nb))}")
