"""`balie kb check|build|export` and `compile_tenant`: the knowledge-base tools.

The YAML sources are read here (never in the Lambda package): every value keeps
the line it came from, so a pydantic error or a content rule points at
`file:line`. Checks collect every problem before reporting, so one run of
`balie kb check` lists all of them.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError

from core.kb.build import (
    ARTEFACT_DIR,
    SHARED_FILE,
    SharedBase,
    artefact_name,
    base_tenant_examples,
    compile_overlay,
    matcher_key,
)
from core.kb.compiled import INDEX_FILE, TenantKnowledge, build_index, knowledge_file_name
from core.kb.checks import (Problem, domain_problems, intent_problems, named_alone_problems, normalise, overlay_problems,
                            referral_problems, settings_problems)
from core.kb.merge import KnowledgeError, resolve_tenant, training_examples
from core.kb.models import Examples, Intent, OutOfScope, Tenant

REPO = Path(__file__).resolve().parents[2]
DEFAULT_KB_DIR = REPO / "knowledge"
DEFAULT_TENANTS_DIR = REPO / "tenants"
# Real residents' messages (a benchmark, see benchmarks/data/README.md): never copied into examples.
REAL_QUESTIONS = REPO / "benchmarks" / "data" / "real_questions.tsv"
# An example of this many words found inside a real message is a copied clause of it.
MIN_COPIED_WORDS = 6
OUT_OF_SCOPE_FILE = "_out_of_scope.yaml"


Progress = Callable[[str], None]
Severity = Literal["error", "warning"]


def reference_dir() -> Path:
    """The reference material the content is checked against (taxonomy, UPL list, dev set),
    copied into the repository with its sources (reference/README.md); `BALIE_REFERENCE` overrides."""
    return Path(os.environ.get("BALIE_REFERENCE") or REPO / "reference")


# --------------------------------------------------------------------------- YAML with line numbers


@dataclass
class Issue:
    severity: Severity
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity}: {self.message}"


@dataclass
class SourceFile:
    """A parsed YAML file and the line of every mapping key and sequence item."""

    path: Path
    data: Any
    lines: dict[tuple, int]

    def line_of(self, loc: Iterable[Any]) -> int:
        """The line of the deepest known node along `loc`. Parts of a pydantic
        location that are not YAML keys (union branch names, validator tags) are
        skipped, so the answer is always the closest line we know."""
        current: tuple = ()
        for part in loc:
            candidate = (*current, part)
            if candidate in self.lines:
                current = candidate
        return self.lines.get(current, 1)


class YamlProblem(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> SourceFile:
    """Parse one YAML document keeping node lines. Raises `YamlProblem` for
    syntax errors and duplicate keys (which YAML would silently overwrite)."""
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise YamlProblem(f"YAML: {problem}", mark.line + 1 if mark else 1) from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _index_lines(node, (), lines)
    return SourceFile(path=path, data=data, lines=lines)


def _index_lines(node: yaml.Node, at: tuple, lines: dict[tuple, int]) -> None:
    lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlProblem(f"duplicate key {key!r} (first on line {seen[key]})", line)
            seen[key] = line
            lines[(*at, key)] = line
            _index_lines(value_node, (*at, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*at, index)] = item.start_mark.line + 1
            _index_lines(item, (*at, index), lines)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def validation_issues(error: ValidationError, source: SourceFile, prefix: tuple = ()) -> list[Issue]:
    issues = []
    for detail in error.errors(include_url=False):
        loc = (*prefix, *detail["loc"])
        where = ".".join(str(part) for part in loc) or "(file)"
        message = f"{where}: {detail['msg']}"
        if detail["type"] == "string_type" and isinstance(detail.get("input"), (int, float, bool)):
            message += " (YAML read this as a number or yes/no; put it in quotes)"
        issues.append(Issue("error", _display(source.path), source.line_of(loc), message))
    return issues


# --------------------------------------------------------------------------- loading the sources


@dataclass
class Loaded:
    """What could be read of the knowledge base and the tenants, plus the problems found."""

    intents: dict[str, Intent] = field(default_factory=dict)
    intent_sources: dict[str, SourceFile] = field(default_factory=dict)
    out_of_scope: OutOfScope | None = None
    out_of_scope_source: SourceFile | None = None
    tenants: dict[str, Tenant] = field(default_factory=dict)
    tenant_sources: dict[str, SourceFile] = field(default_factory=dict)
    # Intent files that exist but failed to parse: tenants may still name them
    # without a second, consequential error.
    broken_intents: set[str] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)

    def error(self, source: SourceFile | Path, loc: Sequence[Any] | int, message: str) -> None:
        self._add("error", source, loc, message)

    def warning(self, source: SourceFile | Path, loc: Sequence[Any] | int, message: str) -> None:
        self._add("warning", source, loc, message)

    def _add(self, severity: Severity, source: SourceFile | Path, loc: Sequence[Any] | int, message: str) -> None:
        path = source.path if isinstance(source, SourceFile) else source
        if isinstance(loc, int):
            line = loc
        else:
            line = source.line_of(loc) if isinstance(source, SourceFile) else 1
        self.issues.append(Issue(severity, _display(path), line, message))

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "error"]


def _parse(loaded: Loaded, path: Path, model: type[BaseModel]) -> tuple[Any, SourceFile | None]:
    try:
        source = read_yaml(path)
    except YamlProblem as problem:
        loaded.error(path, problem.line, str(problem))
        return None, None
    except (OSError, UnicodeDecodeError) as problem:
        loaded.error(path, 1, f"cannot read: {problem}")
        return None, None
    try:
        return model.model_validate(source.data), source
    except ValidationError as error:
        loaded.issues.extend(validation_issues(error, source))
        return None, source


def load_sources(kb_dir: Path, tenants_dir: Path | None) -> Loaded:
    """Parse and validate every file against the models (no content rules yet)."""
    loaded = Loaded()
    if not kb_dir.is_dir():
        loaded.error(kb_dir, 1, "knowledge directory not found")
        return loaded
    for path in sorted(kb_dir.glob("*.yaml")):
        if path.name == OUT_OF_SCOPE_FILE:
            loaded.out_of_scope, loaded.out_of_scope_source = _parse(loaded, path, OutOfScope)
            continue
        intent, source = _parse(loaded, path, Intent)
        if intent is None:
            loaded.broken_intents.add(path.stem)
            continue
        if intent.id != path.stem:
            loaded.error(source, ("id",), f"id {intent.id!r} does not match the file name {path.name!r}")
            loaded.broken_intents.add(path.stem)
            continue
        loaded.intents[intent.id] = intent
        loaded.intent_sources[intent.id] = source
    for stray in sorted(kb_dir.glob("*.yml")):
        loaded.error(stray, 1, "knowledge files end in .yaml")
    if tenants_dir is not None:
        for path in sorted(tenants_dir.glob("*.yaml")):
            tenant, source = _parse(loaded, path, Tenant)
            if tenant is None:
                continue
            if tenant.slug != path.stem:
                loaded.error(source, ("slug",), f"slug {tenant.slug!r} does not match the file name {path.name!r}")
                continue
            loaded.tenants[tenant.slug] = tenant
            loaded.tenant_sources[tenant.slug] = source
    return loaded


# --------------------------------------------------------------------------- reference data


@dataclass(frozen=True)
class TaxonomyRow:
    id: str
    kind: str
    team: str | None
    title_nl: str
    upl: str | None


@dataclass
class References:
    """The reference material the content is checked against; None = file not available."""

    taxonomy: dict[str, TaxonomyRow] | None = None
    upl_names: set[str] | None = None
    dev_questions: set[str] | None = None
    real_questions: list[str] | None = None  # normalised texts of REAL_QUESTIONS
    missing: list[str] = field(default_factory=list)
    _real_joined: str = field(default="", repr=False)

    @classmethod
    def load(cls, directory: Path, real_questions: Path | None = REAL_QUESTIONS) -> "References":
        references = cls()
        taxonomy = directory / "spec" / "taxonomy.tsv"
        upl = directory / "data" / "upl" / "UPL-actueel.csv"
        dev = directory / "spec" / "dev_questions.tsv"
        if taxonomy.is_file():
            references.taxonomy = read_taxonomy(taxonomy)
        else:
            references.missing.append(str(taxonomy))
        if upl.is_file():
            references.upl_names = read_upl_names(upl)
        else:
            references.missing.append(str(upl))
        if dev.is_file():
            references.dev_questions = {normalise(text) for _, text in read_labelled(dev)}
        else:
            references.missing.append(str(dev))
        if real_questions is not None:
            if real_questions.is_file():
                references.real_questions = [normalise(text) for _, text in read_labelled(real_questions)]
                references._real_joined = "\n".join(f" {text} " for text in references.real_questions)
            else:
                references.missing.append(str(real_questions))
        return references

    def copies_real_question(self, key: str) -> bool:
        """Whether a normalised example is a real message, or a clause of one long enough
        to be copied rather than written (MIN_COPIED_WORDS words or more)."""
        if not self.real_questions:
            return False
        if len(key.split()) >= MIN_COPIED_WORDS:
            return f" {key} " in self._real_joined
        return key in self.real_questions


def read_taxonomy(path: Path) -> dict[str, TaxonomyRow]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["id"]: TaxonomyRow(
                id=row["id"],
                kind=row["kind"],
                team=None if row["team"] in ("", "-") else row["team"],
                title_nl=row["title_nl"],
                upl=(row.get("upl") or "").strip() or None,
            )
            for row in rows
        }


def read_upl_names(path: Path) -> set[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["UniformeProductnaam"].strip().casefold() for row in csv.DictReader(handle)}


def read_labelled(path: Path) -> list[tuple[str | None, str]]:
    """(intent or None for '-', text) rows of a labelled question file like dev_questions.tsv."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(None if row["intent"] == "-" else row["intent"], row["text"]) for row in rows]


