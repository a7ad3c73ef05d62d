"""Taglines: the offline writer, and the cleaner that makes a language model's lines fit to show.

The offline writer builds every line from the profile's own words (values, audience, industry, what the description
says the product does) in six rhetorical patterns, then lets the seeded generator choose and order them, one pattern
at a time, so a kit gets variety and a different seed gets a different set.
"""

from __future__ import annotations

import itertools
import random
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from branding.design.language import (
    COMPANY_TYPE_PAINS,
    STOPWORDS,
    TAGLINE_FAMILIES,
    BrandWords,
    ValueWords,
    capitalise_first,
    count_words,
    end_sentence,
    has_word_chars,
    join_naturally,
    plain_text,
    quoted,
    read_profile,
    tidy_sentence,
    to_second_person,
    to_third_person,
    trim_to_words,
    with_article,
    word_set,
)
from branding.models import CompanyProfile, CompanyType, Tagline
from branding.seeding import rng_for

MAX_TAGLINE_WORDS = 10
MAX_TAGLINES = 10

# A value noun reads naturally after 'with' ('Track invoices with clarity'); most do not ('with trust').
_WITH_NOUNS = frozenset({'clarity', 'confidence', 'care', 'precision', 'focus', 'purpose', 'ease', 'joy', 'kindness'})
# Adjectives that do not fit 'The <adjective> way to ...'.
_AWKWARD_WAY_ADJECTIVES = frozenset({'growing', 'well-made', 'community-minded', 'principled', 'excellent'})
# Adjectives that name a quality of people or makers, not a state a thing can be 'made' into ('made trusted').
_NOT_AFTER_MADE = word_set("""
    trusted well-made crafted growing community-minded principled excellent curious passionate optimistic inventive
    creative caring empathetic responsible collaborative independent empowering impactful expert authentic brave
    confident agile respectful diverse bold fearless sharp
    """)
_TRIAD_MAX_VALUE_WORDS = 3


@dataclass(kw_only=True, slots=True)
class _Candidate:
    text: str
    family: str
    rationale: str
    draws_on: tuple[str, ...] = ()
    weight: float = 1.0
    affinity: frozenset[str] = field(default_factory=frozenset)  # voices that favour this frame
    key: str = ''  # dedupe_key(text), set once the text is final

    @property
    def explanation(self) -> str:
        if not self.draws_on:
            return self.rationale
        return f'{self.rationale} Draws on {join_naturally(self.draws_on)}.'


def _voices(*names: str) -> frozenset[str]:
    return frozenset(names)


_PUNCTUATION_OR_SYMBOLS = regex.compile(r'[\p{P}\p{S}]+')


_ASCII_PUNCTUATION_TO_SPACE = str.maketrans({char: ' ' for char in string.punctuation})


def dedupe_key(text: str) -> str:
    """Two taglines are the same when they differ only in case, punctuation, symbols or spacing."""
    if text.isascii():
        return ' '.join(text.casefold().translate(_ASCII_PUNCTUATION_TO_SPACE).split())
    return ' '.join(_PUNCTUATION_OR_SYMBOLS.sub(' ', text.casefold()).split())


# --- references to the profile, for explanations ----------------------------------------------------------------------


def _value_ref(value: ValueWords) -> str:
    return f'the value {quoted(value.text)}'


def _values_ref(values: Sequence[ValueWords]) -> str:
    if len(values) == 1:
        return _value_ref(values[0])
    return f'the values {join_naturally(quoted(value.text) for value in values)}'


def _audience_ref(words: BrandWords) -> str:
    return f'your audience ({words.audience})'


def _industry_ref(words: BrandWords) -> str:
    return f'your industry ({words.industry})'


def _action_ref(actions: Iterable[str]) -> str:
    return f'your description ({join_naturally(quoted(action) for action in actions)})'


def _name_ref(words: BrandWords) -> str:
    return f'the name {words.name}'


# --- the profile's words in usable shapes -----------------------------------------------------------------------------


def _nouns(words: BrandWords) -> list[tuple[str, ValueWords]]:
    return [(value.noun, value) for value in words.values if value.noun]


