"""The entity pane: People, Places and Organisations of the current results, narrowing as
you type; choosing entities filters the timeline to articles naming all of them. Every letter
typed in the pane narrows the list: none of them reaches the app's keys (`m` would mark read)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Key, Resize
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from articles import EntityType
from articles.entities.normalize import fold
from articles.sanitize import sanitize_line
from store import EntityFacet, Facets
from tui.widgets.cells import fit

HEADINGS: dict[EntityType, str] = {"person": "People", "place": "Places", "organization": "Organisations"}


class EntityList(OptionList):
    """Entities with article counts; Space or Enter toggles one as a filter, arrows move, and
    any other character typed goes to the narrowing box."""

    BINDINGS = [
        Binding("space", "toggle_entity", "Toggle filter", id="entities.toggle"),
        Binding("right", "trend", "Trend", id="entities.trend"),
    ]

    class TrendWanted(Message):
        """The user asked for the highlighted entity's trend."""

        def __init__(self, option_id: str) -> None:
            super().__init__()
            self.option_id = option_id

    class Typed(Message):
        """A character typed in the list, for the narrowing box."""

        def __init__(self, character: str) -> None:
            super().__init__()
            self.character = character

    def on_key(self, event: Key) -> None:
        if event.is_printable and event.character and event.character != " ":
            event.stop()
            event.prevent_default()
            self.post_message(self.Typed(event.character))

    def action_toggle_entity(self) -> None:
        if self.highlighted is not None:
            self.action_select()

    def action_trend(self) -> None:
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(self.TrendWanted(option.id))

    def highlight_first(self) -> None:
        """Highlight the first entity (headings cannot be highlighted) unless one is."""
        if self.highlighted is None and self.option_count:
            self.action_first()


class EntityPane(Vertical):
    """Facets for the current results, the chosen filters, and a box to narrow the list."""

    class _FacetMessage(Message):
        """Something asked of one entity of the pane (`control` is the pane)."""

        def __init__(self, pane: EntityPane, facet: EntityFacet) -> None:
            super().__init__()
            self.pane = pane
            self.facet = facet

        @property
        def control(self) -> EntityPane:
            return self.pane

    class Toggled(_FacetMessage):
        """An entity was chosen or dropped as a filter."""

    class Trend(_FacetMessage):
        """Show an entity's trend."""

    COMPONENT_CLASSES = {"entities--person", "entities--place", "entities--organization"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.facets: Facets | None = None
        self.chosen: dict[int, EntityFacet] = {}
        self._by_option: dict[str, EntityFacet] = {}

    @property
    def listed(self) -> list[EntityFacet]:
        """The entities the list shows now (narrowed by the box), in order."""
        return list(self._by_option.values())

    def compose(self) -> ComposeResult:
        yield Static(Text("Entities", style="bold"), id="entities-title", markup=False)
        yield Static("", id="chosen", markup=False)
        yield Input(placeholder="Narrow…", id="entity-filter", select_on_focus=False)
        yield EntityList(id="entity-list")

    def show(self, facets: Facets | None, chosen: dict[int, EntityFacet]) -> None:
        self.facets = facets
        self.chosen = dict(chosen)
        self._render_chosen()
        self._render_list()

    @on(Input.Changed, "#entity-filter")
    def _narrow(self) -> None:
        self._render_list()

    @on(Input.Submitted, "#entity-filter")
    def _to_list(self) -> None:
        listing = self.query_one(EntityList)
        listing.focus()
        listing.highlight_first()

    @on(EntityList.Typed)
    def _typed(self, message: EntityList.Typed) -> None:
        box = self.query_one("#entity-filter", Input)
        box.focus()
        box.insert_text_at_cursor(message.character)

    def on_key(self, event: Key) -> None:
        if event.key == "down" and self.query_one("#entity-filter", Input).has_focus:
            event.stop()
            self._to_list()

    def on_resize(self, event: Resize) -> None:
        if self.facets is not None:
            self._render_list()  # labels are cut to the pane's width

    @on(OptionList.OptionSelected, "#entity-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        facet = self._by_option.get(event.option.id or "")
        if facet is not None:
            self.post_message(self.Toggled(self, facet))

    @on(EntityList.TrendWanted)
    def _trend_wanted(self, message: EntityList.TrendWanted) -> None:
        facet = self._by_option.get(message.option_id)
        if facet is not None:
            self.post_message(self.Trend(self, facet))

    def _render_chosen(self) -> None:
        chips = Text()
        for facet in self.chosen.values():
            chips.append(f"✓ {sanitize_line(facet.name)}  ", self._kind_style(facet.type))
        chosen = self.query_one("#chosen", Static)
        chosen.update(chips)
        chosen.set_class(bool(self.chosen), "-shown")

    def _render_list(self) -> None:
        listing = self.query_one(EntityList)
        wanted = fold(self.query_one("#entity-filter", Input).value.strip())
        highlighted = listing.highlighted_option.id if listing.highlighted_option else None
        options: list[Option] = []
        self._by_option = {}
        for kind, heading in HEADINGS.items():
            facets = self.facets.by_type.get(kind, ()) if self.facets else ()
            items = [facet for facet in facets if wanted in fold(facet.name)]
            if not items:
                continue
            suffix = " (approx.)" if self.facets and self.facets.approximate else ""
            options.append(Option(Text(heading + suffix, style="bold underline"), id=f"heading-{kind}", disabled=True))
            for facet in items:
                option_id = f"entity-{facet.id}"
                self._by_option[option_id] = facet
                options.append(Option(self._label(facet), id=option_id))
        index = listing.highlighted
        if not options and wanted:
            options.append(Option(Text("No entity matches.", style="dim italic"), disabled=True))
        listing.set_options(options)
        if highlighted and highlighted in self._by_option:
            listing.highlighted = listing.get_option_index(highlighted)
        elif index is not None and self._by_option:
            # The highlighted entity left the list: stay at the same place in it.
            listing.highlighted = min(index, listing.option_count - 1)
            if listing.highlighted_option is None or listing.highlighted_option.disabled:
                listing.action_cursor_down()

    def _kind_style(self, kind: EntityType) -> Style:
        return self.get_component_rich_style(f"entities--{kind}", partial=True)

    def _label(self, facet: EntityFacet) -> Text:
        mark = "✓ " if facet.id in self.chosen else "  "
        count = f" {facet.articles}"
        room = max(6, (self.size.width or 28) - len(mark) - len(count) - 2)
        label = Text(mark, style=Style(bold=True), no_wrap=True, end="")
        label.append(fit(sanitize_line(facet.name), room), self._kind_style(facet.type))
        label.append(count, Style(dim=True))
        return label