# --------------------------------------------------------------------------- content rules


def find_issues(kb_dir: Path, tenants_dir: Path, references: References) -> list[Issue]:
    """Every problem of the knowledge base and the tenants, errors and warnings."""
    loaded = load_sources(kb_dir, tenants_dir)
    for missing in references.missing:
        loaded.warning(Path(missing), 1, "reference file not found; the checks that need it were skipped")
    _check_taxonomy(loaded, kb_dir, references)
    for intent_id, intent in loaded.intents.items():
        source = loaded.intent_sources[intent_id]
        _check_intent_content(loaded, intent, source, (), references)
    _check_out_of_scope(loaded, kb_dir, references)
    for intent_id, problems in named_alone_problems(loaded.intents, loaded.out_of_scope).items():
        _report(loaded, loaded.intent_sources[intent_id], problems)
    _check_examples_unique(loaded, references)
    _check_tenants(loaded, references)
    return sorted(loaded.issues, key=lambda issue: (issue.file, issue.line, issue.message))


def _check_taxonomy(loaded: Loaded, kb_dir: Path, references: References) -> None:
    if references.taxonomy is None:
        return
    present = {path.stem for path in kb_dir.glob("*.yaml")}
    for intent_id in references.taxonomy:
        if intent_id not in present:
            loaded.error(kb_dir / f"{intent_id}.yaml", 1, f"taxonomy intent {intent_id!r} has no knowledge file")
    for intent_id, intent in loaded.intents.items():
        source = loaded.intent_sources[intent_id]
        row = references.taxonomy.get(intent_id)
        if row is None:
            loaded.error(source, ("id",), f"{intent_id!r} is not in the taxonomy (tenant-only intents belong in the tenant file)")
            continue
        if intent.kind != row.kind:
            loaded.error(source, ("kind",), f"kind is {intent.kind!r}, the taxonomy says {row.kind!r}")
        if intent.team != row.team:
            loaded.error(source, ("team",), f"team is {intent.team!r}, the taxonomy says {row.team!r}")
        if row.upl and not intent.upl:
            loaded.error(source, ("upl",), f"upl is missing; the taxonomy names {row.upl!r}")
        elif (
            row.upl and intent.upl and intent.upl.strip().casefold() != row.upl.casefold()
            # A taxonomy name missing from the UPL is the taxonomy's mistake, not the file's.
            and (references.upl_names is None or row.upl.casefold() in references.upl_names)
        ):
            loaded.warning(source, ("upl",), f"upl is {intent.upl!r}, the taxonomy names {row.upl!r}")


