"""Which colours a profile's words point to, and why: cited colour associations read from data/color_psychology.json.

The associations are averages from studies and category conventions, not predictions about any one audience; every
row carries its source and a confidence so the kit can say where a choice came from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Literal

from branding.models import CompanyProfile

Confidence = Literal['medium', 'low']
Temperature = Literal['warm', 'cool']

CHROMA_INTENTS: dict[str, float] = {'muted': 0.06, 'moderate': 0.13, 'vivid': 0.2}
LIGHTNESS_INTENTS: dict[str, float] = {'deep': 0.4, 'mid': 0.53, 'bright': 0.66}
DEFAULT_CHROMA = CHROMA_INTENTS['moderate']
DEFAULT_LIGHTNESS = LIGHTNESS_INTENTS['mid']

# How much a word counts, by where it was written: the industry is the most specific statement of the brief.
FIELD_WEIGHTS: dict[str, float] = {
    'industry': 3.0,
    'company type': 2.0,
    'tone': 2.0,
    'brand values': 1.5,
    'target audience': 1.0,
}

WARM_POLE_HUE = 45.0  # orange
COOL_POLE_HUE = 235.0  # blue
MAX_TEMPERATURE_SHIFT = 15.0  # degrees; enough to warm or cool a family without leaving it
NEUTRAL_CHROMA = 0.035  # below this a colour reads as a tinted grey


@dataclass(kw_only=True, slots=True, frozen=True)
class Source:
    short: str
    full: str


@dataclass(kw_only=True, slots=True, frozen=True)
class HueFamilyNote:
    family: str
    association: str
    sources: tuple[Source, ...]
    confidence: Confidence

    def cited(self) -> str:
        return f'{self.association} ({cite(self.sources)}; confidence {self.confidence})'


@dataclass(kw_only=True, slots=True, frozen=True)
class AccentOption:
    """A call-to-action colour a sector's brands use, and why: the rationale quotes it only for the accent it made."""

    hue: float  # OKLCH degrees
    chroma: float
    lightness: float | None  # None: the engine's accent lightness
    why: str
    sources: tuple[Source, ...]
    confidence: Confidence

    def cited(self) -> str:
        return f'{self.why} ({cite(self.sources)}; confidence {self.confidence})'


@dataclass(kw_only=True, slots=True, frozen=True)
class ColorAssociation:
    id: str
    company_types: tuple[str, ...]
    keywords: tuple[str, ...]
    hues: tuple[float, ...]
    chroma: float | None
    lightness: float | None
    temperature: Temperature | None
    accents: tuple[AccentOption, ...]
    boost: float  # added to the weight when matched: a qualifier that changes the category's colours
    association: str
    sources: tuple[Source, ...]
    confidence: Confidence
    pattern: re.Pattern[str]

    def cited(self) -> str:
        return f'{self.association} ({cite(self.sources)}; confidence {self.confidence})'


@dataclass(kw_only=True, slots=True, frozen=True)
class Match:
    association: ColorAssociation
    fields: tuple[str, ...]
    words: tuple[str, ...]
    weight: float

    def evidence(self) -> str:
        """Where the profile said it, e.g. "industry 'finance' and brand values 'trust', 'honesty'"."""
        words_by_field: dict[str, list[str]] = {}
        for field, word in zip(self.fields, self.words, strict=True):
            words_by_field.setdefault(field, []).append(f"'{word}'")
        return ' and '.join(f'{field} {", ".join(words)}' for field, words in words_by_field.items())


@dataclass(kw_only=True, slots=True, frozen=True)
class ColorIntent:
    """What the profile asks of the palette. An empty `hue_options` means no association matched."""

    matches: tuple[Match, ...]
    hue_match: Match | None
    accent_match: Match | None
    chroma: float
    lightness: float
    temperature_shift: float  # degrees: positive turns hues toward warm orange, negative toward cool blue
    yellow_greens_requested: bool = False  # the brief names olive, khaki, lime...: the dislike check stands aside

    @property
    def hue_options(self) -> tuple[float, ...]:
        return self.hue_match.association.hues if self.hue_match else ()

    @property
    def accent_options(self) -> tuple[AccentOption, ...]:
        return self.accent_match.association.accents if self.accent_match else ()


