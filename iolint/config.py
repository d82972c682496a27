"""Configuration: ``[tool.iolint]`` in pyproject.toml (or a top-level table in iolint.toml).

Unknown keys and bad values are errors that name the key: a typo in a linter's config must not
silently switch a rule off.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from iolint import clock, loaders, premium
from iolint.errors import IolintError
from iolint.finding import Severity

DEFAULT_INCLUDE = ("*.json", "*.yaml", "*.yml", "*.jsonl", "*.ndjson")
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".iolint_cache",
    "build",
    "dist",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
)
Feature = Literal[tuple(premium.FEATURES)]


class ConfigError(IolintError):
    """A configuration or an option iolint cannot use (exit code 2 on the command line)."""


class PiiSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    allow: list[str] = Field(default_factory=list)
    recognizers: list[str] = Field(default_factory=list)  # "module:attribute" of presidio recognizers


class Suppression(BaseModel):
    """A finding accepted in a file that cannot hold comments (JSON payloads)."""

    model_config = ConfigDict(extra="forbid")

    file: str
    code: str
    reason: str = Field(min_length=3)
    field: str | None = None
    until: date | None = None  # after this day the entry suppresses nothing (IO906)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, alias_generator=lambda s: s.replace("_", "-"))

    plan: Literal["base", "premium"] = "base"
    select: list[str] = Field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    severity: dict[str, Severity] = Field(default_factory=dict)
    rule_packs: list[str] = Field(default_factory=list)
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = Field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = Field(default_factory=list)
    fail_level: Severity = Severity.ERROR
    features: list[Feature] = Field(default_factory=list)
    now: datetime | None = None
    rules: dict[str, dict[str, int | float | str | bool]] = Field(default_factory=dict)
    pii: PiiSettings = Field(default_factory=PiiSettings)
    suppress: list[Suppression] = Field(default_factory=list)
    baseline: str | None = None  # accepted findings (iolint baseline FILE), relative to the config
    cache_dir: str = ".iolint_cache"  # relative to the config's folder

    @field_validator("severity", mode="before")
    @classmethod
    def _severities(cls, value):
        if isinstance(value, dict):
            return {k: Severity.parse(v) if isinstance(v, str) else v for k, v in value.items()}
        return value

    @field_validator("fail_level", mode="before")
    @classmethod
    def _fail_level(cls, value):
        return Severity.parse(value) if isinstance(value, str) else value

    @field_validator("now")
    @classmethod
    def _aware(cls, value):
        if value is None:
            return None
        return clock.placed(value.replace(tzinfo=UTC) if value.tzinfo is None else value)


class Config:
    """Settings plus where they came from; paths in them are relative to the config file."""

    def __init__(self, settings: Settings | None = None, root: Path | None = None, source: Path | None = None):
        self.settings = settings or Settings()
        self.root = root or Path.cwd()
        self.source = source

    def __getattr__(self, name):
        return getattr(self.settings, name)

    def replace(self, source: str = "command line", **changes) -> Config:
        """This configuration with ``changes`` (``None`` changes nothing); an invalid value is a
        ConfigError naming ``source``, where the change came from."""
        data = self.settings.model_dump(by_alias=False)
        data.update({k: v for k, v in changes.items() if v is not None})
        try:
            settings = Settings.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(_explain(exc, source)) from None
        return Config(settings, self.root, self.source)

    @property
    def rule_packs(self) -> tuple[Path, ...]:
        return tuple((self.root / p).resolve() for p in self.settings.rule_packs)

    @property
    def rule_options(self) -> dict:
        return self.settings.rules

    @property
    def excludes(self) -> list[str]:
        return self.settings.exclude + self.settings.extend_exclude


def _explain(exc: ValidationError, source: str) -> str:
    lines = [f"invalid configuration in {source}:"]
    for err in exc.errors(include_url=False):
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        reason = _unknown(err["loc"]) if err["type"] == "extra_forbidden" else err["msg"]
        lines.append(f"  {key}: {reason}")
    return "\n".join(lines)


def _unknown(loc: tuple) -> str:
    """The reason given for an unknown key, with the key meant when one of its table's keys is close."""
    from difflib import get_close_matches

    from iolint.message import model_args

    model = Settings
    for part in loc[:-1]:  # down to the table the key is in (a list's index stays in its table)
        if isinstance(part, int):
            continue
        field = next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)
        models = model_args(field.annotation) if field else []
        if not models:
            return "unknown key"
        model = models[0]
    keys = [f.alias or name for name, f in model.model_fields.items()]
    close = get_close_matches(str(loc[-1]).replace("_", "-"), keys, n=1, cutoff=0.6)
    return f"unknown key (did you mean `{close[0]}`?)" if close else "unknown key"


def parse(data: dict, source: str, root: Path, path: Path | None = None) -> Config:
    try:
        return Config(Settings.model_validate(data), root, path)
    except ValidationError as exc:
        raise ConfigError(_explain(exc, source)) from None


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.iolint] table, or iolint.toml, upwards from start."""
    start = start.resolve()
    for folder in (start, *start.parents):
        own = folder / "iolint.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "iolint" in _read_toml(project).get("tool", {}):
            return project
    return None


def _read_toml(path: Path) -> dict:
    text = loaders.read_text(path)  # a regular file, within the size limit, UTF-8
    if isinstance(text, loaders.Problem):
        raise ConfigError(f"cannot read {path}: {loaders.reason(text)}")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML in {path}: {exc}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise ConfigError(f"invalid TOML in {path}: nested too deeply") from None


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """The config at ``path``, or the one found upwards from ``start`` (default: cwd)."""
    path = path or find_config(start or Path.cwd())
    if path is None:
        return Config(root=(start or Path.cwd()).resolve())
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("iolint", {})
    return parse(data, str(path), path.parent.resolve(), path)
