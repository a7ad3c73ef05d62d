"""The font catalogue (data/fonts.json) and the typographic maths: name matching, CSS stacks, type scales, pairing."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, cast, get_args

from branding.models import TypeScaleStep

Category = Literal['sans-serif', 'serif', 'display', 'monospace', 'handwriting']
Role = Literal['heading', 'body', 'accent']
Level = Literal['low', 'medium', 'high']
Width = Literal['condensed', 'normal', 'wide']
Relation = Literal['concord', 'contrast', 'conflict']
MatchKind = Literal['exact', 'alias', 'similar name', 'keywords', 'default']

CATEGORIES: tuple[Category, ...] = get_args(Category)
ROLES: tuple[Role, ...] = get_args(Role)
CATALOGUE_PATH = Path(__file__).parent / 'data' / 'fonts.json'

# CSS generic families and keywords are written bare; anything else in a stack is quoted.
_CSS_KEYWORDS = frozenset(
    {'serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif'}
    | {'ui-monospace', 'ui-rounded', 'math', 'emoji', 'fangsong', '-apple-system'}
)


@dataclass(kw_only=True, slots=True, frozen=True, eq=False)  # one instance per family, so identity is equality
class FontEntry:
    family: str
    id: str
    category: Category
    classification: str
    weights: tuple[int, ...]
    styles: tuple[str, ...]
    variable: bool
    license: str
    license_url: str
    attribution: str
    tags: tuple[str, ...]
    roles: frozenset[Role]
    x_height: Level
    x_height_ratio: float
    contrast: Level
    width: Width
    width_ratio: float
    notes: str
    fallback: str
    caps_only: bool = False
    superfamily: str | None = None
    stands_in_for: tuple[str, ...] = ()
    # tags plus the structural words (classification, width) that name matching and briefs also speak of
    traits: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, 'traits', frozenset((*self.tags, self.classification, self.width)))

    @property
    def structure(self) -> Literal['serif', 'sans', 'mono', 'script']:
        """The skeleton that matters for contrast: display faces count as serif or sans by their drawing."""
        if self.category == 'monospace':
            return 'mono'
        if self.category == 'handwriting':
            return 'script'
        if self.category == 'serif' or self.classification in _SERIF_CLASSIFICATIONS:
            return 'serif'
        return 'sans'

    @property
    def text_face(self) -> bool:
        return 'body' in self.roles


_SERIF_CLASSIFICATIONS = frozenset({'didone', 'transitional', 'old-style', 'contemporary', 'slab', 'inscriptional'})


@dataclass(kw_only=True, slots=True, frozen=True)
class FontCatalogue:
    families: tuple[FontEntry, ...]
    fallback_stacks: dict[str, tuple[str, ...]]
    defaults: dict[Category, FontEntry]
    by_name: dict[str, FontEntry]
    by_alias: dict[str, FontEntry]


@dataclass(kw_only=True, slots=True, frozen=True)
class FontMatch:
    entry: FontEntry
    kind: MatchKind


def normalise_name(name: str) -> str:
    """'"Playfair Display", serif' and 'playfair-display' both become 'playfairdisplay'."""
    first = name.split(',', 1)[0]
    return re.sub(r'[\W_]+', '', first.casefold())


def _entry_from_json(raw: dict[str, object], stacks: dict[str, tuple[str, ...]]) -> FontEntry:
    category = str(raw['category'])
    if category not in CATEGORIES:
        raise ValueError(f'{raw["family"]}: unknown category {category!r}')
    roles = frozenset(cast(list[str], raw['roles']))
    if not roles or not roles <= set(ROLES):
        raise ValueError(f'{raw["family"]}: roles must be a non-empty subset of {ROLES}')
    fallback = str(raw.get('fallback', category))
    if fallback not in stacks:
        raise ValueError(f'{raw["family"]}: no fallback stack named {fallback!r}')
    return FontEntry(
        family=str(raw['family']),
        id=str(raw['id']),
        category=category,
        classification=str(raw['classification']),
        weights=tuple(sorted(cast(list[int], raw['weights']))),
        styles=tuple(cast(list[str], raw['styles'])),
        variable=bool(raw['variable']),
        license=str(raw['license']),
        license_url=str(raw['license_url']),
        attribution=str(raw['attribution']),
        tags=tuple(cast(list[str], raw['tags'])),
        roles=cast(frozenset[Role], roles),
        x_height=cast(Level, raw['x_height']),
        x_height_ratio=float(cast(float, raw['x_height_ratio'])),
        contrast=cast(Level, raw['contrast']),
        width=cast(Width, raw['width']),
        width_ratio=float(cast(float, raw['width_ratio'])),
        notes=str(raw['notes']),
        fallback=fallback,
        caps_only=bool(raw.get('caps_only', False)),
        superfamily=cast(str | None, raw.get('superfamily')),
        stands_in_for=tuple(cast(list[str], raw.get('stands_in_for', []))),
    )


@cache
def catalogue() -> FontCatalogue:
    data = json.loads(CATALOGUE_PATH.read_text(encoding='utf-8'))
    stacks = {name: tuple(stack) for name, stack in data['fallback_stacks'].items()}
    families = tuple(_entry_from_json(raw, stacks) for raw in data['families'])
    by_name: dict[str, FontEntry] = {}
    for entry in families:
        by_name[normalise_name(entry.family)] = entry
        by_name[normalise_name(entry.id)] = entry
    by_alias = {normalise_name(alias): entry for entry in families for alias in entry.stands_in_for}
    defaults = {
        cast(Category, category): by_name[normalise_name(family)] for category, family in data['defaults'].items()
    }
    if set(defaults) != set(CATEGORIES):
        raise ValueError(f'fonts.json needs one default per category {CATEGORIES}')
    return FontCatalogue(
        families=families, fallback_stacks=stacks, defaults=defaults, by_name=by_name, by_alias=by_alias
    )


def find_font(name: str) -> FontEntry | None:
    """The catalogue entry called `name` (case, spacing, quotes and a trailing fallback list ignored), else None."""
    return catalogue().by_name.get(normalise_name(name))


# --- nearest real family for an unknown name -------------------------------------------------------------------------

# Words that say what kind of face a name is, but not which one.
_GENERIC_WORDS = frozenset(
    {'sans', 'serif', 'mono', 'monospace', 'code', 'display', 'text', 'pro', 'std', 'neue', 'new', 'regular'}
    | {'bold', 'light', 'thin', 'medium', 'black', 'heavy', 'italic', 'variable', 'vf', 'one', 'two', 'slab'}
    | {'script', 'round', 'rounded', 'condensed', 'narrow', 'font', 'fonts', 'typeface', 'family', 'the', 'ms'}
    | {'grotesk', 'grotesque', 'gothic', 'book', 'semibold', 'extrabold', 'web', 'ui', 'next', 'now', 'classic'}
)
_CATEGORY_WORDS: tuple[tuple[Category, frozenset[str]], ...] = (
    (
        'monospace',
        frozenset({'mono', 'monospace', 'monospaced', 'code', 'courier', 'typewriter', 'console', 'terminal'}),
    ),
    (
        'handwriting',
        frozenset({'script', 'hand', 'handwriting', 'handwritten', 'brush', 'marker', 'cursive', 'calligraphy'}),
    ),
    ('sans-serif', frozenset({'sans', 'grotesk', 'grotesque', 'gothic', 'geometric', 'humanist', 'ui'})),
    ('serif', frozenset({'serif', 'slab', 'roman', 'antiqua', 'garamond', 'didone', 'bodoni', 'didot', 'caslon'})),
    ('display', frozenset({'display', 'poster', 'headline', 'decorative', 'fantasy'})),
)
_WORD_TRAITS: dict[str, tuple[str, ...]] = {
    'rounded': ('rounded',),
    'round': ('rounded',),
    'soft': ('soft', 'rounded'),
    'condensed': ('condensed',),
    'narrow': ('condensed',),
    'compressed': ('condensed',),
    'slab': ('slab',),
    'grotesk': ('grotesque',),
    'grotesque': ('grotesque',),
    'gothic': ('grotesque',),
    'geometric': ('geometric',),
    'humanist': ('humanist',),
    'comic': ('playful', 'rounded', 'casual'),
    'didot': ('high-contrast', 'didone'),
    'bodoni': ('high-contrast', 'didone'),
    'garamond': ('old-style',),
    'wide': ('wide',),
    'extended': ('wide',),
    'expanded': ('wide',),
    'black': ('bold',),
    'heavy': ('bold',),
    'fat': ('bold',),
    'light': ('light',),
    'thin': ('light',),
    'elegant': ('elegant',),
    'retro': ('retro',),
    'vintage': ('vintage',),
    'script': ('script',),
    'brush': ('script',),
    'marker': ('handwriting',),
}


def _ordered_words(name: str) -> list[str]:
    spaced = re.sub(r'(?<=[a-z])(?=[A-Z])', ' ', name.split(',', 1)[0])  # 'PlayfairDisplay' -> 'Playfair Display'
    return re.findall(r'[^\W_]+', spaced.casefold())


def _words(name: str) -> frozenset[str]:
    return frozenset(_ordered_words(name))


def _category_from_words(words: frozenset[str]) -> Category | None:
    for category, markers in _CATEGORY_WORDS:
        if words & markers:
            return category
    return None


def resolve_font(name: str, category_hint: str | None = None) -> FontMatch:
    """The catalogue family nearest to `name`, and how it was found."""
    cat = catalogue()
    key = normalise_name(name)
    if entry := cat.by_name.get(key):
        return FontMatch(entry=entry, kind='exact')
    if entry := cat.by_alias.get(key):
        return FontMatch(entry=entry, kind='alias')
    words = _words(name)
    category = _category_from_words(words) or _category_from_words(_words(category_hint or ''))
    # 'Lato Bold' or 'Georgia Pro': the name without its style words may be known, if it is the kind of face asked for
    core = ''.join(word for word in _ordered_words(name) if word not in _GENERIC_WORDS)
    entry = cat.by_name.get(core) or cat.by_alias.get(core)
    if entry and (category is None or entry.category == category):
        return FontMatch(entry=entry, kind='alias' if core in cat.by_alias else 'similar name')
    if key and not words & {'mono', 'sans', 'serif', 'slab', 'code', 'script'}:
        # a typo of a real name ('Montserat') is only trusted when the name does not also state a different kind
        close = difflib.get_close_matches(key, [*cat.by_name, *cat.by_alias], n=1, cutoff=0.85)
        if close:
            entry = cat.by_name.get(close[0]) or cat.by_alias[close[0]]
            return FontMatch(entry=entry, kind='similar name')
    distinctive = words - _GENERIC_WORDS
    wanted = frozenset(trait for word in words for trait in _WORD_TRAITS.get(word, ()))
    wants_display = bool(words & {'display', 'poster', 'headline'})
    candidates = [e for e in cat.families if category is None or e.category == category]
    if category == 'display':  # few faces are filed as display; headline-only faces of any category also qualify
        candidates = [e for e in cat.families if e.category == 'display' or not e.text_face]

    def score(entry: FontEntry) -> float:
        return (
            3.0 * len(distinctive & _words(entry.family))
            + 2.0 * len(wanted & entry.traits)
            + (0.5 if wants_display and not entry.text_face else 0.0)
        )

    best = max(candidates, key=lambda e: (score(e), e is cat.defaults[e.category], e.family), default=None)
    if best is not None and score(best) > 0:
        return FontMatch(entry=best, kind='keywords')
    return FontMatch(entry=cat.defaults[category or 'sans-serif'], kind='default')


def nearest_font(name: str, category_hint: str | None = None) -> FontEntry:
    """An unknown family becomes the nearest real one: by name, alias, kind of face named, then a sensible default."""
    return resolve_font(name, category_hint).entry


# --- CSS -------------------------------------------------------------------------------------------------------------


def _css_family(name: str) -> str:
    if name in _CSS_KEYWORDS or re.fullmatch(r'[A-Za-z][A-Za-z-]*', name):
        return name
    escaped = name.replace('\\', '\\\\').replace("'", "\\'")
    return f"'{escaped}'"


def css_stack(entry: FontEntry) -> str:
    """`'Family', fallbacks…, generic`: the quoted family first, then system faces of the same kind."""
    fallbacks = [name for name in catalogue().fallback_stacks[entry.fallback] if name != entry.family]
    return ', '.join([f"'{entry.family}'", *(_css_family(name) for name in fallbacks)])


def nearest_weight(entry: FontEntry, desired: int) -> int:
    """The available weight closest to `desired`; ties go to the heavier one so headings do not lose emphasis."""
    return min(entry.weights, key=lambda weight: (abs(weight - desired), -weight))


# --- modular type scale ----------------------------------------------------------------------------------------------

SCALES: dict[str, float] = {
    'Minor third': 1.2,
    'Major third': 1.25,
    'Perfect fourth': 1.333,
    'Augmented fourth': 1.414,
    'Perfect fifth': 1.5,
    'Golden ratio': 1.618,
}
ROOT_FONT_PX = 16.0  # browsers' default root size, which rem is relative to
# Steps up (or down) the scale from the body size; h1-h5 match typescale.com, h6 stays at body size but bold.
_SCALE_STEPS: tuple[tuple[Literal['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'small'], int], ...] = (
    ('h1', 5),
    ('h2', 4),
    ('h3', 3),
    ('h4', 2),
    ('h5', 1),
    ('h6', 0),
    ('body', 0),
    ('small', -1),
)


def scale_name(ratio: float) -> str:
    name, named_ratio = min(SCALES.items(), key=lambda item: abs(item[1] - ratio))
    return name if abs(named_ratio - ratio) < 0.005 else f'Custom ({ratio:g})'


def line_height(size_px: float, base_px: float = 16.0) -> float:
    """1.6 at text size, tightening towards 1.1 as type grows (big type needs less leading to hold together)."""
    growth: float = (base_px / size_px) ** 1.5  # float ** float is typed Any (it may be complex); here it is not
    return round(min(1.6, 1.1 + 0.5 * growth), 2)


def type_scale(
    ratio: float,
    base_px: float = 16.0,
    *,
    heading_weight: int = 700,
    subheading_weight: int = 600,
    body_weight: int = 400,
) -> list[TypeScaleStep]:
    """h1..h6, body and small on a modular scale: each heading level is `ratio` times the next."""
    if ratio <= 1:
        raise ValueError(f'a type scale needs a ratio above 1, not {ratio}')
    if base_px <= 0:
        raise ValueError(f'base size must be positive, not {base_px}')
    steps = []
    for name, step in _SCALE_STEPS:
        size = base_px * ratio**step
        weight = body_weight if name in {'body', 'small'} else heading_weight if step >= 3 else subheading_weight
        steps.append(
            TypeScaleStep(
                name=name,
                size_px=round(size, 2),
                size_rem=round(size / ROOT_FONT_PX, 4),
                line_height=line_height(size, base_px),
                weight=weight,
            )
        )
    return steps


# --- pairing ---------------------------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class PairingAssessment:
    score: float
    relation: Relation
    reasons: tuple[str, ...]

    def explanation(self) -> str:
        return '; '.join(self.reasons) + '.' if self.reasons else ''


_NEUTRAL_CLASSIFICATIONS = frozenset({'neo-grotesque', 'grotesque', 'humanist'})
_STRUCTURE_WORDS = {'serif': 'serif', 'sans': 'sans-serif', 'mono': 'monospace', 'script': 'script'}


def _describe(entry: FontEntry) -> str:
    """'an old-style serif (EB Garamond)'."""
    kind = _STRUCTURE_WORDS[entry.structure]
    words = kind if entry.classification == kind else f'{entry.classification} {kind}'
    article = 'an' if words[0] in 'aeiou' else 'a'
    return f'{article} {words} ({entry.family})'


def _structure_points(heading: FontEntry, body: FontEntry) -> tuple[float, str]:
    if heading.superfamily and heading.superfamily == body.superfamily:
        return 3.0, (
            f'{heading.family} and {body.family} share the {heading.superfamily} superfamily, so proportions match '
            f'while {_STRUCTURE_WORDS[heading.structure]} against {_STRUCTURE_WORDS[body.structure]} gives contrast'
        )
    if heading.structure != body.structure:
        return 3.0, (
            f'contrast of structure: {_describe(heading)} heading over {_describe(body)} body makes the hierarchy '
            'obvious without fighting'
        )
    neutral_body = 'neutral' in body.tags or body.classification in _NEUTRAL_CLASSIFICATIONS
    if not heading.text_face and neutral_body:
        return 2.0, f'an expressive display heading ({heading.family}) set off by a neutral text face ({body.family})'
    if heading.classification == body.classification:
        return -2.0, (
            f'{heading.family} and {body.family} are both {heading.classification} '
            f'{_STRUCTURE_WORDS[heading.structure]}s: too alike to contrast, too different to match (conflict)'
        )
    return 0.5, (
        f'both {_STRUCTURE_WORDS[heading.structure]}, but different skeletons '
        f'({heading.classification} against {body.classification}) give mild contrast'
    )


def _stroke_points(heading: FontEntry, body: FontEntry) -> tuple[float, str | None]:
    if heading.contrast == 'high' and body.contrast == 'high':
        return -2.0, 'two high-contrast faces compete for attention'
    if body.contrast == 'high':
        return -1.5, f'the hairlines of {body.family} thin out at text sizes'
    if heading.contrast == 'high' and body.contrast == 'low':
        shine = f'the hairlines of {heading.family} shine at display sizes'
        return 1.0, f'{shine} while the even strokes of {body.family} stay legible small'
    return 0.0, None


def _x_height_points(heading: FontEntry, body: FontEntry) -> tuple[float, str | None]:
    if heading.caps_only:
        return 0.0, f'{heading.family} is set in capitals, so x-heights need not match'
    gap = abs(heading.x_height_ratio - body.x_height_ratio)
    ratios = f'{heading.x_height_ratio:.2f} and {body.x_height_ratio:.2f} of the em'
    if gap <= 0.03:
        return 1.5, f'shared proportions: similar x-heights ({ratios}) so mixed lines sit evenly'
    if gap <= 0.06:
        return 0.5, f'close x-heights ({ratios})'
    if gap > 0.09:
        return -1.0, f'x-heights far apart ({ratios}): keep the two faces off the same line'
    return 0.0, None


def _width_points(heading: FontEntry, body: FontEntry) -> tuple[float, str | None]:
    if body.width == 'condensed':
        return -1.0, f'{body.family} is condensed, tiring in paragraphs'
    if heading.width == body.width:
        return 1.0, f'both of {heading.width} width, so the texture stays consistent'
    if heading.width == 'condensed':
        return 0.5, f'a condensed heading saves space above a {body.width}-width body'
    return 0.0, None


@cache  # pure over catalogue entries, and the engine weighs the same few hundred pairs for every kit
def assess_pairing(heading: FontEntry, body: FontEntry) -> PairingAssessment:
    """Score a heading/body pair by contrast of structure and shared proportions, with the reasons in words."""
    if not body.text_face:
        return PairingAssessment(
            score=-6.0,
            relation='conflict',
            reasons=(f'{body.family} is a headline face and tires the eye in paragraphs',),
        )
    if heading.family == body.family:
        return PairingAssessment(
            score=2.0,
            relation='concord',
            reasons=(f'one family ({heading.family}) for both: hierarchy comes from size and weight alone (concord)',),
        )
    parts = [_structure_points(heading, body), _stroke_points(heading, body)]
    parts += [_x_height_points(heading, body), _width_points(heading, body)]
    score = sum(points for points, _ in parts)
    reasons = tuple(reason for _, reason in parts if reason)
    same_superfamily = heading.superfamily is not None and heading.superfamily == body.superfamily
    relation: Relation = 'concord' if same_superfamily else 'conflict' if score < 1 else 'contrast'
    return PairingAssessment(score=round(score, 2), relation=relation, reasons=reasons)
