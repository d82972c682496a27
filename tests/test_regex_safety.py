"""No catastrophic regexes: every compiled pattern in iolint runs in linear-ish time on 100 KB adversarial inputs.

The bound is loose (seconds, where a linear scan takes milliseconds): it catches quadratic and
exponential backtracking, not slowness.
"""

from __future__ import annotations

import importlib
import re
import signal
import time
from pathlib import Path

import pytest
import regex

import iolint
from tests.strategies import NOW

LIMIT = 2.0  # seconds per pattern per input
N = 100_000
PATTERN_TYPES = (re.Pattern, regex.Pattern)

_UNITS = "aA10 \t\n.,-_@/'\"éÀ€~#[]<>{}%*|\\+:;()!?&=\u00a0"
_RUNS = [
    "a!",
    "1a",
    "Via ",
    "a@",
    "a.",
    "1.",
    "1,",
    "1 ",
    "a ",
    "A ",
    "Aa ",
    "ab1",
    "{{ ",
    "{% ",
    "{# ",
    "~a",
    "IT60",
    "+39 3",
    "sig. ",
    "Mario ",
    "€ 1",
    "--- \n",
    "a-",
    "1/",
    "RSSMRA",
    "via piazza viale ",
    "Gentile Sig. ",
    "nato il 1/1/",
    "http://a",
    "[a](",
    "<a ",
    "a\n\n",
    "A-",
    "1-",
    "a'",
    "e ",
    "aL",
    "gentile ",
    "La ",
    "d'",
    "pago ",
    "s.p.",
    "<!--",
    "<br",
    "[^",
    "[^a",
    "\r",
]
ADVERSARIAL = {
    **{f"{unit!r}*N": unit * N for unit in _UNITS},
    **{f"{run!r}*N": (run * (N // len(run)))[:N] for run in _RUNS},
    "'a'*N+'!'": "a" * N + "!",
    "'1'*N+'a'": "1" * N + "a",
    "'A'*N+'@'": "A" * N + "@",
    "'Comune '+'di '*N+'x'": ("Comune " + "di " * (N // 3))[:N] + "x",
    "'Comune di '+'Milano '*N+'x'": ("Comune di " + "Milano " * (N // 7))[:N] + "x",
    "'~'+'a '*N": "~" + "a " * (N // 2),
}


def _modules():
    root = Path(iolint.__file__).parent
    for file in sorted(root.rglob("*.py")):
        name = ".".join(file.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__")
        if not name.endswith("__main__"):  # running it would run the CLI
            yield importlib.import_module(name)


def _patterns_in(value, depth=0):
    if isinstance(value, PATTERN_TYPES):
        yield value
    elif depth < 3 and isinstance(value, dict | list | tuple | set | frozenset):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _patterns_in(item, depth + 1)


def _anchored(source: str, attr: str) -> bool:
    """Whether the source only ever calls ``attr.match`` or ``attr.fullmatch`` (never a search)."""
    uses = set(re.findall(rf"\b{re.escape(attr)}\.(\w+)\(", source))
    return bool(uses) and uses <= {"match", "fullmatch"}


def collect() -> dict[str, tuple[re.Pattern | regex.Pattern, bool]]:
    """(pattern, anchored) for module-level patterns, also inside containers and classes, by name."""
    found, seen = {}, set()
    for module in _modules():
        source = Path(module.__file__).read_text("utf-8")
        owners = [(module.__name__, vars(module))]
        owners += [
            (f"{module.__name__}.{name}", vars(cls))
            for name, cls in vars(module).items()
            if isinstance(cls, type) and cls.__module__ == module.__name__
        ]
        for owner, namespace in owners:
            for attr, value in namespace.items():
                for i, pattern in enumerate(_patterns_in(value)):
                    if id(pattern) not in seen:
                        seen.add(id(pattern))
                        found[f"{owner}.{attr}" + (f"[{i}]" if i else "")] = (pattern, _anchored(source, attr))
    return found


PATTERNS = collect()


def _timeout(signum, frame):
    raise TimeoutError


def _exercise(pattern, text: str, anchored: bool, **timeout) -> None:
    if anchored:  # a search would retry at every offset, which the code never does
        pattern.match(text, **timeout)
        pattern.fullmatch(text, **timeout)
    else:
        pattern.search(text, **timeout)
        for _ in pattern.finditer(text, **timeout):
            pass


def run_bounded(pattern, text: str, anchored: bool) -> float:
    """Seconds the pattern takes on text, as the code uses it; inf when cut short at LIMIT."""
    start = time.perf_counter()
    if isinstance(pattern, regex.Pattern):  # the regex module ignores signals while matching
        try:
            _exercise(pattern, text, anchored, timeout=LIMIT)
        except TimeoutError:
            return float("inf")
        return time.perf_counter() - start
    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.setitimer(signal.ITIMER_REAL, LIMIT)
    try:
        _exercise(pattern, text, anchored)
    except TimeoutError:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start


def test_patterns_were_found():
    assert len(PATTERNS) >= 10, sorted(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_not_catastrophic(name):
    pattern, anchored = PATTERNS[name]
    slow = {label: t for label, text in ADVERSARIAL.items() if (t := run_bounded(pattern, text, anchored)) >= LIMIT}
    assert not slow, f"{name} = {pattern.pattern!r} takes >= {LIMIT}s on {slow}"


LINT_LIMIT = 10.0  # seconds for one lint of a payload with a 100 KB title and body


@pytest.mark.parametrize("label", sorted(ADVERSARIAL))
def test_lint_adversarial_text_is_bounded(label):
    text = ADVERSARIAL[label]
    payload = {"fiscal_code": "RSSMRA85T10A562S", "content": {"subject": text, "markdown": text}}
    start = time.perf_counter()
    iolint.lint(payload, now=NOW)
    assert time.perf_counter() - start < LINT_LIMIT
