"""The wheel carries everything the package reads of its own: the JSON Schemas
(from the top-level `schemas/`), the packaged data and the dashboard's page."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_carries_the_schemas_the_data_and_the_dashboard_page(tmp_path: Path) -> None:
    source = tmp_path / "source"
    for part in ("pyproject.toml", "README.md"):
        source.mkdir(exist_ok=True)
        shutil.copy(ROOT / part, source / part)
    for folder in ("workers", "schemas", "web/dist"):
        shutil.copytree(
            ROOT / folder,
            source / folder,
            symlinks=True,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        cwd=source,
    )
    (wheel,) = tmp_path.glob("newswire-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in (ROOT / "schemas").glob("*.json"):
        assert f"workers/schemas/{schema.name}" in names
    assert "workers/data/gazetteer.toml" in names
    assert "workers/dashboard/web/dashboard.html" in names


def test_the_schemas_read_by_the_codec_are_the_top_level_sources() -> None:
    from workers import codec

    for schema in (ROOT / "schemas").glob("*.json"):
        assert codec.SCHEMAS.joinpath(schema.name).read_bytes() == schema.read_bytes()
