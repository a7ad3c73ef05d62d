"""The installed open-licence icon set logo symbols are drawn from: Tabler Icons (MIT), from npm at set-up (icons/).

Like the fonts, the set is never read from settings: whoever composes the app builds one `IconLibrary` on the folder
of the `@tabler/icons` package and hands it down. A folder that is missing or unreadable is an empty library that says
why, and callers fall back to the hand-drawn symbols of branding/design/marks.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Literal

IconStyle = Literal['outline', 'filled']

# Whole categories that never give a company its symbol. Brand: other companies' trademarks. Letters, Numbers, Text,
# Math, Currencies, Extensions: glyphs and labels (a symbol made of a letter or a '$' is a lettermark or a price, and
# the kit draws lettering from its own fonts). Arrows: navigation chrome. Laundry: care labels. Database: table and
# column controls. Gender: signs of who a person is, not of what a company does.
EXCLUDED_CATEGORIES = frozenset(
    {
        'Brand', 'Letters', 'Numbers', 'Text', 'Math', 'Currencies', 'Extensions', 'Arrows', 'Laundry', 'Database',
        'Gender',
    }
)  # fmt: skip

# Tabler draws interface states as a small badge in a corner of a base icon ('bell-plus', 'cloud-x', 'shield-check'):
# at logo size the badge reads as a button state, so `<base>-<badge>` goes whenever `<base>` is an icon of its own.
STATUS_BADGES = frozenset(
    {
        'ai', 'bitcoin', 'bolt', 'cancel', 'check', 'code', 'cog', 'discount', 'dollar', 'down', 'edit', 'exclamation',
        'flame', 'heart', 'key', 'minus', 'pause', 'pin', 'plus', 'question', 'search', 'share', 'spark', 'star', 'up',
        'x',
    }
)  # fmt: skip

# Families (a name, or a name followed by '-...') that are interface chrome, measurements or device states rather than
# things: window and layout controls, pointers, filters, sorting, media player buttons, signal and battery levels,
# percentages and clock hours, camera exposure settings, file-type labels, HTTP verbs, alerts, help and info marks.
UI_FAMILIES = (
    'ad', 'ad-circle', 'adjustments', 'alert', 'align', 'antenna-bars', 'app-window', 'arrow', 'arrows',
    'aspect-ratio', 'badge', 'ban', 'battery', 'border', 'box-align', 'box-margin', 'box-model',
    'box-padding', 'brightness', 'caret', 'cell-signal', 'check', 'checkbox', 'checks', 'chevron', 'chevrons',
    'circle-arrow', 'circle-caret', 'circle-chevron', 'circle-chevrons', 'circle-open-arrow', 'clear', 'click',
    'clock-hour', 'column', 'copy', 'crop', 'cursor', 'database', 'deselect', 'dimensions', 'dots', 'drag-drop',
    'ease-in', 'ease-out', 'error-404', 'exclamation', 'exposure', 'external-link', 'file-type', 'filter', 'filters',
    'focus', 'forbid', 'freeze', 'grip', 'hand-click', 'hand-finger', 'help', 'http', 'info', 'inner-shadow', 'input',
    'keyboard', 'keyframe', 'keyframes', 'layers', 'layout', 'list', 'loader', 'login', 'logout',
    'maximize', 'menu', 'minimize', 'minus', 'mobiledata', 'new-section', 'page-break', 'panorama', 'percentage',
    'photo-sensor', 'picture-in-picture', 'player', 'plus', 'pointer', 'progress', 'question-mark', 'radius',
    'resize', 'rewind', 'row', 'select', 'select-all', 'selector', 'separator', 'signal', 'sort', 'spacing',
    'square-arrow', 'square-chevron', 'square-chevrons', 'square-f0', 'square-f1', 'square-f2', 'square-f3',
    'square-f4', 'square-f5', 'square-f6', 'square-f7', 'square-f8', 'square-f9', 'square-rounded-arrow',
    'square-rounded-chevron', 'square-rounded-chevrons', 'status-change', 'subtask', 'swipe', 'tab', 'table', 'tabs',
    'text', 'time-duration', 'toggle', 'tooltip', 'transform', 'transform-point', 'view-360', 'viewport',
    'wifi', 'window', 'x', 'x-mark', 'zoom',
)  # fmt: skip

# Currency signs drawn inside an icon ('coin-euro', 'receipt-yen', 'transaction-dollar') are glyphs too.
CURRENCY_SIGNS = frozenset({'bitcoin', 'dollar', 'euro', 'monero', 'pound', 'rupee', 'taka', 'yen', 'yuan'})

# Single icons that must never become a company's symbol: letters, numbers and key glyphs outside the glyph categories
# ('ai', 'api', a '$' coin, a '5' playing card); legal and certification marks and age ratings (they make a
# claim); other companies' marks and products outside the Brand category (Mickey, Pokémon, Pac-Man, the Olympic rings,
# Michelin's guide marks, consoles and Apple devices by name, a trademarked building); signs of a faith (a company
# borrowing them speaks for believers); hazard signs; and the crude or offensive.
EXCLUDED_NAMES = frozenset(
    {
        'a-b', 'ai', 'alt', 'api', 'binary', 'clock-12', 'clock-24', 'coin', 'command', 'favicon', 'hash', 'hdr',
        'hours-12', 'hours-24', 'option', 'play-card-1', 'play-card-2', 'play-card-3', 'play-card-4', 'play-card-5',
        'play-card-6', 'play-card-7', 'play-card-8', 'play-card-9', 'play-card-10', 'play-card-a', 'play-card-j',
        'play-card-k', 'play-card-q', 'sdk', 'seo', 'slashes', 'typeface', 'zsh',
        'ce', 'copyleft', 'copyright', 'creative-commons', 'creative-commons-by', 'creative-commons-nc',
        'creative-commons-nd', 'creative-commons-sa', 'creative-commons-zero', 'explicit', 'free-rights',
        'no-copyright', 'no-creative-commons', 'no-derivatives', 'premium-rights', 'registered', 'reserved-line',
        'servicemark', 'trademark', 'rating-12-plus', 'rating-14-plus', 'rating-16-plus', 'rating-18-plus',
        'rating-21-plus', 'xxx', 'xd', 'uhd', 'sos', 'urgent', 'vs',
        'lego', 'mickey', 'pokeball', 'pacman', 'olympics', 'michelin-bib-gourmand', 'michelin-star',
        'michelin-star-green',
        'playstation-circle', 'playstation-square', 'playstation-triangle', 'xbox-a', 'xbox-b', 'xbox-x', 'xbox-y',
        'device-nintendo', 'airpods-l', 'airpods-r', 'device-airpods', 'device-airpods-case', 'device-airtag',
        'device-vision-pro', 'device-vision-pro-wifi', 'device-imac', 'device-ipad', 'device-ipad-horizontal',
        'building-burj-al-arab',
        'ankh', 'bible', 'building-church', 'building-mosque', 'confucius', 'cross', 'fish-christianity',
        'jewish-star', 'menorah', 'mosque', 'om', 'pentagram', 'pray', 'torii', 'yin-yang',
        'biohazard', 'radioactive', 'poo', 'hand-middle-finger',
    }
)  # fmt: skip


@dataclass(kw_only=True, slots=True, frozen=True)
class IconRecord:
    name: str  # 'tree', as in icons/outline/tree.svg
    category: str  # Tabler's category: 'Map', 'Nature', ...
    tags: tuple[str, ...]  # lower-case words and phrases Tabler files the icon under
    has_filled: bool  # a solid variant exists in icons/filled/


@dataclass(kw_only=True, slots=True, frozen=True)
class IconPath:
    """One `<path>` of an icon's artwork, in the 24x24 grid."""

    d: str
    stroked: bool  # drawn with the icon's round 2-unit stroke
    filled: bool


