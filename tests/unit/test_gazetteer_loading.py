from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.gazetteer_support import article
from workers.enrich.resources import Resources
from workers.enrich.steps import ENTITIES, run_steps
from workers.gazetteer import build_gazetteer
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


def test_the_extra_file_the_settings_name_adds_entities_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(EXTRA, encoding="utf-8")
    resources = Resources.of(Settings(gazetteer_path=path))
    tagged = run_steps([ENTITIES], article("Migrants left Zarzis for Sham."), resources)
    ids = {tag.id for tag in tagged.place}
    assert {"place:zarzis", "Q858"} <= ids


def test_default_data_without_extra_file(resources: Resources) -> None:
    tagged = run_steps([ENTITIES], article("Migrants left Zarzis."), resources)
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


def test_countries_come_with_cldr_names_and_wikidata_ids(resources: Resources) -> None:
    by_id = {entry.id: entry for entry in resources.gazetteer.entries}
    iceland = by_id["Q189"]
    assert iceland.names["fr"][0] == "Islande"
    assert iceland.names["ar"][0] == "آيسلندا"
    assert by_id["iso3166:GY"].names["en"][0] == "Guyana"


def test_step_fills_the_three_lists_and_keeps_the_rest(resources: Resources) -> None:
    source = article("وقال نوري محمود ان داعش في الرقة", headline="الرقة")
    tagged = run_steps([ENTITIES], source, resources)
    assert [t.id for t in tagged.place] == ["place:raqqa"]
    assert [t.id for t in tagged.organisation] == ["Q2429253"]
    assert [t.id for t in tagged.person] == ["person:nouri-mahmoud"]
    assert tagged.place[0].first_offset == 0
    assert tagged.place[0].count == 2
    assert tagged.body_text == source.body_text
    assert source.place == []
