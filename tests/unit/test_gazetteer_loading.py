from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.gazetteer_support import article
from workers.enrich.entities import tag_entities
from workers.gazetteer import build_gazetteer, configure_gazetteer, get_gazetteer
from workers.gazetteer.sources import curated_entries, read_data
from workers.settings import Settings

EXTRA = """
[[entity]]
id = "place:zarzis"
type = "place"
ar = ["جرجيس"]
en = ["Zarzis"]
fr = ["Zarzis"]

[[entity]]
id = "Q858"
type = "place"
en = ["Sham"]
"""


@pytest.fixture
def extra_gazetteer(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "extra.toml"
    path.write_text(EXTRA, encoding="utf-8")
    configure_gazetteer(path)
    yield path
    configure_gazetteer(None)


def test_gazetteer_is_built_once_per_process() -> None:
    assert get_gazetteer() is get_gazetteer()


def test_extra_file_adds_entities_and_aliases(extra_gazetteer: Path) -> None:
    tagged = tag_entities(article("Migrants left Zarzis for Sham."))
    ids = {tag.id for tag in tagged.place}
    assert {"place:zarzis", "Q858"} <= ids


def test_default_data_without_extra_file() -> None:
    configure_gazetteer(None)
    tagged = tag_entities(article("Migrants left Zarzis."))
    assert "place:zarzis" not in {tag.id for tag in tagged.place}


def test_settings_name_the_extra_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_GAZETTEER_PATH", "/etc/newswire/gazetteer.toml")
    assert Settings().gazetteer_path == Path("/etc/newswire/gazetteer.toml")
    monkeypatch.delenv("NEWSWIRE_GAZETTEER_PATH")
    assert Settings().gazetteer_path is None


def test_curated_file_entries_are_well_formed() -> None:
    seen: set[str] = set()
    for entry, _, _ in curated_entries(read_data("gazetteer.toml")):
        assert entry.names, entry.id
        assert entry.id not in seen, f"duplicate id {entry.id}"
        seen.add(entry.id)
    assert len(seen) >= 400


def test_unknown_type_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[entity]]\nid = "x"\ntype = "thing"\nen = ["X"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="unknown type"):
        build_gazetteer(path)


def test_countries_come_with_cldr_names_and_wikidata_ids() -> None:
    by_id = {entry.id: entry for entry in get_gazetteer().entries}
    iceland = by_id["Q189"]
    assert iceland.names["fr"][0] == "Islande"
    assert iceland.names["ar"][0] == "آيسلندا"
    assert by_id["iso3166:GY"].names["en"][0] == "Guyana"


def test_step_fills_the_three_lists_and_keeps_the_rest() -> None:
    source = article("وقال نوري محمود ان داعش في الرقة", headline="الرقة")
    tagged = tag_entities(source)
    assert [t.id for t in tagged.place] == ["place:raqqa"]
    assert [t.id for t in tagged.organisation] == ["Q2429253"]
    assert [t.id for t in tagged.person] == ["person:nouri-mahmoud"]
    assert tagged.place[0].first_offset == 0
    assert tagged.place[0].count == 2
    assert tagged.body_text == source.body_text
    assert source.place == []
