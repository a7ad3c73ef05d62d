"""One place on the page per requested section, in a fixed order: a skeleton until the section arrives, then its card.

The slots keep kit_view's reading order while a kit streams in, so the page does not reshuffle and the logo concepts
stay on top.
"""

from __future__ import annotations

from dataclasses import dataclass

from nicegui import ui

from branding.models import BrandKit, SectionProvenance
from components import kit_view
from components.card_tools import CardTools
from components.cards import RegenerateHandler, guidelines_card, skeleton


@dataclass(kw_only=True, slots=True)
class SlotContent:
    kit: BrandKit | None = None
    provenance: SectionProvenance | None = None
    text: str | None = None  # a streaming section's text so far


class SectionSlot:
    """The place of one section: `show_text` while it streams, `show` when it is done; each redraws the slot."""

    def __init__(
        self,
        section: str,
        *,
        count: int,
        company_name: str,
        on_regenerate: RegenerateHandler | None,
        tools: CardTools | None = None,
    ) -> None:
        self.section = section
        self.tools = tools  # the owner's controls, drawn in a finished kit's card
        self.count = count
        self.company_name = company_name
        self.on_regenerate = on_regenerate
        self.content = SlotContent()
        self._streaming: guidelines_card.StreamingGuidelines | None = None
        with ui.element('div').classes('w-full').mark(f'slot-{section}') as self.element:
            self.element.props['data-testid'] = f'slot-{section}'
            self.view()

    @property
    def is_done(self) -> bool:
        return self.content.provenance is not None

    def show_text(self, text: str) -> None:
        """The section's text so far; the first call turns the skeleton into a streaming card."""
        first = self.content.text is None
        self.content.text = text
        if first or self._streaming is None:
            self.view.refresh()
        else:
            self._streaming.set_text(text)

    def show(self, kit: BrandKit, provenance: SectionProvenance) -> None:
        self.content = SlotContent(kit=kit, provenance=provenance)
        self.view.refresh()

    @ui.refreshable_method
    def view(self) -> None:
        content = self.content
        self._streaming = None
        if content.kit is not None:
            kit_view.draw_section(
                self.section,
                content.kit,
                provenance=content.provenance,
                on_regenerate=self.on_regenerate,
                tools=self.tools,
            )
        elif content.text is not None:
            self._streaming = guidelines_card.create_streaming(section=self.section, company_name=self.company_name)
            self._streaming.set_text(content.text)
        else:
            skeleton.create(self.section, count=self.count)
