"""Words for comparing claims: a light stemmer, stop words, and small tables of
predicate classes, noun synonyms and modality markers, written for this stage.

The tables are deliberately small and general (news verbs, not any one story):
they let "readying" meet "preparing" and "intention to" meet "plans to".
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

STOP = frozenset("""
a an the and or but nor so yet of in on at to for from by with without into onto over under about
above below after before during since until than then as is are was were be been being am do does
did done doing have has had having it its it's this that these those there here their they them he
him his she her hers we us our you your i me my mine who whom whose which what when where why how
also already just only even still very more most much many such some any each every all both other
another same own not no nor too can could would should shall will may might must if whether while
because although though however thus therefore upon via per against between among through across
around near including include includes included yet again back out up down off now currently today
one ones mr mrs ms dr s t ll re ve d least almost nearly approximately roughly
last next this week month year day days weeks months years ago
""".split())

# verbs and nouns that introduce a report rather than assert anything
CUE_WORDS = frozenset("""
say said says saying state stated states stating statement note noted notes noting add added adds
tell told tells claim claimed claims according report reported reports reporting indicate indicated
indicates emphasize emphasized emphasise emphasised emphasizes stress stressed announce announced
announces specify specified specifies explain explained mention mentioned remark remarked confirm
confirmed confirms write wrote written insist insisted suggest suggests suggested assert asserted
argue argued publication outlet briefing press conference interview speak spoke spoken talked
know knew known think thought believe believed reportedly allegedly apparently
pledge pledged promise promised vow vowed warn warned
""".split())

# irregular forms the suffix rules do not reach, chosen by hand (nouns, and forms of two verbs read as the common one:
# 'saw' -> see, 'fell' -> fall); data/irregular_forms_en.json adds the verb forms of WordNet's exception list
_HAND_IRREGULAR = {
    "sent": "send", "died": "die", "dies": "die", "dying": "die", "dead": "die", "slain": "slay",
    "fought": "fight", "built": "build", "gave": "give", "given": "give", "left": "leave",
    "taken": "take", "took": "take", "went": "go", "gone": "go", "made": "make", "held": "hold",
    "began": "begin", "begun": "begin", "lost": "lose", "won": "win", "sold": "sell", "bought": "buy",
    "struck": "strike", "hit": "hit", "shot": "shoot", "fell": "fall", "fallen": "fall", "rose": "rise",
    "risen": "rise", "men": "man", "women": "woman", "people": "people", "children": "child",
    "troops": "troop", "forces": "force", "ready": "ready", "readied": "ready", "readying": "ready",
    "readies": "ready", "news": "news", "series": "series", "species": "species", "led": "lead",
    "met": "meet", "kept": "keep", "paid": "pay", "seen": "see", "saw": "see", "knew": "know",
    "brought": "bring", "caught": "catch", "sought": "seek", "drove": "drive", "driven": "drive",
}


def _irregular() -> dict[str, str]:
    with resources.files("crosscheck.data").joinpath("irregular_forms_en.json").open(encoding="utf-8") as fh:
        forms = json.load(fh)["forms"]
    return {**forms, **_HAND_IRREGULAR}


IRREGULAR = _irregular()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: irregular forms by table, then plural, -ing, -ed, -ly, -tion; other scripts pass
    through. Memoised: a story's claims are read word by word several times (views, modality, speaker words)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    irregular = IRREGULAR.get(w)
    return stem_by_rule(irregular) if irregular is not None else stem_by_rule(w)


def stem_by_rule(w: str) -> str:
    """The suffix rules of ``stem`` alone, on a lower-case word."""
    if not w.isascii() or len(w) <= 3:
        return w
    for suf, rep in (("ations", "ate"), ("ation", "ate"), ("itions", "it"), ("ition", "it"),
                     ("tions", "t"), ("tion", "t"), ("ments", ""), ("ment", ""),
                     ("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                     ("xes", "x"), ("ings", ""), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""),
                     ("ers", "er"), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            if suf == "s" and (w.endswith("ss") or w.endswith("us") or w.endswith("is")):
                continue
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":  # planned -> plann -> plan
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def _table(spec: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for cls, words in spec.items():
        for w in words.split():
            out[stem(w)] = cls
    return out


# predicate classes: verbs and their nominalisations that assert the same event
PREDICATES = _table({
    "prepare": "prepare preparation ready readying gear",
    "train": "train training trainer instruct instruction drill teach coach",
    "send": "send sending deploy deployment dispatch despatch transfer",
    "kill": "kill killing die death dead slay perish fatal fatality",
    "injure": "injure injury wound hurt",
    "arrest": "arrest detain detention apprehend custody",
    "attack": "attack strike hit bomb bombing shell shelling assault raid",
    "fight": "fight fighting combat battle",
    "involve": "involve involvement participate participation join engage",
    "support": "support help aid assist assistance",
    "supply": "provide supply deliver delivery furnish ship",
    "present": "present presence station stationed",
    "increase": "increase rise grow growth climb raise surge jump",
    "decrease": "decrease fall drop decline cut reduce reduction lower shrink",
    "close": "close closure shut shutdown",
    "open": "open opening launch inaugurate",
    "resign": "resign resignation quit",
    "win": "win victory",
    "lose": "lose loss losses",
    "buy": "buy acquire acquisition purchase takeover",
    "sell": "sell sale",
    "build": "build construct construction",
    "restore": "restore restoration rebuild reconstruct reconstruction recover recovery",
    "evacuate": "evacuate evacuation",
    "approve": "approve approval adopt endorse ratify",
    "reject": "reject rejection refuse veto",
    "deny": "deny denial",
    "rely": "rely reliance depend dependence",
    "seek": "seek look search",
    "hire": "hire recruit recruitment employ",
    "fire": "fire dismiss sack layoff",
    "rescue": "rescue save",
    "flee": "flee escape",
    "meet": "meet meeting summit",
    "sign": "sign signing",
    "ban": "ban prohibit prohibition",
    "invade": "invade invasion",
    "occupy": "occupy occupation capture seize",
    "release": "release free",
    "resume": "resume restart",
    "destroy": "destroy raze demolish flatten",
    "threaten": "threaten endanger",
    "damage": "damage",
    "infect": "infect infection",
    "protest": "protest protester demonstrate demonstration demonstrator",
})
# predicate words of another sense before an infinitive: 'declined to comment' is a refusal, no fall ('shares
# declined 3%'); stems, as PREDICATES keys
OTHER_SENSE_BEFORE_INFINITIVE = frozenset({stem(w) for w in ("decline",)})

# nouns and adjectives that name the same thing
SYNONYMS = _table({
    "soldier": "soldier troop serviceman servicemen fighter",
    "various": "various different diverse multiple several",
    "branch": "branch unit division",
    "worker": "worker labourer laborer labor labour",
    "country": "country nation state",
    "official": "official authority",
    "company": "company firm business",
    "car": "car vehicle truck lorry",
    "home": "home house",
    "child": "child kid",
    "doctor": "doctor physician",
    "people": "people person crowd turnout",  # a crowd or a turnout of 18,000 counts people
    "blaze": "blaze fire",
    "blast": "blast explosion",
    "factory": "factory plant",
    "outside": "outside external foreign",
    "job": "job post position",
    "lesson": "lesson class",  # 'classes will resume' / 'lessons would restart'
})

# predicates a retelling may drift between (a plan to train becomes a deployment)
PREDICATE_FAMILIES = (
    frozenset({"prepare", "train", "send", "involve", "fight", "present"}),
    frozenset({"attack", "fight", "occupy", "invade"}),
    frozenset({"supply", "support", "send"}),
    frozenset({"build", "restore"}),
    frozenset({"approve", "sign"}),
    frozenset({"reject", "deny", "ban"}),
)

NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
thousand thousands million millions billion billions dozen dozens several
""".split())

