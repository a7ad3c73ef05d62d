"""The offline writer's pattern table (data/tagline_patterns.json): each pattern's line template, why it works, its
weight and the voices that favour it, validated once against the fields the writer fills each template with.

The writer decides which of the profile's words feed which pattern; the table says how the line reads. A template
may use only the fields its pattern is filled with (SLOTS), so a content editor's typo fails at load time, naming
the pattern, rather than when a kit is made.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, field_validator

from branding.design.data_files import TABLE_CONFIG, DataSource, Text, check_keys, check_template, packaged, read_table
from branding.design.language import capitalise_first
from branding.sections.taglines.phrases import Voices

# Slots filled in two forms: as read ({noun}) and with its first letter capitalised ({Noun}), for a line's start.
CASED = frozenset({'noun', 'adjective', 'action', 'industry', 'audience', 'thing', 'first', 'second'})

# What the writer fills each pattern's template with; a cased slot gives both of its forms. beats: the pattern's
# values or actions as short sentences ('Clear. Calm. Kind.'); closer: the voice's closing beat; name_sentence:
# the name closed as a sentence ('Acme.'); third_person_action: an action as the audience does it ('tracks bills').
SLOTS: Mapping[str, tuple[str, ...]] = {
    'triad.values': ('beats',),
    'triad.adjectives_closer': ('beats', 'closer'),
    'triad.two_values_closer': ('beats', 'closer'),
    'contrast.industry_without': ('industry', 'pain'),
    'contrast.without_compromise': ('noun',),
    'contrast.action_without': ('action', 'pain'),
    'promise.industry_made': ('industry', 'adjective'),
    'promise.future_of': ('industry', 'adjective'),
    'promise.reimagined': ('industry',),
    'promise.thing_made': ('thing', 'adjective'),
    'promise.count_on': ('noun',),
    'promise.by_design': ('noun',),
    'promise.where_meets': ('first', 'second'),
    'promise.built_designed': ('first', 'second'),
    'promise.by_default': ('adjective',),
    'promise.way_to': ('adjective', 'action'),
    'promise.nothing_less': ('noun',),
    'imperative.action': ('action', 'beats'),
    'imperative.two_actions': ('beats',),
    'imperative.three_actions': ('beats',),
    'imperative.action_with': ('action', 'noun'),
    'audience.helping': ('audience', 'third_person_action'),
    'audience.made_for': ('audience',),
    'audience.made_for_built_on': ('audience', 'noun'),
    'audience.meet': ('audience', 'noun'),
    'audience.who_value': ('audience', 'noun'),
    'audience.adjective_industry_for': ('adjective', 'industry', 'audience'),
    'name.industry_made': ('name', 'name_sentence', 'industry', 'adjective'),
    'name.with_name': ('name', 'action'),
    'name.means': ('name', 'noun'),
    'name.think': ('name', 'noun'),
    'name.adjectives_name': ('beats', 'name'),
    'name.theres': ('name', 'industry'),
    'name.made_for': ('name', 'name_sentence', 'audience'),
}
FAMILIES = ('triad', 'contrast', 'promise', 'imperative', 'audience', 'name')
BANKS = ('contrast', 'imperative')  # families with a bank of templates in tagline_phrases.json
BARE_WEIGHTED = frozenset({'imperative.action'})  # the patterns that weigh a bare two-word line apart

# What a sector's or a fallback line's rationale may name.
SECTOR_RATIONALE_FIELDS = ('sector',)
GENERAL_RATIONALE_FIELDS = ('company', 'voice')


def _capitalised(slot: str) -> str:
    return slot[:1].upper() + slot[1:]


@cache
def fields_of(pattern_id: str) -> frozenset[str]:
    """The fields `pattern_id`'s template may use: each slot, and a cased slot's capitalised form."""
    slots = SLOTS[pattern_id]
    return frozenset(slots) | {_capitalised(slot) for slot in slots if slot in CASED}


def cased(slot: str, text: str) -> dict[str, str]:
    """{'noun': 'clarity', 'Noun': 'Clarity'}: both forms of a cased slot."""
    return {slot: text, _capitalised(slot): capitalise_first(text)}


Weight = Annotated[float, Field(gt=0)]


class Pattern(BaseModel):
    model_config = TABLE_CONFIG

    template: Text
    rationale: Text | None = None  # why the line works; its family's when none is given
    weight: Weight = 1.0  # how much the choice favours it (times the rank of its words, for ranked patterns)
    bare_weight: Weight | None = None  # the weight of a line too short to stand alone ('Plan taxes.')
    voices: Voices = frozenset()  # voices that favour the pattern's frame

    def fill(self, pattern_id: str, fields: Mapping[str, str]) -> str:
        """The template filled; the writer must supply exactly the fields SLOTS names (a guard against drift)."""
        if fields.keys() != fields_of(pattern_id):
            raise ValueError(f'{pattern_id} was filled with {sorted(fields)}, not {sorted(fields_of(pattern_id))}')
        return self.template.format_map(fields)


class Bank(BaseModel):
    """How lines from a bank of templates (tagline_phrases.json) are explained and weighed."""

    model_config = TABLE_CONFIG

    rationale: Text | None = None
    weight: Weight = 1.0


def _sector_rationale(template: str) -> str:
    return check_template(template, SECTOR_RATIONALE_FIELDS)


def _general_rationale(template: str) -> str:
    return check_template(template, GENERAL_RATIONALE_FIELDS)


def _company(template: str) -> str:
    return check_template(template, ('type_with_article',))


class SectorLines(BaseModel):
    """Lines from a sector's own templates (data/sectors.json)."""

    model_config = TABLE_CONFIG

    rationale: Annotated[Text, AfterValidator(_sector_rationale)]
    weight: Weight
    cue_weight: Weight  # times `weight` for a template that only fits when the profile shows its cue


