"""Route tests for the web UI and the JSON API, on a real SQLite store file (fixture written via the store API)."""
from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from crosscheck.model import AlignedClaim, Document, Story, StoryFindings
from crosscheck.store import open_store
from crosscheck.web.app import create_app
from crosscheck.web.highlight import Span, highlight
from web_fixtures import readonly_client, build_store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "store.db")


@pytest.fixture(scope="module")
def client(built):
    yield from readonly_client(built.path)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "input", "br", "img"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    p.close()
    return p


def by_id(html: str, element_id: str) -> str:
    """The HTML of the element with this id (up to the matching close tag, shallow)."""
    m = re.search(rf'<(\w+)[^>]*\bid="{re.escape(element_id)}"', html)
    assert m, f"no element #{element_id}"
    tag, start, depth = m.group(1), m.start(), 0
    for t in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start:]):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return html[start:start + t.end()]
    raise AssertionError(f"#{element_id} is not closed")


# -- pages ------------------------------------------------------------------------------------
def test_story_list_shows_counts_and_filters(client, built):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    table = by_id(r.text, "stories")
    rows = table.split("<tr>")[2:]
    assert len(rows) == 2
    bridge = next(x for x in rows if built.story in x)
    nums = re.findall(r'<td class="num">(?:<span class="badge conflicting">)?(\d+)', bridge)
    assert nums == ["4", "3", "4", "2"]  # reports, independent (wire copies once), claims, conflicts
    assert "Port Verity swing bridge closed" in bridge
    assert '<option value="fr"' in r.text and "Gazette du Littoral" in r.text  # facets from the store
    assert parse(r.text).balanced


@pytest.mark.parametrize("query,expect,absent", [
    ("q=girder", "story-bridge", "story-strike"),
    ("q=lighthouses", "story-strike", "story-bridge"),
    ("language=fr", "story-bridge", "story-strike"),
    ("outlet=Port+Verity+Herald", "story-bridge", None),
    ("since=2031-03-01", "story-bridge", "story-strike"),
    ("until=2031-02-28", "story-strike", "story-bridge"),
    ("since=&until=&language=&outlet=&q=", "story-bridge", None),
])
def test_story_list_filters(client, query, expect, absent):
    r = client.get("/?" + query)
    assert r.status_code == 200
    table = by_id(r.text, "stories")
    assert f"/stories/{expect}" in table
    if absent:
        assert f"/stories/{absent}" not in table


def test_search_lists_matching_reports(client):
    r = client.get("/?q=girder")
    hits = by_id(r.text, "hits")
    assert "/documents/d-herald" in hits and "/documents/d-other" not in hits


def test_story_list_rejects_bad_date(client):
    assert client.get("/?since=yesterday").status_code == 422


def test_story_page_reports_matrix_conflicts_timeline_actors(client, built):
    r = client.get(f"/stories/{built.story}")
    assert r.status_code == 200
    html = r.text
    reports = by_id(html, "reports")
    for label, outlet in (("R1", "Port Verity Herald"), ("R2", "Coastline Wire"), ("R3", "Bay Evening Post"),
                          ("R4", "Gazette du Littoral")):
        card = by_id(reports, f"rep-{label}")
        assert outlet in card
    assert "syn-1" in by_id(reports, "rep-R2") and "syn-1" in by_id(reports, "rep-R3")
    assert "own text" in by_id(reports, "rep-R1")
    assert ">fr<" in by_id(reports, "rep-R4")

    matrix = by_id(html, "matrix")
    assert matrix.count('class="claim-row') == 4
    assert matrix.index("ac-cost-city") < matrix.index("ac-cracks")  # conflicts come first
    cracks = by_id(matrix, "ac-ac-cracks")
    assert 'class="badge corroborated">corroborated · 3' in cracks
    assert cracks.count('class="cell carried"') == 4
    assert 'href="/documents/d-herald#claim-c1"' in cracks and 'href="/documents/d-gazette#claim-c2"' in cracks
    assert "drift:" in cracks and "selon" in cracks
    city = by_id(matrix, "ac-ac-cost-city")
    assert "status-conflicting" in city and "badge conflicting" in city
    assert city.count('class="cell carried"') == 1
    ferries = by_id(matrix, "ac-ac-ferries")
    assert "badge single_source" in ferries and "unattributed" in ferries
    assert '<a class="speaker" href="/entities/ent-mayor">Ilse Danvers</a>' in cracks

    conflicts = by_id(html, "conflicts")
    assert "2.5 million crowns" in conflicts and "4 million crowns" in conflicts
    assert "2.5 million vs 4 million" in conflicts
    assert conflicts.count('class="pair conflict"') == 1
    assert "Ferries will carry" in by_id(html, "related")
    assert "2031-03-03" in by_id(html, "timeline")
    actors = by_id(html, "actors")
    assert "/entities/ent-mayor" in actors and "/entities/ent-portverity" in actors
    assert parse(html).balanced


