"""Typography: a live specimen in the kit's fonts, the type scale at its real sizes, the fonts and how to pair them.

The card names the kit's families in its styles; the page that shows it serves their files (`load_font_faces`), from the
font library the app was composed with.
"""

from __future__ import annotations

import math
import re

from nicegui import app, ui

from branding.design.font_css import font_face_css
from branding.design.font_files import FontLibrary
from branding.design.script_type import script_direction
from branding.models import FontSpec, SectionName, SectionProvenance, TypeScaleStep, Typography
from components.card_tools import CardTools

from . import CARD_HEADING_LEVEL, MUTED_TEXT, SUBHEADING, RegenerateHandler, card, copy_button, header

# A font stack is the one piece of model text that goes into a style attribute. It comes from our font catalogue, but
# it is still checked: family names, commas, quotes and spaces only, so it cannot close the declaration or add another.
SAFE_FONT_STACK = re.compile(r'[A-Za-z0-9 ,\'"-]{1,300}')
SAFE_FAMILY = re.compile(r'[A-Za-z0-9 -]{1,80}')
GENERIC_FAMILIES = {'serif': 'serif', 'monospace': 'monospace', 'handwriting': 'cursive'}
PANGRAM = 'Sphinx of black quartz, judge my vow.'
BODY_SAMPLE = (
    'Good typography is invisible: it sets the pace of reading, groups what belongs together and lets the words '
    'carry the brand. This paragraph is set in the body font at its regular size and line height.'
)