def _report(loaded: Loaded, source: SourceFile, problems: Iterable[Problem]) -> None:
    """core.kb.checks' problems as issues at their lines in `source`."""
    for problem in problems:
        loaded._add(problem.severity, source, problem.loc, problem.message)


def _check_intent_content(
    loaded: Loaded, intent: Intent, source: SourceFile, at: tuple, references: References
) -> None:
    """Rules every intent follows, shared or tenant-only (`at` = its place in the file)."""
    _report(loaded, source, intent_problems(intent, at))
    if intent.upl and references.upl_names is not None and intent.upl.strip().casefold() not in references.upl_names:
        loaded.error(source, (*at, "upl"), f"{intent.id}: {intent.upl!r} is not a UniformeProductnaam in the UPL")
    _check_examples_local(loaded, intent.id, intent.examples, source, (*at, "examples"), references)


def _check_examples_local(
    loaded: Loaded, intent_id: str, examples: Examples, source: SourceFile, at: tuple, references: References
) -> None:
    """Within one intent: no empty or repeated example, none taken from the dev set or the
    real residents' messages."""
    seen: dict[str, int] = {}
    for language in ("nl", "en"):
        for index, text in enumerate(getattr(examples, language)):
            loc = (*at, language, index)
            key = normalise(text)
            if not key:
                loaded.error(source, loc, f"{intent_id}: empty example")
                continue
            if references.dev_questions is not None and key in references.dev_questions:
                loaded.error(source, loc, f"{intent_id}: example is a question of the dev set (a test set: write your own)")
            if references.copies_real_question(key):
                loaded.error(
                    source, loc,
                    f"{intent_id}: example copies a real resident's message of benchmarks/data/real_questions.tsv"
                    " (a test set: write your own)",
                )
            if key in seen:
                loaded.warning(source, loc, f"{intent_id}: example repeats the one on line {seen[key]}")
            else:
                seen[key] = source.line_of(loc)


