"""The content tables in branding/design/data: each loads and validates, and a malformed copy is refused by entry."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from branding.design.data_files import DataFileError, packaged
from branding.design.language import (
    FACT_FIELDS,
    TAGLINE_FAMILIES,
    company_types,
    lexicon,
    read_profile,
    value_senses,
    voice_facts,
    voices,
)
from branding.design.palette import BASE_ROLES, HARMONIES
from branding.models import TONES, CompanyType
from branding.sections.guideline_phrases import guideline_phrases
from branding.sections.palette_phrases import palette_phrases
from branding.sections.taglines.pattern_table import tagline_patterns
from branding.sections.taglines.phrases import tagline_phrases
from tests.unit.test_taglines import REALISTIC

Json = dict[str, Any]
Loader = Callable[..., object]  # a functools.cache wrapper taking one DataSource or None


@dataclass(frozen=True, kw_only=True, slots=True)
class Table:
    file: str
    loader: Loader


TABLES = (
    Table(file='lexicon.json', loader=lexicon),
    Table(file='voices.json', loader=voices),
    Table(file='brand_values.json', loader=value_senses),
    Table(file='company_types.json', loader=company_types),
    Table(file='tagline_phrases.json', loader=tagline_phrases),
    Table(file='tagline_patterns.json', loader=tagline_patterns),
    Table(file='guideline_phrases.json', loader=guideline_phrases),
    Table(file='palette_phrases.json', loader=palette_phrases),
)
BY_FILE = {table.file: table for table in TABLES}


def shipped(file: str) -> Json:
    data: Json = json.loads(packaged(file).read_text(encoding='utf-8'))
    return data


@pytest.mark.parametrize('table', TABLES, ids=lambda table: table.file)
def test_each_shipped_table_loads_and_is_read_once(table: Table) -> None:
    assert table.loader(None) is table.loader(None)  # cached: the file is read and validated once


@pytest.mark.parametrize('table', TABLES, ids=lambda table: table.file)
def test_a_copy_of_each_table_loads_from_a_path(table: Table, tmp_path: Path) -> None:
    path = tmp_path / table.file
    path.write_text(json.dumps(shipped(table.file)), encoding='utf-8')
    assert table.loader(path) == table.loader(None)


def test_the_tables_cover_what_the_code_names() -> None:
    assert list(voices()) == list(TONES)
    assert all(set(voice.family_weights) == set(TAGLINE_FAMILIES) for voice in voices().values())
    assert set(company_types()) == set(CompanyType)
    assert value_senses()['clear'].noun == 'clarity'
    assert 'invoice' in lexicon().verbs
    assert set(tagline_phrases().type_lines) == set(CompanyType)
    assert set(palette_phrases().harmonies) == set(HARMONIES)
    assert set(palette_phrases().role_usage) == set(BASE_ROLES)
    phrases = guideline_phrases()
    assert all(key in phrases.applications for keys in phrases.type_applications.values() for key in keys)


def test_voice_templates_use_exactly_the_facts_voice_facts_fills() -> None:
    for profile in REALISTIC:
        assert set(voice_facts(read_profile(profile))) == FACT_FIELDS


def _drop(key: str) -> Callable[[Json], None]:
    def mutate(data: Json) -> None:
        del data[key]

    return mutate


def set_at(path: tuple[str | int, ...], value: object) -> Callable[[Json], None]:
    def mutate(data: Json) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return mutate


def remove_entry(path: tuple[str | int, ...]) -> Callable[[Json], None]:
    def mutate(data: Json) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return mutate


def _rename(path: tuple[str | int, ...], old: str, new: str) -> Callable[[Json], None]:
    def mutate(data: Json) -> None:
        target: Any = data
        for part in path:
            target = target[part]
        target[new] = target.pop(old)

    return mutate


# (file, how the copy is broken, what the error must say: the entry and the problem)
MALFORMED: tuple[tuple[str, Callable[[Json], None], tuple[str, ...]], ...] = (
    ('lexicon.json', set_at(('stopwords', 0), 'The'), ('stopwords[0]', "'The' is not one lower-case word")),
    ('lexicon.json', _drop('verbs'), ('verbs', 'Field required')),
    ('voices.json', remove_entry(('voices', 'playful', 'closers')), ('voices.playful.closers', 'Field required')),
    ('voices.json', set_at(('voices', 'bold', 'closers'), []), ('voices.bold.closers', 'at least 1 item')),
    (
        'voices.json',
        set_at(('voices', 'bold', 'family_weights', 'slogan'), 2.0),
        ('voices.bold.family_weights', 'slogan'),
    ),
    ('voices.json', set_at(('voices', 'bold', 'family_weights', 'triad'), -1), ('voices.bold.family_weights.triad',)),
    (
        'voices.json',
        set_at(('voices', 'friendly', 'do_examples', 1), 'Hi {nmae}!'),
        ('voices.friendly.do_examples[1]', "['nmae']"),
    ),
    (
        'voices.json',
        set_at(('voices', 'caring', 'traits', 0, 'meaning'), 'We care for {audience'),
        ('voices.caring.traits[0].meaning',),
    ),
    ('voices.json', remove_entry(('voices', 'caring')), ('voices', "missing ['caring']")),
    ('voices.json', set_at(('voices', 'grumpy'), {}), ('voices.grumpy.cues', 'Field required')),
    ('voices.json', _rename(('voices',), 'caring', 'grumpy'), ("missing ['caring'], unexpected ['grumpy']",)),
    (
        'brand_values.json',
        set_at(('values', 1, 'aliases'), ['clarity']),
        ('values', "values[1] (simplicity): 'clarity' already names an earlier value"),
    ),
    ('brand_values.json', set_at(('values', 0, 'noun'), ''), ('values[0].noun', 'at least 1 character')),
    ('brand_values.json', set_at(('values', 2, 'aliases'), ['Trust']), ('values[2].aliases', "['Trust']")),
    ('company_types.json', remove_entry(('company_types', 'devtools')), ('company_types', "missing ['devtools']")),
    ('company_types.json', set_at(('company_types', 'saas', 'pains'), []), ('company_types.saas.pains',)),
    (
        'tagline_phrases.json',
        set_at(('general_lines', 3), 'One two three four five six seven eight nine ten eleven.'),
        ('general_lines[3]', 'longer than 10 words'),
    ),
    (
        'tagline_phrases.json',
        set_at(('imperative_frames', 2, 'voices'), ['bold', 'grumpy']),
        ('imperative_frames[2].voices', "['grumpy']"),
    ),
    (
        'tagline_phrases.json',
        set_at(('contrast_templates', 0), '{Noun} without the {pains}.'),
        ('contrast_templates[0]', "['pains']"),
    ),
    ('tagline_phrases.json', remove_entry(('type_lines', 'fintech')), ('type_lines', "missing ['fintech']")),
    ('guideline_phrases.json', set_at(('dos', 1), 'Use *bold* sparingly.'), ('dos[1]', "['*']")),
    ('guideline_phrases.json', set_at(('donts', 0), '- Nested list.'), ('donts[0]', 'Markdown block')),
    (
        'guideline_phrases.json',
        set_at(('type_applications', 'saas'), ['website', 'billboard']),
        ('type_applications', "saas: ['billboard']"),
    ),
    (
        'guideline_phrases.json',
        set_at(('applications', 'deck', 'text'), 'slides in {font}'),
        ('applications.deck.text', "['font']"),
    ),
    ('guideline_phrases.json', remove_entry(('interim', 'no_palette')), ('interim.no_palette', 'Field required')),
    ('palette_phrases.json', remove_entry(('harmonies', 'triadic')), ('harmonies', "missing ['triadic']")),
    ('palette_phrases.json', set_at(('usage_guidelines',), 'Mostly {grey}.'), ('usage_guidelines', "['grey']")),
    ('palette_phrases.json', set_at(('role_notes', 'text'), 'Dark.'), ('role_notes', "unknown roles ['text']")),
)


@pytest.mark.parametrize(
    ('file', 'mutate', 'expected'), MALFORMED, ids=lambda value: value if isinstance(value, str) else ''
)
def test_a_malformed_copy_is_refused_naming_the_file_and_the_entry(
    file: str, mutate: Callable[[Json], None], expected: tuple[str, ...], tmp_path: Path
) -> None:
    assert_refused(file, mutate, expected, tmp_path)


def assert_refused(file: str, mutate: Callable[[Json], None], expected: tuple[str, ...], tmp_path: Path) -> None:
    """A copy of the shipped `file` changed by `mutate` is refused, the message naming the file and each `expected`."""
    data = shipped(file)
    mutate(data)
    path = tmp_path / file
    path.write_text(json.dumps(data), encoding='utf-8')
    with pytest.raises(DataFileError) as refused:
        BY_FILE[file].loader(path)
    message = str(refused.value)
    assert message.startswith(f'{path} is malformed: ')
    for part in expected:
        assert part in message, message


@pytest.mark.parametrize('table', TABLES, ids=lambda table: table.file)
def test_a_copy_that_is_not_json_is_refused_naming_the_file(table: Table, tmp_path: Path) -> None:
    path = tmp_path / table.file
    path.write_text('{"about": "cut off', encoding='utf-8')
    with pytest.raises(DataFileError, match=r'is malformed: the file: Invalid JSON'):
        table.loader(path)


@pytest.mark.parametrize('table', TABLES, ids=lambda table: table.file)
def test_a_misspelt_key_is_refused_not_ignored(table: Table, tmp_path: Path) -> None:
    data = shipped(table.file)
    data['abuot'] = data.pop('about')
    path = tmp_path / table.file
    path.write_text(json.dumps(data), encoding='utf-8')
    with pytest.raises(DataFileError, match=r'abuot: Extra inputs are not permitted'):
        table.loader(path)
