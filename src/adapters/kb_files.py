"""The compiled knowledge on disk (`balie kb build`): the shared base and the matcher
artefacts in the Lambda package, and a repository of compiled tenants for the local tools.

The directory is `$KB_DIR`, else `src/kb_compiled/` next to this package (what
`sam build` puts in every function's package):
- `shared.json`: the shared intents with their examples (`core.kb.build.SharedBase`),
  what the tenant-build function compiles overlays against;
- `matchers/<key>.matcher`: content-addressed matcher artefacts (`core.kb.build`),
  among them the one every tenant without its own examples uses;
- `<slug>.json` and `index.json`: the compiled tenants/*.yaml, read by `FileKnowledge`
  for `balie classify`, `balie chat`, `make eval` and the benchmarks. Functions in AWS
  read tenants from the table instead (adapters.dynamodb_tenants).
Files are read on first use and kept for the life of the process.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from functools import cache
from pathlib import Path

from core.errors import NotFound
from core.models import ChannelAccount
from core.kb.build import SHARED_FILE, SharedBase
from core.kb.static import OriginsFromSettings
from core.kb.compiled import (
    INDEX_FILE,
    CompiledIndex,
    MatcherOnFirstUse,
    TenantKnowledge,
    checked,
    knowledge_file_name,
    knowledge_from,
    read_compiled,
)

_ARTEFACT_NAME = re.compile(r"^matchers/[0-9a-f]{64}\.matcher$")
MATCHER_SOURCES = Path(__file__).resolve().parent.parent / "core" / "matcher"


def compiled_directory() -> Path:
    """Where the compiled knowledge lives (read on each call: tests set KB_DIR)."""
    configured = os.environ.get("KB_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "kb_compiled"


@cache
def matcher_code_version() -> str:
    """A digest of the matcher's code and of the data files it is built with: part of every
    artefact's key, so an artefact trained by other code, or against another encoder, is
    never taken for this code's."""
    return matcher_digest(MATCHER_SOURCES)


def matcher_digest(sources: Path) -> str:
    """SHA-256 over the matcher package's modules and its `data/*.bin` (the Dutch encoder,
    which artefacts name by digest instead of carrying it, and the word-piece table)."""
    digest = hashlib.sha256()
    for path in sorted([*sources.glob("*.py"), *sources.glob("data/*.bin")]):
        digest.update(path.relative_to(sources).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


class DirectoryArtefacts:
    """An ArtefactStore on a directory (`balie kb build` writes it; the package holds it)."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    def path(self, name: str) -> Path:
        if not _ARTEFACT_NAME.match(name):
            raise ValueError(f"not an artefact name: {name!r}")
        return self.directory / name

    def get(self, name: str) -> bytes | None:
        try:
            return self.path(name).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, name: str, data: bytes) -> None:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)


def shared_base() -> SharedBase:
    """The shared knowledge base the package carries (read once per process and directory)."""
    return _shared_base(compiled_directory())


@cache
def _shared_base(directory: Path) -> SharedBase:
    path = directory / SHARED_FILE
    try:
        return SharedBase.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} not found: run `balie kb build` (or `make kb`)") from None


class FileKnowledge(OriginsFromSettings):
    def __init__(self, directory: Path | str | None = None) -> None:
        self._directory = Path(directory) if directory is not None else None
        self._index: CompiledIndex | None = None
        self._loaded: dict[str, TenantKnowledge] = {}
        # The local stack serves requests on threads; one load per tenant is enough.
        self._lock = threading.Lock()

    @property
    def directory(self) -> Path:
        if self._directory is None:
            self._directory = compiled_directory()
        return self._directory

    def _read_index(self) -> CompiledIndex:
        if self._index is None:
            path = self.directory / INDEX_FILE
            try:
                self._index = CompiledIndex.model_validate_json(path.read_bytes())
            except FileNotFoundError:
                raise FileNotFoundError(f"{path} not found: run `balie kb build` (or `make kb`)") from None
        return self._index

    def get(self, tenant: str) -> TenantKnowledge:
        cached = self._loaded.get(tenant)
        if cached is not None:
            return cached
        with self._lock:
            if tenant not in self._loaded:
                # The index is the list of valid slugs, so a slug never becomes a path unchecked.
                if tenant not in self._read_index().tenants:
                    raise NotFound(f"unknown tenant {tenant!r}")
                compiled = read_compiled((self.directory / knowledge_file_name(tenant)).read_bytes())
                matcher_bytes = checked(compiled, DirectoryArtefacts(self.directory).path(compiled.matcher.file).read_bytes())
                self._loaded[tenant] = knowledge_from(compiled, MatcherOnFirstUse(matcher_bytes))
            return self._loaded[tenant]

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        return self._read_index().tenant_for_whatsapp(phone_number_id)

    def tenant_for_messenger(self, account_id: str) -> ChannelAccount | None:
        return self._read_index().tenant_for_messenger(account_id)

    def slugs(self) -> list[str]:
        return sorted(self._read_index().tenants)


@cache
def file_knowledge() -> FileKnowledge:
    """The process-wide repository of the compiled tenants/*.yaml (local tools)."""
    return FileKnowledge()
