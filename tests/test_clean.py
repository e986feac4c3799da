"""clean: line rules on fixtures in several site styles, HTML extraction, metadata, the seeds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.clean import (clean, content_hash, document_id, normalise_language, normalise_published,
                              outlet_from_url)
from crosscheck.errors import InputError
from crosscheck.model import RawReport
from crosscheck.readers import read_sources

SITES = Path(__file__).resolve().parent / "fixtures" / "sites"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STYLES = sorted(p.stem for p in SITES.glob("*.txt"))


def _clean_fixture(style: str):
    (raw,) = list(read_sources([str(SITES / f"{style}.txt")]))
    return clean(raw), json.loads((SITES / f"{style}.json").read_text())


def test_at_least_six_site_styles():
    assert len(STYLES) >= 6


@pytest.mark.parametrize("style", STYLES)
def test_site_style_body_is_exactly_the_article(style):
    doc, want = _clean_fixture(style)
    assert doc.text.splitlines() == want["body"]


@pytest.mark.parametrize("style", STYLES)
def test_site_style_headline_captions_authors(style):
    doc, want = _clean_fixture(style)
    assert doc.title == want["title"]
    for snippet in want["captions"]:
        assert any(snippet in c for c in doc.captions), (snippet, doc.captions)
        assert snippet not in doc.text
    assert list(doc.authors) == want["authors"]
    assert doc.language == want["language"]
    assert doc.published == want["published"]  # from the page's date stamp, day first outside English


@pytest.mark.parametrize("style", STYLES)
def test_site_style_boilerplate_recorded(style):
    doc, want = _clean_fixture(style)
    for line in want["boilerplate"]:
        assert line in doc.boilerplate, (line, doc.boilerplate)
        assert line not in doc.text.splitlines()


def _raw(text: str, **kw) -> RawReport:
    return RawReport(source=kw.pop("source", "/tmp/x.txt"), fmt=kw.pop("fmt", "txt"), text=text, **kw)


def test_repeated_headline_goes_to_title_and_out_of_body():
    text = ("Section\nMayor opens new harbour bridge\n3 min read\nMayor opens new harbour bridge\n"
            "The mayor opened the new harbour bridge on Monday after three years of construction work.\n"
            "Traffic is expected to ease in the city centre from next week, officials said.")
    doc = clean(_raw(text))
    assert doc.title == "Mayor opens new harbour bridge"
    assert "harbour bridge\n" not in doc.text and doc.text.startswith("The mayor opened")
    assert "Mayor opens new harbour bridge" in doc.boilerplate  # the second copy


def test_glued_navigation_prefix_and_suffix_are_split_off():
    text = ("See allThe council approved the budget for next year after a long debate on Tuesday evening.\n"
            "The vote was nine to four, with two members absent from the chamber.Read more")
    doc = clean(_raw(text))
    assert doc.text.splitlines()[0].startswith("The council approved")
    assert doc.text.endswith("chamber.")
    assert "See all" in doc.boilerplate and "Read more" in doc.boilerplate


def test_given_title_is_kept_and_removed_from_body():
    text = "Dam holds after record rain\nThe dam held overnight despite record rainfall in the hills, engineers said."
    doc = clean(_raw(text, title="Dam holds after record rain"))
    assert doc.title == "Dam holds after record rain"
    assert doc.text.startswith("The dam held")


def test_no_article_text_raises_input_error():
    with pytest.raises(InputError) as err:
        clean(_raw("Home\nLatest news\nShare\nAdvertisement\n", source="/tmp/nav.txt"))
    assert "/tmp/nav.txt" in str(err.value) and "no article text" in str(err.value)


PAGE = """<!doctype html><html lang="en"><head><title>Bridge opens | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta name="author" content="Jane Porter">
<meta property="article:published_time" content="2025-04-02T08:30:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge opens to traffic after three years</h1>
<figure><img src="b.jpg"><figcaption>The new bridge at dawn on Tuesday. (Photo: Jane Porter)</figcaption></figure>
<p>The new harbour bridge opened to traffic on Tuesday morning, three years after construction began on the
project that cost the city almost 90 million euros.</p>
<p>Mayor Clara Jensen cut the ribbon shortly after seven o'clock, telling a crowd of several hundred residents
that the bridge would cut journey times across the harbour by half.</p>
<p>Engineers will monitor the structure closely during the first months, the city's transport office said in a
statement published on its website.</p></article>
<footer>Copyright 2025 The Harbour Times</footer></body></html>"""


def test_html_page_extraction_with_metadata_and_figcaption():
    doc = clean(RawReport(source="https://www.harbourtimes.example/bridge", fmt="html", html=PAGE,
                          url="https://www.harbourtimes.example/bridge"))
    assert doc.text.startswith("The new harbour bridge opened")
    assert "Mayor Clara Jensen" in doc.text and "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.title == "Harbour bridge opens to traffic after three years"
    assert doc.captions and "new bridge at dawn" in doc.captions[0]
    assert "new bridge at dawn" not in doc.text
    assert doc.authors == ("Jane Porter",)
    assert doc.published and doc.published.startswith("2025-04-02")
    assert doc.outlet == "The Harbour Times"
    assert doc.language == "en"


CAPTION_PAGE = """<html><head><title>Ex-mayor gets 7 years - Northern Wire</title></head><body>
<div class="article-body">
<p>MARLOW (Northern Wire) - Former Marlow mayor Dario Venn was sentenced to seven years in prison on Tuesday after
a court found him guilty of accepting bribes worth 1.2 million crowns from construction firms.</p>
<div class="{cls}">Former mayor Dario Venn in court. (Northern Wire/Jan Holt)</div>
<p>Presiding judge Helena Strand said Venn had betrayed the trust of voters. The prosecution had sought a nine-year
term, and the defence lawyer said Venn would appeal the ruling at the high court in the spring.</p>
</div></body></html>"""


@pytest.mark.parametrize("cls", ["caption", "wp-caption-text", "image-caption", "photo_caption"])
def test_a_caption_outside_figcaption_is_a_caption(cls):
    """A CMS marks captions with a class on a div or paragraph ('wp-caption-text'): the text was dropped from
    the body but not kept among the captions (only <figcaption> was read)."""
    doc = clean(RawReport(source="venn.html", fmt="html", html=CAPTION_PAGE.replace("{cls}", cls)))
    assert doc.captions == ("Former mayor Dario Venn in court. (Northern Wire/Jan Holt)",)
    assert "Jan Holt" not in doc.text and "Presiding judge" in doc.text


def test_a_container_of_a_caption_is_no_caption():
    doc = clean(RawReport(source="venn.html", fmt="html", html=CAPTION_PAGE.replace("{cls}", "caption-wrapper")))
    assert not any("Presiding" in c for c in doc.captions)


def test_html_without_article_text_raises_input_error():
    page = "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer>(c) 2025</footer></body></html>"
    with pytest.raises(InputError, match="no article text"):
        clean(RawReport(source="/tmp/empty.html", fmt="html", html=page))


def test_feed_fragment_html_is_flattened_when_too_short_for_the_extractor():
    raw = RawReport(source="https://example.org/a", fmt="feed", url="https://example.org/a",
                    html="<p>Storm warnings were lifted on Sunday across the coast, the weather office said.</p>")
    doc = clean(raw)
    assert doc.text == "Storm warnings were lifted on Sunday across the coast, the weather office said."
    assert doc.outlet == "example.org"


def test_language_given_is_normalised_and_detected_otherwise():
    assert clean(_raw("Das ist ein Satz.", language="en-GB")).language == "en"
    de = clean(_raw("Die Regierung hat am Dienstag neue Regeln für den Verkehr in der Innenstadt beschlossen."))
    assert de.language == "de"
    assert normalise_language("ukr") == "uk" and normalise_language("French") == "fr"
    assert normalise_language("zz-unknown") is None


def test_published_is_normalised_to_iso():
    assert normalise_published("12 March 2024") == "2024-03-12"
    assert normalise_published("2024-03-12") == "2024-03-12"
    assert normalise_published("2024-03-12T10:00:00Z") == "2024-03-12T10:00:00+00:00"
    assert normalise_published("not a date at all") is None
    doc = clean(_raw("A short report about the weather on the coast today.", published="March 5, 2025"))
    assert doc.published == "2025-03-05"


def test_ids_hashes_and_outlets():
    assert document_id("a.txt") == document_id("a.txt") != document_id("b.txt")
    assert len(document_id("a.txt")) == 16
    assert content_hash("Title", "Body  text\n") == content_hash("title", "body text")
    assert content_hash("Title", "Body text") != content_hash("Title", "Other text")
    assert outlet_from_url("https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert outlet_from_url(None) is None
    doc = clean(_raw("A short report about the weather on the coast today.", source="https://m.example.com/x",
                     url="https://m.example.com/x"))
    assert doc.outlet == "example.com" and doc.id == document_id("https://m.example.com/x")


def test_seed_reports_clean_to_gold():
    seeds, gold_file = SHARED / "seeds", SHARED / "gold" / "seed_pair.json"
    if not seeds.is_dir() or not gold_file.exists():
        pytest.skip("shared seeds absent")
    gold = json.loads(gold_file.read_text())
    docs = {Path(r.source).name: clean(r) for r in read_sources([str(seeds)])}
    assert set(gold["documents"]) <= set(docs)
    for name, want in gold["documents"].items():
        assert docs[name].language == want["language"]
        assert docs[name].text.strip()
    for name, lines in gold.get("boilerplate", {}).items():
        body = {ln.strip() for ln in docs[name].text.splitlines()}
        assert not body & set(lines)
    for name, snippets in gold.get("captions", {}).items():
        for snippet in snippets:
            assert snippet.lower() not in docs[name].text.lower()
            assert any(snippet.lower() in c.lower() for c in docs[name].captions)


def test_title_that_is_the_lede_sentence_stays_in_the_body():
    lede = "Rescuers pulled four hikers from a flooded canyon on Sunday, park officials said."
    doc = clean(_raw(lede + "\n\nThe hikers were treated for mild hypothermia and released.", title=lede))
    assert doc.title == lede and doc.text.splitlines()[0] == lede
    single = clean(_raw("The election is over in the capital.", title="The election is over in the capital."))
    assert single.text == "The election is over in the capital."


def test_position_marker_in_a_body_sentence_is_not_a_caption():
    text = ("Coach Lee said the rookie (left) would get more carries than the veteran this season.\n"
            "The team plays its first game next Sunday against the champions, who are unbeaten.")
    doc = clean(_raw(text))
    assert doc.captions == () and doc.text.startswith("Coach Lee said")
    pic = clean(_raw("Coach Lee (left) speaks to players during training in Leeds, May 2, 2025.\n" + text))
    assert pic.captions and "speaks to players" in pic.captions[0]



def test_a_party_label_in_a_paragraph_of_reported_speech_is_not_a_position_mark():
    """'(R)' after a governor's name is his party, not his place in a photo: a paragraph of quoted speech that
    mentions speaking stays in the body."""
    para = ("Mayor Ana Ruiz said Friday that she thinks the report should be released but said \"the question is the "
            "timing.\" Gov. Ivo Petek (R) said it would be \"improper\" for him to speak on whether the report should "
            "be released while the inquiry is ongoing. Senator Lea Holm (D), his rival in the coming election, called "
            "Friday for releasing the report as well.")
    doc = clean(_raw("The harbour inquiry report was finished last week, officials said on Thursday evening.\n" + para))
    assert doc.captions == () and para in doc.text


def test_a_list_the_article_opens_with_a_sentence_stays_in_the_body():
    """Items under a sentence that ends with a colon are the article's own list, not a run of related links."""
    lines = ["The council met on Monday evening and agreed the plan after a long and lively debate.",
             "The union's leader said the council still had three tasks ahead of it this winter:",
             "Reopen the night ferry", "Repair the harbour wall", "Publish the audit of the port",
             "The council will meet again in March to review the work, its chairman said."]
    doc = clean(_raw("\n".join(lines)))
    assert doc.text.splitlines() == lines
    links = clean(_raw("\n".join([lines[0], "Read more:", "Ferry returns to Ostvik", "Harbour wall repaired",
                                  "Audit published in full", lines[-1]])))
    assert doc.text != links.text and "Harbour wall repaired" not in links.text


