"""Counts and sums written against Han, kana or Hangul, where no word boundary stands between a number and its
noun or scale ('42台', '1만 명', '1万2000箱', '5000万元', '1兆2000億円', '1.2万亿日元'); read by quantities.py."""
from __future__ import annotations

import re

from crosscheck.analyze.time_spans import explicit_date_spans
from crosscheck.model import Quantity

# numbers written against Han, kana or Hangul (no space, no word boundary): '42台', '1만 명', '1万2000箱', '5000万元'
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_SCALES = {"万": 10**4, "萬": 10**4, "만": 10**4, "億": 10**8, "亿": 10**8, "억": 10**8, "千": 10**3, "천": 10**3,
               "兆": 10**12, "조": 10**12}
# '80亿', '1.2万亿' (scales multiply: 10^12), '1兆2000億', '1조2000억' (a second group after the first), '1万5000'
_CJK_SCALE_CHARS = "".join(_CJK_SCALES)
_CJK_NUM = re.compile(
    rf"(?<![\d.,])(?P<n>\d+(?:,\d{{3}})*(?:\.\d+)?)(?:\s?(?P<scale>[{_CJK_SCALE_CHARS}]+)"
    rf"(?:(?P<rest>\d{{1,4}})(?:(?P<rscale>[{_CJK_SCALE_CHARS}]+)|(?!\d)))?)?"
    r"(?P<after>\s?[^\s\d]?)")
_CJK_NOT_COUNT = frozenset("年月日時时分秒号號년월일시초호歳세岁%％:：.")  # dates, clock times, ages, percents: not counts
_CJK_CURRENCY = {"日元": "JPY", "韩元": "KRW", "港元": "HKD", "美元": "USD", "欧元": "EUR", "英镑": "GBP", "元": "CNY", "円": "JPY",
                 "원": "KRW", "엔": "JPY", "ドル": "USD", "달러": "USD", "ユーロ": "EUR", "유로": "EUR"}  # (longest first)


def _cjk_scale(chars: str) -> int:
    """The value of a run of scale characters: '万亿' is 10^4 x 10^8; '' is 1."""
    value = 1
    for ch in chars:
        value *= _CJK_SCALES[ch]
    return value


def cjk_quantities(text: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """Counts and sums written in Chinese, Japanese or Korean style (the scan above needs word boundaries)."""
    blocked = explicit_date_spans(text) + taken
    out = []
    for m in _CJK_NUM.finditer(text):
        s = m.start()
        e = m.end("rscale") if m.group("rscale") else m.end("rest") if m.group("rest") else \
            m.end("scale") if m.group("scale") else m.end("n")
        near = text[max(0, s - 1):s] + text[e:e + 1]
        if not (m.group("scale") or CJK_CHAR.search(near)) or any(bs < e and s < be for bs, be in blocked):
            continue
        after = text[e:e + 3].lstrip()
        if after[:1] in _CJK_NOT_COUNT and not after.startswith(tuple(_CJK_CURRENCY)):  # ('日元': yen, not a day)
            continue
        value = float(m.group("n").replace(",", ""))
        if m.group("scale"):
            rest = int(m.group("rest")) * _cjk_scale(m.group("rscale") or "") if m.group("rest") else 0
            value = value * _cjk_scale(m.group("scale")) + rest
        unit = next((code for word, code in _CJK_CURRENCY.items() if after.startswith(word)), None)
        end = e + (len(text[e:e + 3]) - len(after)) + len(next(w for w in _CJK_CURRENCY if after.startswith(w))) if unit else e
        value = int(value) if float(value).is_integer() else round(value, 6)
        out.append(Quantity(start=s, end=end, text=text[s:end], value=value, low=value, high=value,
                            unit=unit, kind="money" if unit else "count"))
    return out