@dataclass(frozen=True)
class _ExampleAt:
    intent_id: str
    source: SourceFile
    loc: tuple


def _all_examples(intent_id: str, examples: Examples, source: SourceFile, at: tuple) -> Iterable[tuple[str, _ExampleAt]]:
    for language in ("nl", "en"):
        for index, text in enumerate(getattr(examples, language)):
            key = normalise(text)
            if key:
                yield key, _ExampleAt(intent_id, source, (*at, language, index))


def _report_cross_duplicates(loaded: Loaded, entries: Iterable[tuple[str, _ExampleAt]]) -> None:
    owner: dict[str, _ExampleAt] = {}
    for key, where in entries:
        first = owner.setdefault(key, where)
        if first.intent_id != where.intent_id:
            loaded.error(
                where.source, where.loc,
                f"{where.intent_id}: the same example is also in {first.intent_id!r} "
                f"({_display(first.source.path)}:{first.source.line_of(first.loc)})",
            )


def _check_examples_unique(loaded: Loaded, references: References) -> None:
    entries = [
        entry
        for intent_id, intent in loaded.intents.items()
        for entry in _all_examples(intent_id, intent.examples, loaded.intent_sources[intent_id], ("examples",))
    ]
    if loaded.out_of_scope is not None and loaded.out_of_scope_source is not None:
        entries += _all_examples("_out_of_scope", loaded.out_of_scope.examples, loaded.out_of_scope_source, ("examples",))
    _report_cross_duplicates(loaded, entries)


def _check_out_of_scope(loaded: Loaded, kb_dir: Path, references: References) -> None:
    if loaded.out_of_scope is not None and loaded.out_of_scope_source is not None:
        # The dev set's out-of-scope questions are test questions too.
        _check_examples_local(
            loaded, "_out_of_scope", loaded.out_of_scope.examples, loaded.out_of_scope_source, ("examples",), references
        )
        _report(loaded, loaded.out_of_scope_source, referral_problems(loaded.out_of_scope))
        _report(loaded, loaded.out_of_scope_source, domain_problems(loaded.out_of_scope, loaded.intents))
    elif not (kb_dir / OUT_OF_SCOPE_FILE).exists():
        loaded.warning(kb_dir / OUT_OF_SCOPE_FILE, 1, "no out-of-scope examples: the fallback threshold is tuned on in-scope examples only")


