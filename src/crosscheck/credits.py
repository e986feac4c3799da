"""Wire credits and datelines: which news agencies a report credits.

"WASHINGTON (AP) —", "(Reuters) -", "BROWNSVILLE (dpa-AFX) -", "— AFP", "(Yonhap)", "Interfax-Ukraine",
"The Associated Press contributed to this report", "with AFP" ... -> ("AP",), ("Reuters",) ...
The agencies, their aliases and the credit forms live in ``data/wires.json`` (with their sources);
this module only compiles and applies them.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_TAIL_CHARS = 600  # sign-offs and contribution lines are looked for in the last this many characters
_HEAD_CHARS = 400  # datelines in the first this many


def outlet_key(name: str | None) -> str:
    """An outlet's name as compared with a source's wording or a credit: letters only, lower case, no leading article
    ('the Valdor Times' / 'Valdor Times')."""
    words = re.findall(r"[^\W_]+", (name or "").lower())
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return "".join(words)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], tuple[tuple[re.Pattern, int | None], ...]]:
    with resources.files("crosscheck.data").joinpath("wires.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    canon: dict[str, str] = {}
    for wire in data["wires"]:
        for alias in [wire["name"], *wire["aliases"]]:
            canon[alias] = wire["name"]
            canon.setdefault(alias.lower(), wire["name"])
    aliases = {a for wire in data["wires"] for a in [wire["name"], *wire["aliases"]]}
    aliases |= {a.upper() for a in aliases if len(a) > 4}  # datelines print names in capitals: '(EUROPA PRESS)'
    # (short names stay as listed: 'AP' is no 'ap')
    alt = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    pats = []
    for p in data["patterns"]:
        regex = p["regex"].replace("{wire}", f"(?:{alt})").replace("{name}", _ANY_NAME)
        pats.append((re.compile(regex), p.get("head"), "{name}" in p["regex"]))
    return canon, tuple(pats)


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    with resources.files("crosscheck.data").joinpath("wires.json").open(encoding="utf-8") as fh:
        return frozenset(json.load(fh)["outlet_words"])


def outlet_like(name: str) -> bool:
    """A capitalised name that is a wire's or carries a news outlet's name word (data/wires.json 'outlet_words': the
    Harbor Times, Radio Norvik, il Corriere)."""
    words = re.findall(r"[^\W_]+", name)
    capitalised = [w for w in words if w[:1].isupper()]
    return bool(capitalised) and (wire_name(name) is not None or
                                  any(w.lower() in _outlet_words() for w in capitalised))


def outlet_after_kind(phrase: str) -> str | None:
    """The name after a news outlet's kind written in lower case ('the Italian news agency ANSA' -> 'ANSA', 'the
    broadcaster Radio Norvik'), or None."""
    words = phrase.split()
    at = max((i for i, w in enumerate(words) if w.islower() and w in _outlet_words()), default=None)
    rest = words[at + 1:] if at is not None else []
    return " ".join(rest) if rest and all(w[:1].isupper() for w in rest) else None


# a wire the list does not know, in a pattern that says by its form that it credits one ('TARSK, Oct 3 (Northwire) -')
_ANY_NAME = r"[A-ZÀ-Þ][\w.&'’-]*(?:\s+[A-ZÀ-Þ][\w.&'’-]*){0,2}"


def wire_name(name: str) -> str | None:
    """The canonical name of a wire alias ("The Associated Press" -> "AP"), or None."""
    canon, _ = _table()
    name = " ".join(name.split())
    return canon.get(name) or canon.get(name.lower())


def parse_credits(text: str, lines: tuple[str, ...] | list[str] = (), authors: tuple[str, ...] | list[str] = ()
                  ) -> tuple[str, ...]:
    """Wires a report credits, in order of first appearance: in its opening and closing lines, in lines
    removed as boilerplate (bylines, credit lines) and in its authors."""
    canon, pats = _table()
    parts = [text[:_HEAD_CHARS], text[-_TAIL_CHARS:] if len(text) > _HEAD_CHARS else "", *lines,
             *(f"By {a}" for a in authors)]
    found: list[str] = []
    for part in parts:
        if not part:
            continue
        for pat, head, any_name in pats:
            scope = part[:head] if head else part
            for m in pat.finditer(scope):
                for said in re.split(r"\s*[/,]\s*", m.group(1)):  # 'Moskau (dpa/AFP) -': each wire
                    said = " ".join(said.split())
                    name = canon.get(said) or canon.get(said.lower()) or (said if any_name else None)
                    if name and name not in found:
                        found.append(name)
    return tuple(found)
