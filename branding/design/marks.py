"""Logo marks as self-contained SVG: the name outlined in the heading font, symbols built from geometric primitives.

Every mark is drawn on a 480 x 320 presentation tile in the kit's palette. Symbols are drawn in a 100 x 100 box and
scaled into place, so a symbol can serve a lettermark, a combination lockup or an emblem alike.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar
from xml.sax.saxutils import escape

import regex

from branding.design.color import contrast_ratio, relative_luminance
from branding.design.font_files import font_file
from branding.design.glyphs import TextMeasure, measure_text, outline_text
from branding.models import ColorPalette, CompanyProfile, CompanyType, LogoStyle, Typography
from branding.seeding import rng_for

WIDTH = 480
HEIGHT = 320
CENTER_X = WIDTH / 2
CENTER_Y = HEIGHT / 2
MARGIN = 40

WEIGHT_NAMES = {
    100: 'Thin',
    200: 'ExtraLight',
    300: 'Light',
    400: 'Regular',
    500: 'Medium',
    600: 'SemiBold',
    700: 'Bold',
    800: 'ExtraBold',
    900: 'Black',
}

_GRAPHEME = regex.compile(r'\X')
_INITIAL = regex.compile(r'[\p{L}\p{N}\p{Extended_Pictographic}]')
# XML 1.0 forbids these even escaped; bidi overrides could make a name read differently from what it is.
_NOT_XML_OR_BIDI = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]')
_COLOR_ATTRIBUTE = re.compile(r'(?:fill|stroke)="(#[0-9a-f]{6})"')
_T = TypeVar('_T')


@dataclass(kw_only=True, slots=True, frozen=True)
class Mark:
    svg: str
    colors: tuple[str, ...]
    composition: str  # what is drawn, in a designer's words, for the concept's description
    typeface: str  # e.g. 'Inter Bold', or the css family when the name fell back to live text
    outlined: bool  # False when some profile text had to stay live <text> (font missing or no glyphs)


# --- text hygiene -----------------------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """NFC, no characters XML cannot hold, whitespace collapsed: what every piece of profile text goes through."""
    text = _NOT_XML_OR_BIDI.sub('', unicodedata.normalize('NFC', text))
    return ' '.join(text.split())


def display_name(name: str) -> str:
    return clean_text(name) or '?'


def initials(name: str) -> str:
    """Monogram letters: first grapheme of the first two words when both are cased letters, else the first one.

    Grapheme clusters keep a ZWJ emoji, a base letter with its combining marks or a Devanagari syllable whole.
    """
    firsts = []
    for word in display_name(name).split():
        grapheme = next((g for g in _GRAPHEME.findall(word) if _INITIAL.match(g)), None)
        if grapheme is not None:
            firsts.append(grapheme)
    if not firsts:
        return _GRAPHEME.findall(display_name(name))[0]
    first = firsts[0]
    if len(firsts) > 1 and _is_cased(first) and _is_cased(firsts[1]):
        return (first + firsts[1]).upper()
    return first.upper() if _is_cased(first) else first


def _is_cased(grapheme: str) -> bool:
    return grapheme.upper() != grapheme.lower()


def _attr(value: str) -> str:
    return escape(value, {'"': '&quot;'})


def _n(value: float) -> str:
    text = f'{value:.2f}'.rstrip('0').rstrip('.')
    return '0' if text in ('-0', '') else text


# --- colour -----------------------------------------------------------------------------------------------------------


def _best_against(background: str, candidates: Sequence[str]) -> str:
    return max(candidates, key=lambda color: contrast_ratio(color, background))


@dataclass(kw_only=True, slots=True, frozen=True)
class Inks:
    """The palette's colours by the job they do in a mark."""

    paper: str
    ink: str
    brand: str
    on_brand: str
    support: str
    spark: str
    muted: str

    @classmethod
    def from_palette(cls, palette: ColorPalette) -> Inks:
        core = [palette.primary, palette.secondary, palette.accent, palette.neutral]
        theme = palette.light
        neutrals = palette.scales.get('neutral', {})
        paper = theme.background if theme else neutrals.get('50') or max(core, key=relative_luminance)
        ink = theme.text if theme else neutrals.get('900') or _best_against(paper, core)
        everything = [*core, paper, ink]
        # A primary too pale to see on the paper would make an invisible mark; the text colour stands in.
        brand = palette.primary if contrast_ratio(palette.primary, paper) >= 1.6 else ink
        on_brand = theme.on_primary if theme and brand == palette.primary else _best_against(brand, everything)
        support = palette.secondary if contrast_ratio(palette.secondary, paper) >= 1.4 else brand
        spark = palette.accent if contrast_ratio(palette.accent, paper) >= 1.25 else support
        muted = theme.muted_text if theme else ink
        return cls(paper=paper, ink=ink, brand=brand, on_brand=on_brand, support=support, spark=spark, muted=muted)

    def wordmark_color(self) -> str:
        return self.brand if contrast_ratio(self.brand, self.paper) >= 3 else self.ink


def color_name(palette: ColorPalette, hex_color: str) -> str:
    for role in palette.roles:
        if role.hex == hex_color and role.name:
            return f'{role.name} ({hex_color})'
    return hex_color


# --- type -------------------------------------------------------------------------------------------------------------

_GENERIC_FAMILY = {'serif': 'serif', 'monospace': 'monospace', 'handwriting': 'cursive'}


@dataclass(kw_only=True, slots=True, frozen=True)
class Face:
    family: str
    category: str
    css_stack: str

    @classmethod
    def for_role(cls, typography: Typography, role: Literal['heading', 'body']) -> Face:
        named = typography.heading_font if role == 'heading' else typography.body_font
        family = clean_text(named) or 'sans-serif'
        spec = next((font for font in typography.fonts if font.role == role), None)
        category = spec.category.lower() if spec else 'sans-serif'
        stack = spec.css_stack if spec else f"'{family}', system-ui, {_GENERIC_FAMILY.get(category, 'sans-serif')}"
        return cls(family=family, category=category, css_stack=clean_text(stack))

    @property
    def is_script(self) -> bool:
        return self.category == 'handwriting'

    def file(self, weight: int) -> tuple[int, Path] | None:
        """The installed weight nearest to `weight` (ties go to the heavier), with its file.

        WOFF before WOFF2: the same outlines, but zlib opens in a few ms where WOFF2's brotli and glyf
        reconstruction take 50-80 ms, which is most of a kit's time whenever a family is new to the process.
        """
        for candidate in sorted(range(100, 1000, 100), key=lambda w: (abs(w - weight), -w)):
            path = font_file(self.family, candidate, fmt='woff') or font_file(self.family, candidate)
            if path is not None:
                return candidate, path
        return None