@dataclass(kw_only=True, slots=True, frozen=True)
class IconArtwork:
    name: str
    style: IconStyle
    paths: tuple[IconPath, ...]


@dataclass(kw_only=True, slots=True, frozen=True)
class _Loaded:
    icons: Mapping[str, IconRecord]
    problem: str  # '' when the set loaded


def is_excluded(name: str, category: str, names: frozenset[str] | set[str]) -> bool:
    """Whether the icon `name` may never be a company's symbol (see the lists above for why)."""
    if category in EXCLUDED_CATEGORIES or name in EXCLUDED_NAMES or name.endswith('-off'):
        return True
    if any(name == family or name.startswith(f'{family}-') for family in UI_FAMILIES):
        return True
    base, _, last = name.rpartition('-')
    return last in CURRENCY_SIGNS or (last in STATUS_BADGES and base in names)


def _tags(raw: object) -> tuple[str, ...]:
    # icons.json holds a few numbers and nulls among the tags ('24', 360)
    if not isinstance(raw, list):
        return ()
    return tuple(str(tag).casefold().strip() for tag in raw if isinstance(tag, str | int) and str(tag).strip())


def _records(raw: object) -> dict[str, IconRecord]:
    if not isinstance(raw, dict):
        raise ValueError('icons.json is not an object of icons')
    names = frozenset(str(name) for name in raw)
    records: dict[str, IconRecord] = {}
    for name in sorted(names):
        entry = raw[name]
        if not isinstance(entry, dict):
            continue
        category = str(entry.get('category') or '')
        styles = entry.get('styles')
        if is_excluded(name, category, names) or not isinstance(styles, dict) or 'outline' not in styles:
            continue
        records[name] = IconRecord(
            name=name, category=category, tags=_tags(entry.get('tags')), has_filled='filled' in styles
        )
    return records