def _adjectives(words: BrandWords) -> list[tuple[str, ValueWords | None]]:
    """Value adjectives first ('clear' from 'clarity'), then the voice's own as a fallback."""
    found: list[tuple[str, ValueWords | None]] = [(value.adjective, value) for value in words.values if value.adjective]
    found += [(adjective, None) for adjective in words.voice.adjectives if adjective not in {a for a, _ in found}]
    return found


def _made_adjectives(words: BrandWords) -> list[tuple[str, ValueWords | None]]:
    """Adjectives for '<thing>, made <adjective>', always at least one (the voice's fallbacks fit by construction)."""
    fitting = [(adjective, value) for adjective, value in _adjectives(words) if adjective not in _NOT_AFTER_MADE]
    return fitting or [(words.voice.adjectives[0], None)]


def _actions(words: BrandWords, max_words: int = 6) -> list[str]:
    return [to_second_person(action) for action in words.actions if len(action.split(' ')) <= max_words]


def _pains(words: BrandWords) -> list[str]:
    return list(dict.fromkeys(COMPANY_TYPE_PAINS[words.company_type] + words.voice.pains))


def _adjective_refs(value: ValueWords | None) -> tuple[str, ...]:
    return (_value_ref(value),) if value else ()


def _rank_weight(index: int) -> float:
    """The person listed their first values and the description's first actions first for a reason."""
    return 1.0 / (1.0 + 0.35 * index)


# --- the six patterns -------------------------------------------------------------------------------------------------


def _triads(words: BrandWords, rng: random.Random) -> list[_Candidate]:
    short_values = [value for value in words.values if count_words(value.text) <= _TRIAD_MAX_VALUE_WORDS]
    found = []
    rationale = 'A value triad: three short beats are easy to remember and hard to misread.'
    for index, trio in enumerate(itertools.combinations(short_values[:5], 3)):
        text = ' '.join(end_sentence(value.title) for value in trio)
        found.append(_Candidate(text=text, family='triad', rationale=rationale, draws_on=(_values_ref(trio),)))
        found[-1].weight = _rank_weight(index)
    adjectives = [(adjective, value) for adjective, value in _adjectives(words) if value]
    for index, pair in enumerate(itertools.combinations(adjectives[:4], 2)):
        closer = rng.choice(words.voice.closers)
        text = ' '.join(end_sentence(capitalise_first(adjective)) for adjective, _ in pair) + f' {closer}'
        refs = (_values_ref([value for _, value in pair if value]),)
        found.append(
            _Candidate(
                text=text,
                family='triad',
                rationale='A value triad: your values as adjectives, closed by a beat that hands them to the reader.',
                draws_on=refs,
                weight=_rank_weight(index),
            )
        )
    if len(short_values) == 2:
        for closer in words.voice.closers:
            text = ' '.join(end_sentence(value.title) for value in short_values) + f' {closer}'
            found.append(
                _Candidate(text=text, family='triad', rationale=rationale, draws_on=(_values_ref(short_values),))
            )
    return found


def _contrasts(words: BrandWords, rng: random.Random) -> list[_Candidate]:
    pains = _pains(words)
    found = []
    rationale = 'A contrast line: naming what people want gone makes the benefit concrete.'
    if words.industry:
        pain = rng.choice(pains)
        found.append(
            _Candidate(
                text=f'{capitalise_first(words.industry)}, without the {pain}.',
                family='contrast',
                rationale=rationale,
                draws_on=(_industry_ref(words),),
            )
        )
    for index, (noun, value) in enumerate(_nouns(words)[:3]):
        refs = (_value_ref(value),)
        weight = _rank_weight(index)
        for template in (
            '{Noun} without the {pain}.',
            'More {noun}. Less {pain}.',
            'All the {noun}, none of the {pain}.',
        ):
            text = template.format(Noun=capitalise_first(noun), noun=noun, pain=rng.choice(pains))
            found.append(_Candidate(text=text, family='contrast', rationale=rationale, draws_on=refs, weight=weight))
        found.append(
            _Candidate(
                text=f'{capitalise_first(noun)}, without compromise.',
                family='contrast',
                rationale='A contrast line that refuses to trade your value away.',
                draws_on=refs,
                weight=weight * 0.6,
                affinity=_voices('bold', 'elegant', 'professional'),
            )
        )
    for index, action in enumerate(_actions(words, max_words=5)[:3]):
        found.append(
            _Candidate(
                text=f'{capitalise_first(action)}, without the {rng.choice(pains)}.',
                family='contrast',
                rationale=rationale,
                draws_on=(_action_ref([action]),),
                weight=_rank_weight(index),
            )
        )
    return found