@dataclass(kw_only=True, slots=True, frozen=True)
class SetLine:
    """A line of text measured in ems, ready to be placed at any size."""

    text: str
    face: Face
    weight: int
    tracking: float
    font_path: Path | None
    measure: TextMeasure | None  # None: the font is missing or lacks a letter, so the line stays live text
    width_em: float
    cap_em: float

    @property
    def outlined(self) -> bool:
        return self.measure is not None

    def ink_box_em(self) -> tuple[float, float, float, float]:
        """The ink's box from the start of the baseline, y down; live text gets an estimate."""
        if self.measure is not None and self.measure.ink_bounds is not None:
            units = self.measure.metrics.units_per_em
            x_min, y_min, x_max, y_max = (value / units for value in self.measure.ink_bounds)
            return x_min, y_min, x_max, y_max
        return 0.0, -0.72, self.width_em, 0.0

    def place(self, *, left: float, baseline: float, size: float, fill: str, flush: bool = False) -> str:
        """At `left`; live text, whose width is only estimated, is anchored at its start when `flush`, else at its
        estimated middle, so a wrong estimate shifts it least."""
        outline = outline_text(self.font_path, self.text, self.tracking) if self.font_path else None
        if outline is not None:
            scale = size / outline.metrics.units_per_em
            return (
                f'<path fill="{fill}" transform="translate({_n(left)} {_n(baseline)}) scale({scale:.5g})" '
                f'd="{outline.path_data}"/>'
            )
        spacing = f' letter-spacing="{_n(self.tracking * size)}"' if self.tracking else ''
        x, anchor = (left, 'start') if flush else (left + self.width_em * size / 2, 'middle')
        return (
            f'<text x="{_n(x)}" y="{_n(baseline)}" text-anchor="{anchor}" '
            f'font-family="{_attr(self.face.css_stack)}" font-size="{_n(size)}" font-weight="{self.weight}"'
            f'{spacing} fill="{fill}">{escape(self.text)}</text>'
        )

    def place_centered(self, *, cx: float, cy: float, size: float, fill: str) -> str:
        """Centred on its ink, which is what the eye reads inside a shape."""
        x_min, y_min, x_max, y_max = self.ink_box_em()
        left, baseline = cx - (x_min + x_max) / 2 * size, cy - (y_min + y_max) / 2 * size
        return self.place(left=left, baseline=baseline, size=size, fill=fill)


def _estimated_width_em(text: str, tracking: float) -> float:
    width = 0.0
    graphemes = _GRAPHEME.findall(text)
    for grapheme in graphemes:
        wide = any(unicodedata.east_asian_width(char) in 'WF' for char in grapheme)
        width += 1.0 if wide or regex.match(r'\p{Extended_Pictographic}', grapheme) else 0.6
    return width + tracking * max(len(graphemes) - 1, 0)


def set_line(text: str, face: Face, *, weight: int, tracking: float = 0.0) -> SetLine:
    tracking = round(tracking, 3)  # finer steps are invisible and would only defeat the outline caches
    found = face.file(weight)
    measure = measure_text(found[1], text, tracking) if found else None
    if measure is not None and found is not None:
        units = measure.metrics.units_per_em
        return SetLine(
            text=text,
            face=face,
            weight=found[0],
            tracking=tracking,
            font_path=found[1],
            measure=measure,
            width_em=measure.advance_width / units,
            cap_em=measure.metrics.cap_height / units,
        )
    return SetLine(
        text=text,
        face=face,
        weight=weight,
        tracking=tracking,
        font_path=None,
        measure=None,
        width_em=_estimated_width_em(text, tracking),
        cap_em=0.7,
    )


@dataclass(kw_only=True, slots=True, frozen=True)
class TextBlock:
    lines: tuple[SetLine, ...]
    size: float

    @property
    def cap(self) -> float:
        return self.lines[0].cap_em * self.size

    @property
    def leading(self) -> float:
        return self.cap * 1.75

    @property
    def width(self) -> float:
        return max(line.width_em for line in self.lines) * self.size

    @property
    def height(self) -> float:
        return self.cap + self.leading * (len(self.lines) - 1)

    @property
    def outlined(self) -> bool:
        return all(line.outlined for line in self.lines)

    def place(self, *, top: float, fill: str, center_x: float | None = None, left: float | None = None) -> str:
        """Cap-height top of the first line at `top`; lines centred on `center_x` or flush to `left`."""
        parts = []
        for index, line in enumerate(self.lines):
            baseline = top + self.cap + index * self.leading
            width = line.width_em * self.size
            x = left if left is not None else (center_x or 0.0) - width / 2
            parts.append(line.place(left=x, baseline=baseline, size=self.size, fill=fill, flush=left is not None))
        return ''.join(parts)


def _balanced_splits(words: list[str], widths: list[float], space: float, count: int) -> list[str]:
    """`count` lines of whole words, the widest as narrow as can be (greedy on a target, good enough for names)."""
    total = sum(widths) + space * (len(words) - 1)
    target = total / count
    lines: list[list[str]] = [[]]
    running = 0.0
    for word, width in zip(words, widths, strict=True):
        if lines[-1] and running + width / 2 > target * len(lines) and len(lines) < count:
            lines.append([])
        lines[-1].append(word)
        running += width + space
    return [' '.join(line) for line in lines]


def fit_text(
    text: str, face: Face, *, weight: int, tracking: float, max_width: float, cap: float, max_lines: int = 3
) -> TextBlock:
    """The text at cap height `cap`, shrunk to `max_width`; a long name breaks into balanced lines before it shrinks
    below legibility."""
    single = set_line(text, face, weight=weight, tracking=tracking)
    best = TextBlock(lines=(single,), size=min(cap / single.cap_em, max_width / max(single.width_em, 1e-6)))
    words = text.split(' ')
    if best.cap >= cap * 0.6 or len(words) < 2:
        return best
    measured = [set_line(word, face, weight=weight, tracking=tracking).width_em for word in words]
    space = set_line(' ', face, weight=weight, tracking=tracking).width_em + 2 * tracking
    for count in range(2, min(max_lines, len(words)) + 1):
        lines = tuple(
            set_line(line, face, weight=weight, tracking=tracking)
            for line in _balanced_splits(words, measured, space, count)
        )
        widest = max(line.width_em for line in lines)
        size = min(cap / lines[0].cap_em, max_width / max(widest, 1e-6))
        if size > best.size * 1.05:
            best = TextBlock(lines=lines, size=size)
    return best


# --- brief ------------------------------------------------------------------------------------------------------------


def tone_has(tone: str, *words: str) -> bool:
    folded = tone.casefold()
    return any(word in folded for word in words)


def tone_weight(tone: str) -> int:
    if tone_has(tone, 'bold', 'confident', 'loud', 'strong'):
        return 800
    if tone_has(tone, 'playful', 'friendly', 'fun', 'innovative', 'energetic'):
        return 700
    if tone_has(tone, 'elegant', 'luxur', 'refined', 'calm'):
        return 400
    if tone_has(tone, 'minimal', 'technical', 'precise'):
        return 500
    return 600


# Word starts, checked in order; a motif from the industry wins over the company type, so a fintech for farmers can
# still get a leaf, and the description is the last resort.
MOTIF_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ('shield', ('secur', 'privacy', 'protect', 'safety', 'identity', 'fraud', 'compliance', 'threat')),
    ('leaf', ('sustainab', 'climate', 'green', r'eco\b', 'eco-', 'ecolog', 'carbon', 'renewable', 'solar', 'farm')),
    ('leaf', ('agri', 'plant', 'garden', 'organic', 'forest')),
    ('heart', ('health', 'medic', 'clinic', 'wellness', 'therap', 'fitness', 'patient', 'pharma')),
    ('book', ('education', 'learn', 'school', 'course', 'tutor', 'teach', 'student', 'librar')),
    ('bars', ('financ', 'fintech', 'bank', 'payment', 'invest', 'accounting', 'money', 'insur', 'lending', 'wealth')),
    ('brackets', ('developer', 'devtool', 'coding', 'source code', r'apis?\b', 'programming', 'open source', 'devops')),
    ('nodes', ('artificial intelligence', 'machine learning', r'ai\b', 'neural', r'llms?\b', 'data scien', 'robot')),
    ('cube', ('blockchain', 'crypto', 'web3', r'tokens?\b', 'ledger', 'defi', r'nfts?\b')),
    ('bag', ('commerce', 'retail', 'shop', r'stores?\b', 'fashion', 'marketplace', 'boutique')),
    ('layers', ('saas', 'platform', 'cloud', 'workflow', 'productivity', 'collaborat')),
)
_MOTIF_PATTERNS = tuple(
    (motif, regex.compile(r'\b(?:' + '|'.join(keywords) + ')', regex.IGNORECASE)) for motif, keywords in MOTIF_KEYWORDS
)

