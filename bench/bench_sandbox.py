"""The longest single operations the template sandbox allows: every allowed filter, once, on the
largest input an operation may receive (``MAX_SIZE`` characters or items).

    python bench/bench_sandbox.py

The render's time limit is checked between operations, so these figures are how far past the
limit one operation can run. Each row is the slowest of the inputs tried (text of URLs and words,
one long word, a list of integers, a list of short strings), with and without an argument of 1.
"""

from __future__ import annotations

import time

import common  # noqa: F401 (puts the repository first on sys.path)
from common import table

from iolint.templates import limits, sandbox
from iolint.templates.render import compile_source, run


def main() -> None:
    size = limits.MAX_SIZE
    inputs = {
        "text": "www.a.it x " * (size // 12),
        "one word": "x" * (size - 10),
        "integers": list(range(size // 3)),
        "strings": [str(i % 100) for i in range(size // 4)],
    }
    slowest: dict[str, tuple[float, str, str]] = {}
    for name in sandbox.environment().filters:
        for kind, value in inputs.items():
            for source in ("{{ v|%s }}" % name, "{{ v|%s(1) }}" % name):
                compiled = compile_source(source, mapped=False)
                start = time.perf_counter()
                try:
                    with limits.limits(60.0):
                        run(compiled, {"v": value})
                    outcome = "rendered"
                except Exception as exc:  # a limit, or the filter refusing the input
                    outcome = type(exc).__name__
                took = time.perf_counter() - start
                if took > slowest.get(name, (0.0,))[0]:
                    slowest[name] = (took, f"{kind}, {source[5:-3]}", outcome)
    rows = sorted(((t, name, how, outcome) for name, (t, how, outcome) in slowest.items()), reverse=True)[:10]
    print(table(["seconds", "filter", "input", "outcome"], [[f"{t:.3f}", n, h, o] for t, n, h, o in rows]))


if __name__ == "__main__":
    main()