FURNITURE = ["5 хв читання", "3 мин чтения", "2 min de lecture", "Czas czytania: 4 min", "Zobacz też: Nowy most w Krakowie",
             "Lire aussi : Le maire démissionne", "Leggi anche: Il sindaco si dimette",
             # Spanish 'Lea también', Portuguese and Dutch read-also lines stayed in the body before
             "Lea también: El alcalde dimite", "Leia também: O prefeito renuncia", "Lees ook: De burgemeester stapt op",
             "Publié le 12 mars 2025 à 10h30", "Pubblicato il 12 marzo 2025 alle 10:30",
             "Opublikowano: 12 marca 2025, 10:30", "Udostępnij", "Partager sur Facebook", "Teilen auf WhatsApp",
             "Abonnez-vous à notre newsletter", "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
             "Facebook Twitter WhatsApp Email", "Tags: Politik, Bayern, Verkehr", "© 2025 Gazeta Miejska"]


def test_navigation_in_many_languages_is_removed_from_the_middle_of_a_body():
    para = "The council met on Monday evening and agreed the plan after a long and lively debate."
    lines = [para]
    for line in FURNITURE:
        lines += [line, para]
    doc = clean(_raw("\n".join(lines)))
    assert set(doc.text.splitlines()) == {para}
    assert [b for b in doc.boilerplate] == FURNITURE