def _promises(words: BrandWords, rng: random.Random) -> list[_Candidate]:
    found = []
    adjectives = _adjectives(words)
    made = _made_adjectives(words)
    rationale = 'A promise: it states the outcome in plain words, so it is easy to believe.'
    if words.industry:
        for adjective, value in made[:2]:
            found.append(
                _Candidate(
                    text=f'{capitalise_first(words.industry)}, made {adjective}.',
                    family='promise',
                    rationale=rationale,
                    draws_on=(_industry_ref(words), *_adjective_refs(value)),
                )
            )
        future_adjective, future_value = adjectives[0]
        found.append(
            _Candidate(
                text=f'The future of {words.industry} is {future_adjective}.',
                family='promise',
                rationale='A forward-looking promise: it claims the direction of your whole industry.',
                draws_on=(_industry_ref(words), *_adjective_refs(future_value)),
                weight=0.7,
                affinity=_voices('innovative', 'bold'),
            )
        )
        found.append(
            _Candidate(
                text=f'{capitalise_first(words.industry)}, reimagined.',
                family='promise',
                rationale='A forward-looking promise: it signals a fresh take on a familiar industry.',
                draws_on=(_industry_ref(words),),
                weight=0.4,
                affinity=_voices('innovative'),
            )
        )
    for thing in words.objects[:2]:
        adjective, value = rng.choice(made[:3])
        if adjective.casefold() not in thing.casefold().split(' '):
            found.append(
                _Candidate(
                    text=f'{capitalise_first(thing)}, made {adjective}.',
                    family='promise',
                    rationale='A promise about the thing your customers handle every day.',
                    draws_on=(_action_ref([thing]), *_adjective_refs(value)),
                )
            )
    nouns = _nouns(words)
    for index, (noun, value) in enumerate(nouns[:3]):
        refs = (_value_ref(value),)
        found += [
            _Candidate(
                text=f'{capitalise_first(noun)} you can count on.',
                family='promise',
                rationale=rationale,
                draws_on=refs,
                weight=_rank_weight(index),
                affinity=_voices('trustworthy', 'professional', 'friendly', 'caring'),
            ),
            _Candidate(
                text=f'{capitalise_first(noun)}, by design.',
                family='promise',
                rationale='A promise that your value is built in, not bolted on.',
                draws_on=refs,
                weight=_rank_weight(index),
                affinity=_voices('technical', 'minimalist', 'elegant', 'professional'),
            ),
        ]
    for first, second in itertools.permutations(nouns[:3], 2):
        refs = (_values_ref([first[1], second[1]]),)
        found.append(
            _Candidate(
                text=f'Where {first[0]} meets {second[0]}.',
                family='promise',
                rationale='A promise that joins two of your values into one idea.',
                draws_on=refs,
                weight=0.6,
            )
        )
        found.append(
            _Candidate(
                text=f'Built on {first[0]}. Designed for {second[0]}.',
                family='promise',
                rationale='A two-beat promise: one value as the foundation, another as the goal.',
                draws_on=refs,
                weight=0.6,
            )
        )
    for adjective, value in adjectives:
        if value and ' ' not in adjective:
            found.append(
                _Candidate(
                    text=f'{capitalise_first(adjective)} by default.',
                    family='promise',
                    rationale='A promise that your value is the starting point, not an upgrade.',
                    draws_on=(_value_ref(value),),
                    weight=0.8,
                    affinity=_voices('technical', 'trustworthy', 'minimalist'),
                )
            )
    way_adjectives = [(a, v) for a, v in adjectives if a not in _AWKWARD_WAY_ADJECTIVES and ' ' not in a]
    for index, action in enumerate(_actions(words, max_words=6)[:3]):
        if way_adjectives:
            adjective, value = rng.choice(way_adjectives[:3])
            found.append(
                _Candidate(
                    text=f'The {adjective} way to {action}.',
                    family='promise',
                    rationale='A promise about how it feels to do the job with you, not only what gets done.',
                    draws_on=(_action_ref([action]), *_adjective_refs(value)),
                    weight=1.2 * _rank_weight(index),
                )
            )
    if len(nouns) == 1:
        found.append(
            _Candidate(
                text=f'{capitalise_first(nouns[0][0])}. Nothing less.',
                family='promise',
                rationale='A promise that sets your value as the minimum standard.',
                draws_on=(_value_ref(nouns[0][1]),),
                affinity=_voices('bold', 'elegant'),
            )
        )
    return found


