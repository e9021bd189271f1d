"""The reader: an article's header, then its body at a readable measure, with entity names
marked by type and search terms highlighted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from articles import Article, Entity
from articles.sanitize import sanitize, sanitize_line
from store import RelatedArticle, StoredArticle
from tui.widgets.related import RelatedList

MAX_VIEW_CHARS = 150_000
TERM_STYLE = Style(reverse=True, bold=True)
# The styles an article is drawn with, from the stylesheet (`Reader > .reader--person`...).
Styles = dict[str, Style]


class Reader(VerticalScroll, can_focus=True):
    """The open article, and under it the articles most related to it; Space and PgDn page
    through it, l goes to the related ones."""

    BINDINGS = [
        Binding("space,pagedown", "page_down", "Page", id="reader.page_down"),
        Binding("b,pageup", "page_up", "Back a page", show=False, id="reader.page_up"),
        Binding("j,down", "scroll_down", "Down", show=False, id="reader.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="reader.up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="reader.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="reader.bottom"),
        Binding("l", "related", "Related", id="reader.related"),
    ]

    COMPONENT_CLASSES = {"reader--person", "reader--place", "reader--organization", "reader--notice"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: int | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text("Select an article and press Enter to read it.", style="dim"), id="page", markup=False)
        yield Static(Text("Related", style="bold"), id="related-title", markup=False)
        yield RelatedList(id="related")

    def on_mount(self) -> None:
        self.show_related(None, [])

    def show(self, stored: StoredArticle, terms: Iterable[str] = ()) -> None:
        if stored.id != self.article_id:
            self.query_one(RelatedList).wipe()
            self.query_one("#related-title").display = False
        self.article_id = stored.id
        styles = {name: self.get_component_rich_style(f"reader--{name}", partial=True) for name in _STYLED}
        self.query_one("#page", Static).update(render_article(stored, list(terms), styles))
        self.scroll_home(animate=False)

    def show_related(self, article_id: int | None, found: Sequence[RelatedArticle]) -> None:
        """The related articles of `article_id`, if it is still the open one."""
        if article_id != self.article_id:
            return
        self.query_one(RelatedList).show(found)
        self.query_one("#related-title").display = bool(found)

    def clear(self) -> None:
        self.article_id = None
        self.show_related(None, [])
        self.query_one("#page", Static).update(Text("Select an article and press Enter to read it.", style="dim"))

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_related(self) -> None:
        """Go to the related articles under the article (Enter then opens one)."""
        related = self.query_one(RelatedList)
        if not related.option_count:
            self.notify("no related articles", markup=False)
            return
        related.focus()
        related.highlighted = related.highlighted or 0
        self.scroll_to_widget(related, animate=False)


_STYLED = ("person", "place", "organization", "notice")


def render_article(stored: StoredArticle, terms: list[str], styles: Styles) -> Text:
    """The whole article as styled text; untrusted text is never read as markup."""
    article = stored.article
    page = Text()
    page.append(sanitize_line(article.title) + "\n", Style(bold=True))
    if article.subtitle:
        page.append(sanitize_line(article.subtitle) + "\n", Style(italic=True))
    meta = [article.date_iso or "Undated", article.source or "", ", ".join(article.byline or ())]
    page.append("  ·  ".join(sanitize_line(item) for item in meta if item) + "\n", Style(dim=True))
    if article.url:
        page.append(sanitize_line(article.url) + "\n", Style(dim=True, underline=True))
    state = ("★ starred  " if stored.starred else "") + ("read" if stored.read else "unread")
    page.append(state + "\n\n", Style(dim=True, italic=True))
    body, truncated = _body(article)
    highlighter = _Highlighter(article.entities, terms, styles)
    for paragraph in body:
        page.append_text(highlighter.apply(sanitize(paragraph)))
        page.append("\n\n")
    if truncated:
        page.append(
            f"[This article is {truncated:,} characters long; the view stops at {MAX_VIEW_CHARS:,}. "
            "Use `newsdesk show` or `export` for the whole text.]\n",
            styles["notice"],
        )
    if article.entities:
        page.append("Named: ", Style(dim=True))
        for number, entity in enumerate(article.entities[:30]):
            page.append(", " if number else "", Style(dim=True))
            page.append(sanitize_line(entity.name), styles[entity.type])
        page.append("\n")
    return page


def _body(article: Article) -> tuple[list[str], int]:
    total = sum(len(paragraph) for paragraph in article.body)
    if total <= MAX_VIEW_CHARS:
        return list(article.body), 0
    kept: list[str] = []
    budget = MAX_VIEW_CHARS
    for paragraph in article.body:
        if budget <= 0:
            break
        kept.append(paragraph[:budget])
        budget -= len(paragraph)
    return kept, total


class _Highlighter:
    """Marks entity names (by type) and search terms in a paragraph."""

    def __init__(self, entities: Iterable[Entity], terms: list[str], styles: Styles) -> None:
        forms: dict[str, Style] = {}
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                if len(form) > 1:
                    forms.setdefault(form, styles[entity.type])
        ordered = sorted(forms, key=len, reverse=True)[:400]
        self.styles = forms
        self.entity_pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)") if ordered else None
        )
        words = [re.escape(term) for term in terms if len(term) > 1][:40]
        self.term_pattern = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")\w*", re.IGNORECASE) if words else None

    def apply(self, paragraph: str) -> Text:
        text = Text(paragraph)
        if self.entity_pattern is not None:
            for match in self.entity_pattern.finditer(paragraph):
                text.stylize(self.styles[match.group(0)], match.start(), match.end())
        if self.term_pattern is not None:
            for match in self.term_pattern.finditer(paragraph):
                text.stylize(TERM_STYLE, match.start(), match.end())
        return text