def test_camel_case_names_are_not_split_as_glued_navigation():
    text = "NewsCorp said on Monday it would sell its regional papers to a group of local investors."
    assert clean(_raw(text)).text == text
    glued = clean(_raw("AdvertisementThe regional papers will keep their names and their editors, the buyers said."))
    assert glued.text.startswith("The regional papers") and "Advertisement" in glued.boilerplate


BODY_LINES = ["Зеленский подписал закон.", "Netflix raised subscription prices.",
              "The website said it uses cookies to track users, the regulator said.",
              "Picture, if you will, a city without cars.", "A Reuters/Ipsos poll showed support for the plan at 41%.",
              "Copyright law is changing, the minister said.",
              "Berlin (dpa/lnw) - Der Landtag hat am Mittwoch ein neues Schulgesetz beschlossen.",
              "A photo by a neighbour went viral on Tuesday.", "Von der Leyen Visits Kyiv Again",
              "By Monday, all schools in the district will be open again."]


@pytest.mark.parametrize("line", BODY_LINES)
def test_body_sentences_that_resemble_furniture_are_kept(line):
    para = "The council met on Monday evening and agreed the plan after a long and lively debate."
    doc = clean(_raw(f"{para}\n{line}\n{para}"))
    assert line in doc.text.splitlines(), (doc.boilerplate, doc.captions)
    assert doc.authors == ()


