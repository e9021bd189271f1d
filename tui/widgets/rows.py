"""The timeline's rows as Rich Text: an article's title line and snippet line, a folded
story's "+N sources" mark, and the lines of an unfolded story's other articles. Every piece
of article text is sanitised and appended as plain text, never as markup."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text

from articles.sanitize import sanitize_line
from store import SearchHit
from tui.widgets.cells import fit, window

SOURCE_WIDTH = 24


def story_mark(hit: SearchHit) -> str:
    """What a folded row says of its story's other matches: '+3 sources' when each comes from
    another source, '+2 articles' when none does, else both counts ('' for a lone article)."""
    if hit.more <= 0:
        return ""
    articles = f"+{hit.more} article{'s' if hit.more != 1 else ''}"
    if hit.more_sources == hit.more:
        return f"+{hit.more} source{'s' if hit.more != 1 else ''}"
    if hit.more_sources == 0:
        return articles
    return f"{articles}, {hit.more_sources} more source{'s' if hit.more_sources != 1 else ''}"


class RowPainter:
    """Builds rows in the widget's styles: `style(name)` is a component style over `base`."""

    def __init__(self, base: Style, style: Callable[[str], Style]) -> None:
        self.base = base
        self.style = style

    def title_row(self, hit: SearchHit, width: int, with_date: bool, indent: str = "") -> Text:
        """Marks, (date), title, a folded story's mark, source; `indent` leads an unfolded
        story's lines."""
        row = Text(no_wrap=True, overflow="ellipsis", end="", style=self.base)
        if indent:
            row.append(indent, self.style("timeline--story"))
        row.append("●" if not hit.read else " ", self.style("timeline--unread"))
        row.append("★" if hit.starred else " ", self.style("timeline--star"))
        row.append(" ")
        if with_date:  # in date order the day headings say it
            row.append(f"{hit.date or '':<10} ", self.style("timeline--date"))
        source = sanitize_line(hit.source or "")
        mark = story_mark(hit)
        wide = width >= 70
        room = width - row.cell_len - (len(fit(source, SOURCE_WIDTH)) + 2 if source and wide else 0)
        room -= len(mark) + 1 if mark else 0
        title = fit(sanitize_line(hit.title), max(8, room))
        row.append(title, self.base + Style(bold=not hit.read))
        if mark:
            row.append(" ")
            row.append(mark, self.style("timeline--story"))
        if source and wide:
            row.append(" " * max(1, room - len(title) + 2), self.base)
            row.append(fit(source, SOURCE_WIDTH), self.style("timeline--source"))
        row.truncate(width)
        return row

    def snippet_row(self, hit: SearchHit, width: int) -> Text:
        row = Text("     ", no_wrap=True, end="", style=self.style("timeline--snippet"))
        match_style = self.style("timeline--match")
        shown, spans = window(hit.snippet, hit.matches, width - 5)
        at = row.cell_len
        row.append(shown)
        for start, end in spans:
            row.stylize(match_style, at + start, at + end)
        if row.cell_len > width:
            cut = fit(row.plain, width)
            row.truncate(len(cut) - 1 if cut.endswith("…") else len(cut))
            if cut.endswith("…"):
                row.append("…")
        return row

    def member_row(self, hit: SearchHit, width: int, last: bool) -> Text:
        """One of an unfolded story's other articles, dated whatever the order."""
        return self.title_row(hit, width, with_date=True, indent="   └ " if last else "   ├ ")

    def more_row(self, shown: int, total: int, story: int | None, width: int) -> Text:
        """The last line of an unfolded story listing only some of its articles."""
        said = f"   └ … {total - shown:,} more: story:{story} lists them all" if story is not None else "   └ …"
        row = Text(said, no_wrap=True, end="", style=self.style("timeline--empty"))
        row.truncate(width)
        return row
