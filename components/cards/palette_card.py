"""Colour palette: role swatches, 50-950 scales, contrast checks, a light and dark mock-up and colour-vision notes.

Every colour put into a style attribute goes through `_hex`, so only validated `#rrggbb` values reach CSS; names,
usage notes and other free text are only ever shown as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nicegui import ui

from branding.design.color import most_readable
from branding.design.palette.distinct import role_pairs
from branding.models import ColorPalette, ContrastCheck, SectionName, SectionProvenance, ThemeColors
from components.card_tools import CardTools

from . import CARD_HEADING_LEVEL, MUTED_TEXT, SUBHEADING, RegenerateHandler, card, copy_to_clipboard, header
from .tooltips import mouse_tooltip

ROLE_ORDER = ('primary', 'secondary', 'accent', 'neutral')
HEX_PATTERN = re.compile(r'#[0-9a-f]{6}')
CONTRAST_USES = {
    'body': 'body text, needs 4.5:1',
    'large': 'large text, needs 3:1',
    'ui': 'UI components, need 3:1',
}
# Badge colours keep white or near-black text at 6.5:1 or more; the level is always written out as well.
LEVEL_CLASSES = {
    'AAA': 'bg-green-800 text-white',
    'AA': 'bg-green-800 text-white',
    'AA Large': 'bg-amber-200 text-gray-900',
    'Fail': 'bg-red-700 text-white',
}
BORDER = 'border border-gray-300 dark:border-gray-600'
# the better of black and white on any colour is at least 4.58:1 (AA for the small step numbers on scale tiles)
TILE_TEXT = ('#000000', '#ffffff')


@dataclass(frozen=True)
class Swatch:
    role: str
    name: str
    hex: str
    rgb: tuple[int, int, int]
    oklch: tuple[float, float, float] | None
    usage: str


def create(
    palette: ColorPalette | None,
    *,
    provenance: SectionProvenance | None,
    on_regenerate: RegenerateHandler | None = None,
    company_name: str = '',
    heading_level: int = CARD_HEADING_LEVEL,
    tools: CardTools | None = None,
) -> None:
    with card(SectionName.PALETTE):
        header(SectionName.PALETTE, provenance=provenance, on_regenerate=on_regenerate, level=heading_level)
        if palette is None:
            ui.label('No colour palette in this kit.').classes(MUTED_TEXT)
            return
        if tools is not None:  # lock, pick a colour, an instruction
            tools.section(SectionName.PALETTE)
        if palette.rationale:
            ui.label(palette.rationale).classes('break-words')
        _swatches(palette, tools)
        _distances(palette)
        if palette.scales:
            _scales(palette.scales)
        if palette.contrast:
            _contrast(palette.contrast)
        if palette.light or palette.dark:
            _previews(palette.light, palette.dark, company_name)
        if palette.color_vision:
            _color_vision(palette)
        if palette.adjustments:
            ui.label('Adjustments made for accessibility').classes(SUBHEADING)
            with ui.element('ul').classes('list-disc pl-6'):
                for adjustment in palette.adjustments:
                    with ui.element('li'):
                        ui.label(adjustment).classes('break-words').mark('palette-adjustment')
        if palette.usage_guidelines:
            ui.label('Usage').classes(SUBHEADING)
            ui.label(palette.usage_guidelines).classes('whitespace-pre-line break-words')


def _hex(value: str) -> str:
    """`value` if it is a `#rrggbb` colour, else a neutral grey, so nothing but a colour ever reaches a style."""
    return value if HEX_PATTERN.fullmatch(value) else '#808080'


def _rgb(hex_color: str) -> tuple[int, int, int]:
    value = _hex(hex_color)
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def _role_swatches(palette: ColorPalette) -> list[Swatch]:
    if palette.roles:
        return [Swatch(r.role, r.name, r.hex, r.rgb, r.oklch, r.usage) for r in palette.roles]
    # Kits in the original shape only carry the four hex codes.
    return [
        Swatch(role, role.capitalize(), getattr(palette, role), _rgb(getattr(palette, role)), None, '')
        for role in ROLE_ORDER
    ]


def _swatches(palette: ColorPalette, tools: CardTools | None = None) -> None:
    ui.label('Click or press Enter on a swatch to copy its hex code.').classes(f'text-sm {MUTED_TEXT}')
    with ui.element('div').classes('grid w-full grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4'):
        for swatch in _role_swatches(palette):
            _swatch(swatch, palette.psychology.get(swatch.role, ''), tools)


def _swatch(swatch: Swatch, psychology: str, tools: CardTools | None = None) -> None:
    color = _hex(swatch.hex)
    with ui.column().classes('min-w-0 gap-1').mark(f'role-{swatch.role}'):
        # A native <button> so the swatch is reachable with Tab and activates with Enter and Space.
        block = (
            ui.element('button')
            .classes(
                f'h-20 w-full cursor-pointer rounded-lg {BORDER} '
                'focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 '
                'focus-visible:outline-blue-600 dark:focus-visible:outline-blue-300'
            )
            .style(f'background-color: {color}')
            .mark(f'swatch-{swatch.role}')
        )
        block.props['type'] = 'button'
        block.props['aria-label'] = f'Copy {swatch.role} colour {swatch.name}, {color}'
        block.on('click', lambda: copy_to_clipboard(color, color))
        mouse_tooltip(block, f'Copy {color}')
        with ui.row(wrap=False).classes('w-full items-center justify-between gap-1'):
            ui.label(swatch.role).classes(SUBHEADING)
            if tools is not None and swatch.role in ROLE_ORDER:
                tools.element(SectionName.PALETTE, swatch.role)
        ui.label(swatch.name).classes('break-words font-semibold')
        ui.label(color).classes('font-mono text-sm')
        ui.label('RGB {}, {}, {}'.format(*swatch.rgb)).classes(f'font-mono text-sm {MUTED_TEXT}')
        if swatch.oklch is not None:
            lightness, chroma, hue = swatch.oklch
            ui.label(f'oklch({lightness * 100:.1f}% {chroma:.3f} {hue:.1f})').classes(
                f'break-all font-mono text-sm {MUTED_TEXT}'
            )
        if swatch.usage:
            ui.label(swatch.usage).classes('break-words text-sm')
        if psychology:
            ui.label(psychology).classes(f'break-words text-sm italic {MUTED_TEXT}').mark('psychology')


def _distances(palette: ColorPalette) -> None:
    """How far apart the brand roles lie (OKLab ΔE) against the threshold each pair must clear."""
    colors = {role: _hex(getattr(palette, role)) for role in ('primary', 'secondary', 'accent')}
    with ui.row(wrap=True).classes('items-center gap-x-4 gap-y-1 text-sm').mark('role-distances'):
        ui.label('Distinct roles (OKLab ΔE, 0.02 ≈ one just-noticeable difference):').classes('font-medium')
        for pair in role_pairs(colors):
            verdict = 'apart' if pair.distinct else 'too close'
            ui.label(
                f'{pair.first}–{pair.second} {pair.distance:.2f} (at least {pair.minimum:.2f}, {verdict})'
            ).classes('font-mono' if pair.distinct else 'font-mono font-semibold').mark(
                f'role-distance-{pair.first}-{pair.second}'
            )


def _step_order(step: str) -> int:
    return int(step) if step.isdigit() else 0


def _scales(scales: dict[str, dict[str, str]]) -> None:
    ui.label('Scales').classes(SUBHEADING)
    with ui.column().classes('w-full gap-1').mark('palette-scales'):
        for role, steps in scales.items():
            ordered = sorted(steps.items(), key=lambda item: _step_order(item[0]))
            columns = f'grid-template-columns: repeat({len(ordered)}, minmax(0, 1fr))'
            with ui.column().classes('w-full gap-0'):
                ui.label(role).classes('text-sm font-medium capitalize')
                with ui.element('div').classes('grid w-full gap-0.5').style(columns):
                    for step, color in ordered:
                        # the step is written on its own tile (one element per step, not two: a palette card has
                        # over a hundred steps), in whichever of black and white reads better on it
                        tile_color = _hex(color)
                        tile = (
                            ui.label(step)
                            .classes('flex h-8 items-center justify-center rounded-sm text-[10px] font-medium')
                            .style(f'background-color: {tile_color}; color: {most_readable(tile_color, TILE_TEXT)}')
                        )
                        tile.props['role'] = 'img'
                        tile.props['aria-label'] = f'{role} {step}: {tile_color}'
                        tile.props['title'] = f'{step} {tile_color}'


def _contrast(checks: list[ContrastCheck]) -> None:
    ui.label('Contrast (WCAG 2)').classes(SUBHEADING)
    if any(check.apca_lc is not None for check in checks):
        ui.label(
            'Each pair also shows its APCA lightness contrast (Lc, 0.0.98G-4g; negative for light on dark) as an '
            'advisory readout: about 75 suits body text, 60 other text, 45 headlines. WCAG 2.x decides pass or fail.'
        ).classes(f'text-sm {MUTED_TEXT}')
    for mode in ('light', 'dark'):
        mode_checks = [check for check in checks if check.mode == mode]
        if not mode_checks:
            continue
        ui.label(f'{mode.capitalize()} mode').classes('text-sm font-medium')
        with ui.element('div').classes('grid w-full grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3'):
            for check in mode_checks:
                _contrast_check(check)


def _contrast_check(check: ContrastCheck) -> None:
    with ui.row(wrap=False).classes(f'min-w-0 items-center gap-3 rounded p-2 {BORDER}').mark('contrast-check'):
        # The sample is a picture of the kit's colour pair, which may be a weak one on purpose ('AA Large', 'Fail'), not
        # studio text: its ratio and level are written next to it, so it is hidden from screen readers, and its letters
        # are generated content so that contrast checkers of the page judge the studio's own text, not this specimen.
        ui.element('span').classes("shrink-0 rounded px-3 py-1 text-xl font-semibold before:content-['Aa']").style(
            f'color: {_hex(check.foreground)}; background-color: {_hex(check.background)}'
        ).props('aria-hidden=true').mark('contrast-sample')
        # two lines of text and a badge: with some twenty-six checks per kit, every element here counts at page start
        with ui.column().classes('min-w-0 grow gap-0'):
            ui.label(f'{check.foreground_role} on {check.background_role}').classes('break-words text-sm font-medium')
            apca = '' if check.apca_lc is None else f' · APCA Lc {check.apca_lc:.0f}'
            ui.label(f'{check.ratio:.2f}:1{apca} · {CONTRAST_USES.get(check.use, check.use)}').classes(
                f'break-words text-xs {MUTED_TEXT}'
            )
        ui.label(check.level).classes(
            f'shrink-0 rounded px-1.5 text-xs font-semibold {LEVEL_CLASSES.get(check.level, LEVEL_CLASSES["Fail"])}'
        ).mark(f'contrast-level-{check.level.replace(" ", "-").lower()}')


def _previews(light: ThemeColors | None, dark: ThemeColors | None, company_name: str) -> None:
    ui.label('Preview').classes(SUBHEADING)
    with ui.element('div').classes('grid w-full grid-cols-1 gap-4 md:grid-cols-2'):
        for mode, theme in (('light', light), ('dark', dark)):
            if theme is not None:
                _preview(mode, theme, company_name)


def _preview(mode: str, theme: ThemeColors, company_name: str) -> None:
    """A mini app in the theme's colours, so the palette can be judged in use, not just as swatches."""
    with ui.column().classes('min-w-0 gap-1'):
        ui.label(f'{mode.capitalize()} mode').classes('text-sm font-medium')
        with (
            ui.column()
            .classes('w-full gap-0 overflow-hidden rounded-lg border')
            .style(f'background-color: {_hex(theme.background)}; border-color: {_hex(theme.border)}')
            .mark(f'preview-{mode}')
        ):
            with (
                ui.row(wrap=False)
                .classes('w-full items-center gap-2 px-3 py-2')
                .style(f'background-color: {_hex(theme.primary)}; color: {_hex(theme.on_primary)}')
            ):
                ui.icon('menu', size='1.25rem').props('aria-hidden=true')
                ui.label(company_name or 'Your brand').classes('min-w-0 truncate font-semibold')
            with (
                ui.column()
                .classes('m-3 gap-2 self-stretch rounded-md border p-3')
                .style(f'background-color: {_hex(theme.surface)}; border-color: {_hex(theme.border)}')
            ):
                ui.label('A clear heading').classes('text-lg font-bold').style(f'color: {_hex(theme.text)}')
                ui.label('Body text reads comfortably on the surface colour, in both modes.').style(
                    f'color: {_hex(theme.text)}'
                )
                ui.label('Muted text for captions and hints.').classes('text-sm').style(
                    f'color: {_hex(theme.muted_text)}'
                )
                with ui.row(wrap=True).classes('items-center gap-2'):
                    # Pictures of controls, not controls: text elements keep them out of the tab order.
                    _mock_control('Get started', theme.primary, theme.on_primary, 'rounded px-3 py-1.5')
                    _mock_control('Learn more', theme.secondary, theme.on_secondary, 'rounded px-3 py-1.5')
                    _mock_control('New', theme.accent, theme.on_accent, 'rounded-full px-2 py-0.5 text-xs')


