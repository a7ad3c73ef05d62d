"""The request and the brand kit: the shapes shared by the core, the studio and the API."""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    field_validator,
)


class CompanyType(StrEnum):
    SAAS = 'saas'
    FINTECH = 'fintech'
    HEALTHTECH = 'healthtech'
    ECOMMERCE = 'ecommerce'
    AI_ML = 'ai_ml'
    BLOCKCHAIN = 'blockchain'
    CYBERSECURITY = 'cybersecurity'
    DEVTOOLS = 'devtools'
    OTHER = 'other'


COMPANY_TYPE_LABELS: dict[CompanyType, str] = {
    CompanyType.SAAS: 'SaaS',
    CompanyType.FINTECH: 'Fintech',
    CompanyType.HEALTHTECH: 'Healthtech',
    CompanyType.ECOMMERCE: 'E-commerce',
    CompanyType.AI_ML: 'AI / machine learning',
    CompanyType.BLOCKCHAIN: 'Blockchain',
    CompanyType.CYBERSECURITY: 'Cybersecurity',
    CompanyType.DEVTOOLS: 'Developer tools',
    CompanyType.OTHER: 'Other',
}

# Suggested tones, each with the one-line description the studio shows. Tone stays free text (the seed accepted any
# string); the design engine reads these words, and others, for their associations.
TONES: dict[str, str] = {
    'professional': 'Measured, competent and clear; earns trust through precision.',
    'friendly': 'Warm and approachable; speaks like a helpful colleague.',
    'playful': 'Light, witty and energetic; invites people to have fun.',
    'bold': 'Confident and direct; makes strong claims and short statements.',
    'elegant': 'Refined and understated; luxury through restraint.',
    'innovative': 'Forward-looking and curious; talks about what is next.',
    'trustworthy': 'Calm, reliable and transparent; no hype.',
    'minimalist': 'Spare and precise; every word earns its place.',
    'technical': 'Exact and expert; speaks to builders in their own terms.',
    'caring': 'Empathetic and reassuring; puts people before product.',
}


class Focus(StrEnum):
    """What a request asks for: the whole kit, or one section (members named like the sections they ask for; the
    values keep the published wire format)."""

    ALL = 'all'
    LOGOS = 'logo'
    TAGLINES = 'tagline'
    PALETTE = 'palette'
    TYPOGRAPHY = 'typography'


class SectionName(StrEnum):
    LOGOS = 'logos'
    TAGLINES = 'taglines'
    PALETTE = 'palette'
    TYPOGRAPHY = 'typography'
    GUIDELINES = 'guidelines'


# The white space of JSON Schema's regular expressions (ECMA-262 \s: tab, line breaks, space, no-break and other Zs
# spaces, the byte-order mark), spelled out: Python's str.isspace and the Rust regex behind pydantic's `pattern` each
# draw the line elsewhere (U+001C-U+001F, U+0085), which made values the published schema accepts fail here.
WHITE_SPACE_CLASS = r'\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
# trimming removes exactly this white space (all in the Basic Multilingual Plane), never a mark that ends a word
WHITESPACE = ''.join(chr(code) for code in range(0x10000) if re.fullmatch(f'[{WHITE_SPACE_CLASS}]', chr(code)))
# Characters that draw nothing on their own: controls, format characters (zero-width space, joiners, word joiner,
# bidi marks), combining marks with no letter to sit on, the Hangul fillers and the blank Braille cell. Between letters
# they are text (a ZWNJ in a Persian name, a ZWJ in an emoji sequence), but a value of only these is as blank as one of
# only spaces.
_DRAWS_NOTHING = frozenset({'Cc', 'Cf', 'Mn', 'Mc', 'Me'})
_BLANK_LETTERS = frozenset({0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0})


def _is_blank(code: int) -> bool:
    char = chr(code)
    return char in WHITESPACE or code in _BLANK_LETTERS or unicodedata.category(char) in _DRAWS_NOTHING


