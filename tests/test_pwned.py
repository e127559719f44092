"""The online breach check against a loopback server that speaks the range API's format."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from anjian.core.passwords.breach import range_query
from anjian.pwned import PwnedCheckFailed, check_online

PASSWORD = "woaini1314"
PREFIX, SUFFIX = range_query(PASSWORD)


class RangeServer(ThreadingHTTPServer):
    """Answers ``GET /range/<prefix>`` like api.pwnedpasswords.com and remembers requests."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), RangeHandler)
        self.paths: list[str] = []
        self.padding: list[str | None] = []
        self.status = 200
        self.body = (f"0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n{SUFFIX}:4242\r\n"
                     "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/range/"


class RangeHandler(BaseHTTPRequestHandler):
    server: RangeServer

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        self.server.paths.append(self.path)
        self.server.padding.append(self.headers.get("Add-Padding"))
        data = self.server.body.encode()
        self.send_response(self.server.status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[RangeServer]:
    running = RangeServer()
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.shutdown()
    running.server_close()


def test_a_breached_password_reports_its_count(server):
    assert check_online(PASSWORD, consent=True, base_url=server.base_url).count == 4242


def test_only_the_five_digit_prefix_is_sent_with_padding_asked(server):
    check_online(PASSWORD, consent=True, base_url=server.base_url)
    assert server.paths == [f"/range/{PREFIX}"]
    assert server.padding == ["true"]
    assert PASSWORD not in server.paths[0] and SUFFIX not in server.paths[0]


def test_a_password_not_in_the_answer_is_not_found(server):
    assert not check_online("Kx9!vq2#Lm7$", consent=True, base_url=server.base_url).found


def test_without_consent_nothing_is_sent(server):
    with pytest.raises(PwnedCheckFailed):
        check_online(PASSWORD, consent=False, base_url=server.base_url)
    assert server.paths == []


def test_an_error_status_is_a_message_naming_the_code(server):
    server.status = 503
    with pytest.raises(PwnedCheckFailed) as raised:
        check_online(PASSWORD, consent=True, base_url=server.base_url)
    assert "503" in str(raised.value.text) and PASSWORD not in str(raised.value)


def test_an_answer_in_another_format_is_a_message(server):
    server.body = "<html>maintenance</html>"
    with pytest.raises(PwnedCheckFailed):
        check_online(PASSWORD, consent=True, base_url=server.base_url)


def test_an_unreachable_service_is_a_message():
    with pytest.raises(PwnedCheckFailed):
        check_online(PASSWORD, consent=True, base_url="http://127.0.0.1:9/range/", timeout=2)
