"""Dates come from what the file says, in any common format, and are never invented."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.dates import date_from_line, date_from_url, presented_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("February 18, 2020", dt.date(2020, 2, 18)),
        ("09 April, 2019", dt.date(2019, 4, 9)),
        ("Thursday, March 23, 2023", dt.date(2023, 3, 23)),
        ("Mar 23, 2023", dt.date(2023, 3, 23)),
        ("Sept. 5th, 2021", dt.date(2021, 9, 5)),
        ("2023-03-24 03:52 GMT", dt.date(2023, 3, 24)),
        ("2023-03-23T23:41:59Z", dt.date(2023, 3, 23)),
        ("Tue Dec 30, 2014 9:21am IST", dt.date(2014, 12, 30)),
        ("November 2, 2023 3:53 PM EDT", dt.date(2023, 11, 2)),
        ("27-MAR-1987 12:27:03.56", dt.date(1987, 3, 27)),
        ("31-MAR-1987 605:12:19.12", dt.date(1987, 3, 31)),  # a garbled clock on a wire date line
        ("Tue 24 Nov 2015 14.02 GMT", dt.date(2015, 11, 24)),
        ("Updated: March 3, 2020", dt.date(2020, 3, 3)),
        ("Published 3:53 PM EDT, Thu November 2, 2023", dt.date(2023, 11, 2)),
        ("20 Feb 2020 | 3 min read", dt.date(2020, 2, 20)),
        ("18/02/2020", dt.date(2020, 2, 18)),
        ("2020.02.18", dt.date(2020, 2, 18)),
    ],
)
def test_date_lines_in_common_formats(line: str, expected: dt.date) -> None:
    assert date_from_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "2 min read",
        "7 pm",
        "1e400",
        "99999999999999999999",
        "2020\u200b",
        "2019",
        "March 2024",
        "Feb. 3",
        "02/03/2020",  # day and month could be either way round: not a date we can know
        "February 30, 2020",
        "Monday",
        "10:30 p.m.",
        "Scroll to Top",
        "In 2019, Turkey and its allies",
        "",
    ],
)
def test_strings_that_only_look_like_dates_are_not_dates(line: str) -> None:
    assert date_from_line(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry announced on Saturday (August 24, 2024) that patrols resumed.", dt.date(2024, 8, 24)),
        ("The council met on Tuesday, March 3, 2020, and voted.", dt.date(2020, 3, 3)),
        ("Talks ended on Tue 24 Nov 2015 after a week.", dt.date(2015, 11, 24)),
        ("OSLO, March 27, 1987 - The council approved the plan.", dt.date(1987, 3, 27)),
        ("LONDON, 5 May 2021 — Shares rose.", dt.date(2021, 5, 5)),
    ],
)
def test_a_date_the_text_presents_as_the_story_day(text: str, expected: dt.date) -> None:
    assert presented_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The singer, born on 25 August 1938, has died.",  # a birthday
        "Ten years after September 11, 2001, the city remembers.",  # an anniversary
        "The deal expires on December 31, 1986, the company said.",  # a deadline
        "The council met on Monday, March 3, 2020.",  # 3 March 2020 was a Tuesday: not a weekday date
        "OSLO, March 27 - The council approved the plan.",  # a dateline without its year
        "In 2019, on Feb. 3, in April 2005 and on 7 pm.",
    ],
)
def test_other_dates_in_text_are_not_the_story_day(text: str) -> None:
    assert presented_date(text) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2020/02/18/story-a1", dt.date(2020, 2, 18)),
        ("https://example.com/story/2023-03-23/slug", dt.date(2023, 3, 23)),
        ("https://example.com/world/live/2015/nov/24/slug", dt.date(2015, 11, 24)),
        ("https://example.com/ct-story-20230325-abc-story.html", dt.date(2023, 3, 25)),
        ("https://example.com/6330957/slug/", None),
        ("https://example.com/2020/02/", None),
        ("https://example.com/2020/13/45/slug", None),
    ],
)
def test_dates_in_urls(url: str, expected: dt.date | None) -> None:
    assert date_from_url(url) == expected
