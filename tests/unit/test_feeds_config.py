"""The feed list, backoff arithmetic and charset handling of fetched bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.feeds.config import FeedConfigError, load_feeds
from workers.feeds.follow import backoff_seconds, jittered
from workers.feeds.http_fetch import Validators, to_utf8

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_feed_list_loads_and_its_files_exist() -> None:
    feeds = load_feeds(ROOT / "seeds" / "feeds.toml")
    assert [f.id for f in feeds] == ["seed-arabic", "seed-english", "seed-french"]
    assert all(f.path is not None and f.path.is_file() for f in feeds)


def test_defaults_apply_and_paths_are_relative_to_the_list(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[defaults]
interval_seconds = 42
language = "ar"

[feeds.local]
path = "story.txt"

[feeds.remote]
url = "https://wire.example.com/rss"
format = "rss"
language = "en"
auth_header = "Authorization"
auth_env = "WIRE_TOKEN"
auth_prefix = "Bearer "

[feeds.off]
url = "https://wire.example.com/off"
enabled = false
""",
    )
    local, remote = load_feeds(path)
    assert local.path == tmp_path / "story.txt" and local.interval_seconds == 42
    assert local.language == "ar" and remote.language == "en"
    assert remote.auth_headers({"WIRE_TOKEN": "t0k"}) == {"Authorization": "Bearer t0k"}
    with pytest.raises(FeedConfigError, match="WIRE_TOKEN"):
        remote.auth_headers({})


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('url = "https://x"\npath = "y"', "exactly one of url or path"),
        ("interval_seconds = 5", "exactly one of url or path"),
        ('url = "ftp://x"', "http:// or https://"),
        ('url = "https://x"\nformat = "telex"', "valid: auto"),
        ('url = "https://x"\nauth_env = "X"', "go together"),
        ('url = "https://x"\ninterval_seconds = 0', "greater than 0"),
        ('url = "https://x"\npassword = "no"', "Extra inputs"),
    ],
)
def test_mistakes_name_the_file_the_feed_and_the_fix(
    tmp_path: Path, table: str, message: str
) -> None:
    path = write(tmp_path, f"[feeds.broken]\n{table}\n")
    with pytest.raises(FeedConfigError, match=message) as caught:
        load_feeds(path)
    assert str(path) in str(caught.value) and "feeds.broken" in str(caught.value)


def test_a_missing_list_says_how_to_point_at_one(tmp_path: Path) -> None:
    with pytest.raises(FeedConfigError, match="NEWSWIRE_FEEDS_FILE"):
        load_feeds(tmp_path / "nope.toml")


def test_backoff_doubles_is_capped_and_respects_retry_after() -> None:
    assert [backoff_seconds(n, 10, 100) for n in (1, 2, 3, 4)] == [20, 40, 80, 100]
    assert backoff_seconds(1, 10, 100, retry_after=300) == 300
    assert backoff_seconds(10_000, 10, 100) == 100
    assert all(9 <= jittered(10, 0.1) <= 11 for _ in range(100))


def test_bodies_labelled_with_another_charset_become_utf8() -> None:
    text = "Évacuation à Raqa"
    assert to_utf8(text.encode("latin-1"), "ISO-8859-1") == text.encode()
    assert to_utf8(text.encode(), "utf-8") == text.encode()
    declared = b'<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>'
    assert to_utf8(declared, "windows-1252") == declared
    assert to_utf8(b"\xff\xfe", "no-such-charset") == b"\xff\xfe"


def test_validators_become_conditional_headers() -> None:
    assert Validators('"e1"', "Sat, 14 Oct 2017 16:00:00 GMT").headers() == {
        "If-None-Match": '"e1"',
        "If-Modified-Since": "Sat, 14 Oct 2017 16:00:00 GMT",
    }
    assert Validators().headers() == {}
