"""The Docker image: dependencies in a layer before the code, a non-root user,
everything it writes under one writable directory."""

from __future__ import annotations

from pathlib import Path

DOCKERFILE = (Path(__file__).resolve().parents[2] / "Dockerfile").read_text()
FINAL_STAGE = DOCKERFILE.rsplit("\nFROM ", 1)[1]


def instructions() -> list[str]:
    joined = FINAL_STAGE.replace("\\\n", " ")
    return [
        line.strip() for line in joined.splitlines() if line.strip() and not line.startswith("#")
    ]


def index_of(prefix: str) -> int:
    return next(i for i, line in enumerate(instructions()) if line.startswith(prefix))


def test_dependencies_are_installed_before_the_code_is_copied() -> None:
    install = next(
        i for i, line in enumerate(instructions()) if "requirements.txt" in line and "pip" in line
    )
    assert install < index_of("COPY workers")
    assert index_of("COPY workers") < index_of("RUN pip install --no-deps /src")
    assert "pyproject.toml" in instructions()[index_of("COPY pyproject.toml")]


def test_the_image_runs_as_its_own_user_and_writes_under_one_directory() -> None:
    assert index_of("USER newswire") > index_of("COPY workers")
    env = " ".join(line for line in instructions() if line.startswith("ENV"))
    for setting in ("NEWSWIRE_DATA_DIR", "NEWSWIRE_SQLITE_PATH", "NEWSWIRE_STACK__RUN_DIR"):
        assert f"{setting}=/var/lib/newswire" in env, setting
    assert "chown newswire /var/lib/newswire" in " ".join(instructions())


def test_the_dashboard_is_built_from_the_lockfile_into_the_image() -> None:
    web_stage = DOCKERFILE.split("\nFROM node:", 1)[1].split("\nFROM ", 1)[0]
    assert "package-lock.json" in web_stage
    assert "npm ci" in web_stage
    assert index_of("COPY --from=web /src/web/dist /src/web/dist") < index_of(
        "RUN pip install --no-deps /src"
    )


def test_the_image_imports_the_installed_package_with_its_data_and_no_search_path() -> None:
    assert "PYTHONPATH" not in FINAL_STAGE
    assert index_of("COPY schemas /src/schemas") < index_of("RUN pip install --no-deps /src")


def test_the_image_leaves_out_the_development_tools() -> None:
    assert not [line for line in instructions() if "devstack" in line]
    assert "devstack" in (Path(__file__).resolve().parents[2] / ".dockerignore").read_text().split()
