"""The logo section: concepts in six styles, drawn as SVG in the kit's palette and heading font.

The offline engine writes every concept itself; a language model's concepts (style, description, rationale) go
through `logo_concept_from` so they are drawn with the same palette and fonts.
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from branding.design.font_files import FontLibrary
from branding.design.marks import Mark, color_name, display_name, icon_motif, initials, render_mark, tone_has
from branding.design.symbols.choose import KitSymbol, NamedSymbol, choose_symbols, symbols_drawn, symbols_named
from branding.design.symbols.icon_set import IconLibrary
from branding.models import (
    COMPANY_TYPE_LABELS,
    ColorPalette,
    CompanyProfile,
    CompanyType,
    LogoConcept,
    LogoStyle,
    Typography,
)
from branding.seeding import rng_for

W, L, E, A, C, P = (
    LogoStyle.WORDMARK,
    LogoStyle.LETTERMARK,
    LogoStyle.EMBLEM,
    LogoStyle.ABSTRACT,
    LogoStyle.COMBINATION,
    LogoStyle.PICTORIAL,
)

# Which styles a tone suits best, strongest first.
TONE_STYLES: tuple[tuple[tuple[str, ...], tuple[LogoStyle, ...]], ...] = (
    (('elegant', 'luxur', 'refined'), (W, E, L)),
    (('bold', 'confident'), (L, A, W)),
    (('playful', 'fun'), (P, A, C)),
    (('friendly', 'warm'), (P, C, W)),
    (('professional',), (C, W, L)),
    (('trust', 'reliab', 'calm'), (E, C, W)),
    (('minimal',), (W, A, L)),
    (('technical', 'precise', 'expert'), (L, A, C)),
    (('innovat', 'futur', 'curious'), (A, C, P)),
    (('caring', 'empath', 'reassur'), (P, W, E)),
)

TYPE_STYLES: dict[CompanyType, tuple[LogoStyle, ...]] = {
    CompanyType.SAAS: (C, A),
    CompanyType.FINTECH: (C, E, L),
    CompanyType.HEALTHTECH: (P, C),
    CompanyType.ECOMMERCE: (W, C),
    CompanyType.AI_ML: (A, L),
    CompanyType.BLOCKCHAIN: (A, L),
    CompanyType.CYBERSECURITY: (E, P),
    CompanyType.DEVTOOLS: (L, W),
    CompanyType.OTHER: (),
}

STYLE_LABELS: dict[LogoStyle, str] = {
    W: 'wordmark',
    L: 'lettermark',
    E: 'emblem',
    A: 'abstract mark',
    C: 'combination mark',
    P: 'pictorial mark',
}

MOTIF_NAMES: dict[str, str] = {
    'shield': 'a shield',
    'leaf': 'a leaf',
    'heart': 'a heart',
    'book': 'an open book',
    'bars': 'a chart',
    'brackets': 'code brackets',
    'nodes': 'a node graph',
    'cube': 'a block',
    'bag': 'a shopping bag',
    'layers': 'stacked layers',
    'spark': 'a spark',
}


# The styles that draw a symbol, the one that leans on it most first: in each round of six the pictorial mark gets the
# kit's best symbol, the combination the next, the emblem the third; no two concepts share one.
SYMBOL_STYLES: tuple[LogoStyle, ...] = (P, C, E)


def symbol_plan(
    profile: CompanyProfile,
    styles: Sequence[LogoStyle],
    seed: int,
    *,
    icons: IconLibrary,
    taken: Collection[str] = (),
    avoid: Collection[str] = (),
    shown: Sequence[Collection[str]] = (),
) -> list[KitSymbol | None]:
    """The symbol each concept of a kit draws, by its place in `styles`: None for styles without one, and for all when
    the icon set is not installed or nothing fits (those marks use the hand-drawn symbols). Icons in `taken` (drawn
    by other concepts of the kit) are left to them; icons in `avoid` (drawn before the kit was made again) come last,
    and those of `shown` (earlier versions of the kit, the most recent first) just before them."""
    needing = sorted(
        (index for index, style in enumerate(styles) if style in SYMBOL_STYLES),
        key=lambda index: (index // len(LogoStyle), SYMBOL_STYLES.index(styles[index]), index),
    )
    plan: list[KitSymbol | None] = [None] * len(styles)
    if not needing:
        return plan
    count = len(needing) + len(taken)
    choices = choose_symbols(profile, count=count, seed=seed, library=icons, avoid=avoid, shown=shown) or []
    free = [choice for choice in choices if choice.icon not in taken]
    for index, choice in zip(needing, free, strict=False):
        plan[index] = KitSymbol(choice=choice, library=icons)
    return plan


def style_order(profile: CompanyProfile, rng: random.Random) -> list[LogoStyle]:
    """All six styles, the ones the brief suits first; the seed reshuffles near-ties so kits differ."""
    scores = dict.fromkeys(LogoStyle, 0.0)
    for words, styles in TONE_STYLES:
        if tone_has(profile.tone, *words):
            for rank, style in enumerate(styles):
                scores[style] += 3 - rank
    for rank, style in enumerate(TYPE_STYLES[profile.company_type]):
        scores[style] += 2.5 - rank
    letters = sum(char.isalnum() for char in profile.name)
    if letters <= 10:
        scores[W] += 1.5  # a short name can carry the brand on its own
    elif letters > 18:
        scores[L] += 1.5  # a long one needs a compact form for small sizes
    jitter = {style: rng.uniform(0, 3) for style in LogoStyle}
    return sorted(LogoStyle, key=lambda style: -(scores[style] + jitter[style]))


def _article(phrase: str) -> str:
    return 'an' if phrase[:1].lower() in 'aeiou' else 'a'


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _mid_sentence(text: str) -> str:
    """'Personal finance' -> 'personal finance', but 'AI tooling' and 'SaaS' keep their capitals."""
    text = ' '.join(text.split())
    return text[0].lower() + text[1:] if len(text) > 1 and text[0].isupper() and text[1].islower() else text


def _values_phrase(profile: CompanyProfile) -> str:
    values = [f'"{value}"' for value in profile.brand_values[:2]]
    return ' and '.join(values)


def _why_pictorial(industry: str, motif: str, symbol: KitSymbol | None) -> str:
    what = symbol.choice.rationale if symbol is not None else f'{MOTIF_NAMES[motif]} reads as {industry}'
    return f'A pictorial mark makes the business legible at a glance: {what}.'


def _why_style(style: LogoStyle, profile: CompanyProfile, letters: str, motif: str, symbol: KitSymbol | None) -> str:
    name = display_name(profile.name)
    industry = _mid_sentence(profile.industry)
    match style:
        case LogoStyle.WORDMARK:
            length = sum(char.isalnum() for char in name)
            reach = (
                f'at {length} characters "{name}" is short enough to carry the brand alone'
                if length <= 12
                else f'it teaches the full name "{name}" at every touchpoint'
            )
            return f'A wordmark suits a name that can be its own symbol: {reach}.'
        case LogoStyle.LETTERMARK:
            return (
                f'A lettermark packs the brand into "{letters}", which stays legible at favicon and app-icon sizes '
                'where the full name cannot.'
            )
        case LogoStyle.EMBLEM:
            return (
                'An emblem borrows the authority of a seal: it signals permanence and care, which matters to '
                f'{profile.target_audience} before they trust {_article(industry)} {industry} brand.'
            )
        case LogoStyle.ABSTRACT:
            return (
                f'An abstract mark gives {name} a shape no competitor owns, and it stays true as the offer grows '
                f'beyond {industry}.'
            )
        case LogoStyle.COMBINATION:
            return (
                'A combination mark introduces a symbol while the name is still being learned; once the symbol is '
                'known, the two can work apart.'
            )
        case LogoStyle.PICTORIAL:
            return _why_pictorial(industry, motif, symbol)


def _symbol_note(style: LogoStyle, symbol: KitSymbol | None) -> str:
    """Where a combination's or an emblem's symbol came from (the pictorial mark says so in its first sentence)."""
    return f' Its symbol is {symbol.choice.rationale}.' if symbol is not None and style is not P else ''


def _rationale(
    style: LogoStyle,
    mark: Mark,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    *,
    symbol: KitSymbol | None,
) -> str:
    heading = next((font for font in typography.fonts if font.role == 'heading'), None)
    category = heading.category if heading else 'sans-serif'
    outlined = ', drawn as outlines so it looks the same on every screen' if mark.outlined else ''
    return (
        f'{_why_style(style, profile, initials(profile.name), icon_motif(profile), symbol)}'
        f'{_symbol_note(style, symbol)} '
        f'{typography.heading_font} ({category}) carries the {_mid_sentence(profile.tone)} voice{outlined}. '
        f'{color_name(palette, palette.primary)} carries the mark and {color_name(palette, palette.accent)} is saved '
        'for one detail, so it keeps its pull. '
        f'For {profile.target_audience}, it keeps {_values_phrase(profile)} in view.'
    )


def _description(style: LogoStyle, mark: Mark, profile: CompanyProfile, symbol: KitSymbol | None) -> str:
    label = STYLE_LABELS[style]
    industry = _mid_sentence(profile.industry)
    source = f' The symbol is {symbol.choice.rationale}.' if symbol is not None else ''
    return (
        f'{_article(label).capitalize()} {label} for {display_name(profile.name)}: {mark.composition}.{source} '
        f'{_article(industry).capitalize()} {industry} mark meant to say {_values_phrase(profile)} '
        'before a word is read.'
    )


def _text_cue(style: LogoStyle, profile: CompanyProfile) -> str:
    if style is LogoStyle.LETTERMARK:
        return f'no text other than the initials {_quoted(initials(profile.name))}'
    return 'no text other than the brand name'


def image_prompt(
    style: LogoStyle,
    *,
    description: str,
    mark: Mark,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
) -> str:
    """A prompt an image model can take further; the company's own words are quoted, as data, not instructions."""
    heading = next((font for font in typography.fonts if font.role == 'heading'), None)
    category = heading.category if heading else 'sans-serif'
    background = mark.colors[0] if mark.colors else '#ffffff'
    typeface = mark.typeface if mark.outlined else typography.heading_font
    kind = 'company'
    if profile.company_type is not CompanyType.OTHER:
        kind = f'{_mid_sentence(COMPANY_TYPE_LABELS[profile.company_type])} company'
    return (
        f'Logo design, {STYLE_LABELS[style]}, for the brand {_quoted(display_name(profile.name))}: '
        f'{_article(kind)} {kind} in {_quoted(profile.industry)}. '
        f'Concept: {_quoted(description)} '
        'Composition: a single centred mark with generous clear space, flat 2D vector, crisp geometric shapes, '
        f'balanced negative space, on a plain solid {background} background. '
        f'Palette, use only: primary {palette.primary}, secondary {palette.secondary}, accent {palette.accent}, '
        f'neutral {palette.neutral}. '
        f'Typography cue: {category} lettering in the manner of {_quoted(typeface)}. '
        f'Mood: tone {_quoted(profile.tone)}; values {", ".join(_quoted(value) for value in profile.brand_values)}; '
        f'for {_quoted(profile.target_audience)}. '
        f'Negative: no photorealism, no gradients, no mockups, no 3D, no drop shadows, {_text_cue(style, profile)}, '
        'no watermark, no signature.'
    )