UNITS = frozenset("""
percent per cent % percentage point points dollar dollars euro euros pound pounds usd eur km
kilometre kilometres kilometer kilometers mile miles tonne tonnes ton tons kg hectare hectares
""".split())

# words that mark how sure or how real the asserted event is (data/modality_words.json; English as stems, read
# word by word in features.modality_of; other languages as words and phrases, ``modality_pattern``, with the
# future tense of data/time_words.json "future", which times.py reads too)
def _modality_words() -> tuple[dict[str, dict[str, list[str]]], dict[str, list[str]]]:
    with resources.files("crosscheck.data").joinpath("modality_words.json").open(encoding="utf-8") as fh:
        words = json.load(fh)["languages"]
    with resources.files("crosscheck.data").joinpath("time_words.json").open(encoding="utf-8") as fh:
        future = {lang: table["future"] for lang, table in json.load(fh)["languages"].items() if table.get("future")}
    return words, future


_MODALITY_DATA, _FUTURE_TENSE = _modality_words()
MODALITY = {mod: _table({mod: " ".join(words)}) for mod, words in _MODALITY_DATA["en"].items()}
MODALITY_WORDS = {w: m for m, table in MODALITY.items() for w in table}


@lru_cache(maxsize=64)
def modality_pattern(language: str) -> re.Pattern | None:
    """The modality words of a language other than English, one named group per modality ('plan', 'possible',
    'future'), or None where the files list none ('*' ends the start of a word)."""
    table = _MODALITY_DATA.get(language)
    if not table or language == "en":
        return None
    def alt(w: str) -> str:
        return re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w).replace(r"\ ", r"\s+") + r"(?!\w)"
    groups = [f"(?P<{mod}>" + "|".join(alt(w) for w in sorted(words, key=len, reverse=True)) + ")"
              for mod, words in table.items() if words]
    if language in _FUTURE_TENSE:
        groups.append("(?P<future>" + "|".join(f"(?:{f})" for f in _FUTURE_TENSE[language]) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + ")", re.IGNORECASE)


HEDGES = frozenset(stem(w) for w in """
reportedly allegedly apparently probably presumably supposedly purportedly likely possibly
""".split())

# any negation word at all: what a claim in another language is compared with, whose analyser marks
# a claim negated on any negation word of its language (data/claim_cues.json "negation")
NEGATION_ANY = re.compile(r"\b(?:not|no|never|none|neither|nor|nothing|nobody|nowhere|without)\b|n['’]t\b",
                          re.IGNORECASE)


@lru_cache(maxsize=32)
def implied_negation(language: str | None) -> re.Pattern | None:
    """Words of ``language`` that say 'not' without a negation word ('failed', 'barred', 'non-binding';
    data/implied_negation.json), or None where the file lists none."""
    with resources.files("crosscheck.data").joinpath("implied_negation.json").open(encoding="utf-8") as fh:
        words = json.load(fh)["languages"].get(language or "", ())
    if not words:
        return None
    alts = [re.escape(w[:-1]) + r"-\w" if w.endswith("-") else re.escape(w).replace(r"\ ", r"\s+") + r"\b" for w in words]
    return re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")", re.IGNORECASE)


NEGATION = re.compile(
    r"\b(?:(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should)\s+not"
    r"|never|no longer|(?:do|does|did|is|are|was|were|has|have|had|wo|would|ca|could|should)n['’]t)\b"
    r"(?!\s+(?:only|just|merely)\b)",
    re.IGNORECASE,
)