def _class_ranges(codes: list[int]) -> str:
    """A character class body of \\uXXXX escapes and ranges, which ECMA-262, Python's re and Rust's regex read alike."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return ''.join(f'\\u{low:04x}' if low == high else f'\\u{low:04x}-\\u{high:04x}' for low, high in runs)


# A value must hold one character that draws something. The pattern is published in the JSON schema and checked by
# pydantic, and the trim below checks the same pattern, so the schema and the API never disagree on a value. It names
# Basic Multilingual Plane characters only: ECMA-262 has no escape for an astral character outside u-mode (it reads
# one as two surrogates), so astral format characters alone (tags, U+E0000-U+E007F) still count as text. Surrogates
# are left out too: Rust's regex refuses them in a class.
_BLANK_CODES = [code for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF and _is_blank(code)]
NOT_BLANK = f'[^{_class_ranges(_BLANK_CODES)}]'
_DRAWS_SOMETHING = re.compile(NOT_BLANK)


def has_text(value: str) -> bool:
    """Whether `value` holds a character that draws something: what every text field needs to be more than blank."""
    return _DRAWS_SOMETHING.search(value) is not None


def _trimmed(value: str) -> str:
    trimmed = value.strip(WHITESPACE)
    if not has_text(trimmed):
        raise ValueError('Required')
    return trimmed


ShortText = Annotated[str, StringConstraints(min_length=1, max_length=120, pattern=NOT_BLANK), AfterValidator(_trimmed)]
MAX_NAME_LENGTH = 200  # real names run long: a consortium or federation's full legal name
NameText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_NAME_LENGTH, pattern=NOT_BLANK), AfterValidator(_trimmed)
]
MediumText = Annotated[
    str, StringConstraints(min_length=1, max_length=300, pattern=NOT_BLANK), AfterValidator(_trimmed)
]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=NOT_BLANK), AfterValidator(_trimmed)]
BrandValue = Annotated[str, StringConstraints(min_length=1, max_length=40, pattern=NOT_BLANK), AfterValidator(_trimmed)]
ToneText = Annotated[str, StringConstraints(min_length=1, max_length=60, pattern=NOT_BLANK), AfterValidator(_trimmed)]
HexColor = Annotated[str, StringConstraints(pattern=r'^#[0-9a-f]{6}$')]

MAX_BRAND_VALUES = 10


def _json_integer(value: object) -> object:
    """JSON's integers (3 or 3.0), not true or "3": those are client bugs worth hearing about."""
    if isinstance(value, bool | str):
        raise ValueError('must be a JSON integer')
    return value


JsonInt = Annotated[int, BeforeValidator(_json_integer)]
# the largest seed is the largest integer every JSON client (JavaScript included) reads exactly
Seed = Annotated[int, Field(ge=0, le=2**53 - 1), BeforeValidator(_json_integer)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra='forbid')


class CompanyProfile(StrictModel):
    name: NameText = Field(description='Company or product name', examples=['Lumen Ledger'])
    company_type: CompanyType = Field(description='Kind of company')
    industry: ShortText = Field(description='Industry or market', examples=['Personal finance'])
    description: LongText = Field(description='What the company does, in a few sentences')
    target_audience: MediumText = Field(description='Who the brand speaks to')
    brand_values: list[BrandValue] = Field(
        max_length=MAX_BRAND_VALUES,
        description='Up to 10 values, e.g. trust, clarity; with none, the engine infers 2-4 from the description',
    )
    tone: ToneText = Field(default='professional', description=f'Voice of the brand, e.g. {", ".join(TONES)}')

    @field_validator('brand_values')
    @classmethod
    def _distinct_values(cls, values: list[str]) -> list[str]:
        seen: set[str] = set()
        distinct = []
        for value in values:
            if value.casefold() not in seen:
                seen.add(value.casefold())
                distinct.append(value)
        return distinct


EXAMPLE_PROFILE = CompanyProfile(
    name='Lumen Ledger',
    company_type=CompanyType.FINTECH,
    industry='Personal finance',
    description=(
        'Lumen Ledger helps freelancers and small studios see their cash flow at a glance, '
        'set money aside for taxes automatically and get paid faster with friendly invoices.'
    ),
    target_audience='Freelancers and owners of small creative studios',
    brand_values=['clarity', 'trust', 'calm', 'independence'],
    tone='friendly',
)


