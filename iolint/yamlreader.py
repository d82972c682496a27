"""Reading YAML payload files safely: PyYAML's SafeLoader with timestamps left as written, nesting
bounded (``loaders.MAX_DEPTH``) and aliases that expand past ``loaders.MAX_YAML_NODES`` values
refused; a payload's node tree is kept so findings can point into it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import yaml

from iolint import loaders, repeated
from iolint.loaders import Problem, ProblemKind
from iolint.positions import YAML_BREAKS, Item, Lines, locate_yaml


class _TooDeep(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as the strings the author wrote, as JSON would send them,
    and refuses nesting deeper than ``loaders.MAX_DEPTH`` (counted on the parsed structure, so brackets
    in strings are text, and block nesting counts too)."""

    _depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > loaders.MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise _TooDeep(problem=f"nesting deeper than {loaders.MAX_DEPTH} levels", problem_mark=mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # breaks recursive aliases
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(n, memo) for n in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[key] = size
    return size


def compose(text: str) -> yaml.Node | None:
    """The node tree of a one-document YAML text (for files that are no payloads), depth-limited."""
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load_yaml(text: str) -> Iterator[Item | Problem]:
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:  # the reader refuses control characters before parsing
        yield Problem(ProblemKind.SYNTAX, f"invalid YAML: {exc}".split("\n")[0], *_reader_position(exc, text))
        return
    try:
        while loader.check_node():
            node = loader.get_node()
            if _expanded_size(node, {}) > loaders.MAX_YAML_NODES:
                yield Problem(
                    ProblemKind.TOO_LARGE,
                    f"the YAML expands to more than {loaders.MAX_YAML_NODES:,} values (aliases?)",
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                )
                continue
            twice = repeated.in_yaml(node)  # before constructing, which folds merge keys into the mappings
            try:
                data = loader.construct_document(node)
            except (yaml.constructor.ConstructorError, ValueError, TypeError, RecursionError) as exc:
                yield _construct_problem(exc, node)  # the next documents are still read
                continue
            if isinstance(data, list) and isinstance(node, yaml.SequenceNode):
                notes = loaders.repeated_notes(twice, in_list=True)
                for index, entry in enumerate(data):
                    line, _ = locate_yaml(node, (index,))
                    yield Item(_jsonable(entry), line, yaml_node=node, prefix=(index,), notes=notes.get(index, ()))
            else:
                notes = loaders.repeated_notes(twice, in_list=False).get(None, ())
                yield Item(_jsonable(data), node.start_mark.line + 1, yaml_node=node, notes=notes)
    except _TooDeep as exc:
        yield Problem(ProblemKind.SYNTAX, exc.problem, exc.problem_mark.line + 1, exc.problem_mark.column + 1)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (None, None)
        yield Problem(ProblemKind.SYNTAX, f"invalid YAML: {exc.problem or exc.context}", *where)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as exc:
        yield Problem(ProblemKind.SYNTAX, f"invalid YAML: {exc}", 1, 1)
    finally:
        loader.dispose()


def _construct_problem(exc: Exception, node: yaml.Node) -> Problem:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark:
        mark = exc.problem_mark
        return Problem(
            ProblemKind.SYNTAX, f"invalid YAML: {exc.problem or exc.context}", mark.line + 1, mark.column + 1
        )
    limit = sys.get_int_max_str_digits()
    long = _find_scalar(node, lambda n: limit and sum(c.isdigit() for c in n.value) > limit)
    if isinstance(exc, ValueError) and long is not None:
        message, mark = f"invalid YAML: a number with more than {limit:,} digits", long.start_mark
    else:
        message, mark = f"invalid YAML: {type(exc).__name__}: {exc}", node.start_mark
    return Problem(ProblemKind.SYNTAX, message, mark.line + 1, mark.column + 1)


def _find_scalar(node: yaml.Node, test) -> yaml.ScalarNode | None:
    """The first plain scalar under ``node`` that passes ``test`` (aliases visited once)."""
    stack, seen = [node], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if not node.style and test(node):
                return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
    return None


def _reader_position(exc: yaml.YAMLError, text: str) -> tuple[int, int]:
    position = getattr(exc, "position", None)
    if not isinstance(position, int):
        return 1, 1
    return Lines(text, YAML_BREAKS).position(position)


def _jsonable(data: object) -> object:
    """Keys as strings, as JSON would send them (YAML allows `1:` or `yes:` as keys)."""
    if isinstance(data, dict):
        return {k if isinstance(k, str) else str(k): _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    return data
