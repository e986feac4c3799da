"""Align claims across the reports of one story.

Two claims align when their speakers are compatible and they assert the same
thing: weighted overlap of content terms (rare terms in the story weigh more,
so a shared topic is not enough), the same predicate class, and no clash of
figures, dates or negation. Each report contributes at most one claim to a
group, unless its claims duplicate each other, or one claim is compound and
its separate parts match separate groups. In one language a claim of several sentences
(a quote running on) is aligned sentence by sentence (``ClaimView.parts``): each part joins
the group it asserts, so a quote two outlets each carry half of is corroborated for each half.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..config import Settings
from .features import ClaimView, words_reused
from .repeats import nested, opening, told_in
from .meaning import figures_say, meaning, near_across, one_named_speaker
from .lexicon import PREDICATE_FAMILIES, TOKEN
from .names import abjad_keys_meet, nested_names, own_names, written_in
from .speakers import speaker_required
from .subjects import heads_apart, names_subject, plain, prefixes, two_words_for_one
from .values import content_meets, dates_between, figure_anchor, figure_relation, negation_shared, one_swap

WORDING = "\x00wording"  # the word of a group holding a claim of function words alone (see _echo)
SHORT_CLAIM = 8  # content terms and names of a claim whose other name is its point (see _compare)
MAX_COMPARED = 8  # members of a large group a claim is compared with: the first and the latest

@dataclass(frozen=True)
class Match:
    """How well two claims agree, and why not when they cannot align."""

    score: float  # evidence in [0, ~1.3]
    lexical: float  # weighted term overlap in [0, 1]
    required: float  # the threshold this speaker pairing must reach
    blocked: str | None = None  # "speaker" | "figure" | "date" | "negation"
    shared: frozenset[str] = frozenset()

    @property
    def aligned(self) -> bool:
        return self.blocked is None and self.score >= self.required


@dataclass
class Group:
    members: list[ClaimView] = field(default_factory=list)
    secondary: set[str] = field(default_factory=set)  # refs that joined as part of a compound claim
    words: set[str] = field(default_factory=set)  # members' content terms, to skip hopeless comparisons
    docs: set[str] = field(default_factory=set)  # members' documents

    def add(self, view: ClaimView, secondary: bool = False) -> None:
        self.members.append(view)
        self.docs.add(view.document)
        self.words |= view.terms | view.entity_terms | _counted(view) or {WORDING}
        if secondary:
            self.secondary.add(view.ref)

    def documents(self) -> set[str]:
        return self.docs

    def may_match(self, view: ClaimView, weight: "Weights") -> bool:
        """Shares a term or a name that is not everywhere in the story (cheap test before comparing):
        a paraphrase may share nothing but its names ("recalled its ambassador" / "withdrew its envoy")."""
        return (any(t in self.words and weight.distinctive(t) for t in weight.terms_of(view)[0])
                or bool(_counted(view) & self.words)  # the same counted thing is always worth comparing
                or WORDING in self.words or not (view.terms or view.entity_terms))  # function words: _echo


class Postings:
    """The groups of a story by the terms, names and counted things their members carry, so that the groups a
    claim may match (``Group.may_match``: a distinctive term or a counted thing in common) are looked up, not
    tested one by one: exactly the groups ``may_match`` accepts, in the order of ``groups``."""

    def __init__(self, weight: "Weights"):
        self.weight = weight
        self.by_word: dict[str, set[int]] = defaultdict(set)
        self.index: dict[int, int] = {}  # id(group) -> its position

    def add(self, group: Group, view: ClaimView) -> None:
        """``view`` joined ``group`` (a new group takes the next position)."""
        i = self.index.setdefault(id(group), len(self.index))
        for t in view.terms | view.entity_terms | _counted(view) or {WORDING}:
            self.by_word[t].add(i)

    def candidates(self, view: ClaimView) -> list[int]:
        weight, by_word = self.weight, self.by_word
        if not (view.terms or view.entity_terms):
            return list(range(len(self.index)))  # a claim of function words alone: its wording decides (_echo)
        out: set[int] = set(by_word.get(WORDING, ()))
        for t in weight.terms_of(view)[0]:
            if t in by_word and weight.distinctive(t):
                out |= by_word[t]
        for t in _counted(view):
            out |= by_word.get(t, set())
        return sorted(out)


def one_language(views: list[ClaimView]) -> bool:
    """No two claims of the story are in different languages (``ClaimView.cross`` is never true): meaning
    proposes no comparison that words do not (``near_across`` is false)."""
    return len({v.language[:2] for v in views if v.language}) <= 1


def _counted(view: ClaimView) -> set[str]:
    return {"#" + f.of for f in view.figures if f.of}


class Weights:
    """Term weights for one story: predicates weigh more, entities less, common terms less."""

    def __init__(self, views: list[ClaimView]):
        self.n = len(views)
        self.df = Counter(t for v in views for t in v.terms | v.entity_terms)
        self._cache: dict[str, float] = {}
        self.matches: dict[tuple[str, str, bool], Match] = {}  # compare() results of this story
        self._views: dict[int, tuple] = {}  # id(view) -> (view, its terms, their weight, heaviest first)
        self._keyed: dict[int, tuple] = {}  # id(view) -> (view, keyed(view))
        self._all = views
        self._ledes: dict[str, int] | None = None

    @property
    def ledes(self) -> dict[str, int]:
        """Report -> where its first claim of the text starts (its lede), read once when first asked."""
        if self._ledes is None:
            self._ledes = {}
            for v in self._all:
                if not v.claim.in_title:
                    self._ledes[v.document] = min(self._ledes.get(v.document, v.claim.start), v.claim.start)
        return self._ledes

    def terms_of(self, view: ClaimView) -> tuple[frozenset[str] | set[str], float, list[str]]:
        """A claim's terms and names, their summed weight and the terms heaviest first: computed once per
        claim of the story, not once per pair compared (the same values, in the same order)."""
        got = self._views.get(id(view))
        if got is None or got[0] is not view:
            terms = view.terms | view.entity_terms
            got = (view, terms, math.fsum(self(t) for t in terms), sorted(terms, key=lambda t: (-self(t), t)))
            self._views[id(view)] = got
        return got[1], got[2], got[3]

    def keyed(self, view: ClaimView) -> tuple[list[tuple[str, float, str | None]], frozenset[str]]:
        """The terms heaviest first as (term, weight, its five-letter start when a plain word), and those starts:
        computed once per claim of the story."""
        got = self._keyed.get(id(view))
        if got is None or got[0] is not view:
            heaviest = self.terms_of(view)[2]
            keyed = [(t, self(t), t[:5] if plain(t) else None) for t in heaviest]
            got = (view, keyed, frozenset(k for _, _, k in keyed if k is not None))
            self._keyed[id(view)] = got
        return got[1], got[2]

    def distinctive(self, term: str) -> bool:
        return self.n < 12 or self.df.get(term, 0) <= 0.25 * self.n

    def __call__(self, term: str) -> float:
        w = self._cache.get(term)
        if w is None:
            base = 1.5 if term.startswith("~") else 0.7 if term.startswith("@") else 1.0
            if self.n >= 4:
                idf = math.log(1 + self.n / self.df.get(term, 1)) / math.log(1 + self.n)
                base *= max(0.35, idf)
            w = self._cache[term] = base
        return w


def _overlap(a: ClaimView, b: ClaimView, weight: Weights) -> tuple[float, float, float, frozenset[str]]:
    ta, wa, _ = weight.terms_of(a)
    tb, wb, _ = weight.terms_of(b)
    heaviest, starts = weight.keyed(a)
    starts_b = prefixes(b.terms)
    if ta.isdisjoint(tb) and starts.isdisjoint(starts_b):
        return 0.0, wa, wb, frozenset()  # nothing in common: the loop below would match nothing
    matched, shared, used = 0.0, set(), set()
    for t, w, start in heaviest:
        hit = t if t in tb and t not in used else None
        if hit is None and start is not None:
            cand = starts_b.get(start)
            hit = cand if cand is not None and cand not in used else None
        if hit is not None:
            used.add(hit)
            shared.add(t)
            matched += min(w, weight(hit))
    return matched, wa, wb, frozenset(shared)


def topic(a: ClaimView, b: ClaimView, weight: Weights, settings: Settings,
          embed: bool = True) -> tuple[float, frozenset[str]]:
    """How much two claims say the same thing: weighted term overlap, or the better of that and the
    embedding evidence (across languages; within one where the claims share a word or a name)."""
    lexical, shared = _lexical(a, b, weight)
    cross = meaning(a, b, settings) if embed else None
    if cross is None:
        return lexical, shared
    if not a.cross(b):
        # one language: the embedding proposes only where the claims share a word or a name
        return (max(lexical, cross) if shared else lexical), shared
    if one_named_speaker(a, b):
        cross += settings.align_cross_same_speaker  # one named source (its name transliterated alike), one story
    return max(lexical, 1.0 if figures_say(a, b, settings) else cross), shared


def _lexical(a: ClaimView, b: ClaimView, weight: Weights) -> tuple[float, frozenset[str]]:
    matched, wa, wb, shared = _overlap(a, b, weight)
    if not wa or not wb:
        return _echo(a.claim.text, b.claim.text), shared
    # a much shorter claim is not "contained" in a long one just by naming one of its actors
    containment = matched / max(min(wa, wb), 0.4 * max(wa, wb))
    dice = 2 * matched / (wa + wb)
    lexical = 0.55 * containment + 0.45 * dice
    if not any(t[0] != "@" for t in shared):
        lexical *= 0.5  # only names in common: the same actors, not the same assertion
    return lexical, shared


ECHO_WORDS = 3  # words a claim of function words alone needs to be matched by its wording


def _echo(x: str, y: str) -> float:
    """A claim of function words alone ('We are not yet done', 'I am not going anywhere') has no terms to
    weigh: its words, in order, inside the other claim's words are the evidence (scored as containment and
    dice over all words); anything less is none."""
    wx, wy = (TOKEN.findall(t.lower()) for t in (x, y))
    short, long_ = sorted((wx, wy), key=len)
    if len(short) < ECHO_WORDS:
        return 0.0
    n = len(short)
    if not any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return 0.0
    return 0.55 + 0.45 * 2 * n / (n + len(long_))


def predicate_penalty(pa: frozenset[str], pb: frozenset[str]) -> float:
    """Score change from predicate classes: shared is evidence; each side asserting a predicate
    the other lacks is evidence against (less so inside a family retellings drift along)."""
    if not pa or not pb:
        return 0.0
    only_a, only_b = pa - pb, pb - pa
    if only_a and only_b:
        near = any(x in fam and y in fam for fam in PREDICATE_FAMILIES for x in only_a for y in only_b)
        return -0.2 if near else -0.45
    return 0.1


def compare(a: ClaimView, b: ClaimView, weight: Weights, settings: Settings,
            ignore_speaker: bool = False) -> Match:
    """Evidence that ``a`` and ``b`` assert the same thing."""
    key = (a.ref, b.ref, ignore_speaker)
    cache = weight.matches
    if key not in cache:
        cache[key] = _compare(a, b, weight, settings, ignore_speaker)
    return cache[key]


def _compare(a: ClaimView, b: ClaimView, weight: Weights, settings: Settings, ignore_speaker: bool) -> Match:
    required = settings.align_threshold if ignore_speaker else speaker_required(a, b, settings)
    cross = a.cross(b)
    if cross and required is None:
        # attribution is read by a different analyser in each language: the same name keys are the same
        # speaker; otherwise only a near-literal translation overrides the mismatch
        required = (settings.align_threshold if a.speaker_keys & b.speaker_keys
                    else settings.align_cross_speaker_mismatch)
    # each names someone or something the other never names: the same frame about another actor
    # ("the prize went to X" / "... to Y"), where an embedding sees one sentence: names decide
    # ... in a short claim, where that name is the point; a long statement names its context too (the
    # seed pair: "the US" in one retelling of Zelenskyy's words, "Russia" in the other)
    other_names = not cross and all(len(v.terms) + len(v.entity_terms) <= SHORT_CLAIM for v in (a, b)) and \
        own_names(a, b) and own_names(b, a)
    # each is about something the other does not mention (across languages names alone decide)
    figures = figure_relation(a.figures, b.figures, cross)
    anchored = figures == "same" and figure_anchor(a.figures, b.figures, cross)
    subject_apart = bool(a.subject and b.subject and not names_subject(b, a) and not names_subject(a, b)
                         and not cross and a.subject.startswith("@") == b.subject.startswith("@")) and heads_apart(a, b) \
        and not (anchored and required == settings.align_threshold and two_words_for_one(a, b))
    lexical, shared = topic(a, b, weight, settings, embed=not (other_names or subject_apart))
    score = lexical
    # a precise shared figure of the same thing is strong evidence of one statement, even when the
    # verb drifted inside its family between retellings (plans to train -> will deploy)
    # the predicate lexicon and modality words are English: across languages they read noise
    penalty = 0.0 if cross else predicate_penalty(a.predicates, b.predicates)
    drifted = anchored and penalty > -0.45  # shared or related verbs: drift, not another assertion
    score += max(penalty, 0.0) if drifted else penalty
    score += 0.35 if drifted else 0.15 if figures == "same" else 0.0  # "5,000 reservists" is itself a rare term
    dates = dates_between(a, b, cross)
    score += 0.05 if dates == "same" else 0.0
    if a.modality != b.modality and not cross:
        # a plan or a possibility is not a deed done ("plans to train" / "has deployed"), unless the
        # retelling drifted on one predicate ("may be sent" / "were sent") or one precise figure of one
        # counted thing anchors it
        unreal = {"plan", "possible"}
        apart = {a.modality, b.modality} & unreal and "actual" in (a.modality, b.modality)
        score -= 0.05 if drifted or not apart or a.predicates & b.predicates else settings.align_modality_penalty
    # across languages entity ids may not have been linked: names that share a transliterated key meet
    names_differ = bool(a.entity_terms and b.entity_terms and not a.entity_terms & b.entity_terms) and not (
        cross and (a.name_keys & b.name_keys or not (a.name_keys and b.name_keys) or written_in(a, b) or written_in(b, a)
                   or abjad_keys_meet(a, b))) and not nested_names(a, b)
    if subject_apart:
        score -= 0.45
    if names_differ:
        score -= 0.6  # about different actors or places: nearly decisive
    elif other_names:
        score -= settings.align_other_name_penalty
    # the same words about another participant (read only where the score would decide something: at or
    # above what this pairing or a repeat in one report needs; below, a lower score changes nothing)
    if not names_differ and not cross and score >= min(1.0 if required is None else required,
                                                       settings.duplicate_threshold) and one_swap(a, b):
        score -= 0.6
    blocked = None
    if required is None:
        blocked, required = "speaker", 1.0
    elif a.negated != b.negated and not (b if a.negated else a).negation_implied \
            and (not cross or a.negated_any != b.negated_any) and negation_shared(a, b):
        # the version without a negation word has no word that says 'not' either ('no trains would run' / 'has
        # cancelled all trains', 'mocht niet werken' / 'was barred from working'); across languages, by the
        # strict and by the any-word reading alike; a denial of another thing done by the same parties is no flip
        blocked, score = "negation", score - (0.0 if cross or content_meets(a, b) else 0.45)
    elif figures == "clash":
        blocked = "figure"
    elif dates == "clash":
        blocked = "date"
    return Match(score=score, lexical=lexical, required=required, blocked=blocked, shared=shared)


def _best(view: ClaimView, group: Group, weight: Weights, settings: Settings) -> tuple[Match, ClaimView] | None:
    best = None
    members = group.members if len(group.members) <= MAX_COMPARED else (
        group.members[:MAX_COMPARED // 2] + group.members[-(MAX_COMPARED // 2):])
    own = None  # the best member in the claim's own language, whose words the comparison reads
    for member in members:
        if member.document == view.document:
            continue
        m = compare(view, member, weight, settings)
        if m.blocked:
            return None  # one clash with a member keeps the claim out of the group
        if best is None or m.score - m.required > best[0].score - best[0].required:
            best = (m, member)
        if not view.cross(member) and (own is None or m.score - m.required > own[0].score - own[0].required):
            own = (m, member)
    # a group that tells the claim in its own language and does not meet it there: the embedding's likeness to a
    # translation is no evidence ('The blaze was still far from contained' beside Heller's 'Strong winds had pushed
    # the flames', both in English, came in through the German and Polish retellings of the winds)
    return own if own is not None and not own[0].aligned else best


def align(views: list[ClaimView], settings: Settings) -> list[Group]:
    """Group the claims of a story's reports: one group per asserted thing. In one language a claim of
    several sentences is aligned as its parts, each a member of its own group (across languages the whole
    claim is compared: its embedding is the evidence, and a part has none)."""
    wholes = {v.claim_ref: v for v in views if v.parts}
    if one_language(views):
        views = [p for v in views for p in (v.parts or (v,))]
    weight = Weights(views)
    groups: list[Group] = []
    by_doc: dict[str, list[ClaimView]] = {}
    for v in sorted(views, key=lambda v: (v.order, v.claim.in_title, v.claim.start, v.ref)):
        by_doc.setdefault(v.document, []).append(v)
    # in one language the groups a claim is compared with are looked up by its terms (the same groups)
    postings = Postings(weight) if one_language(views) else None

    for doc, doc_views in by_doc.items():
        existing = list(groups)
        candidates = []
        # a headline drops its text's attribution ('X will cut jobs, the company said') and sums the claim it restates
        # in words of its own: it goes where the text's claim it says best goes, whoever speaks (below)
        sums: dict[str, ClaimView] = {}
        for v in doc_views:
            if v.claim.in_title:
                said = [(compare(v, o, weight, settings, ignore_speaker=True), o)
                        for o in doc_views if not o.claim.in_title]
                best = max(said, key=lambda x: x[0].score, default=None)
                if best is not None and best[0].aligned:
                    sums[v.ref] = best[1]
                elif (covered := _summed(v, [o for _, o in said])) is not None:
                    sums[v.ref] = covered  # 'Singer Mira Solberg dies at 67' of a lede of 25 words
        for v in doc_views:
            if v.ref in sums:
                continue
            for gi in (postings.candidates(v) if postings is not None else range(len(existing))):
                g = existing[gi]
                if postings is None and not g.may_match(v, weight) and not near_across(v, g.members, settings):
                    continue
                found = _best(v, g, weight, settings)
                if found and found[0].aligned:
                    candidates.append((found[0].score - found[0].required, found[0].score, v.ref, gi, v))
        candidates.sort(key=lambda c: (c[4].claim.in_title, -c[0], -c[1], c[2], c[3]))  # the text before its headline
        placed: dict[str, Group] = {}
        taken: set[int] = set()
        for _, _, ref, gi, v in candidates:
            if ref in placed or gi in taken:
                continue
            existing[gi].add(v)
            if postings is not None:
                postings.add(existing[gi], v)
            placed[ref] = existing[gi]
            taken.add(gi)
        # own claims already placed, by distinctive term: a repeat must share one (no scan of all pairs)
        by_term: dict[str, list[ClaimView]] = {}
        for other in doc_views:
            if other.ref in placed:
                for t in other.terms:
                    if weight.distinctive(t):
                        by_term.setdefault(t, []).append(other)
        for v in doc_views:
            if v.ref in placed:
                continue
            # a claim repeating one of its own report's claims joins that claim's group
            dup = placed[sums[v.ref].ref] if v.ref in sums else None
            seen: set[str] = set()
            for other in (o for t in sorted(v.terms) for o in by_term.get(t, ())) if dup is None else ():
                if other.ref == v.ref or other.ref in seen or v.claim.in_title and not other.claim.in_title:
                    continue
                seen.add(other.ref)
                m = compare(v, other, weight, settings, ignore_speaker=False)
                if m.blocked is None and m.score >= settings.duplicate_threshold and not told_in(v, other) and \
                        not nested(v, other) and words_reused(v.claim.text, other.claim.text) >= settings.duplicate_words:
                    dup = placed[other.ref]
                    break
            if dup is not None:
                dup.add(v)
                placed[v.ref] = dup
            else:
                g = Group()
                g.add(v)
                groups.append(g)
                placed[v.ref] = g
            if postings is not None:
                postings.add(placed[v.ref], v)
            for t in v.terms:
                if weight.distinctive(t):
                    by_term.setdefault(t, []).append(v)

    groups, postings = _merge_pass(groups, weight, settings, postings)
    _compound_pass(groups, weight, settings, postings)
    _translation_split_pass(groups, weight, settings)
    return _rejoin_parts(groups, wholes)


def _summed(head: ClaimView, claims: list[ClaimView]) -> ClaimView | None:
    """The one text claim of the report that holds every word of its headline (three at least; a name by any of its
    words): a lede of many words scores low against a headline of a few, however much of it the headline says."""
    words = set(head.terms)
    if len(words) < 3:
        return None
    holding = []
    for o in claims:
        named = {w for _, written in o.names for w in TOKEN.findall(written.lower())}
        if all(t in o.terms or t in named for t in words):
            holding.append(o)
    return holding[0] if len(holding) == 1 else None


def _rejoin_parts(groups: list[Group], wholes: dict[str, ClaimView]) -> list[Group]:
    """The sentences of a claim that no other report's claim joined are that claim again: one group of the
    whole claim (a quote of three sentences is one claim of its speaker, not three), where its first such
    sentence stood; the sentences that other reports retell keep their own groups."""
    alone: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        refs = {m.claim_ref for m in g.members}
        if len(refs) == 1 and all(m.ref != m.claim_ref for m in g.members):
            ref = next(iter(refs))
            if ref in wholes:
                alone.setdefault(ref, []).append(i)
    if not alone:
        return groups
    first = {idx[0]: ref for ref, idx in alone.items()}
    drop = {i for idx in alone.values() for i in idx}
    out = []
    for i, g in enumerate(groups):
        if i in first:
            whole = Group()
            whole.add(wholes[first[i]])
            out.append(whole)
        elif i not in drop:
            out.append(g)
    return out


def _merge_pass(groups: list[Group], weight: Weights, settings: Settings,
                postings: Postings | None) -> tuple[list[Group], Postings | None]:
    """Two groups of one assertion become one. Placed report by report, a claim that meets none of an earlier
    group's first members founds a group of its own, and later retellings join one or the other: the two are
    merged when no report is in both, neither founder clashes with the other group (figures, dates, negation,
    speaker) and one founder aligns with the other group, as it would have had the reports come in another
    order. Groups that share reports are merged when each shared report only restates itself across them (its
    headline in one, its lede in the other: ``_restated``) and neither founder clashes with the other group."""
    alive: list[Group | None] = list(groups)
    merged = False
    for i, g in enumerate(alive):
        if g is None:
            continue
        for j in (postings.candidates(g.members[0]) if postings is not None else range(len(alive))):
            h = alive[j] if j > i else None
            if h is None or g.docs & h.docs or postings is None and not h.may_match(g.members[0], weight):
                continue
            there, back = _best(g.members[0], h, weight, settings), _best(h.members[0], g, weight, settings)
            if there and back and (there[0].aligned or back[0].aligned):
                for m in h.members:
                    g.add(m, secondary=m.ref in h.secondary)
                alive[j], merged = None, True
    # groups one report's restatements keep apart (its headline in one, its lede in the other)
    holding: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(alive):
        for d in (g.docs if g is not None else ()):
            holding[d].append(i)
    for i, g in enumerate(alive):
        if g is None:
            continue
        for j in sorted({j for d in g.docs for j in holding[d] if j > i}):
            h = alive[j]
            if h is not None and _restated(g, h, weight, settings) and _best(g.members[0], h, weight, settings) \
                    and _best(h.members[0], g, weight, settings):
                for m in h.members:
                    g.add(m, secondary=m.ref in h.secondary)
                alive[j], merged = None, True
    if not merged:
        return groups, postings
    kept = [g for g in alive if g is not None]
    if postings is not None:
        postings = Postings(weight)
        for g in kept:
            for m in g.members:
                postings.add(g, m)
    return kept, postings


def _restated(g: Group, h: Group, weight: Weights, settings: Settings) -> bool:
    """The groups share reports, and in each shared report its claim in one group restates its claim in the
    other (a headline or lede and a claim that retells it: one speaker, evidence at the same-speaker threshold;
    two claims further down only with a repeat's evidence): the groups were kept apart only because a report
    gives a group one claim."""
    shared = g.docs & h.docs
    for doc in shared:
        # (not two claims of one sentence, whose embedding is that sentence's: 'C1, a source told X, adding that C2')
        pairs = [(a, b) for a in g.members if a.document == doc for b in h.members if b.document == doc
                 and (a.claim.start, a.claim.end, a.claim.in_title) != (b.claim.start, b.claim.end, b.claim.in_title)]
        if not any(a.speaker_id == b.speaker_id and (m := compare(a, b, weight, settings)).blocked is None
                   and m.score >= (settings.align_threshold if opening(a, weight.ledes) or opening(b, weight.ledes) else
                                   settings.duplicate_threshold) and any(t[0] != "@" for t in m.shared)
                   for a, b in pairs):
            return False  # (a word in common besides names; two claims further down as alike as a repeat: 'Ruiz
            # left her bodyguards behind' is no retelling of 'Ruiz was taken to a clinic', however alike their embeddings)
    return bool(shared)


def _compound_pass(groups: list[Group], weight: Weights, settings: Settings, postings: Postings | None = None) -> None:
    """A claim stating two things joins a second group when its other part matches it (``postings``: the
    groups by their terms, in one language)."""
    if len({d for g in groups for d in g.docs}) < 2:
        return  # parts of a compound claim join groups from other reports only
    for g in groups:
        for v in list(g.members):
            if v.ref in g.secondary:
                continue
            used = set()
            for other in g.members:
                if other.document != v.document:
                    used |= compare(v, other, weight, settings).shared
            for h in (groups if postings is None else [groups[i] for i in postings.candidates(v)]):
                if h is g or postings is None and not h.may_match(v, weight) or any(v.cross(m) for m in h.members) or len(v.terms) < min(len(m.terms) for m in h.members) + 2:
                    continue  # only a claim saying more than the group's claims can be compound
                if v.document in h.documents():
                    continue
                found = _best(v, h, weight, settings)
                if not found or not found[0].aligned or len(v.terms) < len(found[1].terms) + 2:
                    continue
                shared = found[0].shared
                if used and len(shared & used) > 0.5 * len(shared):
                    continue
                h.add(v, secondary=True)
                if postings is not None:
                    postings.add(h, v)


def _translation_split_pass(groups: list[Group], weight: Weights, settings: Settings) -> None:
    """One report's sentence read as two claims (u in h, w in g), its translation's as one (v in g):
    v carries both and joins h too. Seen when one language's analyser reads "X said A and that B" as two
    claims and the other language's as one. When u and v both give figures, v carries u only with one of them.
    The claims of one sentence share its embedding: v's sentence must translate w's whole sentence, as close and as
    long (``translation_cos``, ``translation_words``; 'son centre était saturé' carries no 'and that patients ...'), or,
    in a language the embedder does not read, giving its sentence's figures (meaning.figures_say)."""
    group_of = {m.ref: g for g in groups for m in g.members if m.ref not in g.secondary}
    by_doc: dict[str, list[ClaimView]] = {}
    for m in (m for g in groups for m in g.members if m.ref not in g.secondary):
        by_doc.setdefault(m.document, []).append(m)
    for claims in by_doc.values():
        for w in claims:
            g = group_of[w.ref]
            for u in claims:
                h = group_of[u.ref]
                if h is g or w.claim.in_title != u.claim.in_title or not (
                        w.claim.start < u.claim.end and u.claim.start < w.claim.end):
                    continue
                for v in list(g.members):
                    if v.ref in g.secondary or v.document in h.docs or not v.cross(u):
                        continue
                    if u.figures and v.figures and figure_relation(v.figures, u.figures, True) != "same":
                        continue  # 'three days of mourning' is not in '50 millions de couronnes'
                    if not figures_say(v, w, settings) and (  # (its sentence's figures tell, where no vector can)
                            v.vector is None or w.vector is None or float(v.vector @ w.vector) < settings.translation_cos
                            or v.sentence_words < settings.translation_words * w.sentence_words):
                        continue  # v translates w's sentence, not only its claim
                    if compare(v, u, weight, settings).aligned:
                        h.add(v, secondary=True)