def data_uri(svg: str) -> str:
    return f'data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode("ascii")}'


def render_logo(
    style: LogoStyle,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    *,
    fonts: FontLibrary,
    icons: IconLibrary,
    seed: int,
    variant: int = 0,
) -> str:
    """One concept's SVG, drawn with the symbol the kit would give a concept of its style leading the kit."""
    symbol = symbol_plan(profile, [style], seed, icons=icons)[0]
    return render_mark(style, profile, palette, typography, fonts=fonts, seed=seed, variant=variant, symbol=symbol).svg


# PLR0913: the concept's place, style, drawing and words, the kit parts its prompt is written from, and its symbol
def _concept(  # noqa: PLR0913
    *,
    index: int,
    style: LogoStyle,
    mark: Mark,
    description: str,
    rationale: str,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    symbol: KitSymbol | None,
) -> LogoConcept:
    return LogoConcept(
        id=f'logo-{index + 1}',
        style=style,
        description=description,
        rationale=rationale,
        color_scheme=list(mark.colors),
        prompt_used=image_prompt(
            style, description=description, mark=mark, profile=profile, palette=palette, typography=typography
        ),
        svg=mark.svg,
        image_url=data_uri(mark.svg),
        variants=mark.files.variants,
        dark_background=mark.files.dark_background,
        legibility=mark.files.legibility,
        symbol=symbol.choice.icon if symbol is not None else None,
    )


