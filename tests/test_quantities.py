"""Quantities: counts, qualifiers, counted nouns, vague amounts, percent, money, measures, negatives."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.analyze import quantities
from crosscheck.model import Document, Quantity

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def q(nlp):
    def run(text: str, language: str | None = None) -> list[Quantity]:
        doc = Document(id="t", source="t", fmt="txt", text=text, language=language)
        return quantities.extract(doc, nlp(text))
    return run


def one(found: list[Quantity], **want) -> Quantity:
    hits = [x for x in found if all(getattr(x, k) == v for k, v in want.items())]
    assert hits, f"no quantity with {want} in {found}"
    return hits[0]


@pytest.mark.parametrize("text, value, of, qualifier", [
    ("The ministry said it would train 10,000 Ruritanian conscripts this winter.", 10000, "conscript", None),
    ("More than 20 firefighters were hurt in the blaze.", 20, "firefighter", "more than"),
    ("Police detained six Borduvian smugglers near the pier.", 6, "smuggler", None),
    ("The plant took on about 150 new welders in spring.", 150, "welder", "about"),
    ("Nearly 2,000 homes lost power overnight.", 2000, "home", "nearly"),
    ("At least 7 climbers were rescued from the ridge.", 7, "climber", "at least"),
    ("Up to 40 drones were launched, the navy said.", 40, "drone", "up to"),
    ("Roughly 300 volunteers cleared the beach.", 300, "volunteer", "roughly"),
    ("An estimated 12,500 fans filled the arena.", 12500, "fan", "an estimated"),
    ("Some 80 trucks crossed the border.", 80, "truck", "some"),
    ("Fewer than 90 ballots were spoiled.", 90, "ballot", "fewer than"),
    ("As many as 35 ferries stayed in port.", 35, "ferry", "as many as"),
])
def test_counts_with_qualifier_and_counted_noun(q, text, value, of, qualifier):
    x = one(q(text), value=value)
    assert x.of == of and x.qualifier == qualifier and x.kind == "count"
    assert x.text.split()[-1].lower().startswith(of[:4])


def test_bounds_follow_the_qualifier(q):
    assert one(q("More than 20 boats sank."), value=20).low == 20
    assert one(q("More than 20 boats sank."), value=20).high is None
    assert one(q("Up to 40 boats sank."), value=40).high == 40
    exact = one(q("The storm sank 12 boats."), value=12)
    assert (exact.low, exact.high) == (12, 12)
    approx = one(q("The storm sank about 12 boats."), value=12)
    assert (approx.low, approx.high) == (None, None)


@pytest.mark.parametrize("text, value", [
    ("Twenty-one pilots graduated.", 21),
    ("Ten-thousand marchers filled the square.", 10000),
    ("Organisers expected 15-hundred runners.", 1500),
    ("The blackout hit 1.5 million households.", 1_500_000),
    ("Two dozen sheep escaped.", 24),
    ("A dozen reporters waited outside.", 12),
    ("Three hundred and twelve seats were filled.", 312),
    ("They counted 10\u2009000 birds.", 10000),  # thin space grouping
    ("Police counted 4 thousand protesters.", 4000),
])
def test_numbers_written_in_words_and_grouped(q, text, value):
    assert any(x.value == value for x in q(text)), q(text)


def test_plain_space_is_not_english_grouping(q):
    assert [x.value for x in q("Talks ended in Paris on Friday at 19 100 guests' request.")] != [19100]
    assert one(q("Погибли 1 200 человек.", language="ru"), value=1200)


def test_two_words_side_by_side_are_not_one_number(q):
    values = sorted(x.value for x in q("Six and seven year olds played; two three-day visits followed.") if x.value)
    assert 13 not in values and 6 in values


def test_decimal_vs_grouping(q):
    assert one(q("The index rose 2.5 points."), value=2.5)
    assert one(q("The convoy carried 3.500 refugees."), of="refugee").value == 3500
    assert one(q("Es kamen 10.000 Menschen.", language="de"), value=10000).of == "menschen"
    assert one(q("Es fehlen 1,5 Millionen Euro.", language="de"), value=1_500_000)


@pytest.mark.parametrize("text, low, high, of", [
    ('Officials said "several thousand" conscripts were training.', 2000, 9000, "conscript"),
    ("Dozens of villagers fled.", 24, 99, "villager"),
    ("Hundreds of pilgrims arrived.", 200, 999, "pilgrim"),
    ("Thousands of fans queued overnight.", 2000, 9999, "fan"),
    ("The depot held millions of rifle cartridges.", 2_000_000, 9_999_999, "cartridge"),
    ("Tens of thousands of people marched.", 20_000, 99_999, "people"),
    ("Between 20 and 30 kayaks capsized.", 20, 30, "kayak"),
    ("Rescuers found 5-10 survivors.", 5, 10, "survivor"),
    ("Officials expect 3 to 4 million visitors.", 3_000_000, 4_000_000, "visitor"),
])
def test_vague_amounts_and_ranges(q, text, low, high, of):
    x = one(q(text), low=low, high=high)
    assert x.value is None and x.kind == "range" and x.of == of


@pytest.mark.parametrize("text, value, unit, kind", [
    ("Turnout fell to 45% this year.", 45, "%", "percent"),
    ("Support rose to 45 percent.", 45, "%", "percent"),
    ("Prices climbed 3.2 per cent.", 3.2, "%", "percent"),
    ("The city pledged $5 million for repairs.", 5_000_000, "USD", "money"),
    ("Brussels set aside €300m for the bridge.", 300_000_000, "EUR", "money"),
    ("The fund holds 5 billion dollars.", 5_000_000_000, "USD", "money"),
    ("Each family received UAH 1,000 in aid.", 1000, "UAH", "money"),
    ("The club paid £2.5bn for the stadium.", 2_500_000_000, "GBP", "money"),
    ("The fine was 40\u00a0000 euros.", 40000, "EUR", "money"),
    ("The column moved 300 km north.", 300, "km", "measure"),
    ("Cranes lifted 5 tonnes of steel.", 5, "t", "measure"),
    ("The river rose over 40 kilometres inland.", 40, "km", "measure"),
    ("Winds reached 120 km/h on the coast.", 120, "km/h", "measure"),
])
def test_percent_money_measure(q, text, value, unit, kind):
    x = one(q(text), value=value)
    assert (x.unit, x.kind) == (unit, kind)


@pytest.mark.parametrize("text, language, value, unit", [
    ("The bank raised its rate by 25 basis points to 4.75% on Thursday.", "en", 25, "bp"),
    ("It cut rates by 50bp.", "en", 50, "bp"),
    ("Turnout rose 3 percentage points to 64 per cent.", "en", 3, "pp"),
    ("The bank raised its rate by half a percentage point to 5%.", "en", 0.5, "pp"),  # (no figure before: 'half a')
    ("Die Notenbank hat ihren Leitzins um 0,25 Prozentpunkte auf 4,75 Prozent angehoben.", "de", 0.25, "pp"),
    ("La Banque a relevé son taux de 25 points de base, à 4,75 %.", "fr", 25, "bp"),
    ("La Banca ha alzato il tasso di 25 punti base al 4,75%.", "it", 25, "bp"),
    ("El banco subió el tipo en medio punto, 0,5 puntos porcentuales, hasta el 5 %.", "es", 0.5, "pp"),
])
def test_percentage_and_basis_points_size_a_move_not_a_level(q, text, language, value, unit):
    """'um 0,25 Prozentpunkte auf 4,75 Prozent': the points were read as a percent like the level, and a German
    report's 0.25 clashed with another report's rate of 5%. A move is a percent of its own unit ('pp', 'bp')."""
    found = q(text, language)
    assert (one(found, value=value).unit, one(found, value=value).kind) == (unit, "percent")
    level = [x for x in found if x.unit == "%"]
    assert all(x.value != value for x in level), found


@pytest.mark.parametrize("text, language, value", [
    ("Liman idaresi, personelin yüzde 40'ının işi bıraktığını açıkladı.", "tr", 40),
    ("Enflasyon mayısta %45 oldu.", "tr", 45),
    ("Správa přístavu uvedla, že práci přerušilo jen 35 procent zaměstnanců.", "cs", 35),
    ("A munkavállalók 60 százaléka sztrájkolt hétfőn.", "hu", 60),
    ("Noin 40 prosenttia työntekijöistä lakkoili.", "fi", 40),
    ("Aproximativ 40 la sută dintre docheri au intrat în grevă.", "ro", 40),
])
def test_a_percent_is_read_in_each_language_s_words_and_order(q, text, language, value):
    """Turkish writes the percent before the number ('yüzde 40', '%40'): it was a count of 40 workers, and compared
    with counts; Czech, Hungarian, Finnish and Romanian words after it were not known (quantity_words.json)."""
    found = one(q(text, language), value=value)
    assert (found.kind, found.unit) == ("percent", "%"), found


def test_percent_keeps_what_it_is_a_share_of(q):
    assert one(q("The army lost 30 percent of its tanks."), value=30).of == "tank"
    assert one(q("Millions of dollars vanished."), low=2_000_000).kind == "money"


def test_qualified_money_text_covers_qualifier_and_symbol(q):
    x = one(q("Donors gave more than $12 million."), value=12_000_000)
    assert x.text == "more than $12 million" and x.qualifier == "more than" and x.low == 12_000_000


@pytest.mark.parametrize("text", [
    "The talks were held on October 17 in Geneva.",
    "The talks were held on 17 October 2024.",
    "The vote is set for Oct. 3, 2025.",
    "In 2024 the council met twice a month.",  # a year, and "twice" is not a number word
    "Back in 2022, nothing changed.",
    "The report is dated 2024-10-17 and 17/10/2024.",
    "The meeting starts at 10:30 and ends at 5 p.m.",
    "See page 12 and section 4 of Article 5.",
    "Call +44 20 7946 0958 or (555) 123-4567 for tickets.",
    "The F-16 and a Su-34 flew over; COVID-19 cases fell.",
    "She finished 17th; the 3rd battalion stayed.",
    "No one came, and one of them left.",
    "The deal was signed 20 years ago.",
    "Am 17. Oktober 2024 wurde gewählt.",
])
def test_not_quantities(q, text):
    assert q(text) == [], q(text)


def test_year_shaped_number_that_counts_a_noun_is_kept(q):
    assert one(q("Volunteers planted 2024 trees along the canal."), value=2024).of == "tree"


def test_offsets_point_into_the_text(q):
    text = "Rescue crews, some 40 divers in all, searched for 3 hours."
    for x in q(text):
        assert text[x.start:x.end] == x.text
    assert one(q(text), value=3).unit == "hour"


def test_other_languages_and_junk_never_crash(nlp):
    for text, lang in [("Погибли 12 человек, ранены 1 200.", "ru"), ("사망자는 15명이다.", "ko"),
                       ("", None), ("$$$ %%% ---", None), ("1,2,3,4,5,6", None), ("9" * 400, None)]:
        doc = Document(id="t", source="t", fmt="txt", text=text, language=lang)
        found = quantities.extract(doc, nlp(text))
        assert all(text[x.start:x.end] == x.text for x in found)
    doc = Document(id="t", source="t", fmt="txt", text="Погибли 12 человек.", language="ru")
    assert [x.value for x in quantities.extract(doc, None)] == [12]


@pytest.mark.skipif(not (SHARED / "gold" / "seed_pair.json").exists(), reason="shared/ not present")
def test_seed_gold_quantities(q):
    gold = json.loads((SHARED / "gold" / "seed_pair.json").read_text())
    for g in gold["quantities"]:
        found = q((SHARED / "seeds" / g["document"]).read_text())
        assert any(x.value == g["value"] and g["of"] in f"{x.of} {x.text}".lower()
                   and (g.get("qualifier") is None or x.qualifier == g["qualifier"]) for x in found), g


@pytest.mark.parametrize("text", [
    "Police were called about 7 p.m. and again at 3:30 a.m.",
    "The fire started in the 2500 block of Elm Street.",
    "The visitors won 3-1 after a 9-3 vote.",
    "Only one of the islands was hit.",
])
def test_more_not_quantities(q, text):
    assert q(text) == [], q(text)


@pytest.mark.parametrize("text, language, value, of, unit", [
    # no parse outside English: the word right after the number is what it counts, past the language's connector
    ("Murieron 1.200 personas en el sismo.", "es", 1200, "personas", None),
    ("Hay 2,5 millones de personas sin luz.", "es", 2_500_000, "personas", None),
    ("El coste fue de 3.000 millones de euros.", "es", 3_000_000_000, None, "EUR"),
    ("Plus de 1 200 personnes sont mortes.", "fr", 1200, "personnes", None),
    ("2,5 millions d'habitants sont sans abri.", "fr", 2_500_000, "habitants", None),
    ("Sono morte 1.200 persone.", "it", 1200, "persone", None),  # in spaCy's Italian stop list, yet a noun
    ("2,5 Millionen Menschen wurden obdachlos.", "de", 2_500_000, "menschen", None),
    # Dutch and Portuguese scale words ('miljoen', 'milhões') were not read: '2 miljoen' was 2
    ("Er vluchtten 2 miljoen inwoners.", "nl", 2_000_000, "inwoners", None),
    ("Het kost 3,5 miljard euro.", "nl", 3_500_000_000, None, "EUR"),
    ("Ficaram 2,5 milhões de habitantes sem casa.", "pt", 2_500_000, "habitantes", None),
    # no counted word: a verb after a scale word without its connector, a function word
    ("Y 2,5 millones quedaron sin hogar.", "es", 2_500_000, None, None),
    ("Los 12 fueron detenidos.", "es", 12, None, None),
    ("2,5 Millionen wurden obdachlos.", "de", 2_500_000, None, None),
])
def test_counted_word_outside_english(q, text, language, value, of, unit):
    found = one(q(text, language=language), value=value)
    assert (found.of, found.unit) == (of, unit)
    assert of is None or of in found.text.lower()


def test_a_day_and_a_month_written_as_english_does_are_a_date_not_a_count(q):
    """'op 1 november' (Dutch, Swedish, Danish write English's month names in lower case): the day number was a
    count, now the date is no quantity at all; English '12 march' (a verb) is still a count."""
    assert q("Ze vluchtten op 1 november.", language="nl") == []
    assert q("Attacken började den 1 december.", language="sv") == []
    assert one(q("About 12 march every day."), value=12)


@pytest.mark.parametrize("text, language, value", [
    # the scale words of languages the old hand list missed were not read: '5 milyon dolar' was 5 (CLDR now)
    ("Saldırganlar 5 milyon dolar fidye istedi.", "tr", 5_000_000),
    ("Sekitar 20 bin kişi tahliye edildi.", "tr", 20_000),
    ("Para peretas meminta tebusan 5 juta dolar.", "id", 5_000_000),
    ("Kerugian mencapai 2,5 miliar dolar.", "id", 2_500_000_000),
    ("Ζήτησαν λύτρα ύψους 5 εκατομμυρίων δολαρίων.", "el", 5_000_000),  # a genitive CLDR lacks (data file)
    ("Η ζημιά έφτασε τα 3 δισεκατομμύρια ευρώ.", "el", 3_000_000_000),
    ("Škoda dosáhla 4 miliard korun.", "cs", 4_000_000_000),
    ("Guvernul a alocat 20 de milioane de lei.", "ro", 20_000_000),
    ("Le coût atteint 1,5 milliard d'euros.", "fr", 1_500_000_000),  # French singular 'milliard' was 1.5
    ("Kostnaden blev 3 miljarder kronor.", "sv", 3_000_000_000),
])
def test_scale_words_of_every_language(q, text, language, value):
    one(q(text, language=language), value=value)


@pytest.mark.parametrize("text, language, unit", [
    # the currency after a number outside English was a counted word ('dólares'): now money in its code (CLDR)
    ("Los piratas pidieron 5 millones de dólares.", "es", "USD"),
    ("Хакеры потребовали 5 млн долларов.", "ru", "USD"),
    ("Saldırganlar 5 milyon dolar istedi.", "tr", "USD"),  # a bare form CLDR lacks (data file)
    ("Ζήτησαν λύτρα ύψους 5 εκατομμυρίων δολαρίων.", "el", "USD"),
    ("Para peretas meminta 5 juta dolar.", "id", "USD"),
    ("Straty wyniosły 2 miliardy złotych.", "pl", "PLN"),
    ("Os prejuízos chegam a 2 milhões de euros.", "pt", "EUR"),
])
def test_currency_words_of_every_language(q, text, language, unit):
    found = next(f for f in q(text, language=language) if f.value and f.value >= 10**6)
    assert (found.kind, found.unit, found.of) == ("money", unit, None)


def test_a_word_like_a_currency_is_no_money(q):
    """Of CLDR's 'rublo ruso' and 'livre turque' only the currency's own word is one: '2 millones de rusos' are
    people, '5 livres' books."""
    assert one(q("Viven allí 2 millones de rusos.", language="es"), value=2_000_000).kind == "count"
    assert one(q("Elle a écrit 5 livres.", language="fr"), value=5).kind == "count"


def test_scale_words_are_read_per_language(q):
    """French 'billion' is 10^12 and Spanish 'mil' a thousand: one word is not one number everywhere."""
    one(q("La dette atteint 2 billions d'euros.", language="fr"), value=2 * 10**12)
    one(q("Hubo 5 mil evacuados.", language="es"), value=5000)
    one(q("Škoda činila 5 mil. korun.", language="cs"), value=5_000_000)


def test_the_particle_of_a_phrasal_verb_is_no_qualifier(q):
    """'Ostria had handed over 150 Norland soldiers' was 'over 150' (a lower bound): against '150 prisoners each'
    the facts read a floor ('over 150') beside an exact count. 'over 150 soldiers were freed' is still one."""
    handed = one(q("The ministry said Ostria had handed over 150 soldiers on Saturday."), value=150)
    assert handed.qualifier is None and (handed.low, handed.high) == (150, 150) and not handed.text.startswith("over")
    assert one(q("The ministry said over 150 soldiers were freed."), value=150).qualifier == "over"


@pytest.mark.parametrize("text, value, kind, unit, of", [
    ("About 12 lakh people were evacuated from the coast.", 1_200_000, "count", None, "people"),
    ("Nearly 1.5 lakh homes were damaged.", 150_000, "count", None, "home"),
    ("The state will spend Rs 2,100 crore on relief.", 21_000_000_000, "money", "INR", None),
    ("The fine was Rs. 50 million.", 50_000_000, "money", "INR", None),
])
def test_indian_scale_words_and_the_rupee_sign(q, text, value, kind, unit, of):
    """'12 lakh people' was twelve people (data/number_words.json 'scale_words' 'en': lakh, crore), 'Rs 2,100
    crore' a count of no currency."""
    found = one(q(text), value=value)
    assert (found.kind, found.unit, found.of) == (kind, unit, of), found


def test_a_count_in_lakh_meets_the_same_count_in_millions():
    from crosscheck.corroborate.figures import figures_in
    from crosscheck.corroborate.values import figure_relation

    lakh, million = figures_in("About 12 lakh people were evacuated."), figures_in("1.2 million people were evacuated.")
    assert figure_relation(lakh, million) == "same"
    assert figure_relation(lakh, figures_in("12 people were evacuated.")) == "clash"


@pytest.mark.parametrize("text, language, value, unit", [
    ("カズマ自動車は2030年までに電池工場に1兆2000億円を投資すると発表した。", "ja", 1_200_000_000_000, "JPY"),
    ("和马汽车将投资1.2万亿日元（约80亿美元）建设三座电池工厂。", "zh", 1_200_000_000_000, "JPY"),
    ("카즈마자동차는 1조2000억엔을 투자한다고 밝혔다.", "ko", 1_200_000_000_000, "JPY"),
    ("和马汽车将投资1.2万亿日元（约80亿美元）建设三座电池工厂。", "zh", 8_000_000_000, "USD"),
])
def test_cjk_sums_with_two_scales(q, text, language, value, unit):
    """'1兆2000億円' was read as 1 and 2000億円, '1.2万亿日元' as 12,000 (and '日元', yen, as a day): 兆/조 are 10^12,
    scale characters multiply ('万亿'), a second group adds, and the currency after wins over the day sign."""
    one(q(text, language), value=value, unit=unit, kind="money")


def test_a_trillion_is_a_scale_in_claims():
    from crosscheck.corroborate.figures import figures_in

    assert [f.low for f in figures_in("Kazuma will invest 1.2 trillion yen in the plants.")] == [1.2e12]