TYPE_MOTIFS: dict[CompanyType, str] = {
    CompanyType.CYBERSECURITY: 'shield',
    CompanyType.FINTECH: 'bars',
    CompanyType.HEALTHTECH: 'heart',
    CompanyType.DEVTOOLS: 'brackets',
    CompanyType.AI_ML: 'nodes',
    CompanyType.BLOCKCHAIN: 'cube',
    CompanyType.ECOMMERCE: 'bag',
    CompanyType.SAAS: 'layers',
    CompanyType.OTHER: 'spark',
}


def _motif_in(text: str) -> str | None:
    return next((motif for motif, pattern in _MOTIF_PATTERNS if pattern.search(text)), None)


def icon_motif(profile: CompanyProfile) -> str:
    from_type = TYPE_MOTIFS[profile.company_type] if profile.company_type is not CompanyType.OTHER else None
    return _motif_in(profile.industry) or from_type or _motif_in(profile.description) or 'spark'


# --- symbols in a 100 x 100 box ---------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class IconInks:
    main: str
    detail: str
    cut: str  # the colour behind the icon, for knocked-out lines


@dataclass(kw_only=True, slots=True, frozen=True)
class Symbol:
    body: str  # in the 100 x 100 box
    phrase: str
    outlined: bool = True


def _stroke(color: str, width: float) -> str:
    return f'fill="none" stroke="{color}" stroke-width="{_n(width)}" stroke-linecap="round" stroke-linejoin="round"'


def _rotated(body: str, degrees: float) -> str:
    return f'<g transform="rotate({_n(degrees)} 50 50)">{body}</g>' if abs(degrees) > 0.01 else body


def _polygon(sides: int, radius: float, rotation: float, cx: float = 50, cy: float = 50) -> str:
    points = []
    for index in range(sides):
        angle = math.radians(rotation + index * 360 / sides - 90)
        points.append(f'{_n(cx + radius * math.cos(angle))},{_n(cy + radius * math.sin(angle))}')
    return ' '.join(points)


SHIELD = 'M50 5L87 17.5V45C87 69 71 86.5 50 95C29 86.5 13 69 13 45V17.5Z'
HEART = (
    'M50 89C22 70 7 54 7 34.5C7 20 18 9.5 31.5 9.5C40 9.5 46 14 50 21'
    'C54 14 60 9.5 68.5 9.5C82 9.5 93 20 93 34.5C93 54 78 70 50 89Z'
)


def _icon_shield(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="{SHIELD}" fill="{inks.main}"/>'
            f'<path d="M50 5L87 17.5V45C87 69 71 86.5 50 95Z" fill="{inks.detail}"/>'
            f'<path d="M33 50L45 62L68 38" {_stroke(inks.cut, 8)}/>',
            'a split shield carrying a check',
        )
    return (
        f'<path d="{SHIELD}" fill="{inks.main}"/><circle cx="50" cy="42" r="10" fill="{inks.cut}"/>'
        f'<path d="M45 46H55L58.5 70H41.5Z" fill="{inks.cut}"/><circle cx="50" cy="42" r="4" fill="{inks.detail}"/>',
        'a shield with a keyhole at its heart',
    )


def _icon_leaf(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<circle cx="27" cy="27" r="13" fill="{inks.detail}"/>'
            f'<path d="M18 84C18 46 42 20 88 18C86 62 58 84 18 84Z" fill="{inks.main}"/>'
            f'<path d="M8 94L18 84C36 66 52 52 70 36" {_stroke(inks.main, 5)}/>'
            f'<path d="M22 80C38 64 52 52 70 36" {_stroke(inks.cut, 4)}/>',
            'a leaf rising under a small sun',
        )
    return (
        f'<path d="M50 94V56" {_stroke(inks.main, 7)}/>'
        f'<path d="M50 62C29 62 14 48 14 26C36 26 50 40 50 62Z" fill="{inks.detail}"/>'
        f'<path d="M50 56C50 30 64 12 88 10C88 38 72 56 50 56Z" fill="{inks.main}"/>',
        'a two-leaf sprout',
    )


