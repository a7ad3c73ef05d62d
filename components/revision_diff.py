"""Two versions of a kit side by side, in the parts an owner changes: the palette as swatches, the fonts, the chosen
logo and the taglines (starred ones marked); each part says whether it changed between them."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from nicegui import ui

from branding.models import BrandKit
from components.cards import MUTED_TEXT, SUBHEADING

COLOUR_ROLES = ('primary', 'secondary', 'accent', 'neutral')
FONT_ROLES = ('heading', 'body', 'accent')
HEX = re.compile(r'#[0-9a-f]{6}')
PART_TITLES = {'palette': 'Palette', 'fonts': 'Fonts', 'logo': 'Chosen logo', 'taglines': 'Taglines'}
CHANGED = 'rounded bg-amber-200 px-2 text-xs font-medium text-gray-900'
SAME = f'text-xs {MUTED_TEXT}'


@dataclass(kw_only=True, slots=True, frozen=True)
class Look:
    """A version of the kit in the parts the diff compares."""

    colours: tuple[tuple[str, str], ...]  # (role, #rrggbb)
    fonts: tuple[tuple[str, str], ...]  # (role, family)
    logo: str  # what the chosen logo is, in words
    logo_svg: str | None  # its icon (or mark), None when no logo is chosen
    taglines: tuple[tuple[str, bool], ...]  # (text, starred)

    def part(self, name: str) -> object:
        return {
            'palette': self.colours,
            'fonts': self.fonts,
            'logo': (self.logo, self.logo_svg),
            'taglines': self.taglines,
        }[name]


def look(kit: BrandKit) -> Look:
    palette, typography = kit.color_palette, kit.typography
    colours = tuple((role, str(getattr(palette, role))) for role in COLOUR_ROLES) if palette is not None else ()
    fonts = tuple((role, str(getattr(typography, f'{role}_font'))) for role in FONT_ROLES) if typography else ()
    chosen = kit.chosen_logo
    if chosen is not None and chosen < len(kit.logos):
        concept = kit.logos[chosen]
        logo = f'Logo {chosen + 1}, {concept.style.value}'
        svg: str | None = concept.variants.icon if concept.variants is not None else concept.svg
    else:
        logo, svg = 'None chosen: the first concept is used', None
    starred = set(kit.starred_taglines)
    taglines = tuple((tagline.text, tagline.id in starred) for tagline in kit.taglines)
    return Look(colours=colours, fonts=fonts, logo=logo, logo_svg=svg, taglines=taglines)


def changed_parts(before: Look, after: Look) -> list[str]:
    return [name for name in PART_TITLES if before.part(name) != after.part(name)]


def create(before: tuple[int, BrandKit], after: tuple[int, BrandKit]) -> None:
    """Version `before[0]` beside version `after[0]`, part by part."""
    looks = (look(before[1]), look(after[1]))
    changed = set(changed_parts(*looks))
    with ui.column().classes('w-full gap-3').mark('revision-diff'):
        with ui.element('div').classes('grid w-full grid-cols-2 gap-2'):
            for number, _ in (before, after):
                ui.label(f'Version {number}').classes('font-semibold')
        for name, title in PART_TITLES.items():
            with ui.column().classes('w-full gap-1').mark(f'diff-{name}'):
                with ui.row(wrap=False).classes('w-full items-center gap-2'):
                    ui.label(title).classes(SUBHEADING)
                    if name in changed:
                        ui.label('changed').classes(CHANGED).mark('diff-changed')
                    else:
                        ui.label('same').classes(SAME)
                with ui.element('div').classes('grid w-full grid-cols-2 gap-2'):
                    for version in looks:
                        with ui.column().classes('min-w-0 gap-1'):
                            PARTS[name](version)


def _palette(version: Look) -> None:
    with ui.row(wrap=True).classes('gap-1'):
        for role, colour in version.colours:
            value = colour if HEX.fullmatch(colour) else '#808080'
            swatch = (
                ui.element('div')
                .classes('h-7 w-7 rounded border border-gray-300 dark:border-gray-600')
                .style(f'background-color: {value}')
            )
            swatch.props.update({'role': 'img', 'aria-label': f'{role} {value}', 'title': f'{role} {value}'})
    primary = dict(version.colours).get('primary')
    if primary is not None:
        ui.label(f'primary {primary}').classes(f'font-mono text-xs {MUTED_TEXT}')


def _fonts(version: Look) -> None:
    for role, family in version.fonts:
        ui.label(f'{role.capitalize()}: {family}').classes('break-words text-sm')


def _logo(version: Look) -> None:
    if version.logo_svg is not None:
        data = base64.b64encode(version.logo_svg.encode()).decode()
        image = ui.image(f'data:image/svg+xml;base64,{data}').classes('h-12 w-12').props('fit=contain no-spinner')
        image.props['alt'] = version.logo
    ui.label(version.logo).classes('break-words text-sm')


def _taglines(version: Look) -> None:
    for text, starred in version.taglines:
        with ui.row(wrap=False).classes('min-w-0 items-start gap-1'):
            if starred:
                ui.icon('star', size='1rem').classes('text-amber-700 dark:text-amber-300').props('aria-hidden=true')
                ui.label('Starred:').classes('sr-only')
            ui.label(text).classes('min-w-0 break-words text-sm').mark('diff-starred' if starred else 'diff-tagline')


PARTS = {'palette': _palette, 'fonts': _fonts, 'logo': _logo, 'taglines': _taglines}
