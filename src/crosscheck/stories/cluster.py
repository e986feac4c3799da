"""Batch clustering of reports into stories: average-link over the combined similarity, and
stable story ids (new clusters inherit the old id they overlap most)."""
from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from typing import Container, Mapping, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix

from crosscheck.config import Settings
from crosscheck.embed import embedder_languages, unpack
from crosscheck.textunits import script_of
from crosscheck.model import ReclusterResult, StoryAssignment, StoryFeatures
from crosscheck.stories.actors import (actors_apart, incidence, leads_apart, leads_elsewhere, names_apart,
                                       places_apart)
from crosscheck.stories.vectors import Vocabulary, date_factor, day_number, feature_keys, month_keys, vector


def story_id(first_document: str) -> str:
    """A stable story id from the id of its first report."""
    return "story-" + hashlib.sha1(first_document.encode("utf-8")).hexdigest()[:10]


def _cosines(vectors: Sequence[dict[str, float]]) -> np.ndarray:
    n = len(vectors)
    col: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, vec in enumerate(vectors):
        for k, v in vec.items():
            rows.append(i)
            cols.append(col.setdefault(k, len(col)))
            vals.append(v)
    m = csr_matrix((vals, (rows, cols)), shape=(n, max(len(col), 1)))
    return (m @ m.T).toarray()


def _without_words(vec: dict[str, float]) -> dict[str, float]:
    """A report's names, numbers and dates alone, renormalised: what survives a change of language."""
    rest = {k: v for k, v in vec.items() if not k.startswith("t:")}
    norm = float(np.sqrt(math.fsum(v * v for v in rest.values()))) or 1.0
    return {k: v / norm for k, v in rest.items()}