def test_report_page_highlights_and_metadata(client):
    r = client.get("/documents/d-herald")
    assert r.status_code == 200
    text = by_id(r.text, "doc-text")
    assert 'id="claim-c1"' in text and 'id="claim-c3"' in text
    assert re.search(r'class="hl hl-quantity"[^>]*>14 cracks<', text)
    assert re.search(r'class="hl hl-time" data-ref="2031-03-03"[^>]*>March 3<', text)
    assert re.search(r'class="hl hl-entity" data-ref="ent-mayor"[^>]*>Ilse Danvers<', text)
    tree = parse(text)
    assert tree.balanced
    assert "".join(tree.text).startswith("The swing bridge over the Calder canal")
    assert "Ferries wait at the Calder quay." not in text  # captions apart
    assert "Ferries wait at the Calder quay." in by_id(r.text, "captions")
    assert 'href="https://herald.example/bridge"' in by_id(r.text, "meta")
    claims = by_id(r.text, "claims")
    assert "badge corroborated" in claims and "badge conflicting" in claims
    assert "/entities/ent-portverity" in by_id(r.text, "entities")
    assert "2031-03-03" in by_id(r.text, "facts")


def test_report_without_url_has_no_original_link(client):
    r = client.get("/documents/d-gazette")
    assert r.status_code == 200 and 'id="original-link"' not in r.text


def test_entity_pages(client, built):
    r = client.get("/entities")
    assert r.status_code == 200 and "Ilse Danvers" in r.text
    assert "/entities/ent-mayor" in client.get("/entities?q=danvers").text
    assert "/entities/ent-mayor" not in client.get("/entities?q=union").text
    r = client.get(f"/entities/{built.mayor}")
    assert r.status_code == 200
    assert "Danvers" in by_id(r.text, "aliases") and "the mayor" in by_id(r.text, "aliases")
    claims = by_id(r.text, "entity-claims")
    assert "Inspectors found 14 cracks" in claims and ">by<" in claims
    assert f"/stories/{built.story}#ac-ac-cracks" in claims
    union = client.get("/entities/ent-union").text
    assert "The repairs would cost 4 million crowns." in by_id(union, "entity-claims")


