"""The six rhetorical patterns of the offline writer, each turning the profile's words into candidate lines.

Value triads, contrasts, promises, imperatives, audience lines and name-led lines. Each pattern decides which of the
profile's words feed which template and in what order; how the line reads, why it works, its weight and the voices
that favour it come from data/tagline_patterns.json (`pattern_table`). Earlier values and actions weigh more.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable

from branding.design.language import (
    BrandWords,
    capitalise_first,
    count_words,
    end_sentence,
    lexicon,
    to_third_person,
)
from branding.sections.taglines import shapes
from branding.sections.taglines.candidate import Candidate
from branding.sections.taglines.pattern_table import cased, family_of, tagline_patterns
from branding.sections.taglines.phrases import tagline_phrases
from branding.sections.taglines.references import (
    action_ref,
    adjective_refs,
    audience_ref,
    industry_ref,
    name_ref,
    value_ref,
    values_ref,
)

_TRIAD_MAX_VALUE_WORDS = 3
_BARE_ACTION_WORDS = 3  # an action of fewer words ('Plan taxes.') alone is a label, not a line


def _uncountable(phrase: str) -> bool:
    """Whether a phrase reads without an article: 'personal finance', 'trucking', 'fashion', not 'perfume house'."""
    last = phrase.rsplit(' ', maxsplit=1)[-1].casefold()
    return last.endswith(tagline_phrases().mass_noun_endings) or last in lexicon().mass_nouns


def _beats(texts: Iterable[str]) -> str:
    """'Clear. Calm. Kind.': each text closed as a sentence."""
    return ' '.join(end_sentence(text) for text in texts)


def _line(
    pattern_id: str, fields: dict[str, str], draws_on: tuple[str, ...], rank: int | None = None, *, bare: bool = False
) -> Candidate:
    """The pattern's template filled with `fields`, weighted by the rank of the words it draws on (when ranked)."""
    table = tagline_patterns()
    pattern = table.patterns[pattern_id]
    weight = pattern.bare_weight if bare and pattern.bare_weight else pattern.weight
    return Candidate(
        text=pattern.fill(pattern_id, fields),
        family=family_of(pattern_id),
        pattern=pattern_id,
        rationale=table.rationale(pattern_id),
        draws_on=draws_on,
        weight=weight if rank is None else weight * shapes.rank_weight(rank),
        affinity=pattern.voices,
    )


def triads(words: BrandWords, rng: random.Random) -> list[Candidate]:
    short_values = [value for value in words.values if count_words(value.text) <= _TRIAD_MAX_VALUE_WORDS]
    found = [
        _line('triad.values', {'beats': _beats(value.title for value in trio)}, (values_ref(trio),), index)
        for index, trio in enumerate(itertools.combinations(short_values[:5], 3))
    ]
    adjectives = [(adjective, value) for adjective, value in shapes.adjectives(words) if value]
    for index, pair in enumerate(itertools.combinations(adjectives[:4], 2)):
        fields = {'closer': rng.choice(words.voice.closers)}
        fields['beats'] = _beats(capitalise_first(adjective) for adjective, _ in pair)
        refs = (values_ref([value for _, value in pair if value]),)
        found.append(_line('triad.adjectives_closer', fields, refs, index))
    if len(short_values) == 2:
        beats = _beats(value.title for value in short_values)
        found += [
            _line('triad.two_values_closer', {'beats': beats, 'closer': closer}, (values_ref(short_values),))
            for closer in words.voice.closers
        ]
    return found


def contrasts(words: BrandWords, rng: random.Random) -> list[Candidate]:
    phrases, bank = tagline_phrases(), tagline_patterns().banks['contrast']
    rationale = tagline_patterns().bank_rationale('contrast')
    pains = shapes.pains(words)
    found = []
    if words.industry:
        fields = cased('industry', words.industry) | {'pain': rng.choice(pains)}
        found.append(_line('contrast.industry_without', fields, (industry_ref(words),)))
    for index, (noun, value) in enumerate(shapes.nouns(words)[:3]):
        refs = (value_ref(value),)
        weight = bank.weight * shapes.rank_weight(index)
        for template in phrases.contrast_templates:
            text = template.format(Noun=capitalise_first(noun), noun=noun, pain=rng.choice(pains))
            found.append(
                Candidate(
                    text=text,
                    family='contrast',
                    pattern=f'contrast:{template}',
                    rationale=rationale,
                    draws_on=refs,
                    weight=weight,
                )
            )
        found.append(_line('contrast.without_compromise', cased('noun', noun), refs, index))
    for index, action in enumerate(shapes.actions(words, max_words=5)[:3]):
        fields = cased('action', action) | {'pain': rng.choice(pains)}
        found.append(_line('contrast.action_without', fields, (action_ref([action]),), index))
    return found


