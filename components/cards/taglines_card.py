"""Taglines: each line large enough to judge, its tone and why it fits."""

from __future__ import annotations

from nicegui import ui

from branding.models import SectionName, SectionProvenance, Tagline
from components.card_tools import CardTools

from . import CARD_HEADING_LEVEL, MUTED_TEXT, RegenerateHandler, card, copy_button, header


def create(
    taglines: list[Tagline],
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    heading_level: int = CARD_HEADING_LEVEL,
    tools: CardTools | None = None,
) -> None:
    with card(SectionName.TAGLINES):
        header(SectionName.TAGLINES, provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if tools is not None:
            tools.section(SectionName.TAGLINES)
        if not taglines:
            ui.label('No taglines in this kit.').classes(MUTED_TEXT)
            return
        with ui.column().classes('w-full gap-0 divide-y divide-gray-300 dark:divide-gray-600'):
            for tagline in taglines:
                _tagline(tagline, tools)


def _tagline(tagline: Tagline, tools: CardTools | None = None) -> None:
    with ui.row(wrap=False).classes('w-full items-start gap-2 py-3').mark('tagline', f'tagline-{tagline.id}'):
        with ui.column().classes('min-w-0 flex-1 gap-1'):
            # ui.label renders text, never HTML: a tagline is LLM output and may contain markup.
            ui.label(tagline.text).classes('break-words text-2xl font-semibold leading-tight').mark('tagline-text')
            with ui.row(wrap=False).classes('items-center gap-0'):
                ui.label('Tone:').classes('sr-only')
                ui.label(tagline.tone).classes(
                    'rounded bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900 break-all'
                ).mark('tagline-tone')
            ui.label(tagline.explanation).classes(f'break-words text-sm {MUTED_TEXT}')
            if tools is not None:  # star, lock, edit in place
                tools.element(SectionName.TAGLINES, tagline.id)
        copy_button(tagline.text, what='tagline')