@lru_cache(maxsize=8)
def _load(root: Path) -> _Loaded:
    # icons.json is 2 MB: read once per folder (a test may point a library at another one)
    index = root / 'icons.json'
    if not index.is_file():
        return _Loaded(
            icons=MappingProxyType({}),
            problem=f'the icon set is not installed ({index} is missing): run `make icons`; hand-drawn symbols only',
        )
    try:
        records = _records(json.loads(index.read_text(encoding='utf-8')))
    except (OSError, ValueError) as error:
        return _Loaded(icons=MappingProxyType({}), problem=f'the icon set at {root} is unreadable: {error}')
    return _Loaded(icons=MappingProxyType(records), problem='')


_SVG = '{http://www.w3.org/2000/svg}'
_NO_PAINT = ('none', 'transparent')


@lru_cache(maxsize=2048)
def _artwork(root: Path, name: str, style: IconStyle) -> IconArtwork | None:
    path = root / 'icons' / style / f'{name}.svg'
    try:
        svg = ET.fromstring(path.read_text(encoding='utf-8'))
    except (OSError, ET.ParseError):
        return None
    fill, stroke = svg.get('fill', 'black'), svg.get('stroke', 'none')
    paths: list[IconPath] = []
    for element in svg.iter(f'{_SVG}path'):
        d = element.get('d', '').strip()
        stroked = element.get('stroke', stroke) not in _NO_PAINT
        filled = element.get('fill', fill) not in _NO_PAINT
        # every Tabler icon opens with an invisible 24x24 square (no fill, no stroke) that only sets the grid
        if d and (stroked or filled):
            paths.append(IconPath(d=d, stroked=stroked, filled=filled))
    return IconArtwork(name=name, style=style, paths=tuple(paths)) if paths else None


@dataclass(kw_only=True, slots=True, frozen=True)
class IconLibrary:
    """The Tabler icons installed in `root` (the `@tabler/icons` package folder: icons.json, icons/outline/*.svg,
    icons/filled/*.svg, LICENSE), less the ones that may never be a company's symbol."""

    root: Path

    @property
    def icons(self) -> Mapping[str, IconRecord]:
        """Every usable icon by name (read-only, shared); empty when the set is not installed."""
        return _load(self.root).icons

    @property
    def problem(self) -> str:
        """Why the library is empty ('' when it is not): what a caller logs before using hand-drawn symbols."""
        return _load(self.root).problem

    @property
    def is_installed(self) -> bool:
        return bool(self.icons)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.icons

    def get(self, name: str) -> IconRecord | None:
        return self.icons.get(name)

    def artwork(self, name: str, style: IconStyle = 'outline') -> IconArtwork | None:
        """The paths of `name` drawn in `style`; None for an icon that is excluded, missing or has no such style."""
        record = self.icons.get(name)
        if record is None or (style == 'filled' and not record.has_filled):
            return None
        return _artwork(self.root, name, style)


def icon_licence_text(library: IconLibrary) -> str:
    """The icon set's licence (MIT), to ship beside any file that draws its icons; '' when it is not installed."""
    try:
        return (library.root / 'LICENSE').read_text(encoding='utf-8')
    except OSError:
        return ''
