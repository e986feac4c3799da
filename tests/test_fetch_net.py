"""SSRF guard: address classification, names resolving to private addresses, rebinding, schemes."""
from __future__ import annotations

import httpcore
import pytest

from crosscheck.config import Settings
from crosscheck.fetch import net
from crosscheck.fetch.fetcher import Fetcher
from crosscheck.fetch.net import FetchError, GuardedBackend, Refused, address_problem, check_url

REFUSED = ["127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "169.254.1.1",
           "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
           "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::7f00:1",
           "2002:7f00:1::", "::127.0.0.1", "fd00:ec2::254"]
PUBLIC = ["8.8.8.8", "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("addr", REFUSED)
def test_non_public_addresses_are_refused(addr):
    assert address_problem(addr) is not None


@pytest.mark.parametrize("addr", PUBLIC)
def test_public_addresses_pass(addr):
    assert address_problem(addr) is None


def test_reasons_name_the_kind_of_address():
    assert address_problem("169.254.169.254") == "the cloud metadata address"
    assert address_problem("127.0.0.1") == "a loopback address"
    assert address_problem("fd00::1") == "a unique-local IPv6 address"
    assert "loopback" in address_problem("::ffff:127.0.0.1")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/",
                                 "javascript:alert(1)", "example.org/page"])
def test_other_schemes_are_refused_with_one_line(url):
    with pytest.raises(Refused) as info:
        check_url(url)
    assert "\n" not in str(info.value)
    assert "only http and https" in str(info.value) or "needs http:// or https://" in str(info.value)


class Recorder(httpcore.NetworkBackend):
    """Stands in for the socket layer: records where a connection would go, never connects."""

    def __init__(self):
        self.targets = []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.targets.append(host)
        raise httpcore.ConnectError("recorder: no network in tests")


@pytest.mark.parametrize("answer", [["127.0.0.1"], ["10.0.0.1"], ["169.254.169.254"], ["::1"], ["::ffff:127.0.0.1"],
                                    ["8.8.8.8", "10.0.0.1"]])
def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch, answer):
    monkeypatch.setattr(net, "resolve", lambda host, port: list(answer))
    rec = Recorder()
    with pytest.raises(Refused) as info:
        GuardedBackend(False, rec).connect_tcp("news.example", 80)
    assert rec.targets == []  # refused before any connection
    assert "news.example resolves to" in info.value.reason and "\n" not in str(info.value)


def test_the_connection_goes_to_the_checked_address_not_a_second_answer(monkeypatch):
    """DNS rebinding: the first answer is public, a later one loopback. Only the checked one is dialled."""
    answers = iter([["8.8.8.8"], ["127.0.0.1"], ["127.0.0.1"]])
    monkeypatch.setattr(net, "resolve", lambda host, port: next(answers))
    rec = Recorder()
    with pytest.raises(httpcore.ConnectError):
        GuardedBackend(False, rec).connect_tcp("rebind.example", 80)
    assert rec.targets == ["8.8.8.8"]


def test_rebinding_answer_at_connect_time_is_refused(monkeypatch):
    """The other order: a check elsewhere saw a public answer; the connect resolves again, sees loopback, refuses."""
    answers = iter([["8.8.8.8"], ["127.0.0.1"]])
    monkeypatch.setattr(net, "resolve", lambda host, port: next(answers))
    assert net.checked_addresses("rebind.example", 80, False) == ["8.8.8.8"]
    rec = Recorder()
    with pytest.raises(Refused):
        GuardedBackend(False, rec).connect_tcp("rebind.example", 80)
    assert rec.targets == []


def test_allow_private_lifts_the_check(monkeypatch):
    monkeypatch.setattr(net, "resolve", lambda host, port: ["10.0.0.1"])
    rec = Recorder()
    with pytest.raises(httpcore.ConnectError):
        GuardedBackend(True, rec).connect_tcp("intranet.example", 80)
    assert rec.targets == ["10.0.0.1"]


def test_fetcher_refuses_loopback_url_with_one_line():
    with Fetcher(Settings(fetch_host_delay=0)) as f:
        with pytest.raises(Refused) as info:
            f.get("http://127.0.0.1:9/page")
    msg = str(info.value)
    assert msg.startswith("http://127.0.0.1:9/page: refused: 127.0.0.1 is a loopback address") and "\n" not in msg


def test_fetcher_refuses_a_name_for_the_metadata_address(monkeypatch):
    monkeypatch.setattr(net, "resolve", lambda host, port: ["169.254.169.254"])
    with Fetcher(Settings(fetch_host_delay=0, fetch_robots=False)) as f:
        with pytest.raises(Refused) as info:
            f.get("http://metadata.example/latest/meta-data/")
    assert "cloud metadata address" in str(info.value)


def test_unresolvable_name_is_a_one_line_error(monkeypatch):
    def fail(host, port):
        raise OSError(-2, "Name or service not known")
    monkeypatch.setattr(net, "resolve", fail)
    with Fetcher(Settings(fetch_host_delay=0, fetch_robots=False, fetch_retries=0)) as f:
        with pytest.raises(FetchError) as info:
            f.get("http://nowhere.example/")
    assert "cannot resolve" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("host", ["2130706433", "0x7f.0.0.1", "127.1", "[::1]", "[::ffff:7f00:1]", "localhost"])
def test_odd_spellings_of_loopback_are_refused(host):
    """Numeric host forms the system resolver turns into 127.0.0.1 without any DNS query, and IPv6 literals."""
    with pytest.raises(Refused) as info:
        net.checked_addresses(host.strip("[]"), 80, False)
    assert "loopback" in info.value.reason
