"""data/tagline_patterns.json: the offline writer's templates, rationales, weights and voices load and validate, a
template may use only the fields its pattern is filled with, and every pattern the writer fills has its entry."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from branding.design.data_files import template_fields
from branding.design.language import read_profile
from branding.sections.taglines.pattern_table import SLOTS, cased, fields_of, tagline_patterns
from branding.sections.taglines.patterns import PATTERNS
from branding.sections.taglines.phrases import tagline_phrases
from tests.unit.test_data_files import Json, assert_refused, remove_entry, set_at
from tests.unit.test_taglines import REALISTIC


def test_each_shipped_template_uses_only_the_fields_its_pattern_is_filled_with() -> None:
    table = tagline_patterns()
    assert set(table.patterns) == set(SLOTS)
    for pattern_id, pattern in table.patterns.items():
        assert template_fields(pattern.template) <= fields_of(pattern_id), pattern_id


def test_every_pattern_of_the_table_is_written_and_filled_with_exactly_its_fields() -> None:
    # fill() refuses a field set other than SLOTS names, so writing each pattern once shows the code supplies them all
    written: set[str] = set()
    for profile in REALISTIC:
        for values in (profile.brand_values, profile.brand_values[:1], profile.brand_values[:2]):
            words = read_profile(profile.model_copy(update={'brand_values': values}))
            written |= {candidate.pattern for pattern in PATTERNS for candidate in pattern(words, random.Random(1))}
    assert set(SLOTS) <= written
    banked = {pattern for pattern in written if pattern not in SLOTS}
    assert banked <= {f'contrast:{template}' for template in tagline_phrases().contrast_templates} | {
        f'imperative:{frame.template}' for frame in tagline_phrases().imperative_frames
    }


def test_a_pattern_filled_with_other_fields_than_its_slots_is_refused() -> None:
    way_to = tagline_patterns().patterns['promise.way_to']
    fields = cased('adjective', 'calm') | cased('action', 'plan taxes')
    assert way_to.fill('promise.way_to', fields) == 'The calm way to plan taxes.'
    with pytest.raises(ValueError, match=r"promise.way_to was filled with \['Adjective', 'adjective'\]"):
        way_to.fill('promise.way_to', cased('adjective', 'calm'))
    with pytest.raises(ValueError, match=r"'noun'"):
        way_to.fill('promise.way_to', fields | {'noun': 'calm'})


# (file, how the copy is broken, what the error must say: the entry and the problem)
MALFORMED: tuple[tuple[str, Callable[[Json], None], tuple[str, ...]], ...] = (
    (
        'tagline_patterns.json',
        set_at(('patterns', 'promise.way_to', 'template'), 'The {adjectiv} way to {action}.'),
        ('patterns: ', 'promise.way_to.template', "unknown template field(s) ['adjectiv']", "'Action'"),
    ),
    (  # a field the writer fills for another pattern, not this one
        'tagline_patterns.json',
        set_at(('patterns', 'name.think', 'template'), 'Think {noun}. Think {audience}.'),
        ('name.think.template', "['audience']"),
    ),
    (
        'tagline_patterns.json',
        set_at(('patterns', 'audience.made_for', 'template'), 'Made for {audience.'),
        ('audience.made_for.template', "expected '}'"),
    ),
    (
        'tagline_patterns.json',
        remove_entry(('patterns', 'promise.way_to')),
        ('patterns', "missing ['promise.way_to']"),
    ),
    (
        'tagline_patterns.json',
        set_at(('patterns', 'promise.new_idea'), {'template': 'New {noun}.'}),
        ('patterns', "unexpected ['promise.new_idea']"),
    ),
    (
        'tagline_patterns.json',
        set_at(('patterns', 'name.think', 'voices'), ['bold', 'grumpy']),
        ('patterns.name.think.voices', "unknown voices ['grumpy']"),
    ),
    (
        'tagline_patterns.json',
        set_at(('patterns', 'promise.where_meets', 'weight'), 0),
        ('patterns.promise.where_meets.weight', 'greater than 0'),
    ),
    (
        'tagline_patterns.json',
        set_at(('patterns', 'promise.way_to', 'bare_weight'), 0.5),
        ('promise.way_to.bare_weight', "only ['imperative.action']"),
    ),
    (
        'tagline_patterns.json',
        set_at(('patterns', 'promise.way_to', 'tempalte'), 'The {adjective} way.'),
        ('patterns.promise.way_to.tempalte', 'Extra inputs are not permitted'),
    ),
    (
        'tagline_patterns.json',
        remove_entry(('family_rationales', 'name')),
        ('family_rationales', "missing ['name']"),
    ),
    ('tagline_patterns.json', remove_entry(('banks', 'imperative')), ('banks', "missing ['imperative']")),
    (
        'tagline_patterns.json',
        set_at(('sector_lines', 'rationale'), 'A line only {sectr} speaks.'),
        ('sector_lines.rationale', "['sectr']"),
    ),
    (
        'tagline_patterns.json',
        set_at(('general_lines', 'company'), '{type} company'),
        ('general_lines.company', "['type']"),
    ),
    (
        'tagline_phrases.json',
        set_at(('mass_noun_endings', 1), 'ANCE'),
        ('mass_noun_endings[1]', "'ANCE' is not one lower-case word"),
    ),
    ('tagline_phrases.json', remove_entry(('fallback_pain',)), ('fallback_pain', 'Field required')),
)


@pytest.mark.parametrize(
    ('file', 'mutate', 'expected'), MALFORMED, ids=lambda value: value if isinstance(value, str) else ''
)
def test_a_malformed_copy_is_refused_naming_the_entry_and_the_problem(
    file: str, mutate: Callable[[Json], None], expected: tuple[str, ...], tmp_path: Path
) -> None:
    assert_refused(file, mutate, expected, tmp_path)
