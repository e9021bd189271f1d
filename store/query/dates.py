"""Date values of the query language: 2020, 2020-02, 2020-02-18, ranges with '..' and
relative phrases such as 'last week', 'yesterday' or '3 days ago'."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from store.errors import QueryError

_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_AGO = re.compile(r"^(\d{1,4})\s*(day|week|month|year)s?\s+ago$")
_UNITS = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1), "year": relativedelta(years=1)}  # fmt: skip


def date_range(value: str, today: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date value covers; a range 'a..b' may leave either end open."""
    today = today or dt.date.today()
    text = " ".join(value.strip().lower().split())
    if ".." in text:
        left, _, right = text.partition("..")
        start = _span(left.strip(), today)[0] if left.strip() else None
        end = _span(right.strip(), today)[1] if right.strip() else None
        if start is None and end is None:
            raise QueryError("date:.. needs a date on at least one side of '..'")
        if start and end and start > end:
            raise QueryError(f"date:{value} starts after it ends")
        return start, end
    return _span(text, today)


def _span(text: str, today: dt.date) -> tuple[dt.date, dt.date]:
    absolute = _ABSOLUTE.match(text)
    if absolute:
        return _absolute(text, *absolute.groups())
    relative = _relative(text, today)
    if relative is None:
        raise QueryError(
            f"date:{text} is not a date: use 2020, 2020-02, 2020-02-18, a range 2019..2020-02, "
            "or 'today', 'yesterday', 'last week', '3 days ago'"
        )
    return relative


def _absolute(text: str, year: str, month: str | None, day: str | None) -> tuple[dt.date, dt.date]:
    try:
        if month is None:
            return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
        first = dt.date(int(year), int(month), 1)
        if day is None:
            return first, first + relativedelta(months=1, days=-1)
        exact = dt.date(int(year), int(month), int(day))
        return exact, exact
    except ValueError as error:
        raise QueryError(f"date:{text} is not a real date ({error})") from None


def _relative(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    week_start = today - dt.timedelta(days=today.weekday())
    month_start = today.replace(day=1)
    named = {
        "today": (today, today),
        "yesterday": (today - dt.timedelta(days=1), today - dt.timedelta(days=1)),
        "this week": (week_start, week_start + dt.timedelta(days=6)),
        "last week": (week_start - dt.timedelta(days=7), week_start - dt.timedelta(days=1)),
        "this month": (month_start, month_start + relativedelta(months=1, days=-1)),
        "last month": (month_start - relativedelta(months=1), month_start - dt.timedelta(days=1)),
        "this year": (dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
        "last year": (dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)),
    }
    if text in named:
        return named[text]
    ago = _AGO.match(text)
    if ago:
        try:
            day = today - _UNITS[ago.group(2)] * int(ago.group(1))
        except (ValueError, OverflowError):
            raise QueryError(f"date:{text} is before the year 1, the first the calendar has") from None
        return day, day
    return None