def test_wire_credit_line_names_reporters_without_places():
    doc = clean(_raw("The port reopened on Friday after three days, the harbour master said.\n"
                     "Reporting by Anna Berg in Oslo and Jon Vik in Bergen; Editing by Kate Moss"))
    assert doc.authors == ("Anna Berg", "Jon Vik")


def test_names_below_an_authors_label_become_authors():
    text = ("Authors\nJane Mary Doe\nJohn Roe\nTram line to the airport opens\n"
            "The new tram line to the airport opened on Saturday, carrying thousands of passengers on its first day.")
    doc = clean(_raw(text))
    assert doc.authors == ("Jane Mary Doe", "John Roe")
    assert doc.title == "Tram line to the airport opens"
    assert doc.text.startswith("The new tram line")


def test_a_closing_note_on_the_author_leaves_the_body():
    """'Marta Kell is the Herald's environment correspondent. Follow her on X @martakell.' closing the article is about
    the writer (it was read as the outlet's claim); a last line naming the author in the story stays."""
    para = "The dam on the Orlen river burst early on Friday, flooding four villages, regional officials said."
    note = "Marta Kell is the Herald's environment correspondent. Follow her on X @martakell."
    doc = clean(_raw(f"By Marta Kell\n{para}\n{note}"))
    assert doc.authors == ("Marta Kell",)
    assert doc.text == para and note in doc.boilerplate
    kept = "Kell said officials had refused to answer her questions about the dam's inspections last month."
    assert clean(_raw(f"By Marta Kell\n{para}\n{kept}")).text == f"{para}\n{kept}"


