"""The filters and tests a template may use: Jinja's own, guarded by the render's limits, and
IO's (``euro``, ``data``, ``ora``, ``fine_giornata``), which write money and dates as the citizen
reads them (Rome time)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from datetime import time as clock

from jinja2.filters import FILTERS, make_attrgetter
from jinja2.tests import TESTS

from iolint.clock import ROME, day_text
from iolint.money import format_euro
from iolint.templates import limits
from iolint.templates.limits import RenderLimit, built, check_percent, check_size, check_width, measure, spend


def _euro(cents) -> str:
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"euro: expects an integer number of cents, not {str(cents)[:40]!r}")
    return format_euro(cents)


def _moment(value) -> datetime | date:
    if isinstance(value, (datetime, date)):
        return value
    text = str(value)
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))  # naive stays naive: not clock.moment
    except ValueError:
        raise ValueError(f"not an ISO date such as 2031-07-31: {text[:40]!r}") from None
    return moment.astimezone(ROME) if moment.tzinfo else moment


def _data(value) -> str:
    """An ISO date or date-time as the citizen reads it: 31/07/2031 (Rome time)."""
    return day_text(_moment(value))


def _ora(value) -> str:
    """The time of an ISO date-time, Rome time: 09:30."""
    moment = _moment(value)
    if not isinstance(moment, datetime):
        raise ValueError(f"ora: {str(value)[:40]!r} has no time")
    return f"{moment:%H:%M}"


def _fine_giornata(value) -> str:
    """The end of a day in Rome (23:59:59), as the UTC timestamp ``due_date`` wants."""
    moment = _moment(value)
    day = moment.date() if isinstance(moment, datetime) else moment
    end = datetime.combine(day, clock(23, 59, 59), ROME).astimezone(UTC)
    return end.isoformat().replace("+00:00", "Z")  # strftime's %Y does not pad a year before 1000


def _format(value, *args, **kwargs) -> str:
    check_percent(str(value))
    return FILTERS["format"](value, *args, **kwargs)


def _attr(environment, obj, name):
    if str(name).startswith("_"):
        environment.unsafe_undefined(obj, str(name))
    return FILTERS["attr"](environment, obj, name)


_attr.jinja_pass_arg = FILTERS["attr"].jinja_pass_arg  # type: ignore[attr-defined]


def _center(value, width=80):
    check_width(width)
    return FILTERS["center"](value, width)


def _indent(value, width=4, *args, **kwargs):
    size = width if isinstance(width, int) else len(str(width))
    check_width(size)
    text = str(value)
    spend().text(len(text) + (text.count("\n") + 1) * max(size, 0))
    return FILTERS["indent"](value, width, *args, **kwargs)


def _batch(value, linecount, fill_with=None):
    check_width(linecount)
    return FILTERS["batch"](value, linecount, fill_with)


def _slice(value, slices, fill_with=None):
    check_width(slices)
    return FILTERS["slice"](value, slices, fill_with)


def _replace(eval_ctx, value, old, new, count=None):
    text, old, new = str(value), str(old), str(new)
    times = text.count(old) if old else len(text) + 1
    spend().text(len(text) + times * max(0, len(new) - len(old)))
    return FILTERS["replace"](eval_ctx, value, old, new, count)


def _join(eval_ctx, value, d="", attribute=None):
    items = list(value)
    check_size(items, d)
    spend().text(sum(len(str(i)) for i in items) + len(str(d)) * max(0, len(items) - 1))
    return FILTERS["join"](eval_ctx, items, d, attribute)


def _sum(environment, iterable, attribute=None, start=0):
    """Jinja's ``sum``; lists are joined in one pass (Python's sum of lists copies quadratically)."""
    items = list(iterable)
    if attribute is not None:
        items = list(map(make_attrgetter(environment, attribute), items))
    if isinstance(start, list | tuple) and all(isinstance(i, list | tuple) for i in items):
        check_size(start, items)
        joined = [x for part in (start, *items) for x in part]
        return built(joined if isinstance(start, list) else tuple(joined))
    return sum(items, start)


_replace.jinja_pass_arg = FILTERS["replace"].jinja_pass_arg  # type: ignore[attr-defined]
_join.jinja_pass_arg = FILTERS["join"].jinja_pass_arg  # type: ignore[attr-defined]
_sum.jinja_pass_arg = FILTERS["sum"].jinja_pass_arg  # type: ignore[attr-defined]


def _guarded(fn):
    """A filter or test that counts as a step, measures what it receives and charges what it builds."""
    passes = getattr(fn, "jinja_pass_arg", None)

    def run(*args, **kwargs):
        spend().step()
        check_size(args[1:] if passes else args, kwargs)
        return built(fn(*args, **kwargs))

    if passes is not None:
        run.jinja_pass_arg = passes  # type: ignore[attr-defined]
    run.__name__ = getattr(fn, "__name__", "filter")
    return run


def finalize(value):
    """What ``{{ }}`` prints is measured before it becomes text."""
    if measure(value, limits.MAX_TEXT) > limits.MAX_TEXT:
        raise RenderLimit(f"printing a value of more than {limits.MAX_TEXT:,} characters or items")
    return value


# Builtin filters that cannot grow text without bound, plus guarded versions of those that can.
_PLAIN_FILTERS = (
    "abs capitalize count d default dictsort e escape filesizeformat first float "
    "forceescape groupby int items last length list lower map max min pprint reject rejectattr "
    "reverse round safe select selectattr sort string striptags title tojson trim truncate "
    "unique upper urlencode urlize wordcount wordwrap xmlattr"
).split()
FILTERS_ALLOWED = {
    name: _guarded(fn)
    for name, fn in {
        **{name: FILTERS[name] for name in _PLAIN_FILTERS},
        "attr": _attr,
        "format": _format,
        "center": _center,
        "indent": _indent,
        "batch": _batch,
        "slice": _slice,
        "replace": _replace,
        "join": _join,
        "sum": _sum,
        "euro": _euro,
        "data": _data,
        "ora": _ora,
        "fine_giornata": _fine_giornata,
    }.items()
}
TESTS_ALLOWED = {name: _guarded(fn) for name, fn in TESTS.items()}