def _icon_bars(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        heights = (22, 34, 46, 58)
        bars = ''.join(
            f'<rect x="{10 + 22 * index}" y="{92 - height}" width="14" height="{height}" rx="3" '
            f'fill="{inks.detail if index == 3 else inks.main}"/>'
            for index, height in enumerate(heights)
        )
        return (
            f'{bars}<path d="M10 46L34 32L56 36L80 12" {_stroke(inks.main, 4.5)}/>'
            f'<circle cx="83" cy="11" r="5.5" fill="{inks.detail}"/>',
            'rising bars under a growth line',
        )
    return (
        f'<circle cx="50" cy="50" r="42" fill="{inks.main}"/>'
        f'<circle cx="50" cy="50" r="32" {_stroke(inks.cut, 3.5)}/>'
        f'<path d="M33 60L46 46L55 54L68 39" {_stroke(inks.detail, 7)}/>'
        f'<path d="M58 38H69V49" {_stroke(inks.detail, 7)}/>',
        'a coin struck with a rising line',
    )


def _icon_heart(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="{HEART}" fill="{inks.main}"/>'
            f'<path d="M14 46H33L40 32L50 62L58 40L63 46H86" {_stroke(inks.cut, 6)}/>',
            'a heart crossed by a pulse line',
        )
    return (
        f'<rect x="35" y="8" width="30" height="84" rx="9" fill="{inks.main}"/>'
        f'<rect x="8" y="35" width="84" height="30" rx="9" fill="{inks.main}"/>'
        f'<path d="M50 62C42 56 38 52 38 47C38 43.5 40.5 41 43.5 41C46 41 48 42.5 50 45C52 42.5 54 41 56.5 41'
        f'C59.5 41 62 43.5 62 47C62 52 58 56 50 62Z" fill="{inks.detail}"/>',
        'a soft-cornered cross holding a small heart',
    )


def _icon_book(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    tilt = rng.uniform(-3, 3)
    return (
        _rotated(
            f'<path d="M50 24C40 16 25 14 8 16V80C25 78 40 80 50 88Z" fill="{inks.main}"/>'
            f'<path d="M50 24C60 16 75 14 92 16V80C75 78 60 80 50 88Z" fill="{inks.main}" fill-opacity="0.82"/>'
            f'<path d="M66 17V44L72 39L78 44V15" fill="{inks.detail}"/>',
            tilt,
        ),
        'an open book with a ribbon marker',
    )


def _icon_brackets(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="M32 24L10 50L32 76M68 24L90 50L68 76" {_stroke(inks.main, 9)}/>'
            f'<path d="M57 18L43 82" {_stroke(inks.detail, 9)}/>',
            'a pair of code brackets around a slash',
        )
    return (
        f'<path d="M16 26L42 50L16 74" {_stroke(inks.main, 10)}/><path d="M54 76H86" {_stroke(inks.detail, 10)}/>',
        'a terminal prompt: a chevron and a cursor',
    )


def _icon_nodes(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    rotation = rng.choice((0, 30)) + rng.uniform(-6, 6)
    missing = rng.randrange(6)
    outer = [
        (
            50 + 36 * math.cos(math.radians(rotation + 60 * i - 90)),
            50 + 36 * math.sin(math.radians(rotation + 60 * i - 90)),
        )
        for i in range(6)
        if i != missing
    ]
    spokes = ''.join(f'M50 50L{_n(x)} {_n(y)}' for x, y in outer)
    ring = ''.join(f'M{_n(a[0])} {_n(a[1])}L{_n(b[0])} {_n(b[1])}' for a, b in itertools.pairwise(outer) if a != b)
    nodes = ''.join(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="8.5" fill="{inks.main}"/>' for x, y in outer)
    return (
        f'<path d="{spokes}{ring}" {_stroke(inks.main, 4)}/>{nodes}'
        f'<circle cx="50" cy="50" r="12" fill="{inks.detail}"/>',
        'a small network of nodes around a bright core',
    )


def _icon_cube(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="M50 6L89 28V72L50 94L11 72V28Z" fill="{inks.main}"/>'
            f'<path d="M50 6L89 28L50 50L11 28Z" fill="{inks.detail}"/>'
            f'<path d="M11 28L50 50L89 28M50 50V94" {_stroke(inks.cut, 4)}/>',
            'an isometric cube with a lit top face',
        )
    link = 'x="8" y="34" width="52" height="32" rx="16"'
    return (
        f'<g transform="rotate(-45 50 50)"><rect {link} {_stroke(inks.main, 10)}/>'
        f'<rect x="40" y="34" width="52" height="32" rx="16" {_stroke(inks.detail, 10)}/></g>',
        'two interlocking chain links',
    )


def _icon_bag(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="M36 38V28C36 19 42 12 50 12C58 12 64 19 64 28V38" {_stroke(inks.main, 6)}/>'
            f'<path d="M17 32H83L78 88C77.6 91 75 93 72 93H28C25 93 22.4 91 22 88Z" fill="{inks.main}"/>'
            f'<path d="M18.4 48H81.6L80.9 56H19.1Z" fill="{inks.detail}"/>'
            f'<circle cx="36" cy="38" r="3.5" fill="{inks.cut}"/><circle cx="64" cy="38" r="3.5" fill="{inks.cut}"/>',
            'a shopping bag with an accent band',
        )
    return (
        f'<path d="M12 16V46L54 88L88 54L46 12H16C14 12 12 14 12 16Z" fill="{inks.main}" stroke="{inks.main}" '
        f'stroke-width="6" stroke-linejoin="round"/><circle cx="31" cy="31" r="7" fill="{inks.cut}"/>'
        f'<path d="M46 58L62 42" {_stroke(inks.detail, 6)}/>',
        'a price tag',
    )


def _icon_layers(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    del rng
    return (
        f'<path d="M12 66L50 86L88 66" {_stroke(inks.main, 7)}/>'
        f'<path d="M12 50L50 70L88 50" {_stroke(inks.detail, 7)}/>'
        f'<path d="M50 12L88 32L50 52L12 32Z" fill="{inks.main}" stroke="{inks.main}" stroke-width="4" '
        f'stroke-linejoin="round"/>',
        'three stacked layers',
    )


def _icon_spark(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    def star(cx: float, cy: float, r: float) -> str:
        k = r * 0.16
        return (
            f'M{_n(cx)} {_n(cy - r)}C{_n(cx + k)} {_n(cy - k)} {_n(cx + k)} {_n(cy - k)} {_n(cx + r)} {_n(cy)}'
            f'C{_n(cx + k)} {_n(cy + k)} {_n(cx + k)} {_n(cy + k)} {_n(cx)} {_n(cy + r)}'
            f'C{_n(cx - k)} {_n(cy + k)} {_n(cx - k)} {_n(cy + k)} {_n(cx - r)} {_n(cy)}'
            f'C{_n(cx - k)} {_n(cy - k)} {_n(cx - k)} {_n(cy - k)} {_n(cx)} {_n(cy - r)}Z'
        )

    small = rng.choice(((80, 20), (20, 20), (80, 80)))
    return (
        f'<path d="{star(46, 54, 40)}" fill="{inks.main}"/><path d="{star(small[0], small[1], 14)}" '
        f'fill="{inks.detail}"/>',
        'a four-point spark with a smaller companion',
    )


ICONS: dict[str, Callable[[IconInks, random.Random], tuple[str, str]]] = {
    'shield': _icon_shield,
    'leaf': _icon_leaf,
    'heart': _icon_heart,
    'book': _icon_book,
    'bars': _icon_bars,
    'brackets': _icon_brackets,
    'nodes': _icon_nodes,
    'cube': _icon_cube,
    'bag': _icon_bag,
    'layers': _icon_layers,
    'spark': _icon_spark,
}


def _letters_seed(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.casefold().encode()).digest()[:8], 'big')


def _abstract_petals(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    # Each petal is outlined in the paper colour so overlaps read as layers, not as a muddy blend.
    letters = [char for char in name if char.isalnum()] or ['x']
    count = 3 + len(letters) % 4
    base = rng.uniform(0, 360 / count)
    rx, ry = rng.uniform(12, 16), rng.uniform(25, 29)
    colors = (inks.brand, inks.support, inks.spark)
    petals = ''.join(
        f'<ellipse cx="50" cy="{_n(50 - ry * 0.62)}" rx="{_n(rx)}" ry="{_n(ry)}" fill="{colors[index % 3]}" '
        f'stroke="{inks.paper}" stroke-width="2.5" transform="rotate({_n(base + index * 360 / count)} 50 50)"/>'
        for index in range(count)
    )
    return petals, f'{count} overlapping petals turning around a shared centre, their number taken from the name'


def _arc_path(radius: float, start: float, sweep: float) -> str:
    a, b = math.radians(start), math.radians(start + sweep)
    x1, y1 = 50 + radius * math.cos(a), 50 + radius * math.sin(a)
    x2, y2 = 50 + radius * math.cos(b), 50 + radius * math.sin(b)
    large = 1 if sweep > 180 else 0
    return f'M{_n(x1)} {_n(y1)}A{_n(radius)} {_n(radius)} 0 {large} 1 {_n(x2)} {_n(y2)}'


def _abstract_arcs(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    start = (_letters_seed(name) % 8) * 45 + rng.uniform(-10, 10)
    step = rng.uniform(24, 40)  # small steps keep the arcs reading as one gesture, not as a face
    sweep = rng.uniform(220, 260)
    arcs = ''.join(
        f'<path d="{_arc_path(radius, start + index * step, sweep)}" {_stroke(color, 9)}/>'
        for index, (radius, color) in enumerate(((42, inks.brand), (29, inks.support), (16, inks.spark)))
    )
    return arcs, 'three concentric arcs, each turned a step further, like a signal gathering'


def _abstract_pinwheel(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    gap = rng.uniform(2.5, 5)
    lead = _letters_seed(name) % 4
    colors = [inks.brand, inks.support, inks.brand, inks.support]
    colors[lead] = inks.spark
    corner = 48 - gap
    radius = corner - 6
    blade = f'M6 {_n(corner)}H{_n(corner)}A{_n(radius)} {_n(radius)} 0 0 0 6 {_n(corner - radius)}Z'
    if rng.random() < 0.5:
        blade = f'M{_n(corner)} {_n(corner)}H6A{_n(radius)} {_n(radius)} 0 0 1 {_n(corner)} {_n(corner - radius)}Z'
    body = ''.join(
        f'<path d="{blade}" fill="{color}" transform="rotate({90 * index} 50 50)"/>'
        for index, color in enumerate(colors)
    )
    return _rotated(body, rng.choice((0, 45)) + rng.uniform(-4, 4)), 'four quarter-circle blades set as a pinwheel'


def _abstract_grid(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    bits = _letters_seed(name) ^ rng.getrandbits(64)
    cells = 5
    half = (cells + 1) // 2
    pitch = 84 / cells
    on = {(row, col) for row in range(cells) for col in range(half) if (bits >> (row * half + col)) & 1}
    on |= {(2, 2), (1, 1), (3, 1)}  # a spine so no name ever gets an empty or shapeless grid
    mirrored = on | {(row, cells - 1 - col) for row, col in on}
    spark_cell = sorted(mirrored)[bits % len(mirrored)]
    radius = pitch * rng.uniform(0.36, 0.46)
    square = rng.random() < 0.5
    shapes = []
    for row, col in sorted(mirrored):
        cx, cy = 8 + pitch * (col + 0.5), 8 + pitch * (row + 0.5)
        color = inks.spark if (row, col) == spark_cell else inks.brand
        if square:
            side = radius * 2
            shapes.append(
                f'<rect x="{_n(cx - radius)}" y="{_n(cy - radius)}" width="{_n(side)}" height="{_n(side)}" '
                f'rx="{_n(radius * 0.35)}" fill="{color}"/>'
            )
        else:
            shapes.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="{color}"/>')
    kind = 'rounded squares' if square else 'dots'
    return ''.join(shapes), f'a mirrored grid of {kind} patterned from the letters of the name'


def _stripe(y1: float, y2: float, radius: float = 42) -> str:
    w1, w2 = (math.sqrt(max(radius**2 - (y - 50) ** 2, 0)) for y in (y1, y2))
    return (
        f'M{_n(50 - w1)} {_n(y1)}H{_n(50 + w1)}A{_n(radius)} {_n(radius)} 0 0 1 {_n(50 + w2)} {_n(y2)}'
        f'H{_n(50 - w2)}A{_n(radius)} {_n(radius)} 0 0 1 {_n(50 - w1)} {_n(y1)}Z'
    )


def _abstract_horizon(inks: Inks, name: str, rng: random.Random) -> tuple[str, str]:
    split = rng.uniform(46, 54)
    bands = 3 + _letters_seed(name) % 2
    stripes = []
    y = split
    thickness = (92 - split) / (bands * 1.7)
    for index in range(bands):
        gap = 2.2 + index * 1.4
        top = y + gap
        bottom = min(top + thickness * (1 - index * 0.12), 92)
        if bottom - top > 1:
            stripes.append(_stripe(top, bottom))
        y = bottom
    body = f'<path d="{_stripe(8, split)}" fill="{inks.brand}"/><path d="{"".join(stripes)}" fill="{inks.spark}"/>'
    return _rotated(body, rng.choice((0, 0, 0, -20, 20))), 'a disc cut into a solid crown and a horizon of stripes'


ABSTRACTS: tuple[Callable[[Inks, str, random.Random], tuple[str, str]], ...] = (
    _abstract_petals,
    _abstract_arcs,
    _abstract_pinwheel,
    _abstract_grid,
    _abstract_horizon,
)

Container = Literal['none', 'disc', 'tile']


def icon_symbol(motif: str, inks: Inks, rng: random.Random, container: Container) -> Symbol:
    if container == 'none':
        body, phrase = ICONS[motif](IconInks(main=inks.brand, detail=inks.spark, cut=inks.paper), rng)
        return Symbol(body=body, phrase=phrase)
    icon_inks = IconInks(main=inks.on_brand, detail=inks.spark, cut=inks.brand)
    if contrast_ratio(inks.spark, inks.brand) < 1.8:
        icon_inks = IconInks(main=inks.on_brand, detail=inks.on_brand, cut=inks.brand)
    body, phrase = ICONS[motif](icon_inks, rng)
    holder = (
        '<circle cx="50" cy="50" r="50"'
        if container == 'disc'
        else f'<rect width="100" height="100" rx="{_n(rng.uniform(18, 28))}"'
    )
    scale = 0.62 if container == 'disc' else 0.66  # the largest icon the shape holds with an even margin
    offset = 50 - 50 * scale
    inner = f'<g transform="translate({_n(offset)} {_n(offset)}) scale({_n(scale)})">{body}</g>'
    return Symbol(body=f'{holder} fill="{inks.brand}"/>{inner}', phrase=f'{phrase}, reversed out of a {container}')


def abstract_symbol(inks: Inks, name: str, rng: random.Random, turn: int) -> Symbol:
    maker = _pick(ABSTRACTS, turn)
    body, phrase = maker(inks, name, rng)
    return Symbol(body=body, phrase=phrase)


MonogramShape = Literal['disc', 'tile', 'ring', 'hexagon', 'arch']
MONOGRAM_SHAPES: tuple[MonogramShape, ...] = ('disc', 'tile', 'ring', 'hexagon', 'arch')


def monogram_symbol(
    letters: str,
    face: Face,
    *,
    weight: int,
    inks: Inks,
    rng: random.Random,
    shape: MonogramShape,
    plain: bool = False,
) -> Symbol:
    """The initials in a shape; `plain` leaves out the accent flourish, for when the shape sits inside a bigger mark."""
    filled = shape != 'ring'
    letter_color = inks.on_brand if filled else inks.brand
    flourish = ''
    full_stop = False
    center_y = 50.0
    if shape == 'disc':
        holder = f'<circle cx="50" cy="50" r="50" fill="{inks.brand}"/>'
        angle = math.radians(rng.uniform(-60, 30) - 45)
        flourish = (
            f'<circle cx="{_n(50 + 50 * math.cos(angle))}" cy="{_n(50 + 50 * math.sin(angle))}" r="9" '
            f'fill="{inks.spark}"/>'
        )
        area, phrase = 60.0, 'a solid disc with a satellite dot'
    elif shape == 'tile':
        holder = f'<rect width="100" height="100" rx="{_n(rng.uniform(16, 30))}" fill="{inks.brand}"/>'
        full_stop = True
        area, phrase = 56.0, 'a rounded tile, the letters closed by an accent full stop'
    elif shape == 'ring':
        holder = f'<circle cx="50" cy="50" r="45" {_stroke(inks.brand, 7)}/>'
        flourish = f'<path d="{_arc_path(45, rng.uniform(0, 360), rng.uniform(50, 80))}" {_stroke(inks.spark, 7)}/>'
        area, phrase = 52.0, 'an open ring with one arc picked out in the accent'
    elif shape == 'hexagon':
        rotation = rng.choice((0, 30))
        holder = (
            f'<polygon points="{_polygon(6, 46, rotation)}" fill="{inks.brand}" stroke="{inks.brand}" '
            f'stroke-width="8" stroke-linejoin="round"/>'
        )
        flourish = f'<polygon points="{_polygon(6, 38, rotation)}" {_stroke(inks.spark, 2.5)}/>'
        area, phrase = 50.0, 'a hexagon with an inner accent keyline'
    else:
        holder = f'<path d="M4 100V46A46 46 0 0 1 96 46V100Z" fill="{inks.brand}"/>'
        sill = rng.uniform(10, 15)
        flourish = f'<rect x="4" y="{_n(100 - sill)}" width="92" height="{_n(sill)}" fill="{inks.spark}"/>'
        area, phrase, center_y = 56.0, 'an arch standing on an accent sill', 54.0
    if plain:
        flourish, full_stop, phrase = '', False, phrase.split(',')[0].split(' with ')[0]
    graphemes = len(_GRAPHEME.findall(letters))
    line = set_line(letters, face, weight=weight, tracking=-0.02 if graphemes > 1 else 0.0)
    x_min, y_min, x_max, y_max = line.ink_box_em()
    ink_width, ink_height = max(x_max - x_min, 0.3), max(y_max - y_min, 0.3)
    size = min(area * (0.78 if graphemes > 1 else 0.9) / ink_height, area / ink_width)
    if not (full_stop and line.outlined):
        text = line.place_centered(cx=50, cy=center_y, size=size, fill=letter_color)
        return Symbol(body=f'{holder}{flourish}{text}', phrase=phrase, outlined=line.outlined)
    radius = max(size * 0.075, 3.2)
    gap = size * 0.05
    shift = (gap + radius * 2) / 2  # centre the letters and their full stop as one
    left = 50 - shift - (x_min + x_max) / 2 * size
    baseline = center_y - (y_min + y_max) / 2 * size
    dot = (
        f'<circle cx="{_n(left + x_max * size + gap + radius)}" cy="{_n(baseline - radius)}" r="{_n(radius)}" '
        f'fill="{inks.spark}"/>'
    )
    text = line.place(left=left, baseline=baseline, size=size, fill=letter_color)
    return Symbol(body=f'{holder}{text}{dot}', phrase=phrase, outlined=line.outlined)


def _shield_symbol(letters: str, face: Face, weight: int, inks: Inks) -> Symbol:
    line = set_line(letters, face, weight=weight, tracking=-0.02)
    size = min(40 / max(line.cap_em, 0.3), 52 / max(line.width_em, 0.3))
    return Symbol(
        body=f'<path d="{SHIELD}" fill="{inks.brand}"/><path d="M22 24L50 14.5L78 24" {_stroke(inks.spark, 4)}/>'
        f'{line.place_centered(cx=50, cy=50, size=size, fill=inks.on_brand)}',
        phrase='a shield crest holding the initials under an accent chevron',
        outlined=line.outlined,
    )


def _place_symbol(symbol: Symbol, *, x: float, y: float, size: float) -> str:
    return f'<g transform="translate({_n(x)} {_n(y)}) scale({_n(size / 100)})">{symbol.body}</g>'


# --- the styles -------------------------------------------------------------------------------------------------------


@dataclass(kw_only=True, slots=True, frozen=True)
class Brief:
    name: str
    letters: str
    tone: str
    industry: str
    motif: str
    face: Face
    detail_face: Face  # the body font, for small descriptor lines a display or script face would spoil
    weight: int  # the tone's weight; strong and light are the only others, so a kit loads at most three files
    inks: Inks

    @property
    def strong(self) -> int:
        return min(self.weight + 100, 900)

    @property
    def light(self) -> int:
        return 400 if self.weight >= 600 else 300


@dataclass(kw_only=True, slots=True, frozen=True)
class Drawing:
    body: str
    composition: str
    outlined: bool
    weight: int


def _pick(options: Sequence[_T], turn: int) -> _T:
    return options[turn % len(options)]


def _case(text: str, mode: str) -> str:
    return text.upper() if mode == 'upper' else text.lower() if mode == 'lower' else text


def _wordmark_case(brief: Brief, rng: random.Random) -> str:
    if brief.face.is_script:
        return 'as-is'
    if tone_has(brief.tone, 'elegant', 'luxur', 'bold'):
        return rng.choice(('upper', 'upper', 'as-is'))
    if tone_has(brief.tone, 'minimal', 'friendly', 'playful', 'casual'):
        return rng.choice(('lower', 'lower', 'as-is'))
    return rng.choice(('as-is', 'as-is', 'upper', 'lower'))


_CASE_PHRASES = {'upper': 'in capitals', 'lower': 'all in lower case', 'as-is': 'in its own capitalisation'}


def _name_line_case(name: str, brief: Brief, mode: str, *, weight: int, tracking: float) -> str:
    """The case to set the name in: the styled one when the font can draw it, else the name as written."""
    styled = _case(name, mode)
    if styled == name or set_line(styled, brief.face, weight=weight, tracking=tracking).outlined:
        return mode
    return 'as-is' if set_line(name, brief.face, weight=weight, tracking=tracking).outlined else mode


def draw_wordmark(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    layouts = ['dot', 'bar', 'split', 'rules'] if not brief.face.is_script else ['dot', 'bar']
    if tone_has(brief.tone, 'elegant', 'luxur', 'refined') and not brief.face.is_script:
        layouts = ['rules', 'split', 'dot', 'bar']
    words = brief.name.split(' ')
    layout = _pick(layouts, turn)
    if layout == 'split' and len(words) < 2:
        layout = 'bar'
    inks = brief.inks
    mode = 'upper' if layout == 'rules' else _wordmark_case(brief, rng)
    tracking = rng.uniform(0.16, 0.24) if layout == 'rules' else rng.uniform(-0.025, 0.02)
    if mode == 'upper' and layout != 'rules':
        tracking += 0.06
    if brief.face.is_script:
        tracking = 0.0
    weight = brief.light if layout == 'rules' else brief.weight
    mode = _name_line_case(brief.name, brief, mode, weight=weight, tracking=tracking)
    text = _case(brief.name, mode)
    cap = rng.uniform(30, 36) if layout == 'rules' else rng.uniform(50, 60)
    color = inks.wordmark_color()
    typeface = f'{brief.face.family}'
    if layout == 'split':
        first = set_line(_case(f'{words[0]} ', mode), brief.face, weight=brief.strong, tracking=tracking)
        rest = set_line(_case(' '.join(words[1:]), mode), brief.face, weight=brief.light, tracking=tracking)
        width_em = first.width_em + rest.width_em
        size = min(cap / first.cap_em, (WIDTH - 2 * MARGIN) / width_em)
        if size * first.cap_em >= 24 and first.outlined and rest.outlined:  # live text widths are guesses
            left = CENTER_X - width_em * size / 2
            baseline = CENTER_Y + first.cap_em * size / 2
            body = first.place(left=left, baseline=baseline, size=size, fill=inks.ink) + rest.place(
                left=left + first.width_em * size, baseline=baseline, size=size, fill=inks.brand
            )
            return Drawing(
                body=body,
                composition=(
                    f'"{words[0]}" in {typeface} {WEIGHT_NAMES[first.weight]} against the rest in '
                    f'{WEIGHT_NAMES[rest.weight]} and the brand colour, {_CASE_PHRASES[mode]}'
                ),
                outlined=first.outlined and rest.outlined,
                weight=first.weight,
            )
        layout = 'dot'
    max_width = WIDTH - 2 * MARGIN - (90 if layout == 'rules' else 24)
    one_line = layout == 'rules' and len(text) <= 28
    block = fit_text(
        text, brief.face, weight=weight, tracking=tracking, max_width=max_width, cap=cap, max_lines=1 if one_line else 3
    )
    top = CENTER_Y - block.height / 2
    body = block.place(top=top, center_x=CENTER_X, fill=color)
    last_line = block.lines[-1]
    last_baseline = top + block.height
    line_right = CENTER_X + last_line.width_em * block.size / 2
    weight_name = WEIGHT_NAMES[last_line.weight]
    if not block.outlined and layout == 'dot':
        layout = 'bar'  # live text's width is a guess: a full stop could land inside the name or far from it
    if layout == 'dot':
        radius = block.cap * rng.uniform(0.1, 0.13)
        square = tone_has(brief.tone, 'technical', 'minimal')
        gap = block.cap * 0.08 + radius
        cx, cy = line_right + gap, last_baseline - radius
        mark = (
            f'<rect x="{_n(cx - radius)}" y="{_n(cy - radius)}" width="{_n(radius * 2)}" height="{_n(radius * 2)}" '
            f'fill="{inks.spark}"/>'
            if square
            else f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="{inks.spark}"/>'
        )
        shift = (gap + radius) / 2  # keep the word and its full stop centred as one
        body = f'<g transform="translate({_n(-shift)} 0)">{body}{mark}</g>'
        detail = 'a square full stop' if square else 'a round full stop'
        phrase = f'the name in {typeface} {weight_name}, {_CASE_PHRASES[mode]}, closed with {detail} in the accent'
    elif layout == 'bar':
        thickness = max(block.cap * 0.12, 2.5)
        last_width = last_line.width_em * block.size
        length = max(last_width * rng.uniform(0.16, 0.3), thickness * 3)
        left = CENTER_X - last_width / 2 if block.outlined else CENTER_X - length / 2
        y = last_baseline + block.cap * rng.uniform(0.3, 0.42)
        body += (
            f'<rect x="{_n(left)}" y="{_n(y)}" width="{_n(length)}" height="{_n(thickness)}" '
            f'rx="{_n(thickness / 2)}" fill="{inks.spark}"/>'
        )
        body = f'<g transform="translate(0 {_n(-(y + thickness - last_baseline) / 2)})">{body}</g>'
        phrase = f'the name in {typeface} {weight_name}, {_CASE_PHRASES[mode]}, underscored by a short accent bar'
    else:
        rule = 36.0
        gap = 18.0
        mid = top + block.height / 2
        left = CENTER_X - block.width / 2 - gap
        right = CENTER_X + block.width / 2 + gap
        body += (
            f'<path d="M{_n(left - rule)} {_n(mid)}H{_n(left)}M{_n(right)} {_n(mid)}H{_n(right + rule)}" '
            f'{_stroke(inks.brand, 2)}/>'
            f'<rect x="{_n(left - rule - 10)}" y="{_n(mid - 3)}" width="6" height="6" fill="{inks.spark}" '
            f'transform="rotate(45 {_n(left - rule - 7)} {_n(mid)})"/>'
            f'<rect x="{_n(right + rule + 4)}" y="{_n(mid - 3)}" width="6" height="6" fill="{inks.spark}" '
            f'transform="rotate(45 {_n(right + rule + 7)} {_n(mid)})"/>'
        )
        phrase = f'widely tracked capitals in {typeface} {weight_name} between hairline rules and accent diamonds'
    return Drawing(body=body, composition=phrase, outlined=block.outlined, weight=last_line.weight)


def draw_lettermark(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    shape = _pick(MONOGRAM_SHAPES, turn)
    weight = brief.strong
    symbol = monogram_symbol(brief.letters, brief.face, weight=weight, inks=brief.inks, rng=rng, shape=shape)
    size = rng.uniform(188, 212)
    body = _place_symbol(symbol, x=CENTER_X - size / 2, y=CENTER_Y - size / 2, size=size)
    return Drawing(
        body=body,
        composition=f'the monogram "{brief.letters}" in {brief.face.family}, set in {symbol.phrase}',
        outlined=symbol.outlined,
        weight=weight,
    )


def _arc_text(
    text: str, face: Face, weight: int, *, radius: float, cap: float, tracking: float, fill: str, bottom: bool
) -> str | None:
    """Outlined letters along a circle around the canvas centre: over the top reading clockwise, or along the
    bottom reading left to right; None when the font cannot draw every letter or the text will not fit."""
    found = face.file(weight)
    if found is None:
        return None
    glyphs = [outline_text(found[1], char) for char in text]
    if any(glyph is None for glyph in glyphs):
        return None
    outlines = [glyph for glyph in glyphs if glyph is not None]
    units = outlines[0].metrics.units_per_em if outlines else 1000
    size = cap / (outlines[0].metrics.cap_height / units) if outlines else cap
    scale = size / units
    advances = [glyph.advance_width * scale + tracking * size for glyph in outlines]
    total = sum(advances) - tracking * size
    baseline_radius = radius + cap / 2 if bottom else radius - cap / 2
    sweep = math.degrees(total / baseline_radius)
    if sweep > 150:
        return None
    parts = []
    travelled = 0.0
    for glyph, advance in zip(outlines, advances, strict=True):
        if glyph.path_data:
            middle = travelled + glyph.advance_width * scale / 2
            angle = math.degrees(middle / baseline_radius) - sweep / 2
            if bottom:
                angle = -angle
            y = CENTER_Y + baseline_radius if bottom else CENTER_Y - baseline_radius
            x = CENTER_X - glyph.advance_width * scale / 2
            parts.append(
                f'<path transform="rotate({_n(angle)} {_n(CENTER_X)} {_n(CENTER_Y)}) translate({_n(x)} {_n(y)}) '
                f'scale({scale:.5g})" d="{glyph.path_data}"/>'
            )
        travelled += advance
    return f'<g fill="{fill}">{"".join(parts)}</g>'


def draw_emblem(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    inks = brief.inks
    layout = _pick(('seal', 'crest', 'hexagon'), turn)
    weight = brief.strong
    if layout == 'seal' and not brief.face.is_script:  # joined script letters cannot be spread around a circle
        seal = _draw_seal(brief, rng, weight)
        if seal is not None:
            return seal
        layout = 'crest'
    symbol_size = rng.uniform(168, 182)
    if layout == 'crest':
        symbol = _shield_symbol(brief.letters, brief.face, weight, inks)
    else:
        symbol = monogram_symbol(brief.letters, brief.face, weight=weight, inks=inks, rng=rng, shape='hexagon')
    name_weight = brief.light
    mode, tracking, cap = ('as-is', 0.0, 24.0) if brief.face.is_script else ('upper', 0.18, 17.0)
    caps = _case(brief.name, _name_line_case(brief.name, brief, mode, weight=name_weight, tracking=tracking))
    block = fit_text(caps, brief.face, weight=name_weight, tracking=tracking, max_width=WIDTH - 2 * MARGIN, cap=cap)
    gap = 26.0
    total = symbol_size + gap + block.height
    top = CENTER_Y - total / 2
    body = _place_symbol(symbol, x=CENTER_X - symbol_size / 2, y=top, size=symbol_size)
    text_top = top + symbol_size + gap
    body += block.place(top=text_top, center_x=CENTER_X, fill=inks.ink)
    holder = 'shield crest' if layout == 'crest' else 'hexagonal badge'
    beneath = 'in spaced capitals' if mode == 'upper' else f'in {brief.face.family}'
    return Drawing(
        body=body,
        composition=f'a {holder} with the initials "{brief.letters}", the name set beneath {beneath}',
        outlined=symbol.outlined and block.outlined,
        weight=weight,
    )


def _draw_seal(brief: Brief, rng: random.Random, weight: int) -> Drawing | None:
    inks = brief.inks
    outer = 142.0
    inner = rng.uniform(88, 96)
    band = (outer + inner) / 2
    caps = brief.name.upper()
    top = _arc_text(
        caps, brief.face, brief.weight, radius=band, cap=15, tracking=0.16, fill=inks.ink, bottom=False
    ) or _arc_text(caps, brief.face, brief.weight, radius=band, cap=11, tracking=0.1, fill=inks.ink, bottom=False)
    if top is None:
        return None
    industry = clean_text(brief.industry).upper()
    bottom = _arc_text(
        industry, brief.detail_face, 400, radius=band, cap=9, tracking=0.22, fill=inks.muted, bottom=True
    )
    symbol = monogram_symbol(brief.letters, brief.face, weight=weight, inks=inks, rng=rng, shape='disc', plain=True)
    disc = inner * 2 - 8
    body = (
        f'<circle cx="{_n(CENTER_X)}" cy="{_n(CENTER_Y)}" r="{_n(outer)}" {_stroke(inks.brand, 3)}/>'
        f'<circle cx="{_n(CENTER_X)}" cy="{_n(CENTER_Y)}" r="{_n(inner)}" {_stroke(inks.brand, 1.5)}/>'
        + _place_symbol(symbol, x=CENTER_X - disc / 2, y=CENTER_Y - disc / 2, size=disc)
        + top
        + (bottom or '')
    )
    for side in (-1, 1):
        body += f'<circle cx="{_n(CENTER_X + side * band)}" cy="{_n(CENTER_Y)}" r="3.5" fill="{inks.spark}"/>'
    around = 'the name arched over the top and the industry along the foot' if bottom else 'the name arched over it'
    return Drawing(
        body=body,
        composition=f'a circular seal with the initials "{brief.letters}" on a solid disc, {around}',
        outlined=symbol.outlined,
        weight=weight,
    )


def _stacked(symbol: Symbol, brief: Brief, *, size: float, with_name: bool, name_cap: float) -> tuple[str, bool]:
    if not with_name:
        return _place_symbol(symbol, x=CENTER_X - size / 2, y=CENTER_Y - size / 2, size=size), symbol.outlined
    block = fit_text(
        brief.name, brief.face, weight=brief.weight, tracking=0.01, max_width=WIDTH - 2 * MARGIN, cap=name_cap
    )
    gap = name_cap * 1.6
    top = CENTER_Y - (size + gap + block.height) / 2
    body = _place_symbol(symbol, x=CENTER_X - size / 2, y=top, size=size)
    body += block.place(top=top + size + gap, center_x=CENTER_X, fill=brief.inks.wordmark_color())
    return body, symbol.outlined and block.outlined


def draw_abstract(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    symbol = abstract_symbol(brief.inks, brief.name, rng, turn)
    with_name = rng.random() < 0.5
    size = rng.uniform(150, 165) if with_name else rng.uniform(196, 214)
    body, outlined = _stacked(symbol, brief, size=size, with_name=with_name, name_cap=20)
    lockup = ', with the name set small beneath' if with_name else ', standing alone'
    return Drawing(body=body, composition=f'{symbol.phrase}{lockup}', outlined=outlined, weight=brief.weight)


def draw_pictorial(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    container: Container = _pick(('none', 'disc', 'tile'), turn)
    symbol = icon_symbol(brief.motif, brief.inks, rng, container)
    with_name = rng.random() < 0.5
    size = rng.uniform(150, 165) if with_name else rng.uniform(190, 206)
    body, outlined = _stacked(symbol, brief, size=size, with_name=with_name, name_cap=20)
    lockup = ', with the name set small beneath' if with_name else ', standing alone'
    return Drawing(body=body, composition=f'{symbol.phrase}{lockup}', outlined=outlined, weight=brief.weight)


def draw_combination(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    inks = brief.inks
    kind = _pick(('icon', 'monogram', 'abstract'), turn)
    if kind == 'icon':
        symbol = icon_symbol(brief.motif, inks, rng, rng.choice(('none', 'tile')))
    elif kind == 'monogram':
        shape: MonogramShape = rng.choice(('disc', 'tile', 'arch'))
        symbol = monogram_symbol(brief.letters, brief.face, weight=brief.strong, inks=inks, rng=rng, shape=shape)
    else:
        symbol = abstract_symbol(inks, brief.name, rng, turn // 3)
    symbol_size = rng.uniform(92, 104)
    gap = symbol_size * rng.uniform(0.2, 0.26)
    text_room = WIDTH - 2 * MARGIN + 20 - symbol_size - gap
    block = fit_text(
        brief.name, brief.face, weight=brief.weight, tracking=rng.uniform(-0.02, 0.01), max_width=text_room, cap=34
    )
    descriptor = None
    industry = clean_text(brief.industry).upper()
    if rng.random() < 0.6 and block.height < symbol_size * 0.6:
        descriptor = fit_text(
            industry, brief.detail_face, weight=400, tracking=0.2, max_width=max(block.width, 120), cap=8
        )
        if descriptor.cap < 5:
            descriptor = None
    text_height = block.height + (descriptor.height + block.cap * 0.55 if descriptor else 0)
    total_width = symbol_size + gap + max(block.width, descriptor.width if descriptor else 0)
    left = CENTER_X - total_width / 2
    body = _place_symbol(symbol, x=left, y=CENTER_Y - symbol_size / 2, size=symbol_size)
    text_left = left + symbol_size + gap
    text_top = CENTER_Y - text_height / 2
    body += block.place(top=text_top, left=text_left, fill=inks.wordmark_color())
    outlined = symbol.outlined and block.outlined
    phrase = f'{symbol.phrase}, locked up to the left of the name in {brief.face.family}'
    if descriptor is not None:
        body += descriptor.place(top=text_top + block.height + block.cap * 0.55, left=text_left, fill=inks.muted)
        outlined = outlined and descriptor.outlined
        phrase += ', with the industry as a spaced descriptor line'
    return Drawing(body=body, composition=phrase, outlined=outlined, weight=brief.weight)


DRAWERS: dict[LogoStyle, Callable[[Brief, random.Random, int], Drawing]] = {
    LogoStyle.WORDMARK: draw_wordmark,
    LogoStyle.LETTERMARK: draw_lettermark,
    LogoStyle.EMBLEM: draw_emblem,
    LogoStyle.ABSTRACT: draw_abstract,
    LogoStyle.COMBINATION: draw_combination,
    LogoStyle.PICTORIAL: draw_pictorial,
}


def make_brief(profile: CompanyProfile, palette: ColorPalette, typography: Typography) -> Brief:
    name = display_name(profile.name)
    return Brief(
        name=name,
        letters=initials(name),
        tone=profile.tone,
        industry=profile.industry,
        motif=icon_motif(profile),
        face=Face.for_role(typography, 'heading'),
        detail_face=Face.for_role(typography, 'body'),
        weight=tone_weight(profile.tone),
        inks=Inks.from_palette(palette),
    )


def svg_document(*, name: str, style: LogoStyle, body: str, paper: str) -> str:
    label = f'{name} logo, {style.value} concept'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{_attr(label)}"><title>{escape(label)}</title>'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{paper}"/>{body}</svg>'
    )


def render_mark(
    style: LogoStyle,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    *,
    seed: int,
    variant: int = 0,
) -> Mark:
    """One logo concept's artwork. The same inputs give the same SVG; `variant` moves a repeated style on to
    another composition."""
    brief = make_brief(profile, palette, typography)
    # The composition is a turn of a wheel fixed by profile, seed and style, so a style repeated in one kit moves on
    # to the next composition; the details (angles, proportions) vary with the variant too.
    turn = rng_for(profile, seed, f'logos:{style.value}').randrange(720720) + variant
    rng = rng_for(profile, seed, f'logos:{style.value}:{variant}')
    drawing = DRAWERS[style](brief, rng, turn)
    svg = svg_document(name=brief.name, style=style, body=drawing.body, paper=brief.inks.paper)
    colors = tuple(dict.fromkeys(_COLOR_ATTRIBUTE.findall(svg)))
    typeface = (
        f'{brief.face.family} {WEIGHT_NAMES.get(drawing.weight, "")}'.strip()
        if drawing.outlined
        else brief.face.css_stack
    )
    return Mark(svg=svg, colors=colors, composition=drawing.composition, typeface=typeface, outlined=drawing.outlined)
