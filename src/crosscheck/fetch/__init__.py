"""Live sources: fetch pages and watch feeds, news sitemaps and home pages, politely and without SSRF.

  net.py       which addresses may be fetched; a transport that connects only to checked addresses
  urls.py      URL identity: normalised form, tracking parameters dropped, canonical and AMP pages
  robots.py    robots.txt, cached per site
  fetcher.py   the polite fetcher: pacing per host, conditional GET, redirects, caps, retries
  discover.py  feed items, sitemap entries, feed links of a home page
  watch.py     one page -> RawReport; one source polled -> reports and its next state
Nothing here touches the store: live.fetch_urls and live.watch_round do.
"""
from .fetcher import Fetcher, Response
from .net import FetchError, Refused

__all__ = ["Fetcher", "Response", "FetchError", "Refused"]
