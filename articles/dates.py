"""Find an article's publication date without ever inventing one.

Candidates come from explicit patterns that carry a day, a month and a year. dateutil is
used only as a strict, non-fuzzy fallback for whole date lines, and only when parsing with
two different defaults gives the same day: fuzzy parsing fills missing parts from today.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as dateutil_parser

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8,
    "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))


def _month(tag: str) -> str:
    return rf"(?P<month{tag}>{_MONTH_NAMES})\.?"


def _day(tag: str) -> str:
    return rf"(?P<day{tag}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year(tag: str) -> str:
    return rf"(?P<year{tag}>(?:1[89]|2[01])\d\d)(?![\d])"


_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+"
_MONTH_FIRST = rf"{_month('a')}\s+{_day('a')},?\s+{_year('a')}"
_DAY_FIRST = rf"{_day('b')}(?:\s+of)?[\s-]+{_month('b')},?[\s-]+{_year('b')}"
_ISO = r"(?P<yearc>(?:1[89]|2[01])\d\d)-(?P<monthc>[01]\d)-(?P<dayc>[0-3]\d)(?![\d])"
_SLASHED_YMD = r"(?P<yeard>(?:1[89]|2[01])\d\d)/(?P<monthd>[01]?\d)/(?P<dayd>[0-3]?\d)(?![\d])"
_NUMERIC_DMY = r"(?P<na>[0-3]?\d)[/.](?P<nb>[0-3]?\d)[/.](?P<nyear>(?:1[89]|2[01])\d\d)(?![\d])"

_TEXT_DATE = re.compile(
    rf"(?<![\w/-])(?:{_MONTH_FIRST})|(?<![\w/.-])(?:{_DAY_FIRST})|(?<![\w/.-]){_ISO}",
    re.IGNORECASE,
)
_TIME = r"(?:at\s+)?\d{1,3}(?:[:.]\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"
_ZONE = r"(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z|UTC[+-]\d{1,2})"
_TIME_PART = rf"(?:{_TIME})(?:\s*{_ZONE})?"
_PREFIX = r"(?:(?:last\s+)?(?:updated|published|posted|modified|date|dated)(?:\s+on)?\s*:?\s*)"
_ANY_DATE = (
    rf"(?:{_MONTH_FIRST}|{_DAY_FIRST}|{_ISO}(?:T\d\d:\d\d(?::\d\d)?(?:\.\d+)?{_ZONE}?)?|{_SLASHED_YMD}|{_NUMERIC_DMY})"
)
_DATE_LINE = re.compile(
    rf"^{_PREFIX}?(?:{_TIME_PART}\s*,?\s*)?(?:{_WEEKDAY})?{_ANY_DATE}"
    rf"(?:\s*(?:,|-|–|—|\|)?\s*{_TIME_PART})?\.?$",
    re.IGNORECASE,
)
_LINE_SEPARATORS = re.compile(r"\s+[|•·]\s+")
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d|[a-z]{3,9})[/-](?P<day>[0-3]?\d)(?=[/_.-]|$)"
    r"|(?<=[-_/.])(?P<cyear>(?:19|20)\d\d)(?P<cmonth>[01]\d)(?P<cday>[0-3]\d)(?=[-_/.]|$)",
    re.IGNORECASE,
)
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_WEEKDAY_NAME = r"(?P<weekday>mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday|\.)?"
# 'on Saturday (August 24, 2024)', 'Tuesday, March 3, 2020', 'Tue 24 Nov 2015': the day a story
# happens, said with its weekday. A birthday or an anniversary is written without one.
_WEEKDAY_DATE = re.compile(
    rf"(?<![\w-]){_WEEKDAY_NAME}(?:,|\s)\s*\(?\s*(?:the\s+)?(?:{_MONTH_FIRST}|{_DAY_FIRST})",
    re.IGNORECASE,
)
# 'BRUSSELS, March 27, 1987 -': a wire dateline that carries its year.
_DATELINE_WITH_YEAR = re.compile(
    rf"^[A-Z][A-Za-z .'/-]{{1,40}},\s+(?:{_MONTH_FIRST}|{_DAY_FIRST})\s*(?:\(|-|—|–|:)", re.IGNORECASE
)
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
_MAX_LINE = 80


def date_from_line(line: str) -> dt.date | None:
    """The date a line holds when the whole line is a date or timestamp, else None."""
    text = line.strip().strip("*_").strip()
    if not text or len(text) > _MAX_LINE:
        return None
    for part in _LINE_SEPARATORS.split(text):
        found = _date_from_match(_DATE_LINE.match(part.strip()))
        if found is None:
            found = _strict_dateutil(part.strip())
        if found is not None:
            return found
    return None


def presented_date(text: str) -> dt.date | None:
    """A date that running text presents as the day of the story: in a dateline with its year
    ('OSLO, March 27, 1987 -') or with the weekday it fell on ('on Saturday (August 24, 2024)').
    Any other date in a text (a birthday, an anniversary, a deadline) is not the story's."""
    found = _date_from_match(_DATELINE_WITH_YEAR.match(text))
    if found is not None:
        return found
    for match in _WEEKDAY_DATE.finditer(text):
        found = _date_from_match(match)
        if found is not None and found.weekday() == _WEEKDAYS[match.group("weekday")[:3].lower()]:
            return found
    return None