def cite(sources: tuple[Source, ...]) -> str:
    return '; '.join(source.short for source in sources)


def read_color_intent(profile: CompanyProfile) -> ColorIntent:
    matches = match_associations(profile)
    hue_match = next((match for match in matches if match.association.hues), None)
    accent_match = next((match for match in matches if match.association.accents), None)
    return ColorIntent(
        matches=matches,
        hue_match=hue_match,
        accent_match=accent_match,
        chroma=_weighted_mean([(match.association.chroma, match.weight) for match in matches], DEFAULT_CHROMA),
        lightness=_weighted_mean([(match.association.lightness, match.weight) for match in matches], DEFAULT_LIGHTNESS),
        temperature_shift=_temperature_shift(matches),
        yellow_greens_requested=_asks_for_yellow_greens(profile),
    )


def _asks_for_yellow_greens(profile: CompanyProfile) -> bool:
    texts = [profile.name, profile.description, *(text for _, text in _profile_texts(profile))]
    return any(_table().yellow_green_words.search(text) for text in texts)


def match_associations(profile: CompanyProfile) -> tuple[Match, ...]:
    """Every association the profile's words hit, strongest first (ties keep table order)."""
    texts = _profile_texts(profile)
    matches = []
    for association in associations():
        fields: list[str] = []
        words: list[str] = []
        if profile.company_type.value in association.company_types:
            fields.append('company type')
            words.append(profile.company_type.value)
        for field, text in texts:
            found = association.pattern.search(text)
            if found:
                fields.append(field)
                words.append(found.group(0))
        if fields:
            weight = association.boost + sum(FIELD_WEIGHTS[field] for field in dict.fromkeys(fields))
            matches.append(Match(association=association, fields=tuple(fields), words=tuple(words), weight=weight))
    return tuple(sorted(matches, key=lambda match: -match.weight))


def _profile_texts(profile: CompanyProfile) -> list[tuple[str, str]]:
    return [
        ('industry', profile.industry),
        ('tone', profile.tone),
        *(('brand values', value) for value in profile.brand_values),
        ('target audience', profile.target_audience),
    ]


def _weighted_mean(values: list[tuple[float | None, float]], default: float) -> float:
    weighted = [(value, weight) for value, weight in values if value is not None]
    total = sum(weight for _, weight in weighted)
    return sum(value * weight for value, weight in weighted) / total if total else default


def _temperature_shift(matches: tuple[Match, ...]) -> float:
    votes = sum(
        match.weight * (1 if match.association.temperature == 'warm' else -1)
        for match in matches
        if match.association.temperature
    )
    return max(-MAX_TEMPERATURE_SHIFT, min(MAX_TEMPERATURE_SHIFT, votes * 3.0))


def shift_temperature(hue: float, shift: float) -> float:
    """`hue` turned by up to |shift| degrees toward the warm pole (shift > 0) or the cool pole (shift < 0)."""
    pole = WARM_POLE_HUE if shift > 0 else COOL_POLE_HUE
    towards = (pole - hue + 180) % 360 - 180  # signed shortest turn to the pole
    turn = max(-abs(shift), min(abs(shift), towards))
    return (hue + turn) % 360


def hue_family(lightness: float, chroma: float, hue: float) -> str:
    if chroma < NEUTRAL_CHROMA:
        return 'neutral'
    hue %= 360
    # dark, not very colourful oranges and golds are what people call brown
    if 38 <= hue < 100 and lightness < 0.55 and chroma < 0.13:
        return 'brown'
    for upper, family in _HUE_FAMILY_BOUNDS:
        if hue < upper:
            return family
    return 'pink'


# Upper OKLCH hue bound of each family, drawn around Tailwind v4's family hues (red 25, orange 47, amber 70 (read as
# orange), yellow 86, green 150, teal 182, blue 260, violet 293, pink 354).
_HUE_FAMILY_BOUNDS: tuple[tuple[float, str], ...] = (
    (12, 'pink'),
    (38, 'red'),
    (75, 'orange'),
    (115, 'yellow'),
    (165, 'green'),
    (215, 'teal'),
    (268, 'blue'),
    (310, 'violet'),
    (360, 'pink'),
)


