"""The shape of a rule pack, as pydantic models: built-in packs (``rules/*.yaml``) and the packs
an ente writes (untrusted YAML) are validated by the same models before a rule is made."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from iolint.finding import Severity

CODE_PATTERN = r"^[A-Z][A-Z0-9]{1,9}[0-9]{3}$"
NAME_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kind = Literal["payload", "template", "batch", "file"]
Plan = Literal["base", "premium"]
OPTION_TYPES = {"integer": int, "number": (int, float), "string": str, "boolean": bool}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OptionSpec(_Strict):
    """A rule's option: its type, default and documentation; ``min``/``max`` bound numbers."""

    type: Literal["integer", "number", "string", "boolean"]
    default: int | float | str | bool
    doc: Text
    min: int | float | None = None
    max: int | float | None = None

    @model_validator(mode="after")
    def _default_fits(self):
        problem = value_problem(self, self.default)
        if problem:
            raise ValueError(f"the default {problem}")
        return self


def value_problem(option: OptionSpec, value: object) -> str | None:
    """Why ``value`` is not one this option takes, or None."""
    expected = OPTION_TYPES[option.type]
    if isinstance(value, bool) != (option.type == "boolean") or not isinstance(value, expected):
        return f"must be of type {option.type}, not {type(value).__name__}"
    if option.min is not None and value < option.min:
        return f"must be at least {option.min}, not {value}"
    if option.max is not None and value > option.max:
        return f"must be at most {option.max}, not {value}"
    return None


class _FieldsCheck(_Strict):
    field: str | None = None
    fields: list[str] | None = None
    message: str | None = None

    @model_validator(mode="after")
    def _has_fields(self):
        if not self.targets():
            raise ValueError("`check` needs `field` or `fields`")
        return self

    def targets(self) -> list[str]:
        return list(self.fields or ([self.field] if self.field else []))


class PatternCheck(_FieldsCheck):
    type: Literal["pattern"]
    regex: str
    must: Literal["match", "not-match"] = "not-match"
    ignore_case: bool = False

    @model_validator(mode="after")
    def _compiles(self):
        import regex

        try:
            regex.compile(self.regex, regex.IGNORECASE if self.ignore_case else 0)
        except regex.error as exc:
            raise ValueError(f"invalid regex: {exc}") from None
        return self


class ForbiddenWordsCheck(_FieldsCheck):
    type: Literal["forbidden-words"]
    words: list[str] = Field(min_length=1)


class RequiredFieldCheck(_FieldsCheck):
    type: Literal["required-field"]
    field: str
    when: str | None = None


class LengthCheck(_FieldsCheck):
    type: Literal["length"]
    min: int | None = None
    max: int | None = None

    @model_validator(mode="after")
    def _bounded(self):
        if self.min is None and self.max is None:
            raise ValueError("`length` needs an integer `min` or `max`")
        return self


DataCheck = Annotated[
    PatternCheck | ForbiddenWordsCheck | RequiredFieldCheck | LengthCheck, Field(discriminator="type")
]


class Expect(_Strict):
    """Where a bad example's finding must point, and how many there are: one of the rule's
    findings points at ``field`` (a dotted path), ``line`` and ``column`` (1-based), those given;
    ``count`` is the exact number of the rule's findings."""

    field: Text | None = None
    line: int | None = Field(default=None, ge=1)
    column: int | None = Field(default=None, ge=1)
    count: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _says_something(self):
        if self.column is not None and self.line is None:
            raise ValueError("`expect.column` needs `expect.line`")
        if self.field is None and self.line is None and self.count is None:
            raise ValueError("`expect` gives at least one of field, line or count")
        return self


class FileExample(_Strict):
    name: str
    text: str | None = None
    bytes: str | None = None  # hexadecimal


class Example(_Strict):
    """A bad or good example: one input (a payload, a batch, a file, a template or a project of
    files), the settings it is checked with, and for a bad one where its finding points."""

    payload: Any = None
    batch: list | None = None
    file: FileExample | None = None
    template: str | None = None
    name: str | None = None  # the template's file name
    project: dict[str, str] | None = None
    note: str | None = None
    plan: Plan | None = None
    now: str | None = None
    features: list[str] | None = None
    options: dict[str, int | float | str | bool] | None = None
    select: list[str] | None = None
    expect: Expect | None = None

    @model_validator(mode="after")
    def _one_input(self):
        given = [k for k in ("payload", "batch", "file", "template", "project") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("an example holds exactly one of payload, batch, file, template or project")
        if self.expect and self.payload is not None and self.expect.line is not None:
            raise ValueError("a payload example has no lines: its `expect` gives `field` and `count`")
        return self


class Examples(_Strict):
    bad: list[Example] = Field(default_factory=list)
    good: list[Example] = Field(default_factory=list)

    @model_validator(mode="after")
    def _expect_on_bad_only(self):
        if any(example.expect for example in self.good):
            raise ValueError("`expect` says where a bad example's finding points: a good example has none")
        return self


class RuleSpec(_Strict):
    code: Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
    name: Annotated[str, StringConstraints(pattern=NAME_PATTERN)]
    severity: Severity
    summary: Text
    what: Text
    why: Text
    fix: Text
    applies_to: list[Kind] | None = None
    plans: list[Plan] = ["base", "premium"]
    aliases: list[str] = Field(default_factory=list)
    examples: Examples = Field(default_factory=Examples)
    check: DataCheck | None = None
    options: dict[Annotated[str, StringConstraints(pattern=NAME_PATTERN)], OptionSpec] = Field(default_factory=dict)

    @field_validator("severity", mode="before")
    @classmethod
    def _severity(cls, value):
        return Severity.parse(value) if isinstance(value, str) else value


class PackSpec(_Strict):
    family: str | None = None
    rules: list[Any]
    definitions: Any = None  # YAML anchors the rules refer to