def _with_skeletons(names: Sequence[dict[str, float]], skeletons: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Each report's name vector with its names' skeletons added, each as strong as its strongest name key."""
    out = []
    for vec, sks in zip(names, skeletons):
        top = max(vec.values(), default=1.0)
        aug = {**vec, **{"sk:" + k: top for k in sks}}
        norm = float(np.sqrt(math.fsum(v * v for v in aug.values()))) or 1.0
        out.append({k: v / norm for k, v in aug.items()})
    return out


def embedding_evidence(cos: np.ndarray, settings: Settings, kin: np.ndarray | None = None) -> np.ndarray:
    """Title + lead embedding cosine mapped linearly from ``story_embed_low`` (0) to ``story_embed_high`` (1);
    where ``kin`` holds (the two leads name one kind of event), from ``story_embed_low`` less
    ``story_embed_kin_relief``."""
    lo, hi = settings.story_embed_low, settings.story_embed_high
    if kin is not None:
        lo = np.where(kin, lo - settings.story_embed_kin_relief, lo)
    return np.clip((cos - lo) / (hi - lo), 0.0, 1.0)


def _kin(events: Sequence[Sequence[str]]) -> np.ndarray:
    """[i, j]: the leads of reports i and j name a kind of event in common."""
    m = incidence(events)
    return (m @ m.T).toarray() > 0


def _embedding_matrix(embeddings: Sequence[np.ndarray | None] | None) -> tuple[np.ndarray, np.ndarray] | None:
    """(cosines, which pairs have both vectors) or None when no report has one."""
    if not embeddings or all(e is None for e in embeddings):
        return None
    dims = Counter(e.shape[0] for e in embeddings if e is not None)
    dim = dims.most_common(1)[0][0]
    has = np.array([e is not None and e.shape[0] == dim for e in embeddings])
    m = np.zeros((len(embeddings), dim), dtype=np.float32)
    for i, e in enumerate(embeddings):
        if has[i]:
            m[i] = e
    return m @ m.T, has[:, None] & has[None, :]


def similarity_matrix(vectors: Sequence[dict[str, float]], days: Sequence[int | None],
                      settings: Settings, languages: Sequence[str | None] | None = None,
                      embeddings: Sequence[np.ndarray | None] | None = None,
                      stated: Sequence[Sequence[str]] | None = None,
                      leads: Sequence[Sequence[str]] | None = None,
                      actors: np.ndarray | None = None,
                      events: Sequence[Sequence[str]] | None = None,
                      skeletons: Sequence[Sequence[str]] | None = None) -> np.ndarray:
    """Cosine of every pair of report vectors, scaled by publication-date distance.

    Reports in two different languages share no content words, so for them the words block only
    dilutes the evidence that does cross languages: they are compared on names, numbers and dates.
    When both carry a title + lead embedding, it decides whether they tell the same event
    (mapped evidence, 0 below ``story_embed_low``) and the names say how strongly: the pair's
    similarity is that evidence times its names/numbers/dates cosine, floored at
    ``story_embed_names_floor`` (names written in another script often share no key). ``stated``: each
    report's stated date keys; reports published over ``story_date_far_days`` apart are scaled further unless
    the later one dates the earlier's time (vectors.far_factor). ``leads``: each report's lead days; two reports
    whose leads and publication dates are both over ``story_lead_apart_days`` apart are scaled by
    ``story_lead_apart_factor`` (two events). ``actors``: [i, j] true where the two reports' leads name two
    organisations of one kind (stories.actors.actors_apart): scaled by ``story_actors_apart_factor``, whatever
    the dates. ``events``: the kinds of event each report's lead names (StoryFeatures.events): two leads naming
    one kind are read with a lower embedding floor (a word the embedder knows poorly, 'séisme' / 'Erdbeben').
    ``skeletons``: the consonant skeletons of the people and places each report names (aliases.skeleton: Varga,
    바르가, バルガ, فارغا -> plk), which reports in two scripts compare their names by as well."""
    sim = _cosines(vectors)
    langs = [(x or "")[:2].lower() for x in languages] if languages else []
    if len(set(l for l in langs if l)) > 1:
        lang = np.array(langs, dtype=object)
        differ = (lang[:, None] != lang[None, :]) & (lang[:, None] != "") & (lang[None, :] != "")
        names = [_without_words(v) for v in vectors]
        cross = np.maximum(sim, _cosines(names))
        tied = _cosines([{k: x for k, x in v.items() if not k.startswith("d:")} for v in vectors]) > 0
        if skeletons is not None:  # 'Варга' / '바르가': names in two scripts meet by their skeletons, not their keys
            script = np.array([script_of(x) for x in langs], dtype=object)
            scripts_differ = differ & (script[:, None] != script[None, :])
            if scripts_differ.any():
                cross = np.where(scripts_differ, np.maximum(cross, _cosines(_with_skeletons(names, skeletons))), cross)
                sk = incidence(skeletons)
                tied |= (sk @ sk.T).toarray() > 0
        # a date alone ties no two reports across languages: any event of the day shares it (a Hindi report, no
        # names read, scored 0.29 against every English report dated the same Friday)
        cross = np.where(tied, cross, 0.0)
        emb = _embedding_matrix(embeddings)
        if emb is not None:
            cos, both = emb
            read = embedder_languages(settings.embedder)
            if read is not None:  # a language the embedder was not trained on: names, numbers and dates decide
                known = np.array([not l or l in read for l in langs])
                both = both & known[:, None] & known[None, :]
            kin = _kin(events) if events is not None else None
            meant = embedding_evidence(cos, settings, kin) * np.maximum(cross, settings.story_embed_names_floor)
            cross = np.where(both, meant, cross)
        sim = np.where(differ, cross, sim)
    known = np.array([d is not None for d in days])
    if known.sum() > 1:
        dv = np.array([d if d is not None else 0 for d in days], dtype=float)
        gap = np.abs(dv[:, None] - dv[None, :])
        both = known[:, None] & known[None, :]
        factor = np.vectorize(lambda g: date_factor(g, settings))(gap)
        sim = np.where(both, sim * factor, sim)
        far = both & (gap > settings.story_date_far_days)
        if stated is not None and far.any():
            back = _dates_back(stated, days, settings)
            sim = np.where(far & ~back, sim * settings.story_date_far_factor, sim)
        if leads is not None:
            apart = both & (gap > settings.story_lead_apart_days) & leads_apart(leads, settings.story_lead_apart_days)
            sim = np.where(apart, sim * settings.story_lead_apart_factor, sim)
    if actors is not None:
        sim = np.where(actors, sim * settings.story_actors_apart_factor, sim)
    np.fill_diagonal(sim, 1.0)
    return sim


def feature_similarity(vectors: Sequence[dict[str, float]], features: Sequence[StoryFeatures], settings: Settings,
                       embeddings: Sequence[np.ndarray | None] | None = None) -> np.ndarray:
    """similarity_matrix of reports with these features (``embeddings``: their unpacked lead embeddings, when the
    caller has them)."""
    if embeddings is None:
        embeddings = [unpack(f.embedding) for f in features]
    return similarity_matrix(vectors, [day_number(f.published) for f in features], settings,
                             [f.language for f in features], embeddings, [f.dates for f in features],
                             [f.lead_dates for f in features], actors_apart(features) | places_apart(features) | names_apart(features)
                             | leads_elsewhere(features),
                             [f.events for f in features],
                             [[k[2:] for k in f.actors if k.startswith(("s:", "h:"))] for f in features])


def _dates_back(stated: Sequence[Sequence[str]], days: Sequence[int | None], settings: Settings) -> np.ndarray:
    """[i, j]: the later of reports i and j states a date in the months the earlier was published about."""
    cols: dict[str, int] = {}
    said = [(i, cols.setdefault(m, len(cols))) for i, ds in enumerate(stated) for m in {d[:7] for d in ds if d[:1].isdigit()}]
    when = [(i, cols.setdefault(m, len(cols))) for i, d in enumerate(days) if d is not None
            for m in month_keys(d, d, settings)]
    n, k = len(days), max(len(cols), 1)

    def matrix(pairs):
        rows, cs = zip(*pairs) if pairs else ((), ())
        return csr_matrix((np.ones(len(rows)), (rows, cs)), shape=(n, k))

    refer = (matrix(said) @ matrix(when).T).toarray() > 0  # i states a date in j's months
    dv = np.array([d if d is not None else 0 for d in days], dtype=float)
    return np.where(dv[:, None] > dv[None, :], refer, refer.T)


def agglomerate(sim: np.ndarray, threshold: float, method: str = "average") -> list[int]:
    """Clusters whose linkage similarity (mean pair for 'average', least pair for 'complete') stays at
    or above the threshold."""
    n = sim.shape[0]
    if n == 1:
        return [0]
    dist = np.clip(1.0 - sim, 0.0, None)
    iu = np.triu_indices(n, 1)
    tree = linkage(dist[iu], method=method)
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    return [int(x) - 1 for x in labels]


def join_across_languages(sim: np.ndarray, labels: Sequence[int], languages: Sequence[str],
                          settings: Settings) -> list[int]:
    """Complete linkage asks every pair of a story's reports to be close. Two reports in two languages are
    compared on names and a lead embedding alone, a weaker measure: a short German follow-up ('the toll rises to
    15') and a Korean report of the fire itself score near 0, so the follow-ups formed a story of their own. Two
    clusters that share a language join when the pairs of one language across them are all close (complete
    linkage on the pairs the words compare) and as close on average as two reports of one event
    (``story_join_same_mean``), and the pairs across languages average ``story_threshold`` (what average linkage
    asks). A prisoner swap agreed by one of the two sides of a ceasefire, the same day, scores 0.25 against the
    ceasefire's English reports and 0.14 across languages: it stays apart. Two clusters with no language in common
    have only pairs across languages: they join when the better half of these average what two reports of one event
    do (``story_join_same_mean``, ``_upper_half_cross``; a Chinese and a Hindi report of a mine collapse, one Hindi
    pair under the link threshold against an English follow-up with other figures). A monolingual set is left as it is (complete
    linkage left no two of its clusters this close). Best pair first, sums updated per merge."""
    lang = np.array([l or "?" for l in languages], dtype=object)
    known = lang != "?"
    if len(set(lang[known])) < 2:
        return list(labels)
    ids = sorted(set(labels))
    member = np.zeros((len(labels), len(ids)))
    member[np.arange(len(labels)), [ids.index(l) for l in labels]] = 1.0
    same = (lang[:, None] == lang[None, :]) & known[:, None] & known[None, :]
    ones = np.ones_like(sim)
    def between(m: np.ndarray) -> np.ndarray:
        return member.T @ m @ member
    s_same, n_same = between(np.where(same, sim, 0.0)), between(np.where(same, ones, 0.0))
    low = between(np.where(same & (sim < settings.story_link_threshold), ones, 0.0))
    s_all, n_all = between(sim), between(ones)
    alive = np.ones(len(ids), dtype=bool)
    while True:
        with np.errstate(divide="ignore", invalid="ignore"):
            mean_same = np.where(n_same > 0, s_same / n_same, -1.0)
            cross_n = n_all - n_same
            mean_cross = np.where(cross_n > 0, (s_all - s_same) / cross_n, 1.0)
        shared = n_same > 0
        # (read only where the mean is not far below: a pair whose mean is under half the join bar has too few close
        # pairs to make up its better half)
        near = ~shared & alive[:, None] & alive[None, :] & (mean_cross >= settings.story_threshold / 2)
        cross_only = np.where(shared, mean_cross, _upper_half_cross(sim, member, near))
        ok = np.where(shared, (mean_same >= settings.story_join_same_mean) & (low == 0)
                      & (mean_cross >= settings.story_threshold), cross_only >= settings.story_join_same_mean)
        ok &= alive[:, None] & alive[None, :]
        np.fill_diagonal(ok, False)
        if not ok.any():
            break
        score = np.where(shared, mean_same, cross_only)
        a, b = np.unravel_index(np.argmax(np.where(ok, score, -np.inf)), ok.shape)
        a, b = min(a, b), max(a, b)
        for m in (s_same, n_same, low, s_all, n_all):
            m[a, :] += m[b, :]
            m[:, a] += m[:, b]
        alive[b] = False
        member[:, a] += member[:, b]
        member[:, b] = 0.0
    return [int(np.argmax(row)) for row in member]


def _upper_half_cross(sim: np.ndarray, member: np.ndarray, which: np.ndarray) -> np.ndarray:
    """[a, b] for the cluster pairs ``which`` marks: the mean of the better half of the pairs across them (of two
    clusters in no common language every pair is across languages); -1 elsewhere. A report in a language new to a
    story meets the story's lead reports on names and a lead embedding, its follow-ups with few names hardly: the
    mean over every pair fell as the story grew ('27 قتيلا في غارة على مدرسة' against the wire 0.35, a local
    witness account 0.07)."""
    out = np.full(which.shape, -1.0)
    groups = [np.flatnonzero(member[:, k]) for k in range(member.shape[1])]
    for a, b in zip(*np.nonzero(np.triu(which, 1))):
        pairs = np.sort(sim[np.ix_(groups[a], groups[b])].ravel())[::-1]
        out[a, b] = out[b, a] = float(pairs[: max(1, (len(pairs) + 1) // 2)].mean()) if len(pairs) else -1.0
    return out


def rejoin_vetoed(sim: np.ndarray, labels: Sequence[int], languages: Sequence[str], settings: Settings) -> list[int]:
    """A report goes to a story holding reports in its language and in others when its pairs of one language there are
    all close and average what two reports of one event do (``story_join_same_mean``), more than its pairs in its own
    cluster do, and its pairs across languages are on average no weaker than complete linkage asks of any pair. Complete
    linkage weighs the weak measure across languages as the words: 'Ostria rejects Norland's drone accusations' scored
    0.60 against the wire of the drone strike but 0.09 against its Arabic retelling (names in another script, an
    embedding that reads 'rejects' as another event), and joined a story of the two countries' border talks (0.20) that
    asked no pair across languages. (A prisoner swap beside a ceasefire, 0.25 against its English reports, stays
    apart; so, at that bar, does a local paper's count of a mine collapse, 0.25 on average.) A set of one language is
    left as it is (ECB+ dev: moving a report to the cluster it is closest to on average cost 0.007 story F1)."""
    lang = np.array([l or "?" for l in languages], dtype=object)
    if len(set(lang[lang != "?"])) < 2:
        return list(labels)
    n = len(labels)
    ids = sorted(set(labels))
    member = np.zeros((n, len(ids)))
    member[np.arange(n), [ids.index(l) for l in labels]] = 1.0
    others = ~np.eye(n, dtype=bool)
    same = (lang[:, None] == lang[None, :]) & (lang[:, None] != "?") & others
    across = ~same & others
    with np.errstate(divide="ignore", invalid="ignore"):  # (every report against every cluster at once)
        one_n, across_n = same @ member, across @ member
        one_mean = (np.where(same, sim, 0.0) @ member) / one_n
        one_low = (same & (sim < settings.story_link_threshold)) @ member
        across_mean = (np.where(across, sim, 0.0) @ member) / across_n
        own_n = others @ member
        here = (np.where(others, sim, 0.0) @ member) / own_n
    own = np.array([ids.index(l) for l in labels])
    here_r = np.nan_to_num(here[np.arange(n), own])
    ok = (one_n > 0) & (across_n > 0) & (one_low == 0) & (across_mean >= settings.story_link_threshold)
    ok &= one_mean > np.maximum(here_r, settings.story_join_same_mean)[:, None]
    ok[np.arange(n), own] = False
    out = list(labels)
    for r in np.flatnonzero(ok.any(axis=1)):
        out[r] = ids[int(np.argmax(np.where(ok[r], one_mean[r], -np.inf)))]
    return out


def vectors_for(features: Sequence[StoryFeatures], settings: Settings,
                vocab: Vocabulary | None = None) -> list[dict[str, float]]:
    keys = [feature_keys(f) for f in features]
    if vocab is None:
        vocab = Vocabulary()
        for k in keys:
            vocab.add(k)
    return [vector(k, vocab, settings) for k in keys]


def cluster(features: Sequence[StoryFeatures], settings: Settings,
            vocab: Vocabulary | None = None, vecs: Sequence[dict[str, float]] | None = None) -> list[list[int]]:
    """Indices of the reports in each cluster, clusters in order of their first report (``vecs``: the
    reports' vectors under ``vocab`` when the caller has them)."""
    if not features:
        return []
    vecs = vecs if vecs is not None else vectors_for(features, settings, vocab)
    embeddings = [unpack(f.embedding) for f in features]
    sim = feature_similarity(vecs, features, settings, embeddings)
    if settings.story_linkage == "average":
        labels = agglomerate(sim, settings.story_threshold)
    else:
        labels = agglomerate(sim, settings.story_link_threshold, settings.story_linkage)
        langs = [(f.language or "")[:2] for f in features]
        labels = rejoin_vetoed(sim, join_across_languages(sim, labels, langs, settings), langs, settings)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        groups[lab].append(i)
    out: list[list[int]] = []
    for g in groups.values():
        if len(g) >= settings.story_split_min and settings.story_split_threshold > 0:
            parts = split_siblings([features[i] for i in g], settings, sim[np.ix_(g, g)],
                                   [embeddings[i] for i in g])
            out.extend([[g[i] for i in part] for part in parts])
        else:
            out.append(g)
    return sorted(out, key=lambda g: g[0])


def split_siblings(features: Sequence[StoryFeatures], settings: Settings,
                   global_sim: np.ndarray, embeddings: Sequence[np.ndarray | None] | None = None) -> list[list[int]]:
    """Split a cluster that holds sibling events (same actors and vocabulary, different event).

    Inside the cluster, what all its reports share says nothing about which event a report is
    about; only what some share and others lack does. So the reports are compared again with
    document frequencies counted inside the cluster (a feature every report carries weighs 0).
    """
    n = len(features)
    keys = [feature_keys(f) for f in features]
    local = Vocabulary()
    for k in keys:
        local.add(k)
    vecs = []
    for k in keys:
        vec = {}
        for key, count in k.items():
            w = math.log((n + 1) / (local.df[key] + 1))
            if w > 0 and local.df[key] > 1:
                vec[key] = w * (1.0 + math.log(count)) * (settings.story_weight_terms if key[0] == "t" else 1.0)
        norm = math.sqrt(math.fsum(v * v for v in vec.values())) or 1.0
        vecs.append({key: v / norm for key, v in vec.items()})
    sim = feature_similarity(vecs, features, settings, embeddings)
    return _bisect(sim, global_sim, list(range(n)), settings, _voices(features, global_sim, embeddings, settings))


def _voices(features: Sequence[StoryFeatures], global_sim: np.ndarray,
            embeddings: Sequence[np.ndarray | None] | None, settings: Settings) -> list[int]:
    """For each report, the first report of its copies: reports of one language at least ``story_copy_sim`` alike
    whose title-and-lead embeddings are at least ``story_copy_embed`` alike (a wire story and its syndicated copy,
    retitled: one lead) are one text, whatever outlet ran it."""
    voice = list(range(len(features)))
    vec = list(embeddings) if embeddings is not None else [None] * len(features)
    for i in range(len(features)):
        for j in range(i):
            if features[i].language == features[j].language and global_sim[i, j] >= settings.story_copy_sim and \
                    vec[i] is not None and vec[j] is not None and vec[i].shape == vec[j].shape and \
                    float(vec[i] @ vec[j]) >= settings.story_copy_embed:
                voice[i] = voice[j]
                break
    return voice


def _bisect(sim: np.ndarray, global_sim: np.ndarray, idx: list[int], settings: Settings,
            voices: Sequence[int] | None = None) -> list[list[int]]:
    """Cut in two where reports are much closer inside each half than across; recurse. Each half needs two texts
    (``voices``): a wire story and its copy alone are not a sibling event, however alike (their shared words
    weigh heavily by the cluster's own counts)."""
    if len(idx) < settings.story_split_min:
        return [idx]
    sub = sim[np.ix_(idx, idx)]
    dist = np.clip(1.0 - sub, 0.0, None)
    tree = linkage(dist[np.triu_indices(len(idx), 1)], method="average")
    labels = fcluster(tree, t=2, criterion="maxclust")
    a = [i for i, lab in enumerate(labels) if lab == 1]
    b = [i for i, lab in enumerate(labels) if lab != 1]
    voice = voices if voices is not None else range(len(global_sim))
    if min(len({voice[idx[i]] for i in a}), len({voice[idx[i]] for i in b})) < 2:
        return [idx]
    # apart when the halves are far apart by the cluster-local measure, or by the global one (which compares
    # reports in two languages by their embeddings, where the local words see nothing across: meantime-dev's
    # Boeing and Airbus orders, each told in four languages, 0.2 apart against 0.7 within)
    if not any(_apart(m, a, b, settings) for m in (sub, global_sim[np.ix_(idx, idx)])):
        return [idx]
    if global_sim[np.ix_([idx[i] for i in a], [idx[i] for i in b])].mean() > settings.story_split_max_across:
        return [idx]  # the halves are close by every measure: one event told in different words
    return (_bisect(sim, global_sim, [idx[i] for i in a], settings, voices)
            + _bisect(sim, global_sim, [idx[i] for i in b], settings, voices))


def _apart(sim: np.ndarray, a: list[int], b: list[int], settings: Settings) -> bool:
    """The mean similarity across halves ``a`` and ``b`` is under story_split_threshold x the mean within."""
    def mean_within(part: list[int]) -> float:
        m = sim[np.ix_(part, part)]
        return (m.sum() - len(part)) / (len(part) * (len(part) - 1))

    within = (mean_within(a) * len(a) + mean_within(b) * len(b)) / (len(a) + len(b))
    return sim[np.ix_(a, b)].mean() <= settings.story_split_threshold * within


def name_clusters(clusters: Sequence[Sequence[str]], current: Mapping[str, str],
                  taken: Container[str] = ()) -> tuple[list[str], list[str], list[str]]:
    """Ids for new clusters of document ids: the old id with the largest overlap where one exists,
    else a fresh id that is not ``taken`` (a set, or a StoryIndex's view of the store). Returns (ids, merge
    notes, split notes)."""
    overlaps = []
    for ci, docs in enumerate(clusters):
        for old, count in Counter(current[d] for d in docs if d in current).items():
            overlaps.append((count, -ci, ci, old))
    overlaps.sort(reverse=True)
    ids: list[str | None] = [None] * len(clusters)
    used: set[str] = set()
    for _count, _neg, ci, old in overlaps:
        if ids[ci] is None and old not in used:
            ids[ci] = old
            used.add(old)
    here = used | set(current.values())
    for ci, docs in enumerate(clusters):
        if ids[ci] is None:
            sid, salt = story_id(docs[0]), 0
            while sid in here or sid in taken:
                salt += 1
                sid = story_id(f"{docs[0]}#{salt}")
            ids[ci] = sid
            here.add(sid)
    merges, splits = [], []
    olds_in: dict[str, set[str]] = defaultdict(set)
    for ci, docs in enumerate(clusters):
        olds = sorted({current[d] for d in docs if d in current})
        if len(olds) > 1:
            merges.append(f"{ids[ci]} <- {', '.join(o for o in olds if o != ids[ci])}")
        for o in olds:
            olds_in[o].add(ids[ci])
    for old, news in sorted(olds_in.items()):
        if len(news) > 1:
            splits.append(f"{old} -> {', '.join(sorted(news))}")
    return [i for i in ids if i is not None], merges, splits


def recluster(features: Sequence[StoryFeatures], current: Mapping[str, str],
              settings: Settings | None = None) -> ReclusterResult:
    """Re-cluster all given reports in one batch; ids stay where membership barely changes."""
    settings = settings or Settings()
    groups = cluster(features, settings)
    clusters = [[features[i].document for i in g] for g in groups]
    ids, merges, splits = name_clusters(clusters, current)
    assignments = tuple(StoryAssignment(d, sid) for sid, docs in zip(ids, clusters) for d in docs)
    return ReclusterResult(assignments=assignments, merges=tuple(merges), splits=tuple(splits))