def date_from_url(url: str) -> dt.date | None:
    """A date written in a URL's path: /2020/02/18/, /2023-03-23/, /2015/nov/24/, -20230325-."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for match in _URL_DATE.finditer(path):
        groups = match.groupdict()
        if groups["year"]:
            found = _make_date(groups["year"], groups["month"], groups["day"])
        else:
            found = _make_date(groups["cyear"], groups["cmonth"], groups["cday"])
        if found is not None:
            return found
    return None


def _date_from_match(match: re.Match[str] | None) -> dt.date | None:
    if match is None:
        return None
    groups = match.groupdict()
    for tag in "abcd":
        if groups.get(f"year{tag}"):
            return _make_date(groups[f"year{tag}"], groups[f"month{tag}"], groups[f"day{tag}"])
    if groups.get("nyear"):
        return _unambiguous_numeric(groups["na"], groups["nb"], groups["nyear"])
    return None


def _unambiguous_numeric(first: str, second: str, year: str) -> dt.date | None:
    a, b = int(first), int(second)
    if a > 12 >= b:
        return _make_date(year, b, a)
    if b > 12 >= a or a == b:
        return _make_date(year, a, b)
    return None


def _make_date(year: str | int, month: str | int, day: str | int) -> dt.date | None:
    try:
        month_number = int(month) if str(month).isdigit() else _MONTHS.get(str(month).lower().rstrip("."), 0)
        found = dt.date(int(year), month_number, int(day))
    except (ValueError, OverflowError):
        return None
    return found if _plausible(found) else None


def _plausible(found: dt.date) -> bool:
    return dt.date(1800, 1, 1) <= found <= dt.date.today() + dt.timedelta(days=366)


_DEFAULTS = (dt.datetime(1904, 1, 1), dt.datetime(1908, 2, 2))


def _strict_dateutil(text: str) -> dt.date | None:
    """Non-fuzzy dateutil parse that rejects any part filled in from a default."""
    if not _HAS_YEAR.search(text) or not re.search(r"[a-z]{3}|\d[/.-]\d", text, re.IGNORECASE):
        return None
    results = set()
    for default in _DEFAULTS:
        for dayfirst in (False, True):
            try:
                parsed = dateutil_parser.parse(text, default=default, dayfirst=dayfirst, ignoretz=True, fuzzy=False)
            except (ValueError, OverflowError, TypeError, ArithmeticError):
                return None
            results.add(parsed.date())
    if len(results) != 1:
        return None
    found = results.pop()
    return found if _plausible(found) else None