CAPTION_LINES = ["Ілюстративне фото", "Symbolbild", "Illustrative photo",
                 "Firefighters work at the scene in Lviv. Photo: Ivan Bondar",
                 "Image caption, Rescue teams searched the rubble overnight",
                 "Residents queue for water in Kharkiv (Photo by Anna Sokol/AFP)",
                 "The minister arrives for talks in Brussels. REUTERS/Yves Herman",
                 "A protester holds a flag outside parliament (AP Photo/Petr David Josek)"]


@pytest.mark.parametrize("line", CAPTION_LINES)
def test_caption_lines_leave_the_body_for_captions(line):
    para = "The council met on Monday evening and agreed the plan after a long and lively debate."
    doc = clean(_raw(f"{para}\n{line}\n{para}"))
    assert line in doc.captions and line not in doc.text


def test_a_page_without_url_or_site_name_takes_its_outlet_from_its_title():
    """'<title>Ex-mayor gets 7 years - Northern Wire</title>' and no URL: the outlet was None, so the report's
    own statements had no speaker ('?') and drift notes named the file."""
    from crosscheck.clean import outlet_from_title

    doc = clean(RawReport(source="venn.html", fmt="html", html=CAPTION_PAGE.replace("{cls}", "caption")))
    assert doc.title == "Ex-mayor gets 7 years" and doc.outlet == "Northern Wire"
    assert outlet_from_title("<title>Northern Wire | Ex-mayor gets 7 years</title>", "Ex-mayor gets 7 years") == \
        "Northern Wire"
    # a title that is the headline alone, or whose other part is a sentence, names no site
    assert outlet_from_title("<title>Ex-mayor gets 7 years</title>", "Ex-mayor gets 7 years") is None
    assert outlet_from_title("<title>Ex-mayor gets 7 years - and the town wonders what comes next now</title>",
                             "Ex-mayor gets 7 years") is None


def test_a_page_s_publication_time_is_kept():
    """'article:published_time' 2025-04-02T08:30:00+00:00 was read as the day alone, so two reports of one toll hours
    apart could not be told from a count and its update; a page giving a day alone keeps the day."""
    doc = clean(RawReport(source="https://www.harbourtimes.example/bridge", fmt="html", html=PAGE,
                          url="https://www.harbourtimes.example/bridge"))
    assert doc.published == "2025-04-02T08:30:00+00:00"
    page = PAGE.replace('content="2025-04-02T08:30:00+00:00"', 'content="2025-04-02"')
    assert page != PAGE
    day = clean(RawReport(source="https://www.harbourtimes.example/bridge", fmt="html", html=page,
                          url="https://www.harbourtimes.example/bridge"))
    assert day.published == "2025-04-02"


@pytest.mark.parametrize("line, rest", [
    ("KAVERIPUR, Nov 24 (PWI) At least 12 people were killed.", "At least 12 people were killed."),
    ("New Delhi, Nov 24 (PTI) The government said it would act.", "The government said it would act."),
    ("SEOUL (Reuters) South Korea said it would respond.", "South Korea said it would respond."),
    ("Jane Roe (left) said the plan had failed.", "Jane Roe (left) said the plan had failed."),
    ("The company (Helvik) said it would pay.", "The company (Helvik) said it would pay."),
])
def test_a_dateline_closed_by_its_agency_alone_is_stripped(line, rest):
    """'New Delhi, Nov 24 (PTI) The ...': no dash after the agency's bracket, so the dateline stayed in the lead claim."""
    from crosscheck.boilerplate import strip_dateline

    assert strip_dateline(line) == rest


def test_an_initial_in_devanagari_ends_no_sentence():
    """'जिला कलेक्टर एस. मीनाक्षी ने बताया': 'एस.' is the initial S. (data/sentences.json), not a full stop."""
    from crosscheck.textunits import sentence_spans

    text = "जिला कलेक्टर एस. मीनाक्षी ने बताया कि 18 लोगों को निकाला गया। गायक ए. आर. रहमान आएंगे।"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "जिला कलेक्टर एस. मीनाक्षी ने बताया कि 18 लोगों को निकाला गया।", "गायक ए. आर. रहमान आएंगे।"]