def _imperatives(words: BrandWords, rng: random.Random) -> list[_Candidate]:
    found = []
    actions = _actions(words)
    rationale = 'An imperative taken from your description: it tells people exactly what they can do.'
    for index, action in enumerate(actions[:4]):
        bare = len(action.split(' ')) < 3  # 'Plan taxes.' alone is a label, not a line
        found.append(
            _Candidate(
                text=end_sentence(capitalise_first(action)),
                family='imperative',
                rationale=rationale,
                draws_on=(_action_ref([action]),),
                weight=(0.35 if bare else 1.0) * _rank_weight(index),
            )
        )
    for index, pair in enumerate(itertools.pairwise(actions[:4])):
        found.append(
            _Candidate(
                text=' '.join(end_sentence(capitalise_first(action)) for action in pair),
                family='imperative',
                rationale='Two imperatives from your description: a rhythm of verbs that shows the product at work.',
                draws_on=(_action_ref(pair),),
                weight=1.3 * _rank_weight(index),
            )
        )
    if len(actions) >= 3:
        trio = actions[:3]
        found.append(
            _Candidate(
                text=' '.join(end_sentence(capitalise_first(action)) for action in trio),
                family='imperative',
                rationale='Three imperatives from your description: the whole job, in the order people do it.',
                draws_on=(_action_ref(trio),),
                weight=1.5,
            )
        )
    with_nouns = [(noun, value) for noun, value in _nouns(words) if noun.casefold() in _WITH_NOUNS]
    for action in actions[:3]:
        if with_nouns and ' with ' not in f' {action} ' and len(action.split(' ')) <= 5:
            noun, value = rng.choice(with_nouns)
            found.append(
                _Candidate(
                    text=f'{capitalise_first(action)} with {noun}.',
                    family='imperative',
                    rationale=rationale,
                    draws_on=(_action_ref([action]), _value_ref(value)),
                )
            )
    frames = (
        ('Expect {noun}.', _voices('bold', 'trustworthy', 'professional')),
        ('Choose {noun}.', _voices('bold', 'minimalist')),
        ('Lead with {noun}.', _voices('bold', 'professional', 'innovative')),
        ('Make room for {noun}.', _voices('caring', 'friendly', 'elegant')),
        ('Start with {noun}.', _voices('friendly', 'minimalist', 'innovative')),
    )
    for index, (noun, value) in enumerate(_nouns(words)[:3]):
        template, affinity = rng.choice(frames)
        found.append(
            _Candidate(
                text=template.format(noun=noun),
                family='imperative',
                rationale='A short imperative that makes your value the reason to act.',
                draws_on=(_value_ref(value),),
                weight=0.7 * _rank_weight(index),
                affinity=affinity,
            )
        )
    return found


def _audience_lines(words: BrandWords, rng: random.Random) -> list[_Candidate]:
    if not words.audience:
        return []
    audience, found = words.audience, []
    rationale = 'Speaks to your audience by name, so the right people recognise themselves.'
    for index, action in enumerate(words.actions[:3]):
        found.append(
            _Candidate(
                text=f'Helping {audience} {to_third_person(action)}.',
                family='audience',
                rationale=rationale,
                draws_on=(_audience_ref(words), _action_ref([action])),
                weight=1.3 * _rank_weight(index),
            )
        )
    nouns = _nouns(words)
    found.append(
        _Candidate(
            text=f'Made for {audience}.', family='audience', rationale=rationale, draws_on=(_audience_ref(words),)
        )
    )
    if nouns:
        noun, value = rng.choice(nouns[:3])
        found.append(
            _Candidate(
                text=f'Made for {audience}. Built on {noun}.',
                family='audience',
                rationale=rationale,
                draws_on=(_audience_ref(words), _value_ref(value)),
            )
        )
        found.append(
            _Candidate(
                text=f'{capitalise_first(audience)}, meet {noun}.',
                family='audience',
                rationale='An introduction: it greets your audience and hands them your value.',
                draws_on=(_audience_ref(words), _value_ref(value)),
                affinity=_voices('friendly', 'playful'),
            )
        )
        if words.audience_is_plural:
            found.append(
                _Candidate(
                    text=f'For {audience} who value {noun}.',
                    family='audience',
                    rationale='Names your audience and the value they share with you, so the line selects its readers.',
                    draws_on=(_audience_ref(words), _value_ref(value)),
                )
            )
    if words.industry:
        for adjective, adjective_value in _adjectives(words)[:2]:
            found.append(
                _Candidate(
                    text=f'{capitalise_first(adjective)} {words.industry} for {audience}.',
                    family='audience',
                    rationale='Says what you offer, how it feels and who it is for, in one line.',
                    draws_on=(_audience_ref(words), _industry_ref(words), *_adjective_refs(adjective_value)),
                )
            )
    return found


