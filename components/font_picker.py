"""Pick the heading, body or accent font from the open-licence catalogue: a searchable select per role, its faces
filtered by category and by the scripts their installed files set (read from each @fontsource package's subsets)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nicegui import ui
from nicegui.events import ValueChangeEventArguments

from branding.design.font_files import FontLibrary
from branding.design.typography import Category, catalogue
from branding.models import Typography

FONT_ROLES = ('heading', 'body', 'accent')
ANY = ''
CATEGORIES: dict[str, str] = {
    ANY: 'Any category',
    'sans-serif': 'Sans serif',
    'serif': 'Serif',
    'display': 'Display',
    'monospace': 'Monospace',
    'handwriting': 'Handwriting',
}
# an installed package's subsets, by the script a reader knows them as
SUBSET_SCRIPTS = {
    'latin': 'Latin',
    'latin-ext': 'Latin',
    'cyrillic': 'Cyrillic',
    'cyrillic-ext': 'Cyrillic',
    'greek': 'Greek',
    'greek-ext': 'Greek',
    'vietnamese': 'Vietnamese',
}
LATIN_ONLY = ('Latin',)  # the catalogue's faces all set Latin; a face that is not installed says no more

PickHandler = Callable[[str, str], Awaitable[None]]


@dataclass(kw_only=True, slots=True, frozen=True)
class FontChoice:
    family: str
    category: Category
    roles: frozenset[str]
    scripts: tuple[str, ...]


def subset_scripts(metadata: Path) -> tuple[str, ...]:
    """The scripts a @fontsource package's `metadata.json` lists subsets of (Latin only when it cannot be read)."""
    try:
        subsets = json.loads(metadata.read_text(encoding='utf-8')).get('subsets', [])
    except (OSError, ValueError, AttributeError):
        return LATIN_ONLY
    scripts = {SUBSET_SCRIPTS[subset] for subset in subsets if subset in SUBSET_SCRIPTS}
    return tuple(sorted(scripts | set(LATIN_ONLY)))


@cache
def _choices(root: Path) -> tuple[FontChoice, ...]:
    fonts = FontLibrary(root=root)
    return tuple(
        FontChoice(
            family=entry.family,
            category=entry.category,
            roles=frozenset(entry.roles),
            scripts=subset_scripts(fonts.package(entry.family) / 'metadata.json'),
        )
        for entry in catalogue().families
    )


def font_choices(fonts: FontLibrary) -> tuple[FontChoice, ...]:
    """Every catalogue face with its category, roles and scripts (read once per font folder)."""
    return _choices(fonts.root)


def scripts(choices: tuple[FontChoice, ...]) -> list[str]:
    return sorted({script for choice in choices for script in choice.scripts})


def options_for(choices: tuple[FontChoice, ...], role: str, *, category: str, script: str, current: str) -> list[str]:
    """The families offered for `role`: suited to it, of `category` and setting `script` (ANY: all), alphabetical,
    with the family the kit has now always among them."""
    families = {
        choice.family
        for choice in choices
        if role in choice.roles and category in {ANY, choice.category} and (script == ANY or script in choice.scripts)
    }
    return sorted(families | {current}, key=str.casefold)


class FontPicker:
    """The three role selects under two filters; choosing a face calls `on_pick(role, family)`."""

    def __init__(self, typography: Typography, fonts: FontLibrary, *, on_pick: PickHandler) -> None:
        self.current = {role: str(getattr(typography, f'{role}_font')) for role in FONT_ROLES}
        self.choices = font_choices(fonts)
        self.on_pick = on_pick
        self.selects: dict[str, ui.select] = {}
        with ui.column().classes('w-full gap-2').mark('font-picker'):
            with ui.row(wrap=True).classes('w-full items-center gap-2'):
                self.category = (
                    ui.select(CATEGORIES, value=ANY, label='Category', on_change=self._filter)
                    .classes('min-w-40')
                    .props('dense outlined')
                    .mark('font-category')
                )
                script_options = {ANY: 'Any script', **{name: name for name in scripts(self.choices)}}
                self.script = (
                    ui.select(script_options, value=ANY, label='Script', on_change=self._filter)
                    .classes('min-w-40')
                    .props('dense outlined')
                    .mark('font-script')
                )
            with ui.element('div').classes('grid w-full grid-cols-1 gap-2 md:grid-cols-3'):
                for role in FONT_ROLES:
                    select = ui.select(
                        self._options(role),
                        value=self.current[role],
                        label=f'{role.capitalize()} font',
                        with_input=True,  # type to search the catalogue
                        on_change=lambda event, role=role: self._picked(role, event),
                    )
                    self.selects[role] = select.classes('w-full').props('dense outlined').mark(f'font-select-{role}')

    def _options(self, role: str) -> list[str]:
        return options_for(
            self.choices,
            role,
            category=str(self.category.value or ANY),
            script=str(self.script.value or ANY),
            current=self.current[role],
        )

    def _filter(self) -> None:
        for role, select in self.selects.items():
            select.set_options(self._options(role), value=select.value)

    async def _picked(self, role: str, event: ValueChangeEventArguments[str]) -> None:
        family = event.value
        if family and family != self.current[role]:
            await self.on_pick(role, family)