class BrandingRequest(StrictModel):
    company_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    company_profile: CompanyProfile
    num_variations: JsonInt = Field(default=3, ge=1, le=10, description='Logo concepts and taglines to make (1-10)')
    focus: Focus = Focus.ALL
    seed: Seed | None = Field(default=None, description='Same seed and profile give the same kit; omit for a fresh one')


# --- the kit ---------------------------------------------------------------------------------------------------------


class LogoStyle(StrEnum):
    WORDMARK = 'wordmark'
    LETTERMARK = 'lettermark'
    EMBLEM = 'emblem'
    ABSTRACT = 'abstract'
    COMBINATION = 'combination'
    PICTORIAL = 'pictorial'


class LogoVariants(BaseModel):
    """A concept's logo files, each a self-contained SVG with outlined lettering on a transparent background."""

    primary: str = Field(description='Full colour, for light backgrounds')
    reversed: str = Field(description='For dark backgrounds: light lettering, symbol colours lifted to 3:1')
    mono_dark: str = Field(description='One colour, black')
    mono_light: str = Field(description='One colour, white')
    icon: str = Field(description='Square symbol or monogram with a safe margin, for favicons, app icons, avatars')


class IconSizeCheck(BaseModel):
    size_px: int = Field(description='The icon drawn this many device pixels square')
    stroke_px: float = Field(description='Width of its thin strokes, in device pixels')
    gap_px: float = Field(description='Width of its narrow gaps and counters, in device pixels')
    smallest_feature_px: float
    fill: float = Field(description="The symbol's larger side over the canvas side, 0-1")
    passes: bool


class LogoLegibility(BaseModel):
    """How the concept holds up small, measured on renders of its one-colour files."""

    icon: list[IconSizeCheck] = Field(description='The icon at 16 and 32 px')
    lockup_width_px: int = Field(description='The lockup drawn this many pixels wide')
    lockup_smallest_feature_px: float
    lockup_passes: bool
    passes: bool = Field(description='The icon passes at every size')
    icon_source: str = Field(description='What the icon shows, and whether it was redrawn to pass')


class LogoConcept(BaseModel):
    id: str
    style: LogoStyle
    description: str
    rationale: str
    color_scheme: list[HexColor]
    prompt_used: str = Field(description='A ready prompt for an image model')
    svg: str = Field(description='Self-contained SVG mark in the kit palette and heading font, on its tile')
    image_url: str = Field(
        description='The SVG as a data URI, or the path of the painting an image model made of the prompt'
    )
    variants: LogoVariants | None = Field(default=None, description='The logo files (kits saved before them: none)')
    dark_background: HexColor | None = Field(default=None, description='The background `reversed` is drawn for')
    legibility: LogoLegibility | None = None
    traced_svg: str | None = Field(default=None, description='The painting traced to vectors in the kit palette')
    painting: SectionProvenance | None = Field(
        default=None, description='Where the painting came from, or why there is none (none: not painted)'
    )
    symbol: str | None = Field(
        default=None,
        description="The icon the mark's symbol is drawn from (its name in the icon set); none for a mark without one "
        "(a wordmark, a hand-drawn symbol, a painting's trace) and for concepts saved before it was recorded",
    )


class Tagline(BaseModel):
    id: str
    text: str
    tone: str
    explanation: str


class ColorRole(BaseModel):
    role: str = Field(description='primary, secondary, accent or neutral')
    name: str = Field(description='Human colour name')
    hex: HexColor
    rgb: tuple[int, int, int]
    oklch: tuple[float, float, float] = Field(description='Lightness 0-1, chroma, hue in degrees')
    usage: str


class ThemeColors(BaseModel):
    background: HexColor
    surface: HexColor
    text: HexColor
    muted_text: HexColor
    border: HexColor
    primary: HexColor
    on_primary: HexColor
    secondary: HexColor
    on_secondary: HexColor
    accent: HexColor
    on_accent: HexColor


ContrastUse = Literal['body', 'large', 'ui']
ContrastLevel = Literal['AAA', 'AA', 'AA Large', 'Fail']