def _name_lines(words: BrandWords, rng: random.Random) -> list[_Candidate]:
    if not words.name_fits_tagline:
        return []
    name, found = words.name, []
    rationale = 'Name-led: it puts the name next to the promise so people remember them together.'
    ref = _name_ref(words)
    adjectives = _adjectives(words)
    if words.industry:
        adjective, value = rng.choice(_made_adjectives(words)[:2])
        found.append(
            _Candidate(
                text=f'{end_sentence(name)} {capitalise_first(words.industry)}, made {adjective}.',
                family='name',
                rationale=rationale,
                draws_on=(ref, _industry_ref(words), *_adjective_refs(value)),
            )
        )
    for index, action in enumerate(_actions(words, max_words=5)[:2]):
        found.append(
            _Candidate(
                text=f'With {name}, {action}.',
                family='name',
                rationale=rationale,
                draws_on=(ref, _action_ref([action])),
                weight=_rank_weight(index),
            )
        )
    for index, (noun, value) in enumerate(_nouns(words)[:2]):
        found.append(
            _Candidate(
                text=f'{name} means {noun}.',
                family='name',
                rationale=rationale,
                draws_on=(ref, _value_ref(value)),
                weight=_rank_weight(index),
            )
        )
        found.append(
            _Candidate(
                text=f'Think {noun}. Think {name}.',
                family='name',
                rationale='A name-led echo: the repetition makes your value and the name one thought.',
                draws_on=(ref, _value_ref(value)),
                weight=0.8 * _rank_weight(index),
                affinity=_voices('playful', 'bold'),
            )
        )
    value_adjectives = [(adjective, value) for adjective, value in adjectives if value]
    if len(value_adjectives) >= 2:
        pair = rng.sample(value_adjectives[:3], 2)
        found.append(
            _Candidate(
                text=' '.join(end_sentence(capitalise_first(adjective)) for adjective, _ in pair) + f' {name}',
                family='name',
                rationale='A triad that ends on the name, so the name becomes the last beat of your values.',
                draws_on=(ref, _values_ref([value for _, value in pair if value])),
                affinity=_voices('elegant', 'minimalist', 'bold'),
            )
        )
        found[-1].text = end_sentence(found[-1].text)
    if words.industry:
        found.append(
            _Candidate(
                text=f'There’s {words.industry}, and there’s {name}.',
                family='name',
                rationale='A name-led contrast: it sets the name apart from the rest of the industry.',
                draws_on=(ref, _industry_ref(words)),
                weight=0.7,
                affinity=_voices('playful', 'bold', 'elegant'),
            )
        )
    if words.audience:
        found.append(
            _Candidate(
                text=f'{end_sentence(name)} Made for {words.audience}.',
                family='name',
                rationale=rationale,
                draws_on=(ref, _audience_ref(words)),
            )
        )
    return found


_PATTERNS = (_triads, _contrasts, _promises, _imperatives, _audience_lines, _name_lines)