def _mock_control(text: str, background: str, foreground: str, shape: str) -> None:
    ui.label(text).classes(f'font-medium {shape}').style(
        f'background-color: {_hex(background)}; color: {_hex(foreground)}'
    )


def _color_vision(palette: ColorPalette) -> None:
    ui.label('Colour vision').classes(SUBHEADING)
    ui.label('How primary and accent look with each colour-vision deficiency, and whether they stay apart.').classes(
        f'text-sm {MUTED_TEXT}'
    )
    with ui.column().classes('w-full gap-2'):
        for check in palette.color_vision:
            with ui.row(wrap=True).classes('items-center gap-x-3 gap-y-1').mark(f'color-vision-{check.deficiency}'):
                ui.label(check.deficiency.capitalize()).classes('w-28 font-medium')
                for role, color in (('primary', check.primary), ('accent', check.accent)):
                    tile = (
                        ui.element('div')
                        .classes(f'h-6 w-10 rounded {BORDER}')
                        .style(f'background-color: {_hex(color)}')
                    )
                    tile.props['role'] = 'img'
                    tile.props['aria-label'] = f'{role} as seen with {check.deficiency}: {_hex(color)}'
                    tile.props['title'] = _hex(color)
                ui.label(f'ΔE {check.delta_e_ok:.3f}').classes(f'font-mono text-sm {MUTED_TEXT}')
                with ui.row(wrap=False).classes('items-center gap-1'):
                    ui.icon('check_circle' if check.distinguishable else 'warning', size='1.1rem').props(
                        'aria-hidden=true'
                    ).classes(
                        'text-green-800 dark:text-green-300'
                        if check.distinguishable
                        else 'text-amber-700 dark:text-amber-300'
                    )
                    ui.label('distinguishable' if check.distinguishable else 'hard to tell apart').classes('text-sm')