def test_claim_redirects_to_its_row(client, built):
    r = client.get("/claims/ac-cracks", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/stories/{built.story}#ac-ac-cracks"


def test_unknown_items_are_404_pages(client):
    for path in ("/stories/nope", "/documents/nope", "/entities/nope", "/claims/nope"):
        r = client.get(path)
        assert r.status_code == 404 and "not found" in r.text, path


# -- API --------------------------------------------------------------------------------------
def test_api_stories_paging_and_filters(client, built):
    data = client.get("/api/stories").json()
    assert data["total"] == 2 and data["offset"] == 0 and data["limit"] == 50
    first = data["items"][0]
    assert first["id"] == built.story
    assert {"id", "title", "documents", "reports", "independent_sources", "conflicts", "claims"} <= set(first)
    assert (first["reports"], first["independent_sources"], first["conflicts"]) == (4, 3, 2)
    page = client.get("/api/stories?limit=1&offset=1").json()
    assert page["total"] == 2 and [s["id"] for s in page["items"]] == [built.other_story]
    assert [s["id"] for s in client.get("/api/stories?q=lighthouses").json()["items"]] == [built.other_story]
    assert client.get("/api/stories?language=fr").json()["total"] == 1
    assert client.get("/api/stories?sort=recent").json()["items"][0]["id"] == built.story
    assert client.get("/api/stories?limit=0").status_code == 422
    assert client.get("/api/stories?since=soon").status_code == 422


def test_api_story_item(client, built):
    data = client.get(f"/api/stories/{built.story}").json()
    assert [d["id"] for d in data["reports"]] == ["d-herald", "d-wire1", "d-wire2", "d-gazette"]
    assert data["reports"][1]["syndication_group"] == "syn-1" and "text" not in data["reports"][0]
    assert {c["status"] for c in data["claims"]} == {"corroborated", "conflicting", "single_source"}
    assert data["timeline"][0]["value"] == "2031-03-03"
    assert client.get("/api/stories/nope").status_code == 404


def test_api_documents(client):
    data = client.get("/api/documents?limit=2").json()
    assert data["total"] == 5 and len(data["items"]) == 2 and "text" not in data["items"][0]
    assert "text" in client.get("/api/documents?limit=1&text=true").json()["items"][0]
    fr = client.get("/api/documents?language=fr").json()
    assert [d["id"] for d in fr["items"]] == ["d-gazette"]
    assert client.get("/api/documents?story=story-bridge").json()["total"] == 4
    assert client.get("/api/documents?q=girder").json()["total"] == 3
    doc = client.get("/api/documents/d-herald").json()
    assert doc["story"] == "story-bridge" and doc["captions"] == ["Ferries wait at the Calder quay."]
    assert {q["value"] for q in doc["quantities"]} == {14, 2_500_000}
    assert [t["value"] for t in doc["times"]] == ["2031-03-03"]
    assert {c["key"]: c["status"] for c in doc["claims"]} == {"c1": "corroborated", "c3": "conflicting"}
    assert any(e["id"] == "ent-mayor" for e in doc["entities"])
    assert client.get("/api/documents/nope").status_code == 404


def test_api_claims(client, built):
    data = client.get("/api/claims").json()
    assert data["total"] == 5
    assert list(data["items"][0])[:8] == ["id", "story", "speaker", "speaker_text", "text", "documents", "status",
                                          "independent_sources"]
    conflicting = client.get("/api/claims?status=conflicting").json()
    assert {c["id"] for c in conflicting["items"]} == set(built.conflicting)
    assert client.get("/api/claims?status=maybe").status_code == 422
    assert client.get("/api/claims?document=d-gazette").json()["total"] == 1
    assert client.get("/api/claims?story=story-strike").json()["items"][0]["id"] == "ac-strike"
    assert client.get("/api/claims?entity=ent-mayor").json()["items"][0]["id"] == "ac-cracks"
    assert client.get("/api/claims?q=ferries").json()["total"] == 1
    one = client.get("/api/claims/ac-cracks").json()
    assert one["independent_sources"] == 3 and {"document": "d-gazette", "key": "c2"} in one["anchors"]
    assert client.get("/api/claims/nope").status_code == 404


def test_api_entities(client):
    data = client.get("/api/entities").json()
    assert data["total"] == 3 and set(data["items"][0]) == {"id", "name", "type", "aliases"}
    assert [e["id"] for e in client.get("/api/entities?q=the+mayor").json()["items"]] == ["ent-mayor"]
    assert client.get("/api/entities?type=gpe").json()["total"] == 1
    ent = client.get("/api/entities/ent-mayor").json()
    assert ent["name"] == "Ilse Danvers" and ent["claims"][0]["role"] == "by"
    assert client.get("/api/entities/nope").json() == {"detail": "no entity 'nope'"}


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/documents", "/api/claims", "/api/entities/{entity_id}"):
        assert path in spec["paths"], path
    assert not any(p.startswith("/stories") for p in spec["paths"])  # pages stay out of the API description
    docs = client.get("/docs")
    assert docs.status_code == 200
    scripts = [a.get("src") for t, a in parse(docs.text).tags if t == "script"]
    assert scripts and all(s and s.startswith("/static/") for s in scripts)
    assert "cdn" not in docs.text.lower()
    assert client.get("/static/apidocs.js").status_code == 200
    assert client.get("/redoc").status_code == 404


def test_every_response_carries_security_headers(client):
    for path in ("/", "/api/stories", "/static/style.css", "/nope", "/api/nope", "/openapi.json"):
        r = client.get(path)
        csp = r.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "object-src 'none'" in csp and "unsafe-inline" not in csp, path
        assert r.headers.get("x-content-type-options") == "nosniff", path


def test_pages_follow_new_data_written_by_another_process(tmp_path):
    """The read model caches per database version: a write through another connection shows up."""
    built = build_store(tmp_path / "live.db")
    reader = open_store(built.path, readonly=True)
    client = TestClient(create_app(reader))
    assert client.get("/api/stories").json()["total"] == 2
    assert client.get("/stories/story-new").status_code == 404
    writer = open_store(built.path)
    with writer.transaction():
        writer.put_document(Document(id="d-new", source="/new.txt", fmt="txt", text="Gulls nest on the quay.",
                                     title="Gulls", content_hash="n"), None)
        writer.set_story("d-new", "story-new")
        writer.put_story(Story(id="story-new", documents=("d-new",), title="Gulls on the quay"))
        writer.put_findings(StoryFindings(story="story-new", claims=(AlignedClaim(
            id="ac-gulls", story="story-new", text="Gulls nest on the quay.", speaker=None, speaker_text=None,
            documents=("d-new",), status="single_source", independent_sources=1),)))
    writer.close()
    assert client.get("/api/stories").json()["total"] == 3
    assert "Gulls on the quay" in client.get("/stories/story-new").text
    assert client.get("/api/claims/ac-gulls").status_code == 200
    reader.close()


# -- highlighting -----------------------------------------------------------------------------
def test_highlight_nests_overlaps_and_keeps_the_text():
    text = "Alpha beta gamma delta epsilon"
    spans = [Span(0, 16, "claim", "c1"), Span(6, 22, "entity", "e"), Span(11, 16, "time", "t"),
             Span(11, 16, "quantity"), Span(-3, 2, "entity"), Span(5, 5, "time"), Span(20, 99, "quantity")]
    html = str(highlight(text, spans))
    tree = parse(html)
    assert tree.balanced and "".join(tree.text) == text
    assert html.count('id="claim-c1"') == 1
    assert html.startswith('<span class="hl hl-claim" id="claim-c1"')


def test_highlight_escapes_segments_and_attributes():
    text = '<b onclick="x">&amp;</b>'
    html = str(highlight(text, [Span(0, 3, "entity", 'e"><script>', '"title\'<')]))
    tree = parse(html)
    assert [t for t, _ in tree.tags] == ["span"] and "".join(tree.text) == text
    assert "&lt;b </span>onclick=&#34;x&#34;&gt;" in html
    assert "<script>" not in html and 'data-ref="e&#34;&gt;&lt;script&gt;"' in html
    assert str(highlight(text, [])) == "&lt;b onclick=&#34;x&#34;&gt;&amp;amp;&lt;/b&gt;"


def test_serve_get_smoke(built):
    from typer.testing import CliRunner

    from crosscheck.cli import app

    result = CliRunner().invoke(app, ["--db", str(built.path), "serve", "--get", "/api/stories?limit=1"])
    assert result.exit_code == 0 and '"total":2' in result.stdout.replace(" ", "")


def test_serve_get_says_nothing_but_the_response(built):
    """`serve --get` printed starlette's deprecation of its test client to stderr before every answer."""
    cli = subprocess.run([sys.executable, "-m", "crosscheck.cli", "--db", str(built.path), "serve", "--get",
                          "/api/stories?limit=1"], capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0 and '"total":2' in cli.stdout.replace(" ", ""), cli.stderr
    assert "Deprecat" not in cli.stderr, cli.stderr


def test_templates_are_compiled_when_the_app_is_made():
    """The first view of a page after the server starts pays no template compilation (~0.1 s): every
    template is compiled by make_env, so none needs the loader afterwards."""
    from crosscheck.web.app import make_env

    env = make_env()
    names = env.loader.list_templates()

    def unread(environment, name):
        raise AssertionError(f"{name} compiled on demand")

    env.loader.get_source = unread  # a template not compiled yet would now be read and fail
    assert {"story.html", "stories.html", "entity.html", "document.html"} <= set(names)
    for name in names:
        assert env.get_template(name).name == name


# The matrix loop as the story template wrote it cell by cell (before web/app.py's matrix_cells built the rows):
# the helper must give the same markup, escaping included, for plain and hostile stores.
_TEMPLATE_LOOP = """{% for c in v.claims %}
      {% for d in v.documents %}
        {% set key = v.cells.get((c.id, d.id)) %}
        {% if key is not none %}
        <td class="cell carried"><a href="/documents/{{ d.id|seg }}{% if key %}#claim-{{ key }}{% endif %}" \
title="{{ v.retold.get((c.id, d.id), c.text)|short(300) }}" aria-label="{{ v.labels[d.id] }}\
{% if d.language %} ({{ d.language }}){% endif %} carries this claim">\u25cf</a></td>
        {% else %}
        <td class="cell"></td>
        {% endif %}
      {% endfor %}
{{ "|" }}
{% endfor %}"""


@pytest.mark.parametrize("which", ["plain", "hostile"])
def test_matrix_cells_match_the_template_loop(built, tmp_path, which):
    from crosscheck.web.app import make_env, matrix_cells
    from crosscheck.web.readmodel import ReadModel
    from web_fixtures import build_hostile_store

    path, story = ((built.path, built.story) if which == "plain" else
                   (lambda h: (h.path, h.story))(build_hostile_store(tmp_path / "evil.db")))
    store = open_store(str(path), readonly=True)
    try:
        v = ReadModel(store).story_view(story)
        env = make_env()
        expected = env.from_string(_TEMPLATE_LOOP).render(v=v).split("|\n")[:-1]
        got = [str(matrix_cells(v, c)) + "\n" for c in v.claims]
        assert got == expected and any('class="cell carried"' in row for row in got)
    finally:
        store.close()
