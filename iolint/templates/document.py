"""The ``*.io.yaml`` file: one message template, its variables, and where everything sits in it.

The format is documented in the README, section "Templates". Problems with the file's shape are
collected here as ``(field, message)`` pairs; the checks turn them into findings.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import yaml

from iolint import loaders, positions, yamlreader
from iolint.premium import FEATURES

# Keys that become payload fields: their string values are Jinja, rendered for every variant.
CONTENT_FIELDS = ("subject", "markdown", "due_date", "payment_data", "third_party_data", "require_secure_channels")
TOP_FIELDS = ("feature_level_type",)
TEMPLATE_KEYS = frozenset({*CONTENT_FIELDS, *TOP_FIELDS, "features", "variables", "description"})
VARIABLE_KEYS = frozenset({"sample", "samples", "description", "type", "default"})
TYPES = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "date": (str,),
    "list": (list,),
    "object": (dict,),
}
IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_NOT_SENT = {
    "fiscal_code": "the recipient's fiscal code is added when the message is sent, not in the template",
    "content": "write `subject`, `markdown` and the payload fields at the top level of a template",
}


@dataclass(frozen=True)
class Variable:
    name: str
    sample: object
    samples: tuple = ()
    description: str = ""
    type: str | None = None
    default: object = None
    has_default: bool = False


@dataclass
class Document:
    text: str
    data: dict
    root: yaml.MappingNode
    variables: dict[str, Variable] = field(default_factory=dict)
    declared: frozenset[str] = frozenset()  # every name under `variables`, valid or not
    features: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)  # dotted field path -> Jinja source
    structure: list[tuple[str | None, str]] = field(default_factory=list)  # IO702
    unknown_keys: list[tuple[str, str]] = field(default_factory=list)  # IO703
    bad_variables: list[tuple[str, str]] = field(default_factory=list)  # IO704
    repeated: tuple[loaders.Problem, ...] = ()  # keys written twice (IO005)
    _lines: list[str] | None = None

    # -- positions ---------------------------------------------------------------------------

    def node(self, path: str | None, *, key: bool = False) -> yaml.Node:
        """The value node at a dotted path (its key node with ``key``), or its nearest ancestor."""
        node: yaml.Node = self.root
        parts = path.split(".") if path else []
        for i, part in enumerate(parts):
            found = None
            if isinstance(node, yaml.MappingNode):
                found = positions.yaml_members(node).get(part)
            elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
                found = (node.value[int(part)], node.value[int(part)])
            if found is None:
                return node
            if key and i == len(parts) - 1:
                return found[0]
            node = found[1]
        return node

    def position(self, path: str | None, offset: int | None = None, *, key: bool = False) -> tuple[int, int]:
        """(line, column) in the file of a field, or of ``offset`` inside its string value."""
        node = self.node(path, key=key)
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if offset is None or not isinstance(node, yaml.ScalarNode) or path not in self.sources:
            return line, column
        value = node.value
        offset = max(0, min(offset, len(value)))
        found = positions.scalar_position(node, offset)
        if found:
            return found
        if node.style in ("|", ">"):  # a block the replay could not follow: its first line
            return line + 1, self._indent(line) + 1
        if node.start_mark.line == node.end_mark.line:
            return line, column + (1 if node.style in ("'", '"') else 0) + offset
        return line, column

    def _indent(self, indicator_line: int) -> int:
        """Indentation of a block scalar: that of its first non-blank content line."""
        if self._lines is None:
            self._lines = positions.YAML_BREAKS.split(self.text)
        for text in self._lines[indicator_line:]:
            if text.strip():
                return len(text) - len(text.lstrip(" "))
        return 0


def parse(text: str) -> Document | list[loaders.Problem]:
    """The template in ``text``, or the problems that keep it from being read."""
    items = list(yamlreader.load_yaml(text))
    problems = [i for i in items if isinstance(i, loaders.Problem)]
    if problems:
        return [_hint(p) for p in problems]
    if len(items) != 1 or not isinstance(items[0].data, dict):
        if not items:
            why = "the template file is empty"
        elif len(items) > 1:
            why = "a template file holds one YAML document, not several"
        else:
            why = "a template file is a YAML mapping (subject, markdown, variables, ...)"
        return [loaders.Problem(loaders.ProblemKind.SYNTAX, why, 1, 1)]
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    doc = Document(text=text, data=items[0].data, root=root, repeated=items[0].notes)
    _read_keys(doc)
    _read_features(doc)
    _read_variables(doc)
    return doc


def _hint(problem: loaders.Problem) -> loaders.Problem:
    if problem.kind is loaders.ProblemKind.SYNTAX and "unhashable" in problem.message:
        message = problem.message + ' (quote Jinja expressions in YAML: amount: "{{ importo }}")'
        return loaders.Problem(problem.kind, message, problem.line, problem.column)
    return problem


def _read_keys(doc: Document) -> None:
    for key, value in doc.data.items():
        if key not in TEMPLATE_KEYS:
            hint = _NOT_SENT.get(key)
            if hint is None:
                close = difflib.get_close_matches(key, sorted(TEMPLATE_KEYS), n=1, cutoff=0.75)
                hint = f"did you mean `{close[0]}`?" if close else "it is not part of a template"
            doc.unknown_keys.append((key, f"`{key}` is not a template key: {hint}"))
        elif key in CONTENT_FIELDS or key in TOP_FIELDS:
            _collect_sources(doc, key, value)
    if "description" in doc.data and not isinstance(doc.data["description"], str):
        doc.structure.append(("description", "`description` must be text"))


def _collect_sources(doc: Document, path: str, value: object) -> None:
    if isinstance(value, str):
        doc.sources[path] = value
    elif isinstance(value, dict):
        for key, inner in value.items():
            _collect_sources(doc, f"{path}.{key}", inner)


def _read_features(doc: Document) -> None:
    features = doc.data.get("features", [])
    if not isinstance(features, list):
        doc.structure.append(("features", "`features` must be a list, e.g. [reminder-payment]"))
        return
    known = []
    for i, name in enumerate(features):
        if name in FEATURES:
            known.append(name)
        else:
            doc.structure.append((f"features.{i}", f"unknown feature {name!r}: use {', '.join(FEATURES)}"))
    doc.features = tuple(known)


def _read_variables(doc: Document) -> None:
    declared = doc.data.get("variables", {})
    if declared is None:
        return
    if not isinstance(declared, dict):
        doc.structure.append(("variables", "`variables` must be a mapping of names to {sample: ...}"))
        return
    doc.declared = frozenset(map(str, declared))
    for name, spec in declared.items():
        problem = _variable_problem(name, spec)
        if problem:
            doc.bad_variables.append((f"variables.{name}", f"variable `{name}`: {problem}"))
            continue
        doc.variables[name] = Variable(
            name=name,
            sample=spec["sample"],
            samples=tuple(spec.get("samples") or ()),
            description=str(spec.get("description") or ""),
            type=spec.get("type"),
            default=spec.get("default"),
            has_default="default" in spec,
        )


def _variable_problem(name: str, spec: object) -> str | None:
    if not IDENTIFIER.match(name):
        return "a name is letters, digits and underscores, starting with a letter"
    if not isinstance(spec, dict):
        return "declare it as a mapping with a `sample` value, e.g. {sample: 12350}"
    unknown = set(spec) - VARIABLE_KEYS
    if unknown:
        return f"unknown keys {', '.join(sorted(unknown))} (use {', '.join(sorted(VARIABLE_KEYS))})"
    if "sample" not in spec:
        return "it has no `sample` value to render the template with"
    samples = spec.get("samples", [])
    if not isinstance(samples, list):
        return "`samples` must be a list of alternative values"
    kind = spec.get("type")
    if kind is None:
        return None
    if kind not in TYPES:
        return f"unknown type {kind!r}: use {', '.join(TYPES)}"
    values = [("sample", spec["sample"])] + [(f"samples #{i}", v) for i, v in enumerate(samples, 1)]
    if "default" in spec and spec["default"] is not None:
        values.append(("default", spec["default"]))
    for label, value in values:
        problem = type_problem(kind, value)
        if problem:
            return f"{label} {problem}"
    return None


def type_problem(kind: str | None, value: object) -> str | None:
    """Why ``value`` does not fit the declared ``kind``, or None."""
    if kind is None or value is None or kind not in TYPES:
        return None
    expected = TYPES[kind]
    if isinstance(value, bool) and bool not in expected:
        return f"is true/false, not of type {kind}"
    if not isinstance(value, expected):
        return f"is not of type {kind}"
    if kind == "date" and not DATE.match(value):
        return "is not a date written as YYYY-MM-DD"
    return None