def create(
    typography: Typography | None,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    company_name: str = '',
    heading_level: int = CARD_HEADING_LEVEL,
    tools: CardTools | None = None,
) -> None:
    with card(SectionName.TYPOGRAPHY):
        header(SectionName.TYPOGRAPHY, provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if typography is None:
            ui.label('No typography in this kit.').classes(MUTED_TEXT)
            return
        if tools is not None:  # lock, pick fonts, an instruction
            tools.section(SectionName.TYPOGRAPHY)
        stacks = {role: font_stack(typography, role) for role in ('heading', 'body', 'accent')}
        _specimen(typography, stacks, company_name)
        if typography.type_scale:
            _type_scale(typography.type_scale, stacks, typography)
        ui.label('Why these fonts').classes(SUBHEADING)
        ui.label(typography.rationale).classes('whitespace-pre-line break-words')
        if typography.pairings:
            _pairings(typography)
        _fonts(typography, tools)
        if typography.adjustments:
            with ui.element('ul').classes(f'list-disc pl-6 text-sm {MUTED_TEXT}'):
                for adjustment in typography.adjustments:
                    with ui.element('li'):
                        ui.label(adjustment).classes('break-words')
        if typography.css:
            with ui.row(wrap=True).classes('w-full items-center gap-2'):
                copy_button(typography.css, what='typography CSS', label='Copy CSS').mark('copy-css')


def font_spec(typography: Typography, role: str) -> FontSpec | None:
    return next((font for font in typography.fonts if font.role == role), None)


def font_stack(typography: Typography, role: str) -> str:
    """The CSS font-family value for `role`: the catalogue's stack, or one built from the family name."""
    spec = font_spec(typography, role)
    if spec is not None and SAFE_FONT_STACK.fullmatch(spec.css_stack):
        return spec.css_stack
    family = spec.family if spec is not None else getattr(typography, f'{role}_font', '')
    generic = GENERIC_FAMILIES.get(spec.category if spec is not None else '', 'sans-serif')
    return f'"{family}", {generic}' if SAFE_FAMILY.fullmatch(family) else generic


def load_font_faces(typography: Typography, fonts: FontLibrary) -> None:
    """Add @font-face rules for the kit's fonts installed in `fonts` (served at /fonts) to the current page, once per
    page and set of families."""
    # Every weight the catalogue lists: browsers only download the faces the page actually uses. Kits in the original
    # shape have no font list, only names; font_face_css skips any family that is not installed.
    families = {font.family: sorted(font.weights) or [400, 700] for font in typography.fonts if font.available_offline}
    if not typography.fonts:
        names = (typography.heading_font, typography.body_font, typography.accent_font)
        families = {name: [400, 700] for name in names}
    if not families:
        return
    loaded_key = f'brandsmith-font-faces:{sorted(families.items())}'
    if app.storage.client.get(loaded_key):
        return
    css = font_face_css(families, fonts=fonts)
    if css:
        # The CSS is built by our own font module from catalogue names and local file paths, not from model text.
        ui.add_css(css)
        app.storage.client[loaded_key] = True


def _css_number(value: float, low: float, high: float, default: float) -> float:
    """A finite number within bounds, so a broken scale cannot produce unreadable or page-breaking sizes."""
    return min(max(value, low), high) if math.isfinite(value) else default


def _specimen(typography: Typography, stacks: dict[str, str], company_name: str) -> None:
    heading_weight = next((step.weight for step in typography.type_scale if step.name == 'h1'), 700)
    with (
        ui.column()
        .classes('w-full gap-3 rounded-lg border border-gray-300 p-4 dark:border-gray-600')
        .mark('typography-specimen')
    ):
        # a right-to-left name is set right to left (dir), in the heading stack, which falls back to the kit's script
        # face for the letters the Latin face lacks
        ui.label(company_name or 'Your brand').classes('break-words text-4xl leading-tight').style(
            f'font-family: {stacks["heading"]}; font-weight: {int(_css_number(heading_weight, 100, 900, 700))}'
        ).props(f'dir={script_direction(company_name)}').mark('specimen-name')
        ui.label(BODY_SAMPLE).classes('break-words text-base leading-relaxed').style(f'font-family: {stacks["body"]}')
        ui.label(PANGRAM).classes('break-words text-lg').style(f'font-family: {stacks["accent"]}')
        with ui.row(wrap=True).classes(f'gap-x-4 gap-y-0 text-xs {MUTED_TEXT}'):
            ui.label(f'Heading: {typography.heading_font}')
            ui.label(f'Body: {typography.body_font}')
            ui.label(f'Accent: {typography.accent_font}')
            for font in typography.fonts:
                if font.role == 'script':
                    ui.label(f'{", ".join(font.scripts) or "Script"}: {font.family}')


def _type_scale(steps: list[TypeScaleStep], stacks: dict[str, str], typography: Typography) -> None:
    ui.label(f'Type scale: {typography.scale_name}, ratio {typography.scale_ratio:g}').classes(SUBHEADING)
    with ui.column().classes('w-full gap-2').mark('type-scale'):
        for step in steps:
            stack = stacks['body'] if step.name in {'body', 'small'} else stacks['heading']
            size = _css_number(step.size_px, 8, 120, 16)
            line_height = _css_number(step.line_height, 0.8, 3, 1.4)
            weight = int(_css_number(step.weight, 100, 900, 400))
            with ui.column().classes('w-full min-w-0 gap-0'):
                ui.label(
                    f'{step.name} · {step.size_px:g} px / {step.size_rem:g} rem · line {step.line_height:g} · {weight}'
                ).classes(f'font-mono text-xs {MUTED_TEXT}')
                ui.label(PANGRAM if step.name in {'body', 'small'} else 'Sphinx of black quartz').classes(
                    'w-full break-words'
                ).style(
                    f'font-family: {stack}; font-size: {size:g}px; line-height: {line_height:g}; font-weight: {weight}'
                )


def _pairings(typography: Typography) -> None:
    ui.label('Pairings').classes(SUBHEADING)
    with ui.column().classes('w-full gap-2'):
        for pairing in typography.pairings:
            with ui.column().classes('w-full min-w-0 gap-0'):
                ui.label(pairing.context).classes('break-words font-medium')
                ui.label(pairing.recommendation).classes(f'break-words text-sm {MUTED_TEXT}')


def _fonts(typography: Typography, tools: CardTools | None = None) -> None:
    if not typography.fonts:
        return
    ui.label('Fonts').classes(SUBHEADING)
    with ui.element('div').classes('grid w-full grid-cols-1 gap-3 md:grid-cols-3'):
        for font in typography.fonts:
            with (
                ui.column()
                .classes('min-w-0 gap-1 rounded-lg border border-gray-300 p-3 dark:border-gray-600')
                .mark(f'font-{font.role}')
            ):
                with ui.row(wrap=False).classes('w-full items-center justify-between gap-1'):
                    ui.label(font.role).classes(SUBHEADING)
                    if tools is not None and font.role in {'heading', 'body', 'accent'}:
                        tools.element(SectionName.TYPOGRAPHY, font.role)
                ui.label(font.family).classes('break-words text-lg font-semibold')
                ui.label(f'{font.category} · weights {", ".join(str(weight) for weight in font.weights)}').classes(
                    f'break-words text-sm {MUTED_TEXT}'
                )
                if font.scripts:
                    ui.label(f'Sets {", ".join(font.scripts)}').classes(f'break-words text-sm {MUTED_TEXT}')
                ui.label(f'Licence: {font.license}').classes(f'break-words text-sm {MUTED_TEXT}')
                if not font.available_offline:
                    with (
                        ui.row(wrap=False)
                        .classes('w-full items-start gap-1 rounded bg-amber-100 p-2 text-sm text-gray-900')
                        .mark('font-not-offline')
                    ):
                        ui.icon('cloud_off', size='1.1rem').props('aria-hidden=true')
                        ui.label(
                            'Not installed on this server: the specimen shows a fallback font. '
                            + (font.note or 'Install the font files to preview it.')
                        ).classes('min-w-0 break-words')
                elif font.note:
                    ui.label(font.note).classes(f'break-words text-sm {MUTED_TEXT}')
