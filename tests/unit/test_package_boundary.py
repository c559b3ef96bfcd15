"""The installed package stands alone: `workers` never imports the checkout's
development tools, and the wheel holds none of them (docs/ARCHITECTURE.md, The
product and the development tools)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]
CHECKOUT_ONLY = ("devstack", "tests", "bench")


def imported_modules(source: Path) -> set[str]:
    """Every module an `import` or `from ... import` of `source` names, at any depth."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def checkout_only(module: str) -> bool:
    return module.split(".")[0] in CHECKOUT_ONLY


def test_the_import_scan_finds_imports_inside_functions(tmp_path: Path) -> None:
    source = tmp_path / "lazy.py"
    source.write_text("def run() -> None:\n    from devstack.runner import Pipeline\n")
    assert any(checkout_only(m) for m in imported_modules(source))


def test_no_module_of_the_package_imports_the_development_tools() -> None:
    offenders = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / "workers").rglob("*.py"))
        for module in imported_modules(path)
        if checkout_only(module)
    }
    assert not offenders


def test_the_wheel_takes_the_product_package_only() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    include = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = find_packages(str(ROOT), include=include)
    assert "workers" in packages
    assert "devstack" in find_packages(str(ROOT))
    assert not [name for name in packages if checkout_only(name)]