# Lines that need nothing from the profile but its type, for profiles with too few usable words.
_GENERAL_LINES = (
    'Good work, made simple.',
    'Less noise. More progress.',
    'Built for what comes next.',
    'Start here. Go further.',
    'Made with care.',
    'Simple on the surface. Solid underneath.',
    'Ideas, made real.',
    'Do more of what matters.',
    'Clear choices. Better days.',
    'Here for the long run.',
    'Small steps. Big difference.',
    'The better way forward.',
)
_TYPE_LINES: dict[CompanyType, tuple[str, ...]] = {
    CompanyType.SAAS: ('Work, simplified.', 'Your team, in flow.'),
    CompanyType.FINTECH: ('Money, made clear.', 'Every cent, accounted for.'),
    CompanyType.HEALTHTECH: ('Care, made simpler.', 'Health, within reach.'),
    CompanyType.ECOMMERCE: ('Find it. Love it. Keep it.', 'Shopping, made personal.'),
    CompanyType.AI_ML: ('Intelligence, put to work.', 'AI you can explain.'),
    CompanyType.BLOCKCHAIN: ('Open by design.', 'Trust, on the record.'),
    CompanyType.CYBERSECURITY: ('Secure by default.', 'Stay a step ahead.'),
    CompanyType.DEVTOOLS: ('Ship with confidence.', 'Fewer bugs. More building.'),
    CompanyType.OTHER: ('Made to matter.', 'Quality you can feel.'),
}


def _general_candidates(words: BrandWords) -> list[_Candidate]:
    company = f'{with_article(words.type_word)} company' if words.type_word else 'a company'
    typed = [
        _Candidate(
            text=text,
            family='general',
            rationale=f'A line for {company} in a {words.voice.name} voice; the profile offered few words of its own '
            'to build on.',
        )
        for text in _TYPE_LINES[words.company_type]
    ]
    general = [
        _Candidate(
            text=text,
            family='general',
            rationale=f'A general line in a {words.voice.name} voice; the profile offered few words of its own to '
            'build on.',
        )
        for text in _GENERAL_LINES
    ]
    return typed + general


# --- choosing ---------------------------------------------------------------------------------------------------------


def _content_words(key: str, ignored: frozenset[str]) -> frozenset[str]:
    """The words of a deduplication key that carry meaning, to steer the choice away from repeating them."""
    return frozenset(word for word in key.split(' ') if len(word) > 2 and word not in ignored)


def _weighted_order(names: list[str], weights: dict[str, float], rng: random.Random) -> list[str]:
    """A random order where heavier names tend to come first (Efraimidis-Spirakis keys)."""
    return sorted(names, key=lambda name: rng.random() ** (1.0 / max(weights.get(name, 1.0), 1e-6)), reverse=True)


def _fits(text: str) -> bool:
    """At most ten words by count_words, and by a plain split too, so a lone '&' or '—' cannot tip a line over for
    a reader (or a check) that counts every space-separated token."""
    if text.isascii() and text.count(' ') < MAX_TAGLINE_WORDS:  # at most ten tokens, each at most one word
        return True
    return len(text.split()) <= MAX_TAGLINE_WORDS and count_words(text) <= MAX_TAGLINE_WORDS


def _trim(text: str) -> str:
    """trim_to_words, tightened until the line also fits a plain split count."""
    limit = MAX_TAGLINE_WORDS
    trimmed = trim_to_words(text, limit)
    while not _fits(trimmed) and limit > 1:
        limit -= 1
        trimmed = trim_to_words(text, limit)
    return trimmed


