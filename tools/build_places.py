#!/usr/bin/env python3
"""Build src/crosscheck/data/places.json: place names across languages from GeoNames.

Source: the GeoNames place-name translations (CC BY 4.0, https://www.geonames.org) as packaged by
Debian in ``libgeonames-common`` (one gettext catalogue per language, GeoNames id -> name).
Install it with ``apt-get install -y libgeonames-common``, then run
``python3 tools/build_places.py [--min-languages N]``.

Kept: places whose name is translated into at least ``--min-languages`` of the languages crosscheck
reads (a proxy for notability: the package carries no population), with the English name first and
the distinct names in those languages after it. The package is not needed at run time.
"""
from __future__ import annotations

import argparse
import gettext
import json
import os
from pathlib import Path

LANGS = ("de", "es", "it", "nl", "fr", "pt", "pl", "ru", "uk", "bg", "el", "tr", "ar", "ko", "ja", "zh_CN", "zh_TW", "id")
LOCALE = Path("/usr/share/locale")
OUT = Path(__file__).resolve().parents[1] / "src" / "crosscheck" / "data" / "places.json"


def catalogue(lang: str) -> dict[str, str]:
    path = LOCALE / lang / "LC_MESSAGES" / "geonames.mo"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        return {k: v for k, v in gettext.GNUTranslations(fh)._catalog.items() if k and isinstance(k, str)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-languages", type=int, default=12)
    args = ap.parse_args(argv)
    english = catalogue("en")
    if not english:
        raise SystemExit(f"build_places: no GeoNames catalogue under {LOCALE}: apt-get install -y libgeonames-common")
    cats = {lang: catalogue(lang) for lang in LANGS}
    places = {}
    for gid, name in english.items():
        names = [cats[lang][gid] for lang in LANGS if gid in cats[lang]]
        if len(names) < args.min_languages:
            continue
        distinct = list(dict.fromkeys(n for n in names if n and n != name))
        places[gid] = [name, *distinct]
    data = {
        "about": "Place names across languages: GeoNames id -> [English name, names in de es it nl fr pt pl ru uk bg el tr ar ko ja zh id]. "
                 f"Places translated into at least {args.min_languages} of those languages. Built by tools/build_places.py.",
        "source": "GeoNames (https://www.geonames.org), place-name translations as packaged in Debian libgeonames-common",
        "license": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution: GeoNames",
        "places": places,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(places)} places, {os.path.getsize(OUT) // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