def _industry_promises(words: BrandWords) -> list[Candidate]:
    if not words.industry:
        return []
    industry, refs = cased('industry', words.industry), (industry_ref(words),)
    found = [
        _line('promise.industry_made', industry | cased('adjective', adjective), (*refs, *adjective_refs(value)))
        for adjective, value in shapes.made_adjectives(words)[:2]
    ]
    future_adjective, future_value = shapes.adjectives(words)[0]
    fields = industry | cased('adjective', future_adjective)
    found.append(_line('promise.future_of', fields, (*refs, *adjective_refs(future_value))))
    found.append(_line('promise.reimagined', industry, refs))
    return found


def _value_promises(words: BrandWords) -> list[Candidate]:
    """Promises built on the value nouns: one each, then joining two in each order."""
    nouns = shapes.nouns(words)
    found = []
    for index, (noun, value) in enumerate(nouns[:3]):
        refs = (value_ref(value),)
        found += [
            _line('promise.count_on', cased('noun', noun), refs, index),
            _line('promise.by_design', cased('noun', noun), refs, index),
        ]
    for first, second in itertools.permutations(nouns[:3], 2):
        fields = cased('first', first[0]) | cased('second', second[0])
        refs = (values_ref([first[1], second[1]]),)
        found += [_line('promise.where_meets', fields, refs), _line('promise.built_designed', fields, refs)]
    return found


def promises(words: BrandWords, rng: random.Random) -> list[Candidate]:
    phrases = tagline_phrases()
    adjectives = shapes.adjectives(words)
    made = shapes.made_adjectives(words)
    found = _industry_promises(words)
    for thing in words.objects[:2]:
        adjective, value = rng.choice(made[:3])
        if adjective.casefold() not in thing.casefold().split(' '):
            fields = cased('thing', thing) | cased('adjective', adjective)
            found.append(_line('promise.thing_made', fields, (action_ref([thing]), *adjective_refs(value))))
    found += _value_promises(words)
    found += [
        _line('promise.by_default', cased('adjective', adjective), (value_ref(value),))
        for adjective, value in adjectives
        if value and ' ' not in adjective
    ]
    way_adjectives = [(a, v) for a, v in adjectives if a not in phrases.awkward_way_adjectives and ' ' not in a]
    for index, action in enumerate(shapes.actions(words, max_words=6)[:3]):
        if way_adjectives:
            adjective, value = rng.choice(way_adjectives[:3])
            fields = cased('adjective', adjective) | cased('action', action)
            found.append(_line('promise.way_to', fields, (action_ref([action]), *adjective_refs(value)), index))
    nouns = shapes.nouns(words)
    if len(nouns) == 1:
        found.append(_line('promise.nothing_less', cased('noun', nouns[0][0]), (value_ref(nouns[0][1]),)))
    return found


