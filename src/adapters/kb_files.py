"""KnowledgeRepository on the compiled files of `balie kb build`.

The directory is `$KB_DIR`, else `src/kb_compiled/` next to this package (what
`sam build` puts in every function's package). Files are read on first use and
kept for the life of the process: a Lambda container loads a tenant's matcher
once, not on every message. The matcher is built when it first classifies, so a
function that only reads a tenant's settings never imports numpy.
"""
from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path

from core.errors import NotFound
from core.kb.compiled import INDEX_FILE, CompiledIndex, TenantKnowledge, knowledge_file_name, load_knowledge, matcher_file_name


def compiled_directory() -> Path:
    """Where the compiled knowledge lives (read on each call: tests set KB_DIR)."""
    configured = os.environ.get("KB_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "kb_compiled"


class FileKnowledge:
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
                self._loaded[tenant] = load_knowledge(
                    (self.directory / knowledge_file_name(tenant)).read_bytes(),
                    (self.directory / matcher_file_name(tenant)).read_bytes(),
                    matcher_on_first_use=True,
                )
            return self._loaded[tenant]

    def tenant_for_whatsapp(self, phone_number_id: str) -> str | None:
        return self._read_index().tenant_for_whatsapp(phone_number_id)

    def slugs(self) -> list[str]:
        return sorted(self._read_index().tenants)


@cache
def file_knowledge() -> FileKnowledge:
    """The process-wide repository handlers use (built on first use)."""
    return FileKnowledge()
