"""Where an article's headline is: navigation and menu lines a page starts with are not it."""

from __future__ import annotations

from articles import boilerplate
from articles.dates import date_from_line
from articles.markdown import plain
from articles.units import Unit

_NAV_REACH = 8
_TERMINAL = tuple(".!?:;\"”’')…")


def headline_index(units: list[Unit]) -> int:
    """Where the headline is: a markdown heading near the top, else the first line after the
    navigation a page may start with ('Markets', 'Sign In', 'Business'): a run of two or more
    menu items, or one that is page furniture, before a line that reads as a headline."""
    for index, unit in enumerate(units[:_NAV_REACH]):
        if unit.text.startswith("# "):
            return index
    run = 0
    while run < min(len(units) - 1, _NAV_REACH) and _is_menu_item(units[run].text):
        run += 1
    if run == 0 or not _reads_as_headline(units[run].text):
        return 0
    if run >= 2 or boilerplate.is_boilerplate(units[0].text) or boilerplate.is_header_furniture(units[0].text):
        return run
    return 0


def _is_menu_item(text: str) -> bool:
    if len(text) > 60 or text.count(" ") > 6:
        return False  # most first lines: far longer than a menu item, with or without markup
    bare = plain(text).strip()
    words = bare.split()
    if not words or len(words) > 3 or len(bare) > 30 or bare.endswith(_TERMINAL):
        return False
    if boilerplate.is_boilerplate(bare) or boilerplate.is_header_furniture(bare):
        return True
    return all(word[:1].isupper() or not word[:1].isalpha() for word in words) and date_from_line(bare) is None


def _reads_as_headline(text: str) -> bool:
    bare = plain(text).strip()
    words = bare.split()
    return 3 <= len(words) <= 30 and not bare.endswith((".", ";", ":")) and date_from_line(bare) is None