def imperatives(words: BrandWords, rng: random.Random) -> list[Candidate]:
    phrases, bank = tagline_phrases(), tagline_patterns().banks['imperative']
    actions = shapes.actions(words)
    found = [
        _line(
            'imperative.action',
            cased('action', action) | {'beats': _beats([capitalise_first(action)])},
            (action_ref([action]),),
            index,
            bare=len(action.split(' ')) < _BARE_ACTION_WORDS,
        )
        for index, action in enumerate(actions[:4])
    ]
    found += [
        _line('imperative.two_actions', {'beats': _beats(map(capitalise_first, pair))}, (action_ref(pair),), index)
        for index, pair in enumerate(itertools.pairwise(actions[:4]))
    ]
    if len(actions) >= 3:
        trio = actions[:3]
        found.append(
            _line('imperative.three_actions', {'beats': _beats(map(capitalise_first, trio))}, (action_ref(trio),))
        )
    with_nouns = [(noun, value) for noun, value in shapes.nouns(words) if noun.casefold() in phrases.with_nouns]
    for action in actions[:3]:
        if with_nouns and ' with ' not in f' {action} ' and len(action.split(' ')) <= 5:
            noun, value = rng.choice(with_nouns)
            fields = cased('action', action) | cased('noun', noun)
            found.append(_line('imperative.action_with', fields, (action_ref([action]), value_ref(value))))
    for index, (noun, value) in enumerate(shapes.nouns(words)[:3]):
        frame = rng.choice(phrases.imperative_frames)
        found.append(
            Candidate(
                text=frame.template.format(noun=noun),
                family='imperative',
                pattern=f'imperative:{frame.template}',
                rationale=tagline_patterns().bank_rationale('imperative'),
                draws_on=(value_ref(value),),
                weight=bank.weight * shapes.rank_weight(index),
                affinity=frame.voices,
            )
        )
    return found


def audience_lines(words: BrandWords, rng: random.Random) -> list[Candidate]:
    if not words.audience:
        return []
    audience, ref = cased('audience', words.audience), audience_ref(words)
    found = [
        _line(
            'audience.helping',
            audience | {'third_person_action': to_third_person(action)},
            (ref, action_ref([action])),
            index,
        )
        for index, action in enumerate([action for action in words.actions if shapes.complete_action(action)][:3])
    ]
    nouns = shapes.nouns(words)
    found.append(_line('audience.made_for', audience, (ref,)))
    if nouns:
        noun, value = rng.choice(nouns[:3])
        fields, refs = audience | cased('noun', noun), (ref, value_ref(value))
        found += [_line('audience.made_for_built_on', fields, refs), _line('audience.meet', fields, refs)]
        if words.audience_is_plural:
            found.append(_line('audience.who_value', fields, refs))
    if words.industry:
        found += [
            _line(
                'audience.adjective_industry_for',
                cased('adjective', adjective) | cased('industry', words.industry) | audience,
                (ref, industry_ref(words), *adjective_refs(adjective_value)),
            )
            for adjective, adjective_value in [(a, v) for a, v in shapes.adjectives(words) if v][:2]
        ]
    return found


def name_lines(words: BrandWords, rng: random.Random) -> list[Candidate]:
    if not words.name_fits_tagline:
        return []
    name, found = {'name': words.name}, []
    ref = name_ref(words)
    adjectives = shapes.adjectives(words)
    if words.industry:
        adjective, value = rng.choice(shapes.made_adjectives(words)[:2])
        fields = name | {'name_sentence': end_sentence(words.name)}
        fields |= cased('industry', words.industry) | cased('adjective', adjective)
        found.append(_line('name.industry_made', fields, (ref, industry_ref(words), *adjective_refs(value))))
    for index, action in enumerate(shapes.actions(words, max_words=5)[:2]):
        found.append(_line('name.with_name', name | cased('action', action), (ref, action_ref([action])), index))
    for index, (noun, value) in enumerate(shapes.nouns(words)[:2]):
        fields, refs = name | cased('noun', noun), (ref, value_ref(value))
        found += [_line('name.means', fields, refs, index), _line('name.think', fields, refs, index)]
    value_adjectives = [(adjective, value) for adjective, value in adjectives if value]
    if len(value_adjectives) >= 2:
        pair = rng.sample(value_adjectives[:3], 2)
        fields = name | {'beats': _beats(capitalise_first(adjective) for adjective, _ in pair)}
        found.append(_line('name.adjectives_name', fields, (ref, values_ref([value for _, value in pair if value]))))
        found[-1].text = end_sentence(found[-1].text)
    if words.industry and _uncountable(words.industry):  # 'There’s perfume house' needs an article
        found.append(_line('name.theres', name | cased('industry', words.industry), (ref, industry_ref(words))))
    if words.audience:
        fields = name | {'name_sentence': end_sentence(words.name)} | cased('audience', words.audience)
        found.append(_line('name.made_for', fields, (ref, audience_ref(words))))
    return found


Pattern = Callable[[BrandWords, random.Random], list[Candidate]]
PATTERNS: tuple[Pattern, ...] = (triads, contrasts, promises, imperatives, audience_lines, name_lines)
