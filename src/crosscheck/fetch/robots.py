"""robots.txt, fetched once per site and cached (``fetch_robots_ttl``), read with urllib.robotparser.

As RFC 9309 says: a robots.txt that is missing or forbidden (4xx) allows everything; one that cannot
be reached (5xx, timeout, refused connection) disallows everything until it can be read. A
Crawl-delay for our agent slows the fetcher down on that host.
"""
from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from .net import FetchError, Refused

if TYPE_CHECKING:
    from .fetcher import Fetcher

MAX_ROBOTS_BYTES = 512 * 1024


class _Rules:
    def __init__(self, parser: RobotFileParser | None, allow_all: bool, expires: float):
        self.parser, self.allow_all, self.expires = parser, allow_all, expires


class RobotsCache:
    def __init__(self, fetcher: "Fetcher"):
        self.fetcher = fetcher
        self.agent = fetcher.user_agent.split("/", 1)[0]  # the product token: 'crosscheck'
        self._rules: dict[str, _Rules] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
        with self._lock:
            rules = self._rules.get(origin)
        if rules is None or rules.expires < time.monotonic():
            rules = self._load(origin, url)
            with self._lock:
                self._rules[origin] = rules
        if rules.allow_all:
            return True
        if rules.parser is None:
            return False
        return rules.parser.can_fetch(self.agent, url)

    def _load(self, origin: str, url: str) -> _Rules:
        expires = time.monotonic() + self.fetcher.settings.fetch_robots_ttl
        try:
            response = self.fetcher.get(origin + "/robots.txt", accept=(), robots=False)
        except Refused:
            raise
        except FetchError as exc:
            if exc.reason.startswith("HTTP 4"):
                return _Rules(None, True, expires)  # missing: everything allowed
            return _Rules(None, False, time.monotonic() + min(300.0, self.fetcher.settings.fetch_robots_ttl))
        text = response.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
        if response.kind == "html":  # a soft 404: the site's page instead of a robots.txt
            return _Rules(None, True, expires)
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.agent)
        if delay is not None:
            self.fetcher.set_crawl_delay(url, float(delay))
        return _Rules(parser, False, expires)