# PLR0913: the model's words (style, description, rationale), the kit parts every concept is drawn from (profile,
# palette, typography, fonts, seed), its place (index) and its symbol; all but the style are keyword-only.
def logo_concept_from(  # noqa: PLR0913
    style: LogoStyle,
    *,
    description: str,
    rationale: str,
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    fonts: FontLibrary,
    seed: int,
    index: int,
    symbol: KitSymbol | None = None,
) -> LogoConcept:
    """A concept written elsewhere (a language model's style, description and rationale), drawn with the kit's
    palette and heading font. `index` is its 0-based place in the kit: it names the concept and varies the
    composition when a style repeats. `symbol` is the one `symbol_plan` gave it over the kit's styles (None: a
    hand-drawn symbol); the rationale says where it came from, and the concept records its icon."""
    mark = render_mark(style, profile, palette, typography, fonts=fonts, seed=seed, variant=index, symbol=symbol)
    rationale = ' '.join(rationale.split())
    if symbol is not None and symbol.choice.rationale not in rationale:
        rationale = f'{rationale} The symbol is {symbol.choice.rationale}.'.strip()
    return _concept(
        index=index,
        style=style,
        mark=mark,
        description=' '.join(description.split()),
        rationale=rationale,
        profile=profile,
        palette=palette,
        typography=typography,
        symbol=symbol,
    )