def _check_tenants(loaded: Loaded, references: References) -> None:
    phone_ids: dict[str, str] = {}
    meta_ids: dict[str, str] = {}
    for slug, tenant in loaded.tenants.items():
        source = loaded.tenant_sources[slug]
        _report(loaded, source, settings_problems(tenant))
        _check_tenant_intents(loaded, tenant, source, references)
        phone = tenant.whatsapp.phone_number_id
        if phone:
            if phone in phone_ids:
                loaded.error(source, ("whatsapp", "phone_number_id"), f"phone_number_id {phone} is also used by tenant {phone_ids[phone]!r}")
            phone_ids.setdefault(phone, slug)
        # A Page or Instagram id names one tenant: the webhook finds the tenant by it.
        for setting in ("page_id", "instagram_account_id"):
            account = getattr(tenant.messenger, setting)
            if account:
                if account in meta_ids:
                    loaded.error(source, ("messenger", setting), f"{setting} {account} is also used by tenant {meta_ids[account]!r}")
                meta_ids.setdefault(account, slug)


def _check_tenant_intents(loaded: Loaded, tenant: Tenant, source: SourceFile, references: References) -> None:
    problems = overlay_problems(
        loaded.intents, tenant, reserved_ids=references.taxonomy or (), also_known=loaded.broken_intents,
        out_of_scope=loaded.out_of_scope.examples if loaded.out_of_scope is not None else None)
    _report(loaded, source, problems)
    if any(problem.loc[-1:] == ("id",) and problem.loc[:1] == ("extra_intents",) for problem in problems):
        return  # merging is impossible; the example rules would only repeat it
    for index, extra in enumerate(tenant.extra_intents):
        at = ("extra_intents", index)
        if extra.upl and references.upl_names is not None and extra.upl.strip().casefold() not in references.upl_names:
            loaded.error(source, (*at, "upl"), f"{extra.id}: {extra.upl!r} is not a UniformeProductnaam in the UPL")
        _check_examples_local(loaded, extra.id, extra.examples, source, (*at, "examples"), references)
    known = set(loaded.intents) | {extra.id for extra in tenant.extra_intents}
    for intent_id, override in tenant.intent_overrides.items():
        if override.extra_examples and intent_id in known and intent_id not in loaded.broken_intents:
            _check_examples_local(loaded, intent_id, override.extra_examples, source,
                                  ("intent_overrides", intent_id, "extra_examples"), references)


# --------------------------------------------------------------------------- compile


@dataclass(frozen=True)
class RealQuestion:
    """A row of REAL_QUESTIONS (benchmarks/data/README.md)."""

    intent: str | None  # None: no intent of the knowledge base fits
    text: str
    source: str
    alt: tuple[str, ...]
    kind: str  # "faq" | "story"
    split: str  # "tune" | "report"
    batch: str  # the round of collecting that added the row ("1": the first 329 rows); "" in probe files

    @property
    def accepted(self) -> frozenset[str]:
        return frozenset(({self.intent} if self.intent else set()) | set(self.alt))


def read_real_questions(path: Path = REAL_QUESTIONS) -> list[RealQuestion]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            RealQuestion(
                intent=None if row["intent"] == "-" else row["intent"],
                text=row["text"],
                source=row["source"],
                alt=tuple(name for name in row["alt"].split(",") if name and name != "-"),
                kind=row["kind"],
                split=row["split"],
                batch=row.get("batch", ""),
            )
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def _train(examples: Sequence[tuple[str, str]], oos_examples: Sequence[str], progress: Progress | None):
    from core.matcher import train_knowledge_base

    return train_knowledge_base(examples, oos_examples, progress)


def _out_of_scope_texts(loaded: Loaded) -> list[str]:
    if loaded.out_of_scope is None:
        return []
    return [*loaded.out_of_scope.examples.nl, *loaded.out_of_scope.examples.en]