class ContrastCheck(BaseModel):
    mode: Literal['light', 'dark']
    use: ContrastUse = Field(description='body text needs 4.5:1; large text and UI components need 3:1')
    foreground_role: str
    background_role: str
    foreground: HexColor
    background: HexColor
    ratio: float = Field(description='WCAG 2.x contrast ratio, rounded to 2 decimals')
    level: ContrastLevel
    apca_lc: float | None = Field(
        default=None, description='APCA 0.0.98G-4g lightness contrast Lc (advisory; WCAG 2.x decides the level)'
    )


class ColorVisionCheck(BaseModel):
    deficiency: Literal['protanopia', 'deuteranopia', 'tritanopia']
    primary: HexColor = Field(description='Primary as simulated')
    accent: HexColor = Field(description='Accent as simulated')
    delta_e_ok: float = Field(description='OKLab distance between the simulated primary and accent')
    distinguishable: bool


class ColorPalette(BaseModel):
    primary: HexColor
    secondary: HexColor
    accent: HexColor
    neutral: HexColor
    psychology: dict[str, str]
    usage_guidelines: str
    rationale: str = ''
    roles: list[ColorRole] = []
    scales: dict[str, dict[str, HexColor]] = Field(default={}, description='role -> step (50..950) -> hex')
    light: ThemeColors | None = None
    dark: ThemeColors | None = None
    contrast: list[ContrastCheck] = []
    color_vision: list[ColorVisionCheck] = []
    adjustments: list[str] = Field(default=[], description='What the engine changed to make the palette pass')


class FontPairing(BaseModel):
    context: str
    recommendation: str


class FontSpec(BaseModel):
    role: Literal['heading', 'body', 'accent', 'script'] = Field(
        description="'script': the face that sets the writing systems beyond Latin the brand's name or text use"
    )
    family: str
    category: str
    weights: list[int]
    css_stack: str
    license: str
    available_offline: bool = Field(description='Font files are installed and served by this instance')
    note: str = ''
    scripts: list[str] = Field(default=[], description='The writing systems a script face is chosen for')


class TypeScaleStep(BaseModel):
    name: Literal['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'small']
    size_px: float
    size_rem: float
    line_height: float
    weight: int


class Typography(BaseModel):
    heading_font: str
    body_font: str
    accent_font: str
    rationale: str
    pairings: list[FontPairing]
    fonts: list[FontSpec] = []
    scale_ratio: float = 1.25
    scale_name: str = 'Major third'
    type_scale: list[TypeScaleStep] = []
    css: str = ''
    adjustments: list[str] = []


class SectionStatus(StrEnum):
    OK = 'ok'
    FALLBACK = 'fallback'
    ERROR = 'error'


# the provenance of a section the built-in design engine wrote, and its name in BRANDSMITH_PROVIDERS
OFFLINE_PROVIDER = 'offline'


class SectionProvenance(BaseModel):
    status: SectionStatus
    provider: str
    model: str
    latency_ms: int
    attempts: int
    note: str = ''


def new_kit_id() -> str:
    return secrets.token_urlsafe(16)  # 128 bits: share links must not be guessable


def utc_now() -> datetime:
    return datetime.now(UTC)


class BrandKit(BaseModel):
    id: str = Field(default_factory=new_kit_id)
    company_id: str | None = None
    logos: list[LogoConcept] = []
    taglines: list[Tagline] = []
    color_palette: ColorPalette | None = None
    typography: Typography | None = None
    brand_guidelines: str | None = None
    generated_at: datetime = Field(default_factory=utc_now)
    generation_time_seconds: float = 0.0
    # extensions beyond the seed's shape
    company_name: str = ''
    seed: int = 0
    focus: Focus = Focus.ALL
    num_variations: int = 3
    sections: dict[str, SectionProvenance] = Field(
        default={}, description='Where each section came from, by section name (logos, palette, typography, ...)'
    )
    extensions: dict[str, JsonValue] = Field(
        default={}, description='Sections beyond the built-in five, by section name (their data as JSON)'
    )
    # choices and locks made while refining the kit (branding.refine)
    chosen_logo: int | None = Field(default=None, description='The logo concept chosen as the logo, by index')
    starred_taglines: list[str] = Field(default=[], description='The ids of the starred taglines')
    locks: list[str] = Field(
        default=[],
        description="What regenerating keeps: sections ('palette') and elements ('palette.primary', "
        "'typography.heading', 'logos.1', 'taglines.<id>')",
    )
