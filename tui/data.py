"""What the app shows, fetched from the store a page at a time: the timeline's rows under
their date headings, without ever loading every article into memory or into widgets."""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from store import PAGE, DateGroup, Facets, SearchHit, Sort
from store.prepared import SEARCH_SECONDS, Search
from tui.unfolding import Unfolded

_CACHED_PAGES = 20


@dataclass(frozen=True)
class Group:
    """A heading ('2020-02-18', 'Undated', or none in relevance order) over `count` articles."""

    label: str | None
    count: int
    first_index: int
    first_line: int


@dataclass
class ResultSet:
    """The articles matching one prepared search, in timeline or relevance order; folded, a
    row is a story (its lead article) and `total` counts stories, `articles` the matches."""

    search: Search
    total: int
    groups: list[Group]
    facets: Facets | None = None
    articles: int = -1
    unfolded: Unfolded | None = None
    _pages: OrderedDict[int, tuple[SearchHit, ...]] = field(default_factory=OrderedDict)
    _lines: list[int] = field(default_factory=list)
    _indexes: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lines = [group.first_line for group in self.groups]
        self._indexes = [group.first_index for group in self.groups]
        if self.articles < 0:
            self.articles = self.total

    @property
    def folded(self) -> bool:
        return self.search.folded

    @property
    def query(self) -> str:
        return self.search.text

    @property
    def sort(self) -> Sort:
        return self.search.order

    @property
    def entity_ids(self) -> tuple[int, ...]:
        return self.search.entity_ids

    @property
    def snippets(self) -> bool:
        return self.search.has_text

    @property
    def article_height(self) -> int:
        return 2 if self.snippets else 1

    @property
    def line_count(self) -> int:
        if not self.groups:
            return 0
        last = self.groups[-1]
        return last.first_line + (1 if last.label else 0) + last.count * self.article_height + self._extra

    @property
    def _extra(self) -> int:
        return self.unfolded.lines if self.unfolded else 0

    def members_under(self, index: int) -> int:
        """How many articles are listed under row `index` (none unless its story is unfolded)."""
        opened = self.unfolded
        return len(opened.hits) if opened is not None and opened.index == index else 0

    def lines_under(self, index: int) -> int:
        opened = self.unfolded
        return opened.lines if opened is not None and opened.index == index else 0

    def line_of(self, index: int) -> int:
        """The first screen line of article `index`."""
        opened = self.unfolded
        return self._line_of(index) + (opened.lines if opened and index > opened.index else 0)

    def _line_of(self, index: int) -> int:
        group = self.groups[self.group_index(index)]
        return group.first_line + (1 if group.label else 0) + (index - group.first_index) * self.article_height

    def group_index(self, index: int) -> int:
        return bisect.bisect_right(self._indexes, index) - 1

    def at_line(self, line: int) -> tuple[Group, int | None, int]:
        """The group at a screen line, the article index there (None on a heading), and the
        line within that article (0 title, 1 snippet, and from `article_height` on the lines
        of an unfolded story under it)."""
        opened = self.unfolded
        if opened is not None:
            start = self._line_of(opened.index) + self.article_height
            if start <= line < start + opened.lines:
                return self.groups[self.group_index(opened.index)], opened.index, self.article_height + line - start
            if line >= start + opened.lines:
                line -= opened.lines
        position = bisect.bisect_right(self._lines, line) - 1
        group = self.groups[max(0, position)]
        offset = line - group.first_line - (1 if group.label else 0)
        if offset < 0:
            return group, None, 0
        index = group.first_index + offset // self.article_height
        return group, min(index, group.first_index + group.count - 1), offset % self.article_height

    def hit(self, index: int) -> SearchHit | None:
        """Article `index` if its page has been fetched (see `page_of` and `fetch_page`)."""
        if not 0 <= index < self.total:
            return None
        page_number = index // PAGE
        page = self._pages.get(page_number)
        if page is None:
            return None
        self._pages.move_to_end(page_number)
        offset = index - page_number * PAGE
        return page[offset] if offset < len(page) else None

    def position_at(self, line: int) -> tuple[int, int | None] | None:
        """The row (and the article listed under it) a click on screen line `line` chose."""
        if not self.total or line >= self.line_count:
            return None
        _, index, part = self.at_line(line)
        member = part - self.article_height
        if index is None or member >= self.members_under(index):
            return None  # a heading, or the line saying how many more a story has
        return index, member if member >= 0 else None

    def open_story(self, member: int | None) -> tuple[int, int | None] | None:
        """The open story's lead and the article highlighted under it (`member`), if any."""
        opened = self.unfolded
        lead = self.hit(opened.index) if opened is not None else None
        chosen = self.row(opened.index, member) if opened is not None else None
        return (lead.id, chosen.id if chosen else None) if lead is not None else None

    def row(self, index: int, member: int | None) -> SearchHit | None:
        """Row `index`'s article, or the `member`th listed under it when its story is open."""
        opened = self.unfolded
        if member is not None and opened is not None and opened.index == index and member < len(opened.hits):
            return opened.hits[member]
        return self.hit(index)

    def page_of(self, index: int) -> int:
        return index // PAGE

    def page_at_line(self, line: int) -> int:
        """The page of the article at screen line `line` (on a heading, of the one under it)."""
        group, index, _ = self.at_line(max(0, min(line, self.line_count - 1)))
        return self.page_of(group.first_index if index is None else index)

    def fetch_story(self, index: int, lead: SearchHit) -> Unfolded:
        """Read the other matches of a folded row's story (on a worker's thread: it runs SQL)."""
        found = self.search.story(lead.story, lead.id) if lead.story is not None else None
        return Unfolded(index, found.hits if found else (), found.total if found else 0)

    def fetch_page(self, page_number: int) -> tuple[SearchHit, ...]:
        """Read a page of hits (on a worker's thread: it runs SQL); `keep_page` keeps it."""
        return self.search.page(page_number).hits

    def keep_page(self, page_number: int, found: tuple[SearchHit, ...]) -> None:
        self._pages[page_number] = found
        while len(self._pages) > _CACHED_PAGES:
            self._pages.popitem(last=False)

    def index_of(self, article_id: int) -> int | None:
        """Where an article is among the cached pages (for restoring a selection)."""
        for page_number, page in self._pages.items():
            for offset, hit in enumerate(page):
                if hit.id == article_id:
                    return page_number * PAGE + offset
        return None

    def find_near(self, article_id: int, index: int) -> None:
        """Read the pages around `index` until one holds the article (on a worker thread: a
        search run again after a change keeps the cursor on it, a few places up or down)."""
        page_number = index // PAGE
        for number in (page_number, page_number - 1, page_number + 1):
            if self.index_of(article_id) is not None:
                return
            if 0 <= number * PAGE < self.total and number not in self._pages:
                self.keep_page(number, self.fetch_page(number))

    def update(self, index: int, read: bool, starred: bool) -> None:
        """Change a cached row's reading state in place: an article read from an 'is:unread'
        list stays where it is until the next search."""
        page = self._pages.get(index // PAGE)
        offset = index - (index // PAGE) * PAGE
        if page is not None and offset < len(page):
            rows = list(page)
            rows[offset] = replace(rows[offset], read=read, starred=starred)
            self._pages[index // PAGE] = tuple(rows)

    def update_unfolded(self, article_id: int, read: bool, starred: bool) -> None:
        """Change the reading state of an article listed under an unfolded story."""
        opened = self.unfolded
        if opened is not None and any(hit.id == article_id for hit in opened.hits):
            hits = tuple(
                replace(hit, read=read, starred=starred) if hit.id == article_id else hit for hit in opened.hits
            )
            self.unfolded = replace(opened, hits=hits)


def load_results(
    search: Search, cancelled: Callable[[], bool] | None = None, seconds: float = SEARCH_SECONDS
) -> ResultSet:
    """Run a prepared search on this thread: its date groups and its first page. A search
    that `cancelled()` says is no longer wanted stops with a Cancelled error; one that takes
    longer than `seconds` with a QueryError."""
    if search.order == "rank":
        # One query gives the count and the first page.
        first = search.hits(0, PAGE, total=True, cancelled=cancelled, seconds=seconds)
        total, page = first.total, first.hits
        articles = total if first.articles is None else first.articles
        groups = [Group(None, total, 0, 0)] if total else []
    else:
        days = search.groups(cancelled, seconds)
        groups, total = _date_groups(days, 2 if search.has_text else 1)
        articles = sum(day.count if day.articles is None else day.articles for day in days)
        page = search.hits(0, PAGE, cancelled=cancelled, seconds=seconds).hits if total else ()
    results = ResultSet(search, total, groups, articles=articles)
    if total:
        results.keep_page(0, page)
    return results


def _date_groups(days: list[DateGroup], height: int) -> tuple[list[Group], int]:
    groups: list[Group] = []
    index = line = 0
    for day in days:
        groups.append(Group(day.day or "Undated", day.count, index, line))
        index += day.count
        line += 1 + day.count * height
    return groups, index
