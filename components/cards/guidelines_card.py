"""Brand guidelines: Markdown from the engine or an LLM, rendered safely, to copy or download as a .md file."""

from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from branding.models import SectionName, SectionProvenance
from components.card_tools import CardTools

from .. import markdown
from . import CARD_HEADING_LEVEL, MUTED_TEXT, RegenerateHandler, action_button, card, copy_to_clipboard, header, slug

# The guidelines' own '#' is one level below the card title: h4 in the studio, where card titles are h3.
HEADING_OFFSET = CARD_HEADING_LEVEL


def create(
    guidelines: str | None,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    company_name: str = '',
    heading_level: int = CARD_HEADING_LEVEL,
    tools: CardTools | None = None,
) -> None:
    with card(SectionName.GUIDELINES):
        header(SectionName.GUIDELINES, provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if tools is not None:
            tools.section(SectionName.GUIDELINES)
        if not guidelines:
            ui.label('No brand guidelines in this kit.').classes(MUTED_TEXT)
            return
        markdown.create(guidelines, heading_offset=heading_level).mark('guidelines-markdown')
        _actions(lambda: guidelines, company_name)


class StreamingGuidelines:
    """A card whose Markdown grows as a provider streams it in (the guidelines', or any streaming section's).

    Create it with `create_streaming(...)`, feed it with `append(chunk)` or `set_text(text)`, and call
    `finish(provenance)` when the stream is complete to show where the text came from.
    """

    def __init__(
        self,
        *,
        section: str = SectionName.GUIDELINES,
        on_regenerate: RegenerateHandler | None = None,
        company_name: str = '',
    ) -> None:
        self.section = section
        self.text = ''
        self._on_regenerate = on_regenerate
        with card(section) as self.card:
            self._header = ui.element('div').classes('w-full')
            with self._header:
                header(section, provenance=None, on_regenerate=None)
            with ui.row(wrap=False).classes(f'items-center gap-2 text-sm {MUTED_TEXT}') as self._progress:
                ui.spinner(size='1.25rem').props('aria-hidden=true')
                ui.label('Writing the guidelines…').props('role=status')
            # Not a live region: re-rendered on every chunk, it would be read out again and again. aria-busy tells
            # assistive technology the text is still changing; the status line above says what is going on.
            self._markdown = markdown.create('', heading_offset=HEADING_OFFSET).mark('guidelines-markdown')
            self._markdown.props['aria-busy'] = 'true'
            _actions(lambda: self.text, company_name)

    def set_text(self, text: str) -> None:
        """Replace the whole text, e.g. with the stream's accumulated output."""
        self.text = text
        self._markdown.set_content(markdown.render_markdown(text, heading_offset=HEADING_OFFSET))

    def append(self, chunk: str) -> None:
        self.set_text(self.text + chunk)

    def finish(self, provenance: SectionProvenance | None = None) -> None:
        """The stream is complete: drop the progress line and show the provenance chip and Regenerate button."""
        if not self._progress.is_deleted:
            self._progress.delete()
        self._markdown.props['aria-busy'] = 'false'
        self._header.clear()
        with self._header:
            header(self.section, provenance=provenance, on_regenerate=self._on_regenerate)


def create_streaming(
    *, section: str = SectionName.GUIDELINES, on_regenerate: RegenerateHandler | None = None, company_name: str = ''
) -> StreamingGuidelines:
    """A card to fill while a section's text streams in; see `StreamingGuidelines`."""
    return StreamingGuidelines(section=section, on_regenerate=on_regenerate, company_name=company_name)


def _actions(current_text: Callable[[], str], company_name: str) -> None:
    """Copy and download buttons that read the text when clicked, so they also work while it is still streaming."""
    filename = f'{slug(company_name)}-brand-guidelines.md'

    def copy() -> None:
        copy_to_clipboard(current_text(), 'guidelines as Markdown')

    def download() -> None:
        # bytes, not str: ui.download.content treats a str as a URL in the test simulation
        ui.download.content(current_text().encode(), filename, 'text/markdown')

    with ui.row(wrap=True).classes('w-full gap-2'):
        action_button('Copy Markdown', 'content_copy', copy).mark('copy-guidelines')
        action_button('Download .md', 'download', download).mark('download-guidelines')