def _compile(loaded: Loaded, tenant: Tenant, progress: Progress | None) -> TenantKnowledge:
    intents = resolve_tenant(loaded.intents, tenant)
    matcher = _train(training_examples(loaded.intents, tenant), _out_of_scope_texts(loaded), progress)
    referrals = tuple(loaded.out_of_scope.referrals) if loaded.out_of_scope is not None else ()
    domains = tuple(loaded.out_of_scope.domains) if loaded.out_of_scope is not None else ()
    return TenantKnowledge(tenant=tenant, intents=intents, matcher=matcher, referrals=referrals, domains=domains)


def _fail_on_errors(loaded: Loaded) -> None:
    if loaded.errors:
        listing = "\n".join(str(issue) for issue in loaded.errors[:20])
        more = f"\n... and {len(loaded.errors) - 20} more" if len(loaded.errors) > 20 else ""
        raise KnowledgeError(f"the knowledge base has errors (run `balie kb check`):\n{listing}{more}")


def compile_tenant(
    kb_dir: Path | str, tenants_dir: Path | str, slug: str, *, progress: Progress | None = None
) -> TenantKnowledge:
    """One tenant's knowledge and matcher, built in memory from the YAML sources.
    Raises `KnowledgeError` when the sources do not parse or do not fit together
    (content rules such as example counts are `balie kb check`'s business)."""
    tenants_path = Path(tenants_dir)
    loaded = load_sources(Path(kb_dir), None)
    tenant_path = tenants_path / f"{slug}.yaml"
    if not tenant_path.is_file():
        raise KnowledgeError(f"no tenant file {tenant_path}")
    tenant, _ = _parse(loaded, tenant_path, Tenant)
    _fail_on_errors(loaded)
    return _compile(loaded, tenant, progress)


def shared_of(loaded: Loaded) -> SharedBase:
    """The shared base as the package carries it (shared.json)."""
    return SharedBase(intents=loaded.intents, out_of_scope=loaded.out_of_scope)


def trainer(progress: Progress | None) -> Callable[[Sequence[tuple[str, str]], Sequence[str]], bytes]:
    """Trains a matcher artefact, telling `progress` what it does."""
    def train(examples: Sequence[tuple[str, str]], oos_examples: Sequence[str]) -> bytes:
        if progress:
            progress(f"training on {len(examples)} examples")
        matcher = _train(examples, oos_examples, progress)
        if progress:
            progress(f"threshold {matcher.threshold:.3f}")
        return matcher.to_bytes()

    return train


def compile_all(
    kb_dir: Path, tenants_dir: Path, output_dir: Path, *, progress: Progress | None = None
) -> list[Path]:
    """Compile the shared base (shared.json and the matcher of a tenant without
    examples of its own) and every tenant into `output_dir`; returns the files
    written. A matcher whose inputs did not change is kept, not trained again.
    Raises `KnowledgeError` when the sources do not parse or do not fit together."""
    from adapters.kb_files import DirectoryArtefacts, matcher_code_version

    loaded = load_sources(kb_dir, tenants_dir)
    _fail_on_errors(loaded)
    if not loaded.tenants:
        raise KnowledgeError(f"no tenants in {tenants_dir}")
    output_dir.mkdir(parents=True, exist_ok=True)
    shared = shared_of(loaded)
    artefacts = DirectoryArtefacts(output_dir)
    code = matcher_code_version()
    written = [_write_atomically(output_dir / SHARED_FILE, shared.model_dump_json().encode("utf-8"))]
    base = artefact_name(matcher_key(base_tenant_examples(shared.intents), shared.out_of_scope_texts(), code))
    if artefacts.get(base) is None:
        say = (lambda message: progress(f"[shared base] {message}")) if progress else None
        artefacts.put(base, trainer(say)(base_tenant_examples(shared.intents), shared.out_of_scope_texts()))
    used = {base}
    for slug, tenant in loaded.tenants.items():
        started = time.monotonic()
        say = (lambda message, slug=slug: progress(f"[{slug}] {message}")) if progress else None
        compiled = compile_overlay(shared, tenant, artefacts, trainer(say), code)
        used.add(compiled.matcher.file)
        written.append(_write_atomically(output_dir / knowledge_file_name(slug),
                                         compiled.model_dump_json(indent=1).encode("utf-8")))
        if say:
            reused = "shared base's matcher" if compiled.matcher.file == base else "its own matcher"
            say(f"done in {time.monotonic() - started:.1f}s: {len(compiled.intents)} intents, {reused}")
    written += [artefacts.path(name) for name in sorted(used)]
    index = build_index(list(loaded.tenants.values()))
    written.append(_write_atomically(output_dir / INDEX_FILE, index.model_dump_json(indent=1).encode("utf-8")))
    _remove_stale(output_dir, set(loaded.tenants), used)
    return written


