"""Lines from the sector's own tagline templates (data/sectors.json): a bakery's 'Baked before you wake.', a credit
union's 'Owned by members. Run for members.', filled with the company's first product, value and audience."""

from __future__ import annotations

import random
import string

from branding.design.language import BrandWords, capitalise_first
from branding.design.language.sectors import TaglineTemplate, shows_cue
from branding.sections.taglines import shapes
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.pattern_table import tagline_patterns
from branding.sections.taglines.references import audience_ref, name_ref, value_ref


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _facts(words: BrandWords) -> dict[str, str]:
    facts: dict[str, str] = {}
    if words.name_fits_tagline:
        facts |= {'name': words.name, 'Name': capitalise_first(words.name)}
    if words.products and len(words.products[0].split(' ')) <= 3:
        facts |= {'product': words.products[0], 'Product': capitalise_first(words.products[0])}
    nouns = shapes.nouns(words)
    if nouns and len(nouns[0][0].split(' ')) <= 2:
        facts |= {'value': nouns[0][0], 'Value': capitalise_first(nouns[0][0])}
    if words.audience and len(words.audience.split(' ')) <= 4:
        facts['audience'] = words.audience
    return facts


def _refs(template: str, words: BrandWords) -> tuple[str, ...]:
    fields = {field.casefold() for field in _fields(template)}
    refs = []
    if 'name' in fields:
        refs.append(name_ref(words))
    if 'value' in fields:
        refs.append(value_ref(shapes.nouns(words)[0][1]))
    if 'audience' in fields:
        refs.append(audience_ref(words))
    if 'product' in fields:
        refs.append(f'what you offer ({words.products[0]})')
    return tuple(refs)


def _fits_profile(template: TaglineTemplate, words: BrandWords, profile_text: str, facts: dict[str, str]) -> bool:
    if template.needs and not shows_cue(profile_text, template.needs):
        return False
    return _fields(template.template) <= set(facts)


def sector_lines(words: BrandWords, rng: random.Random, profile_text: str) -> list[Candidate]:
    """Every sector template the profile can fill (and whose `needs` its industry or description shows)."""
    del rng  # the choice among them is the ranking's
    sector, facts = words.sector, _facts(words)
    # a line that could only belong to this kind of company beats one that could belong to any (tagline_patterns.json)
    table = tagline_patterns().sector_lines
    rationale = table.rationale.format(sector=sector.label)
    found = []
    for template in sector.taglines:
        if _fits_profile(template, words, profile_text, facts):
            found.append(
                Candidate(
                    text=template.template.format_map(facts),
                    family='sector',
                    pattern=template.id,
                    rationale=rationale,
                    draws_on=_refs(template.template, words),
                    weight=table.weight * (table.cue_weight if template.needs else 1.0),
                )
            )
    return found