class GeneralLines(BaseModel):
    """Lines for profiles with too few usable words (type_lines and general_lines of tagline_phrases.json)."""

    model_config = TABLE_CONFIG

    typed_rationale: Annotated[Text, AfterValidator(_general_rationale)]
    rationale: Annotated[Text, AfterValidator(_general_rationale)]
    company: Annotated[Text, AfterValidator(_company)]  # 'a bakery company'
    unknown_company: Text  # when the profile's type has no word of its own


class TaglinePatterns(BaseModel):
    model_config = TABLE_CONFIG

    about: str
    family_rationales: dict[str, Text]
    patterns: dict[str, Pattern]
    banks: dict[str, Bank]
    sector_lines: SectorLines
    general_lines: GeneralLines

    @field_validator('family_rationales')
    @classmethod
    def _every_family(cls, table: dict[str, str]) -> dict[str, str]:
        check_keys(table, FAMILIES, 'family_rationales must cover each family of the six patterns once')
        return table

    @field_validator('banks')
    @classmethod
    def _every_bank(cls, table: dict[str, Bank]) -> dict[str, Bank]:
        check_keys(table, BANKS, 'banks must cover each family with a bank of templates once')
        return table

    @field_validator('patterns')
    @classmethod
    def _templates_use_what_the_writer_fills(cls, table: dict[str, Pattern]) -> dict[str, Pattern]:
        check_keys(table, SLOTS, 'patterns must cover each pattern the writer fills once')
        for pattern_id, pattern in table.items():
            try:
                check_template(pattern.template, fields_of(pattern_id))
            except ValueError as error:
                raise ValueError(f'{pattern_id}.template: {error}') from None
            if pattern.bare_weight is not None and pattern_id not in BARE_WEIGHTED:
                raise ValueError(f'{pattern_id}.bare_weight: only {sorted(BARE_WEIGHTED)} weigh a bare line apart')
        return table

    def rationale(self, pattern_id: str) -> str:
        return self.patterns[pattern_id].rationale or self.family_rationales[family_of(pattern_id)]

    def bank_rationale(self, family: str) -> str:
        return self.banks[family].rationale or self.family_rationales[family]


def family_of(pattern_id: str) -> str:
    """'promise.way_to' -> 'promise'."""
    return pattern_id.split('.', maxsplit=1)[0]


@cache
def tagline_patterns(source: DataSource | None = None) -> TaglinePatterns:
    return read_table(source or packaged('tagline_patterns.json'), TaglinePatterns)
