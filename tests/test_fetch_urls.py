"""URL identity: tracking parameters, canonical links, AMP pages."""
from __future__ import annotations

from crosscheck.fetch.urls import canonical, de_amp, normalise, same_site


def test_tracking_parameters_fragment_and_default_port_are_dropped():
    a = normalise("HTTPS://News.Example:443/world/story-1?utm_source=rss&utm_medium=feed&id=7&fbclid=xyz#top")
    assert a == "https://news.example/world/story-1?id=7"
    assert normalise("http://news.example/a?gclid=1&mc_cid=2") == "http://news.example/a"
    assert normalise("http://news.example:8080/a") == "http://news.example:8080/a"


def test_content_parameters_are_kept():
    assert normalise("https://news.example/view?page=2&article=19") == "https://news.example/view?page=2&article=19"


def test_canonical_link_on_the_same_site_wins():
    page = '<html><head><link rel="canonical" href="/world/story-1?utm_campaign=x"></head></html>'
    assert canonical("https://www.news.example/world/story-1?ref=home", page) == "https://www.news.example/world/story-1"


def test_canonical_link_to_another_site_is_ignored():
    page = '<html><head><link rel="canonical" href="https://other.example/their-story"></head></html>'
    assert canonical("https://news.example/story", page) == "https://news.example/story"


def test_amp_page_maps_to_its_canonical():
    page = '<html amp><head><link rel="canonical" href="https://news.example/world/story-1"></head></html>'
    assert canonical("https://news.example/amp/world/story-1", page) == "https://news.example/world/story-1"
    assert canonical("https://news.example/world/story-1/amp/", "<html ⚡><head></head></html>") == \
        "https://news.example/world/story-1/"
    assert de_amp("https://amp.news.example/world/story-1.amp.html?amp=1") == "https://news.example/world/story-1.html"


def test_same_site():
    assert same_site("https://www.news.example/a", "https://amp.news.example/b")
    assert same_site("https://news.example/a", "https://edition.news.example/b")
    assert not same_site("https://news.example/a", "https://evilnews.example/b")
