from __future__ import annotations

from pathlib import Path

import pytest

from workers.gazetteer import cache
from workers.gazetteer.cache import cache_dir, cached, source_digest


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "newswire"


def test_a_derived_value_is_read_back_at_the_next_start_without_deriving_again(
    cache_home: Path,
) -> None:
    calls: list[int] = []

    def derive() -> list[str]:
        calls.append(1)
        return ["Zouerate", "زويرات"]

    assert cached("sample", "d1", derive) == ["Zouerate", "زويرات"]
    assert cached("sample", "d1", derive) == ["Zouerate", "زويرات"]
    assert len(calls) == 1
    assert cache_dir() == cache_home


def test_another_digest_derives_again(cache_home: Path) -> None:
    assert cached("sample", "d1", lambda: 1) == 1
    assert cached("sample", "d2", lambda: 2) == 2


def test_a_damaged_cache_file_is_derived_again(cache_home: Path) -> None:
    cached("sample", "d1", lambda: {"a": 1})
    (cache_home / "sample-d1.pickle").write_bytes(b"\x80\x05truncated")
    assert cached("sample", "d1", lambda: {"a": 2}) == {"a": 2}
    assert cached("sample", "d1", lambda: {"a": 3}) == {"a": 2}


def test_an_unwritable_cache_directory_still_gives_the_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cached("sample", "d1", lambda: 7) == 7


def test_the_digest_follows_the_content_of_an_extra_curated_file(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[[entity]]\nid = "x"\ntype = "place"\nen = ["Atar"]\n')
    first = source_digest([extra])
    assert source_digest([extra]) == first
    extra.write_text('[[entity]]\nid = "x"\ntype = "place"\nen = ["Zouerate"]\n')
    assert source_digest([extra]) != first
    assert source_digest() not in (first, source_digest([extra]))


def test_the_digest_follows_the_data_files_in_folders_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder in ("gazetteer", "text", "data/topics"):
        (tmp_path / folder).mkdir(parents=True)
    lexicon = tmp_path / "data" / "topics" / "en.toml"
    lexicon.write_text('["15000000"]\nstrong = ["goal"]\n')
    monkeypatch.setattr(cache.resources, "files", lambda package: tmp_path)
    first = source_digest()
    lexicon.write_text('["15000000"]\nstrong = ["goal", "striker"]\n')
    assert source_digest() != first
