"""The icon set and the concept table: what is left out of the set and why, the table's checks, a missing set."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from branding.design.data_files import DataFileError, packaged
from branding.design.symbols.choose import choose_symbols
from branding.design.symbols.concepts import concept_table
from branding.design.symbols.icon_set import (
    EXCLUDED_CATEGORIES,
    EXCLUDED_NAMES,
    IconLibrary,
    icon_licence_text,
    is_excluded,
)
from branding.design.symbols.outline import Box, outline_icon
from branding.models import EXAMPLE_PROFILE, CompanyType
from tests.icons import INSTALLED_ICONS, needs_icons

Json = dict[str, Any]


def _shipped() -> Json:
    data: Json = json.loads(packaged('symbol_concepts.json').read_text(encoding='utf-8'))
    return data


@needs_icons
def test_the_installed_set_keeps_only_icons_that_may_be_a_companys_symbol() -> None:
    icons = INSTALLED_ICONS.icons
    assert len(icons) > 1000
    assert not {record.category for record in icons.values()} & EXCLUDED_CATEGORIES
    assert not [name for name in icons if name.endswith('-off') or name in EXCLUDED_NAMES]
    assert 'bell' in icons and 'bell-plus' not in icons  # a status badge on a base icon is interface chrome
    assert 'cloud' in icons and 'cloud-x' not in icons
    assert 'coin-euro' not in icons and 'play-card-5' not in icons and 'ai' not in icons  # glyphs
    assert 'brand-github' not in icons and 'olympics' not in icons  # other people's marks
    assert 'arrow-left' not in icons and 'layout-sidebar' not in icons and 'player-play' not in icons  # chrome
    assert {'tree', 'flame', 'bread', 'dental', 'paw', 'ripple', 'anchor'} <= set(icons)
    assert icons['flame'].has_filled and not icons['tree'].has_filled
    assert 'fire' in icons['flame'].tags


def test_the_exclusion_rules_read_names_and_categories() -> None:
    names = {'bell', 'bell-plus', 'heart', 'heart-handshake'}
    assert is_excluded('bell-plus', 'System', names)
    assert not is_excluded('heart-handshake', 'Health', names)
    assert not is_excluded('sun-high', 'Weather', names)  # 'high' is not a badge
    assert is_excluded('brand-x', 'Brand', names)
    assert is_excluded('wifi-off', 'Devices', names)
    assert is_excluded('receipt-yen', 'E-commerce', names)


@needs_icons
def test_an_icons_artwork_is_its_visible_paths() -> None:
    tree = INSTALLED_ICONS.artwork('tree')
    assert tree is not None and tree.style == 'outline'
    assert tree.paths and all(path.stroked and not path.filled for path in tree.paths)
    assert all(path.d != 'M0 0h24v24H0z' for path in tree.paths)  # the invisible grid square is not artwork
    flame = INSTALLED_ICONS.artwork('flame', 'filled')
    assert flame is not None and all(path.filled and not path.stroked for path in flame.paths)
    assert INSTALLED_ICONS.artwork('tree', 'filled') is None
    assert INSTALLED_ICONS.artwork('brand-github') is None


@needs_icons
def test_every_icon_the_table_names_is_installed() -> None:
    missing = {
        key: [icon for icon in concept.icons if icon not in INSTALLED_ICONS]
        for key, concept in concept_table().concepts.items()
    }
    assert not {key: icons for key, icons in missing.items() if icons}


@needs_icons
def test_the_licence_ships_with_the_set() -> None:
    licence = icon_licence_text(INSTALLED_ICONS)
    assert licence.startswith('MIT License') and 'Paweł Kuna' in licence


def test_a_missing_set_is_an_empty_library_that_says_so(tmp_path: Path) -> None:
    library = IconLibrary(root=tmp_path / 'nowhere')
    assert not library.is_installed and library.icons == {}
    assert 'make icons' in library.problem
    assert library.artwork('tree') is None and 'tree' not in library
    assert icon_licence_text(library) == ''
    assert choose_symbols(EXAMPLE_PROFILE, count=3, seed=1, library=library) is None
    assert outline_icon(library, 'tree', box=Box(x=0, y=0, width=10, height=10)) is None


def test_an_unreadable_set_is_empty_too(tmp_path: Path) -> None:
    (tmp_path / 'icons.json').write_text('{not json', encoding='utf-8')
    library = IconLibrary(root=tmp_path)
    assert not library.is_installed and 'unreadable' in library.problem
    assert choose_symbols(EXAMPLE_PROFILE, count=1, seed=0, library=library) is None


def test_the_concept_table_is_large_and_read_once() -> None:
    table = concept_table()
    assert table is concept_table()
    assert len(table.concepts) >= 150 and len(table.sectors) >= 30
    assert set(table.company_type_defaults) == set(CompanyType)
    cliches = {key for key, concept in table.concepts.items() if concept.only_for}
    assert {'shield', 'chart', 'lock', 'bulb', 'rocket', 'globe'} <= cliches
    assert table.concepts['shield'].only_for == ('security', 'insurance')


def test_a_copy_of_the_table_loads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / 'symbol_concepts.json'
    path.write_text(json.dumps(_shipped()), encoding='utf-8')
    assert concept_table(path) == concept_table()


def _set(data: Json, keys: tuple[str, ...], value: object) -> None:
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] = value


Breakage = Callable[[Json], None]
BREAKAGES: list[tuple[str, Breakage, str]] = [
    ('an upper-case word', lambda d: _set(d, ('concepts', 'wave', 'words'), ['Wave']), 'concepts.wave.words[0]'),
    ('a short stem', lambda d: _set(d, ('concepts', 'wave', 'words'), ['wa*']), 'stem of 3+ letters'),
    ('an accent', lambda d: _set(d, ('concepts', 'coffee', 'words'), ['café']), 'without accents'),
    ('no icons', lambda d: _set(d, ('concepts', 'wave', 'icons'), []), 'concepts.wave.icons'),
    ('a bad icon name', lambda d: _set(d, ('concepts', 'wave', 'icons'), ['Ripple']), 'concepts.wave.icons[0]'),
    ('an unknown sector', lambda d: _set(d, ('concepts', 'shield', 'only_for'), ['bakeries']), "sector 'bakeries'"),
    ('an unknown default', lambda d: _set(d, ('sectors', 'dental', 'defaults'), ['molar']), "concept 'molar'"),
    ('a cliché without its literal words', lambda d: _set(d, ('concepts', 'shield', 'literal'), []), 'literal'),
    ('a literal word it does not read', lambda d: _set(d, ('concepts', 'lock', 'literal'), ['vault']), "['vault']"),
    ('a misspelt key', lambda d: _set(d, ('concepts', 'wave', 'icon'), ['ripple']), 'concepts.wave.icon'),
    ('a template field', lambda d: _set(d, ('rationales', 'values'), '{label} for {value}'), "['value']"),
    ('a missing type', lambda d: d['company_type_defaults'].pop('devtools'), "missing ['devtools']"),
]


@pytest.mark.parametrize(('breakage', 'where'), [(b, w) for _, b, w in BREAKAGES], ids=[i for i, _, _ in BREAKAGES])
def test_a_malformed_table_is_refused_naming_the_entry(breakage: Breakage, where: str, tmp_path: Path) -> None:
    data = _shipped()
    breakage(data)
    path = tmp_path / 'symbol_concepts.json'
    path.write_text(json.dumps(data), encoding='utf-8')
    with pytest.raises(DataFileError) as refused:
        concept_table(path)
    assert str(path) in str(refused.value) and where in str(refused.value)
