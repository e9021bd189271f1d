"""An entity's own screen: its articles per month as a sparkline and per year as bars, and the
entities named with it most, each one key (Enter) away from becoming a filter."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from articles.sanitize import sanitize_line
from store import EntityFacet, StorePool
from store.trends import EntityTrend
from tui.work import in_worker

BAR = 30


class TrendScreen(ModalScreen[EntityFacet | None]):
    """One entity over time; Enter on a companion filters by it, Esc closes."""

    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="trend.close")]

    COMPONENT_CLASSES = {"trend--person", "trend--place", "trend--organization"}

    def __init__(self, pool: StorePool, entity: EntityFacet) -> None:
        super().__init__()
        self.pool = pool
        self.entity = entity
        self.trend: EntityTrend | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="trend-box"):
            yield Static(Text(sanitize_line(self.entity.name), style="bold"), id="trend-title", markup=False)
            yield Sparkline([], id="trend-spark")
            yield Static(Text("…", style="dim"), id="trend-span", markup=False)
            yield Static("", id="trend-years", markup=False)
            yield Static(Text("Named with (Enter: filter by it)", style="bold"), id="trend-with-title", markup=False)
            yield OptionList(id="trend-with")

    def on_mount(self) -> None:
        self.query_one("#trend-with", OptionList).focus()
        self._load()

    def _load(self) -> None:
        in_worker(
            self,
            self.pool,
            lambda store: store.entity_trend_of(self.entity.id),
            self._loaded,
            group="trend",
            exclusive=True,
        )

    def _loaded(self, trend: EntityTrend | None) -> None:
        if trend is not None and self.is_attached:  # not closed while the trend was read
            self.show(trend)

    def show(self, trend: EntityTrend) -> None:
        self.trend = trend
        title = Text(sanitize_line(trend.name), style=self._style(trend.type))
        title.append(f"  {trend.type} · {trend.articles:,} article{'s' if trend.articles != 1 else ''}", style="dim")
        self.query_one("#trend-title", Static).update(title)
        series = monthly_series(trend.months)
        self.query_one(Sparkline).data = [float(count) for _, count in series] or [0.0]
        self.query_one("#trend-span", Static).update(span_text(series, trend.undated))
        self.query_one("#trend-years", Static).update(year_bars(trend.months))
        options = [Option(_companion(item, self._style(item.type)), id=str(item.id)) for item in trend.companions]
        listing = self.query_one("#trend-with", OptionList)
        listing.set_options(options)
        if options:
            listing.highlighted = 0
        if trend.approximate:
            self.query_one("#trend-with-title", Static).update(
                Text("Named with (approx., over its newest articles; Enter: filter by it)", style="bold")
            )

    def _style(self, kind: str) -> Style:
        """An entity type's style, from the stylesheet (as the entity pane and reader have it)."""
        return self.get_component_rich_style(f"trend--{kind}", partial=True)

    @on(OptionList.OptionSelected, "#trend-with")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.trend is not None:
            chosen = next((item for item in self.trend.companions if str(item.id) == event.option.id), None)
            self.dismiss(chosen)


def monthly_series(months: dict[str, int]) -> list[tuple[str, int]]:
    """Every month from the first to the last the entity is named in, with 0 where it is not."""
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, months.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


def span_text(series: list[tuple[str, int]], undated: int) -> Text:
    if not series:
        return Text("no dated articles" + (f" · {undated} undated" if undated else ""), style="dim")
    peak = max(series, key=lambda pair: pair[1])
    text = f"{series[0][0]} … {series[-1][0]}  ·  most in {peak[0]} ({peak[1]})"
    return Text(text + (f"  ·  {undated} undated" if undated else ""), style="dim")


def year_bars(months: dict[str, int]) -> Text:
    years: dict[str, int] = {}
    for month, count in months.items():
        years[month[:4]] = years.get(month[:4], 0) + count
    most = max(years.values(), default=1)
    text = Text()
    for year, count in sorted(years.items()):
        text.append(f"{year}  ")
        text.append("█" * max(1, round(BAR * count / most)), style="bold")
        text.append(f" {count}\n", style="dim")
    return text


def _companion(item: EntityFacet, style: Style) -> Text:
    label = Text(sanitize_line(item.name), style=style, no_wrap=True, overflow="ellipsis")
    label.append(f"  {item.type} · {item.articles}", style="dim")
    return label