def _usable(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Tidy candidates, keeping the first of each distinct line that fits the word limit."""
    usable, seen = [], set()
    for candidate in candidates:
        candidate.text = tidy_sentence(candidate.text)
        candidate.key = dedupe_key(candidate.text)
        if candidate.key and candidate.key not in seen and _fits(candidate.text):
            seen.add(candidate.key)
            usable.append(candidate)
    return usable


def _choose(candidates: list[_Candidate], count: int, words: BrandWords, rng: random.Random) -> list[_Candidate]:
    """One line per pattern per round, patterns in a voice-weighted random order, lines weighted by rank, by how the
    voice likes the frame, and away from words already used, so the set reads varied rather than repetitive."""
    pools: dict[str, list[_Candidate]] = {family: [] for family in TAGLINE_FAMILIES}
    for candidate in candidates:
        pools[candidate.family].append(candidate)
    ignored = STOPWORDS | {word.casefold() for word in words.name.split(' ')}
    content = {id(candidate): _content_words(candidate.key, ignored) for candidate in candidates}
    chosen: list[_Candidate] = []
    used_words: set[str] = set()
    while len(chosen) < count and any(pools.values()):
        for family in _weighted_order([f for f, pool in pools.items() if pool], dict(words.voice.family_weights), rng):
            pool = pools[family]
            weights = [
                candidate.weight
                * (2.0 if words.voice.name in candidate.affinity else 1.0)
                * 0.35 ** len(content[id(candidate)] & used_words)
                for candidate in pool
            ]
            picked = rng.choices(pool, weights=weights)[0]
            pool.remove(picked)
            chosen.append(picked)
            used_words |= content[id(picked)]
            if len(chosen) == count:
                break
    return chosen


def _check_count(count: int) -> None:
    if not 1 <= count <= MAX_TAGLINES:
        raise ValueError(f'count must be between 1 and {MAX_TAGLINES}, not {count}')


def _offline_candidates(profile: CompanyProfile, count: int, seed: int) -> list[_Candidate]:
    words = read_profile(profile)
    rng = rng_for(profile, seed, 'taglines')
    candidates = _usable(candidate for pattern in _PATTERNS for candidate in pattern(words, rng))
    chosen = _choose(candidates, count, words, rng)
    if len(chosen) == count:
        return chosen
    taken = {candidate.key for candidate in chosen}
    fallbacks = [candidate for candidate in _usable(_general_candidates(words)) if candidate.key not in taken]
    return chosen + fallbacks[: count - len(chosen)]


def build_offline_taglines(profile: CompanyProfile, count: int, seed: int) -> list[Tagline]:
    """`count` (1-10) distinct taglines of at most ten words, from the profile's own words; the same profile and seed
    always give the same list, another seed (usually) another one."""
    _check_count(count)
    voice = read_profile(profile).voice.name  # cached: the same reading the candidates were built from
    return [
        Tagline(id=f'tagline-{index}', text=candidate.text, tone=voice, explanation=candidate.explanation)
        for index, candidate in enumerate(_offline_candidates(profile, count, seed), start=1)
    ]


# --- cleaning a language model's lines --------------------------------------------------------------------------------

_LIST_MARKER = regex.compile(r'^\s*(?:[-*+•·▪◦‣>]+|\(?\d{1,2}\s*[.):\]]|#{1,6})\s*')  # spaces optional: '1.Foo'
_LABEL = regex.compile(r'^\s*(?:tagline|option|slogan|idea|version|line)\s*#?\s*\d*\s*[:.)\-–—]\s*', regex.IGNORECASE)
_UNCLOSED_TAG = regex.compile(r'<[A-Za-z/!][^<>]*$')  # a reply cut off inside a tag: '... <b'
_TRAILING_ASIDE = regex.compile(r'\s*\([^()]*\)\s*$')
_QUOTE_PAIRS = {'"': '"', '“': '”', '”': '”', '‘': '’', "'": "'", '«': '»', '„': '“', '「': '」', '『': '』', '‹': '›'}
_STRAY_QUOTES = '"“”‘’«»„「」『』‹›'


class CleanedTaglines(NamedTuple):
    taglines: list[Tagline]
    notes: list[str]  # what the cleaner changed, for the section's provenance note; empty when nothing


def _unquote(text: str) -> str:
    """'"Clear money" - a line about trust' -> 'Clear money': a quoted line, and any aside after it, unwrapped."""
    if not text or text[0] not in _QUOTE_PAIRS:
        return text
    end = text.rfind(_QUOTE_PAIRS[text[0]], 1)
    if end == -1:
        return text[1:]
    rest = text[end + 1 :].strip()
    if not rest or rest[0] in '-–—:(,;':
        return text[1:end]
    return text


def clean_line(raw: str) -> str:
    """A model's line as plain tagline text: no HTML, Markdown, numbering, labels, wrapping quotes or trailing aside."""
    text = _UNCLOSED_TAG.sub('', plain_text(raw))
    for _ in range(3):  # decorations nest: '"1. **Bold**"' is a quoted, numbered, emphasised line
        previous = text
        text = _unquote(_LABEL.sub('', _LIST_MARKER.sub('', text)).strip()).strip()
        if text == previous:
            break
    text = _TRAILING_ASIDE.sub('', text).strip(f' {_STRAY_QUOTES}')
    return capitalise_first(tidy_sentence(text))


def _plural(number: int, noun: str) -> str:
    return f'{number} {noun}' if number == 1 else f'{number} {noun}s'


def _draws_on(text: str, words: BrandWords) -> list[str]:
    """Which of the profile's words a line reuses, as references for its explanation."""
    present = set(dedupe_key(text).split(' '))

    def uses(phrase: str) -> bool:
        parts = [part for part in dedupe_key(phrase).split(' ') if part and part not in STOPWORDS]
        return bool(parts) and all(part in present for part in parts)

    refs = [_name_ref(words)] if words.name and dedupe_key(words.name) in dedupe_key(text) else []
    values = [
        value for value in words.values if any(uses(form) for form in (value.text, value.noun, value.adjective) if form)
    ]
    if values:
        refs.append(_values_ref(values))
    if words.audience and uses(words.audience):
        refs.append(_audience_ref(words))
    if words.industry and uses(words.industry):
        refs.append(_industry_ref(words))
    things = [thing for thing in words.objects if uses(thing)]
    if things:
        refs.append(_action_ref(things))
    return refs


def _model_explanation(text: str, words: BrandWords) -> str:
    refs = _draws_on(text, words)
    if refs:
        return f'From the language model, kept for its {words.voice.name} voice. Draws on {join_naturally(refs)}.'
    return f'From the language model, in a {words.voice.name} voice; it does not reuse a word from the profile.'


def clean_taglines(
    candidates: Sequence[str | Tagline], count: int, *, profile: CompanyProfile, seed: int
) -> CleanedTaglines:
    """Turn a language model's taglines into exactly `count` (1-10) clean, distinct lines of at most ten words.

    Each candidate is a line of text or a Tagline (whose explanation and tone are kept, cleaned); text with several
    lines counts as several candidates. Every line is reduced to plain text (HTML tags and script blocks, Markdown
    emphasis and links, list numbering, 'Tagline 1:' labels, wrapping quotes and a trailing aside are removed), trimmed
    to ten words at a phrase boundary where possible, and dropped when empty or a duplicate (case, punctuation and
    spacing ignored). Missing lines are topped up from the offline writer with the same seed. Ids are renumbered
    'tagline-1', 'tagline-2', ...; `notes` says what changed.
    """
    _check_count(count)
    words = read_profile(profile)
    kept: list[tuple[str, str, str]] = []  # (text, explanation, tone)
    seen: set[str] = set()
    trimmed = duplicates = unusable = 0
    for candidate in candidates:
        if isinstance(candidate, Tagline):
            lines = [(candidate.text, plain_text(candidate.explanation), plain_text(candidate.tone))]
        else:
            lines = [(line, '', '') for line in candidate.splitlines() if line.strip()]
        for raw, explanation, tone in lines:
            text = clean_line(raw)
            if not has_word_chars(text):
                unusable += 1
                continue
            if not _fits(text):
                text = _trim(text)
                trimmed += 1
            key = dedupe_key(text)
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            kept.append((text, explanation or _model_explanation(text, words), tone or words.voice.name))
    notes = []
    if trimmed:
        notes.append(f'Trimmed {_plural(trimmed, "tagline")} to {MAX_TAGLINE_WORDS} words.')
    if duplicates:
        notes.append(f'Removed {_plural(duplicates, "duplicate")}.')
    if unusable:
        notes.append(f'Dropped {_plural(unusable, "line")} with no usable text.')
    if len(kept) > count:
        notes.append(f'Kept the first {count} of {len(kept)} taglines.')
        kept = kept[:count]
    if len(kept) < count:
        missing = count - len(kept)
        for offline in _offline_candidates(profile, MAX_TAGLINES, seed):
            if len(kept) == count:
                break
            if offline.key not in seen:
                seen.add(offline.key)
                kept.append((offline.text, offline.explanation, words.voice.name))
        notes.append(f'Added {_plural(missing, "offline tagline")} to reach {count}.')
    taglines = [
        Tagline(id=f'tagline-{index}', text=text, tone=tone, explanation=explanation)
        for index, (text, explanation, tone) in enumerate(kept, start=1)
    ]
    return CleanedTaglines(taglines=taglines, notes=notes)
