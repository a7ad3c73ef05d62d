"""The six rhetorical patterns of the offline writer, each turning the profile's words into candidate lines.

Value triads, contrasts, promises, imperatives, audience lines and name-led lines; each candidate carries why it works
and what it draws on, a weight (earlier values and actions weigh more) and the voices that favour its frame.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable

from branding.design.language import (
    BrandWords,
    capitalise_first,
    count_words,
    end_sentence,
    lexicon,
    to_third_person,
)
from branding.sections.taglines import shapes
from branding.sections.taglines.candidate import Candidate, favoured_by
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


def _uncountable(phrase: str) -> bool:
    """Whether a phrase reads without an article: 'personal finance', 'trucking', 'fashion', not 'perfume house'."""
    last = phrase.rsplit(' ', maxsplit=1)[-1].casefold()
    return last.endswith(('ing', 'ance', 'ence', 'ion', 'ism', 'ware', 'try', 'cs')) or last in lexicon().mass_nouns


def triads(words: BrandWords, rng: random.Random) -> list[Candidate]:
    short_values = [value for value in words.values if count_words(value.text) <= _TRIAD_MAX_VALUE_WORDS]
    found = []
    rationale = 'A value triad: three short beats are easy to remember and hard to misread.'
    for index, trio in enumerate(itertools.combinations(short_values[:5], 3)):
        text = ' '.join(end_sentence(value.title) for value in trio)
        found.append(
            Candidate(
                text=text, family='triad', pattern='triad.values', rationale=rationale, draws_on=(values_ref(trio),)
            )
        )
        found[-1].weight = shapes.rank_weight(index)
    adjectives = [(adjective, value) for adjective, value in shapes.adjectives(words) if value]
    for index, pair in enumerate(itertools.combinations(adjectives[:4], 2)):
        closer = rng.choice(words.voice.closers)
        text = ' '.join(end_sentence(capitalise_first(adjective)) for adjective, _ in pair) + f' {closer}'
        refs = (values_ref([value for _, value in pair if value]),)
        found.append(
            Candidate(
                text=text,
                family='triad',
                pattern='triad.adjectives_closer',
                rationale='A value triad: your values as adjectives, closed by a beat that hands them to the reader.',
                draws_on=refs,
                weight=0.7 * shapes.rank_weight(index),
            )
        )
    if len(short_values) == 2:
        for closer in words.voice.closers:
            text = ' '.join(end_sentence(value.title) for value in short_values) + f' {closer}'
            found.append(
                Candidate(
                    text=text,
                    family='triad',
                    pattern='triad.two_values_closer',
                    rationale=rationale,
                    draws_on=(values_ref(short_values),),
                )
            )
    return found


def contrasts(words: BrandWords, rng: random.Random) -> list[Candidate]:
    phrases = tagline_phrases()
    pains = shapes.pains(words)
    found = []
    rationale = 'A contrast line: naming what people want gone makes the benefit concrete.'
    if words.industry:
        pain = rng.choice(pains)
        found.append(
            Candidate(
                text=f'{capitalise_first(words.industry)}, without the {pain}.',
                family='contrast',
                pattern='contrast.industry_without',
                rationale=rationale,
                draws_on=(industry_ref(words),),
            )
        )
    for index, (noun, value) in enumerate(shapes.nouns(words)[:3]):
        refs = (value_ref(value),)
        weight = shapes.rank_weight(index)
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
        found.append(
            Candidate(
                text=f'{capitalise_first(noun)}, without compromise.',
                family='contrast',
                pattern='contrast.without_compromise',
                rationale='A contrast line that refuses to trade your value away.',
                draws_on=refs,
                weight=weight * 0.6,
                affinity=favoured_by('bold', 'elegant', 'professional'),
            )
        )
    for index, action in enumerate(shapes.actions(words, max_words=5)[:3]):
        found.append(
            Candidate(
                text=f'{capitalise_first(action)}, without the {rng.choice(pains)}.',
                family='contrast',
                pattern='contrast.action_without',
                rationale=rationale,
                draws_on=(action_ref([action]),),
                weight=shapes.rank_weight(index),
            )
        )
    return found


def promises(words: BrandWords, rng: random.Random) -> list[Candidate]:
    phrases = tagline_phrases()
    found = []
    adjectives = shapes.adjectives(words)
    made = shapes.made_adjectives(words)
    rationale = 'A promise: it states the outcome in plain words, so it is easy to believe.'
    if words.industry:
        for adjective, value in made[:2]:
            found.append(
                Candidate(
                    text=f'{capitalise_first(words.industry)}, made {adjective}.',
                    family='promise',
                    pattern='promise.industry_made',
                    rationale=rationale,
                    draws_on=(industry_ref(words), *adjective_refs(value)),
                )
            )
        future_adjective, future_value = adjectives[0]
        found.append(
            Candidate(
                text=f'The future of {words.industry} is {future_adjective}.',
                family='promise',
                pattern='promise.future_of',
                rationale='A forward-looking promise: it claims the direction of your whole industry.',
                draws_on=(industry_ref(words), *adjective_refs(future_value)),
                weight=0.7,
                affinity=favoured_by('innovative', 'bold'),
            )
        )
        found.append(
            Candidate(
                text=f'{capitalise_first(words.industry)}, reimagined.',
                family='promise',
                pattern='promise.reimagined',
                rationale='A forward-looking promise: it signals a fresh take on a familiar industry.',
                draws_on=(industry_ref(words),),
                weight=0.4,
                affinity=favoured_by('innovative'),
            )
        )
    for thing in words.objects[:2]:
        adjective, value = rng.choice(made[:3])
        if adjective.casefold() not in thing.casefold().split(' '):
            found.append(
                Candidate(
                    text=f'{capitalise_first(thing)}, made {adjective}.',
                    family='promise',
                    pattern='promise.thing_made',
                    rationale='A promise about the thing your customers handle every day.',
                    draws_on=(action_ref([thing]), *adjective_refs(value)),
                )
            )
    nouns = shapes.nouns(words)
    for index, (noun, value) in enumerate(nouns[:3]):
        refs = (value_ref(value),)
        found += [
            Candidate(
                text=f'{capitalise_first(noun)} you can count on.',
                family='promise',
                pattern='promise.count_on',
                rationale=rationale,
                draws_on=refs,
                weight=shapes.rank_weight(index),
                affinity=favoured_by('trustworthy', 'professional', 'friendly', 'caring'),
            ),
            Candidate(
                text=f'{capitalise_first(noun)}, by design.',
                family='promise',
                pattern='promise.by_design',
                rationale='A promise that your value is built in, not bolted on.',
                draws_on=refs,
                weight=shapes.rank_weight(index),
                affinity=favoured_by('technical', 'minimalist', 'elegant', 'professional'),
            ),
        ]
    for first, second in itertools.permutations(nouns[:3], 2):
        refs = (values_ref([first[1], second[1]]),)
        found.append(
            Candidate(
                text=f'Where {first[0]} meets {second[0]}.',
                family='promise',
                pattern='promise.where_meets',
                rationale='A promise that joins two of your values into one idea.',
                draws_on=refs,
                weight=0.6,
            )
        )
        found.append(
            Candidate(
                text=f'Built on {first[0]}. Designed for {second[0]}.',
                family='promise',
                pattern='promise.built_designed',
                rationale='A two-beat promise: one value as the foundation, another as the goal.',
                draws_on=refs,
                weight=0.35,
            )
        )
    for adjective, value in adjectives:
        if value and ' ' not in adjective:
            found.append(
                Candidate(
                    text=f'{capitalise_first(adjective)} by default.',
                    family='promise',
                    pattern='promise.by_default',
                    rationale='A promise that your value is the starting point, not an upgrade.',
                    draws_on=(value_ref(value),),
                    weight=0.8,
                    affinity=favoured_by('technical', 'trustworthy', 'minimalist'),
                )
            )
    way_adjectives = [(a, v) for a, v in adjectives if a not in phrases.awkward_way_adjectives and ' ' not in a]
    for index, action in enumerate(shapes.actions(words, max_words=6)[:3]):
        if way_adjectives:
            adjective, value = rng.choice(way_adjectives[:3])
            found.append(
                Candidate(
                    text=f'The {adjective} way to {action}.',
                    family='promise',
                    pattern='promise.way_to',
                    rationale='A promise about how it feels to do the job with you, not only what gets done.',
                    draws_on=(action_ref([action]), *adjective_refs(value)),
                    weight=1.2 * shapes.rank_weight(index),
                )
            )
    if len(nouns) == 1:
        found.append(
            Candidate(
                text=f'{capitalise_first(nouns[0][0])}. Nothing less.',
                family='promise',
                pattern='promise.nothing_less',
                rationale='A promise that sets your value as the minimum standard.',
                draws_on=(value_ref(nouns[0][1]),),
                affinity=favoured_by('bold', 'elegant'),
            )
        )
    return found


def imperatives(words: BrandWords, rng: random.Random) -> list[Candidate]:
    phrases = tagline_phrases()
    found = []
    actions = shapes.actions(words)
    rationale = 'An imperative taken from your description: it tells people exactly what they can do.'
    for index, action in enumerate(actions[:4]):
        bare = len(action.split(' ')) < 3  # 'Plan taxes.' alone is a label, not a line
        found.append(
            Candidate(
                text=end_sentence(capitalise_first(action)),
                family='imperative',
                pattern='imperative.action',
                rationale=rationale,
                draws_on=(action_ref([action]),),
                weight=(0.35 if bare else 1.0) * shapes.rank_weight(index),
            )
        )
    for index, pair in enumerate(itertools.pairwise(actions[:4])):
        found.append(
            Candidate(
                text=' '.join(end_sentence(capitalise_first(action)) for action in pair),
                family='imperative',
                pattern='imperative.two_actions',
                rationale='Two imperatives from your description: a rhythm of verbs that shows the product at work.',
                draws_on=(action_ref(pair),),
                weight=1.3 * shapes.rank_weight(index),
            )
        )
    if len(actions) >= 3:
        trio = actions[:3]
        found.append(
            Candidate(
                text=' '.join(end_sentence(capitalise_first(action)) for action in trio),
                family='imperative',
                pattern='imperative.three_actions',
                rationale='Three imperatives from your description: the whole job, in the order people do it.',
                draws_on=(action_ref(trio),),
                weight=1.5,
            )
        )
    with_nouns = [(noun, value) for noun, value in shapes.nouns(words) if noun.casefold() in phrases.with_nouns]
    for action in actions[:3]:
        if with_nouns and ' with ' not in f' {action} ' and len(action.split(' ')) <= 5:
            noun, value = rng.choice(with_nouns)
            found.append(
                Candidate(
                    text=f'{capitalise_first(action)} with {noun}.',
                    family='imperative',
                    pattern='imperative.action_with',
                    rationale=rationale,
                    draws_on=(action_ref([action]), value_ref(value)),
                )
            )
    for index, (noun, value) in enumerate(shapes.nouns(words)[:3]):
        frame = rng.choice(phrases.imperative_frames)
        found.append(
            Candidate(
                text=frame.template.format(noun=noun),
                family='imperative',
                pattern=f'imperative:{frame.template}',
                rationale='A short imperative that makes your value the reason to act.',
                draws_on=(value_ref(value),),
                weight=0.7 * shapes.rank_weight(index),
                affinity=frame.voices,
            )
        )
    return found


def audience_lines(words: BrandWords, rng: random.Random) -> list[Candidate]:
    if not words.audience:
        return []
    audience, found = words.audience, []
    rationale = 'Speaks to your audience by name, so the right people recognise themselves.'
    for index, action in enumerate([action for action in words.actions if shapes.complete_action(action)][:3]):
        found.append(
            Candidate(
                text=f'Helping {audience} {to_third_person(action)}.',
                family='audience',
                pattern='audience.helping',
                rationale=rationale,
                draws_on=(audience_ref(words), action_ref([action])),
                weight=1.3 * shapes.rank_weight(index),
            )
        )
    nouns = shapes.nouns(words)
    found.append(
        Candidate(
            text=f'Made for {audience}.',
            family='audience',
            pattern='audience.made_for',
            rationale=rationale,
            draws_on=(audience_ref(words),),
        )
    )
    if nouns:
        noun, value = rng.choice(nouns[:3])
        found.append(
            Candidate(
                text=f'Made for {audience}. Built on {noun}.',
                family='audience',
                pattern='audience.made_for_built_on',
                rationale=rationale,
                draws_on=(audience_ref(words), value_ref(value)),
            )
        )
        found.append(
            Candidate(
                text=f'{capitalise_first(audience)}, meet {noun}.',
                family='audience',
                pattern='audience.meet',
                rationale='An introduction: it greets your audience and hands them your value.',
                draws_on=(audience_ref(words), value_ref(value)),
                affinity=favoured_by('friendly', 'playful'),
            )
        )
        if words.audience_is_plural:
            found.append(
                Candidate(
                    text=f'For {audience} who value {noun}.',
                    family='audience',
                    pattern='audience.who_value',
                    rationale='Names your audience and the value they share with you, so the line selects its readers.',
                    draws_on=(audience_ref(words), value_ref(value)),
                )
            )
    if words.industry:
        for adjective, adjective_value in [(a, v) for a, v in shapes.adjectives(words) if v][:2]:
            found.append(
                Candidate(
                    text=f'{capitalise_first(adjective)} {words.industry} for {audience}.',
                    family='audience',
                    pattern='audience.adjective_industry_for',
                    rationale='Says what you offer, how it feels and who it is for, in one line.',
                    draws_on=(audience_ref(words), industry_ref(words), *adjective_refs(adjective_value)),
                )
            )
    return found


def name_lines(words: BrandWords, rng: random.Random) -> list[Candidate]:
    if not words.name_fits_tagline:
        return []
    name, found = words.name, []
    rationale = 'Name-led: it puts the name next to the promise so people remember them together.'
    ref = name_ref(words)
    adjectives = shapes.adjectives(words)
    if words.industry:
        adjective, value = rng.choice(shapes.made_adjectives(words)[:2])
        found.append(
            Candidate(
                text=f'{end_sentence(name)} {capitalise_first(words.industry)}, made {adjective}.',
                family='name',
                pattern='name.industry_made',
                rationale=rationale,
                draws_on=(ref, industry_ref(words), *adjective_refs(value)),
            )
        )
    for index, action in enumerate(shapes.actions(words, max_words=5)[:2]):
        found.append(
            Candidate(
                text=f'With {name}, {action}.',
                family='name',
                pattern='name.with_name',
                rationale=rationale,
                draws_on=(ref, action_ref([action])),
                weight=shapes.rank_weight(index),
            )
        )
    for index, (noun, value) in enumerate(shapes.nouns(words)[:2]):
        found.append(
            Candidate(
                text=f'{name} means {noun}.',
                family='name',
                pattern='name.means',
                rationale=rationale,
                draws_on=(ref, value_ref(value)),
                weight=shapes.rank_weight(index),
            )
        )
        found.append(
            Candidate(
                text=f'Think {noun}. Think {name}.',
                family='name',
                pattern='name.think',
                rationale='A name-led echo: the repetition makes your value and the name one thought.',
                draws_on=(ref, value_ref(value)),
                weight=0.8 * shapes.rank_weight(index),
                affinity=favoured_by('playful', 'bold'),
            )
        )
    value_adjectives = [(adjective, value) for adjective, value in adjectives if value]
    if len(value_adjectives) >= 2:
        pair = rng.sample(value_adjectives[:3], 2)
        found.append(
            Candidate(
                text=' '.join(end_sentence(capitalise_first(adjective)) for adjective, _ in pair) + f' {name}',
                family='name',
                pattern='name.adjectives_name',
                rationale='A triad that ends on the name, so the name becomes the last beat of your values.',
                draws_on=(ref, values_ref([value for _, value in pair if value])),
                affinity=favoured_by('elegant', 'minimalist', 'bold'),
            )
        )
        found[-1].text = end_sentence(found[-1].text)
    if words.industry and _uncountable(words.industry):  # 'There’s perfume house' needs an article
        found.append(
            Candidate(
                text=f'There’s {words.industry}, and there’s {name}.',
                family='name',
                pattern='name.theres',
                rationale='A name-led contrast: it sets the name apart from the rest of the industry.',
                draws_on=(ref, industry_ref(words)),
                weight=0.7,
                affinity=favoured_by('playful', 'bold', 'elegant'),
            )
        )
    if words.audience:
        found.append(
            Candidate(
                text=f'{end_sentence(name)} Made for {words.audience}.',
                family='name',
                pattern='name.made_for',
                rationale=rationale,
                draws_on=(ref, audience_ref(words)),
            )
        )
    return found


Pattern = Callable[[BrandWords, random.Random], list[Candidate]]
PATTERNS: tuple[Pattern, ...] = (triads, contrasts, promises, imperatives, audience_lines, name_lines)