# PLR0913: the kit parts every concept is drawn from (profile, palette, typography, count, seed), the engines (fonts,
# icons) and the icons to leave alone (taken by other concepts, avoided when made again, shown by earlier versions);
# all keyword-only after seed.
def build_offline_logos(  # noqa: PLR0913
    profile: CompanyProfile,
    palette: ColorPalette,
    typography: Typography,
    count: int,
    seed: int,
    *,
    fonts: FontLibrary,
    icons: IconLibrary,
    taken: Collection[str] = (),
    avoid: Collection[str] = (),
    shown: Sequence[Collection[str]] = (),
) -> list[LogoConcept]:
    """`count` concepts cycling through all six styles (brief-led order) before any style repeats; the concepts that
    draw a symbol each get their own (none of the icons in `taken`, and the icons in `avoid`, then those of `shown`,
    only when nothing else fits)."""
    order = style_order(profile, rng_for(profile, seed, 'logos'))
    styles = [order[index % len(order)] for index in range(count)]
    plan = symbol_plan(profile, styles, seed, icons=icons, taken=taken, avoid=avoid, shown=shown)
    concepts = []
    for index, (style, symbol) in enumerate(zip(styles, plan, strict=True)):
        mark = render_mark(
            style, profile, palette, typography, fonts=fonts, seed=seed, variant=index // len(order), symbol=symbol
        )
        concepts.append(
            _concept(
                index=index,
                style=style,
                mark=mark,
                description=_description(style, mark, profile, symbol),
                rationale=_rationale(style, mark, profile, palette, typography, symbol=symbol),
                profile=profile,
                palette=palette,
                typography=typography,
                symbol=symbol,
            )
        )
    return concepts


@dataclass(kw_only=True, slots=True, frozen=True)
class DrawnBefore:
    """The symbols of the concepts a kit had before its logos are made again: what the new ones must leave alone."""

    avoid: frozenset[str] = frozenset()  # icons of the concepts made again: drawn again only when nothing else fits
    taken: frozenset[str] = frozenset()  # icons of the locked concepts, which stay: never drawn by a new one
    # the icons each earlier version of the kit drew, the most recent first: drawn again just before those of `avoid`
    shown: tuple[frozenset[str], ...] = ()


def _symbols(profile: CompanyProfile, concepts: Sequence[LogoConcept], icons: IconLibrary) -> list[NamedSymbol | None]:
    """The symbol each concept drew: the one its recorded icon belongs to; for a concept that recorded none (saved
    before concepts did, or drawn without an icon) the one its description or rationale names, if any."""
    found = symbols_drawn(profile, [concept.symbol for concept in concepts], library=icons)
    unrecorded = [index for index, concept in enumerate(concepts) if concept.symbol is None]
    if unrecorded:
        texts = [f'{concepts[index].description}\n{concepts[index].rationale}' for index in unrecorded]
        for index, named in zip(unrecorded, symbols_named(profile, texts, library=icons), strict=True):
            found[index] = named
    return found


def drawn_before(
    profile: CompanyProfile,
    concepts: Sequence[LogoConcept],
    locked: Collection[int],
    *,
    icons: IconLibrary,
    shown: Sequence[Sequence[LogoConcept]] = (),
) -> DrawnBefore:
    """What the kit's `concepts` drew (`_symbols`). A concept made again passes on the icon it drew (when it did not
    record one, the icons its symbol is picked from); a `locked` one every icon of its symbol's concept, so no new
    concept draws the same idea. `shown`: the concepts of the kit's earlier versions, the most recent first, each
    passing on the icon it drew as a concept made again does."""
    # one reading of the profile for every version's concepts
    symbols = _symbols(profile, [*concepts, *(concept for version in shown for concept in version)], icons)
    avoid: set[str] = set()
    taken: set[str] = set()
    for index, symbol in enumerate(symbols[: len(concepts)]):
        if symbol is None:
            continue
        if index in locked:
            taken.update(symbol.icons)
        else:
            avoid.update(symbol.likely)
    earlier = _by_version(symbols[len(concepts) :], [len(version) for version in shown])
    return DrawnBefore(avoid=frozenset(avoid | taken), taken=frozenset(taken), shown=earlier)


def _by_version(symbols: Sequence[NamedSymbol | None], sizes: Sequence[int]) -> tuple[frozenset[str], ...]:
    """The icons each version drew, from its concepts' symbols laid end to end (`sizes`: how many each had)."""
    versions: list[frozenset[str]] = []
    for size in sizes:
        drawn, symbols = symbols[:size], symbols[size:]
        versions.append(frozenset(icon for symbol in drawn if symbol is not None for icon in symbol.likely))
    return tuple(versions)