def _write_atomically(path: Path, data: bytes) -> Path:
    """Readers (a running local stack) never see a half-written file."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return path


def _remove_stale(output_dir: Path, slugs: set[str], artefacts: set[str]) -> None:
    for path in output_dir.glob("*.json"):
        if path.name not in (INDEX_FILE, SHARED_FILE) and path.stem not in slugs:
            path.unlink()
    for path in output_dir.glob("*.matcher"):  # <slug>.matcher: the layout before artefacts were shared
        path.unlink()
    for path in (output_dir / ARTEFACT_DIR).glob("*.matcher"):
        if f"{ARTEFACT_DIR}/{path.name}" not in artefacts:
            path.unlink()


def export_base(kb_dir: Path) -> dict[str, Any]:
    """The shared knowledge base as one JSON document (open data, CC0)."""
    loaded = load_sources(kb_dir, None)
    _fail_on_errors(loaded)
    return {
        "format": 1,
        "license": "CC0-1.0",
        "description": "Balie shared knowledge base: frequent questions to Dutch municipalities, "
        "with B1 Dutch and English answers and example questions.",
        "intents": [loaded.intents[intent_id].model_dump(mode="json") for intent_id in sorted(loaded.intents)],
        "out_of_scope": loaded.out_of_scope.model_dump(mode="json") if loaded.out_of_scope else None,
    }


# --------------------------------------------------------------------------- CLI entry points


def _dirs(args: argparse.Namespace) -> tuple[Path, Path]:
    kb = Path(args.kb) if getattr(args, "kb", None) else DEFAULT_KB_DIR
    tenants = Path(args.tenants) if getattr(args, "tenants", None) else DEFAULT_TENANTS_DIR
    return kb, tenants


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def check_command(args: argparse.Namespace) -> int:
    kb, tenants = _dirs(args)
    issues = find_issues(kb, tenants, References.load(reference_dir()))
    for issue in issues:
        print(issue)
    errors = sum(issue.severity == "error" for issue in issues)
    warnings = len(issues) - errors
    print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def build_command(args: argparse.Namespace) -> int:
    from adapters.kb_files import compiled_directory

    kb, tenants = _dirs(args)
    issues = find_issues(kb, tenants, References.load(reference_dir()))
    errors = [issue for issue in issues if issue.severity == "error"]
    if errors:
        for issue in errors:
            print(issue, file=sys.stderr)
        _stderr(f"{len(errors)} error(s): nothing built (details: balie kb check)")
        return 1
    output = compiled_directory()
    started = time.monotonic()
    try:
        compile_all(kb, tenants, output, progress=_stderr)
    except KnowledgeError as error:
        _stderr(str(error))
        return 1
    _stderr(f"built {output} in {time.monotonic() - started:.1f}s")
    return 0


def export_command(args: argparse.Namespace) -> int:
    kb, _ = _dirs(args)
    try:
        document = json.dumps(export_base(kb), ensure_ascii=False, indent=1) + "\n"
    except KnowledgeError as error:
        _stderr(str(error))
        return 1
    if args.output in (None, "-"):
        sys.stdout.write(document)
    else:
        Path(args.output).write_text(document, encoding="utf-8")
    return 0


# The names the CLI dispatcher (balie_local/cli.py) calls: `balie kb check|build|export`.
check = check_command
build = build_command
export = export_command