_WORD = re.compile(r'[a-z]+(?:-[a-z]+)*')


def named_families(text: str, *, ignore: tuple[str, ...] = ()) -> list[tuple[str, frozenset[str]]]:
    """Each colour word in `text` with the hue families it can name ('gold' names yellow, orange or brown; 'green-blue'
    names teal). Phrases in `ignore` (the palette's own colour names) are skipped."""
    lowered = text.lower()
    for phrase in ignore:
        lowered = lowered.replace(phrase.lower(), ' ')
    words = _table().color_words
    found = []
    for token in _WORD.findall(lowered):
        if token in words:
            found.append((token, words[token]))
        else:
            found += [(part, words[part]) for part in token.split('-') if part in words]
    return found


def foreign_colors(text: str, families: set[str], *, ignore: tuple[str, ...] = ()) -> list[str]:
    """The colour words in `text` that name none of `families`: what a palette's text must not say."""
    return [word for word, named in named_families(text, ignore=ignore) if not named & families]


def hue_family_note(family: str) -> HueFamilyNote:
    return _table().hue_families[family]


def associations() -> tuple[ColorAssociation, ...]:
    return _table().associations


def source(source_id: str) -> Source:
    return _table().sources[source_id]


@dataclass(kw_only=True, slots=True, frozen=True)
class _Table:
    sources: dict[str, Source]
    hue_families: dict[str, HueFamilyNote]
    associations: tuple[ColorAssociation, ...]
    color_words: dict[str, frozenset[str]]  # a colour word -> the hue families it may name
    yellow_green_words: re.Pattern[str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = json.loads(files('branding.design').joinpath('data', 'color_psychology.json').read_text(encoding='utf-8'))
    sources = {key: Source(short=value['short'], full=value['full']) for key, value in data['sources'].items()}
    hue_families = {
        family: HueFamilyNote(
            family=family,
            association=row['association'],
            sources=tuple(sources[key] for key in row['sources']),
            confidence=row['confidence'],
        )
        for family, row in data['hue_families'].items()
    }
    return _Table(
        sources=sources,
        hue_families=hue_families,
        associations=tuple(_association(row, sources) for row in data['associations']),
        color_words={word: frozenset(families) for word, families in data['color_words']['words'].items()},
        yellow_green_words=_keyword_pattern(data['requested_yellow_greens']['keywords']),
    )


def _association(row: dict[str, Any], sources: dict[str, Source]) -> ColorAssociation:
    return ColorAssociation(
        id=row['id'],
        company_types=tuple(row['company_types']),
        keywords=tuple(row['keywords']),
        hues=tuple(float(hue) for hue in row['hues']),
        chroma=CHROMA_INTENTS[row['chroma']] if row['chroma'] else None,
        lightness=LIGHTNESS_INTENTS[row['lightness']] if row['lightness'] else None,
        temperature=row['temperature'],
        accents=tuple(
            AccentOption(
                hue=float(option['hue']),
                chroma=float(option['chroma']),
                lightness=option.get('lightness'),
                why=option['why'],
                sources=tuple(sources[key] for key in option['sources']),
                confidence=option['confidence'],
            )
            for option in row.get('accents', [])
        ),
        boost=float(row.get('boost', 0.0)),
        association=row['association'],
        sources=tuple(sources[key] for key in row['sources']),
        confidence=row['confidence'],
        pattern=_keyword_pattern(row['keywords']),
    )


def _keyword_pattern(keywords: list[str]) -> re.Pattern[str]:
    # whole words only ('ai' must not match 'fair'), with an optional plural; spaces in a keyword match any run of
    # spaces or hyphens, so 'open source' also finds 'open-source'
    alternatives = sorted((re.escape(keyword).replace(r'\ ', r'[\s-]+') for keyword in keywords), key=len, reverse=True)
    return re.compile(rf'(?<!\w)(?:{"|".join(alternatives)})(?:e?s)?(?!\w)', re.IGNORECASE)
