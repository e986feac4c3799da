"""bench/scale.py's copier: copies are new text with the same offsets, and their dates and figures change with
the text (a copy that kept its base's figures and dates joined the base's story: stories grew with the store)."""
from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

from crosscheck.model import Analysis, Quantity, TimeExpr

_spec = importlib.util.spec_from_file_location("bench_scale", Path(__file__).resolve().parents[1] / "bench" / "scale.py")
scale = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scale)

BASES = [{"title": "Storm floods Velmora harbour", "text": "On Friday, March 6, 2009 the storm flooded 2,000 homes in "
          "Velmora, mayor Ivo Petek said at 10:30. About 2 million euros of damage were counted by March 8."},
         {"title": "Ferry strike in Ostrava", "text": "Ferry crews in Ostrava walked out on Tuesday, the union said."}]


def test_a_copy_keeps_offsets_moves_years_and_figures_and_keeps_days_and_clock_times():
    copier = scale.Copier(BASES)
    text = BASES[0]["text"]
    assert copier.text(text, 0) == text
    new = copier.text(text, 3)
    assert len(new) == len(text) and new != text
    assert "2093" in new and "March 6" in new and "March 8" in new and "10:30" in new and "said" in new
    assert date(2093, 3, 6).weekday() == date(2009, 3, 6).weekday()  # 28-year steps keep the weekdays
    digits = copier.digit_map(3)
    assert f"{digits['2']},000" in new and f"About {digits['2']} million" in new


def test_a_copys_analysis_values_change_as_its_text_does():
    copier = scale.Copier(BASES)
    text = BASES[0]["text"]
    a = Analysis(document="d", quantities=(Quantity(start=0, end=5, text="2,000 homes", value=2000),
                                           Quantity(start=0, end=5, text="two homes", value=2)),
                 times=(TimeExpr(start=0, end=5, text="March 6, 2009", value="2009-03-06", anchor="2009-03-07"),
                        TimeExpr(start=0, end=5, text="now", value="PRESENT_REF")))
    v = scale.vary_analysis(a, copier, 3, "d3")
    d2 = int(copier.digit_map(3)["2"])
    assert [q.value for q in v.quantities] == [d2 * 1000, 2]  # a figure in words is kept, as its text is
    assert [t.value for t in v.times] == ["2093-03-06", "PRESENT_REF"] and v.times[0].anchor == "2093-03-07"
    assert copier.text(text, 3).count("2093") == 1
