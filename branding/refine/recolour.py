"""Logo concepts redrawn in a kit's new palette: after a picked colour or a palette instruction, every concept's tile,
files (full colour, reversed, one-colour, icon), traced painting and the words that name its colours follow the new
palette, so the board, mockups, favicons and logo pack drawn from them do too.

A mark is drawn from inks, the palette's colours by the job they do (paper, ink, brand, on-brand, support, spark,
muted: `Inks`), and each colourway draws the same composition in its own inks. Its geometry does not depend on them, so
each colourway is redrawn by giving every ink's colour the colour the same ink has in the new palette: the full-colour
files take the new light inks, the reversed file the new reversed inks (each lifted to 4.5:1 against the dark
backgrounds, as the engine lifts them), the one-colour files stay black and white. Two guards keep what a fresh drawing
would promise: lettering drawn in the brand colour keeps 3:1 on the paper (a new brand too pale for it takes the light
theme's primary, the palette's own brand colour for text), and every ink of a reversed file is lifted again against
the new backgrounds. A concept whose mark is its painting's trace gets its trace recoloured and its files made again
from it."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from branding.design.color import contrast_ratio, ensure_contrast, relative_luminance
from branding.design.marks.inks import REVERSED_CONTRAST, Inks
from branding.design.marks.variants import PAINT, STUDIO_DARK, colourways, dark_background
from branding.images.kit_paintings import PAPER
from branding.images.trace_mark import trace_files, uses_trace
from branding.models import BrandKit, ColorPalette, LogoConcept, LogoVariants
from branding.sections.logos import data_uri

INK_ORDER = ('paper', 'ink', 'brand', 'on_brand', 'support', 'spark', 'muted')  # the first ink wins a shared colour
ROLES = ('primary', 'secondary', 'accent', 'neutral')
LETTERING_CONTRAST = 3.0  # Inks.wordmark_color: lettering in the brand colour needs this on the paper
HEX = re.compile(r'#[0-9a-fA-F]{6}\b')
MASK = re.compile(r'(<mask\b.*?</mask>)', re.DOTALL)
LIGHT_FILES = ('primary', 'icon')


def ink_map(old: Inks, new: Inks) -> dict[str, str]:
    """Each old ink's colour -> the same ink's new colour. A colour that did two jobs keeps the first job's new colour
    (INK_ORDER: the paper before anything drawn on it, the text colour before the brand colour)."""
    mapping: dict[str, str] = {}
    for name in INK_ORDER:
        mapping.setdefault(str(getattr(old, name)).lower(), str(getattr(new, name)).lower())
    return mapping


def _lettering_brand(new: Inks, palette: ColorPalette) -> str:
    """A brand colour lettering can be drawn in on the paper (3:1): the light theme's primary when it is one, else the
    brand colour moved just far enough, else the text colour."""
    themed = palette.light.primary if palette.light is not None else new.brand
    if contrast_ratio(themed, new.paper) >= LETTERING_CONTRAST:
        return themed
    try:
        return ensure_contrast(new.brand, new.paper, LETTERING_CONTRAST)[0]
    except ValueError:
        return new.ink


def light_inks(old_palette: ColorPalette, new_palette: ColorPalette) -> tuple[Inks, Inks]:
    """(the old full-colour inks, the new ones); lettering that was in the brand colour keeps its 3:1 on the paper."""
    old, new = Inks.from_palette(old_palette), Inks.from_palette(new_palette)
    lettered = old.wordmark_color() == old.brand != old.ink
    if lettered and new.wordmark_color() != new.brand:
        new = replace(new, brand=_lettering_brand(new, new_palette))
    return old, new


def backgrounds(palette: ColorPalette) -> tuple[str, ...]:
    """The dark backgrounds a reversed mark is drawn for (the first) and shown on."""
    return tuple(dict.fromkeys((dark_background(palette), STUDIO_DARK)))


def _reversed_inks(palette: ColorPalette) -> Inks:
    return next(way.inks for way in colourways(palette, Inks.from_palette(palette)) if way.name == 'reversed')


def _painted(svg: str, paint: Callable[[re.Match[str]], str]) -> str:
    """`svg` with `paint` applied to every fill and stroke outside its knockout masks (a mask's black and white say
    what is cut away, not what colour anything is)."""
    parts = MASK.split(svg)
    return ''.join(part if MASK.fullmatch(part) else PAINT.sub(paint, part) for part in parts)


def recoloured(svg: str, mapping: dict[str, str]) -> str:
    """`svg` with every fill and stroke colour in `mapping` given its new colour (the rest kept)."""
    return _painted(svg, lambda match: f'{match.group(1)}="{mapping.get(match.group(2).lower(), match.group(2))}"')


def lifted_on(svg: str, grounds: tuple[str, ...]) -> str:
    """`svg` with every fill and stroke lifted to 4.5:1 against the lightest of the dark `grounds` (white when no
    lightness of its hue gets there), as the engine lifts a reversed mark's inks."""
    lightest = max(grounds, key=relative_luminance)

    def lift(match: re.Match[str]) -> str:
        try:
            colour = ensure_contrast(match.group(2).lower(), lightest, REVERSED_CONTRAST)[0]
        except ValueError:
            colour = '#ffffff'
        return f'{match.group(1)}="{colour}"'

    return _painted(svg, lift)


@dataclass(kw_only=True, slots=True, frozen=True)
class Recolouring:
    """Every colour of the old palette a concept may use, and what it becomes."""

    light: dict[str, str]  # the full-colour files' inks
    reversed: dict[str, str]  # the reversed file's inks
    words: dict[str, str]  # role and ink colours as prose and prompts name them
    names: dict[str, str]  # 'Jade (#0f766e)' -> 'Mint (#00aa77)', as rationales name the colours
    palette: ColorPalette  # the new palette
    grounds: tuple[str, ...]  # the new dark backgrounds

    @classmethod
    def between(cls, old: ColorPalette, new: ColorPalette) -> Recolouring:
        light = ink_map(*light_inks(old, new))
        roles = {str(getattr(old, role)).lower(): str(getattr(new, role)).lower() for role in ROLES}
        old_roles = {role.role: role for role in old.roles}
        names = {
            f'{old_roles[role.role].name} ({old_roles[role.role].hex})': f'{role.name} ({role.hex})'
            for role in new.roles
            if role.role in old_roles and old_roles[role.role].name and role.name
        }
        return cls(
            light=light,
            reversed=ink_map(_reversed_inks(old), _reversed_inks(new)),
            words=light | roles,
            names=names,
            palette=new,
            grounds=backgrounds(new),
        )

    def text(self, words: str) -> str:
        for old, new in self.names.items():
            words = words.replace(old, new)
        return HEX.sub(lambda match: self.words.get(match.group(0).lower(), match.group(0)), words)

    def trace(self, svg: str) -> str:
        """A painting's trace (drawn in the concept's inks, the palette's roles and white paper) in the new colours."""
        return recoloured(svg, self.light | self.words | {PAPER: PAPER})

    def variants(self, variants: LogoVariants) -> LogoVariants:
        files = variants.model_dump()
        for name in LIGHT_FILES:
            files[name] = recoloured(files[name], self.light)
        files['reversed'] = lifted_on(recoloured(files['reversed'], self.reversed), self.grounds)
        return LogoVariants.model_validate(files)  # the one-colour files are black and white whatever the palette


def _redrawn_trace(concept: LogoConcept, change: Recolouring, name: str) -> LogoConcept:
    traced = change.trace(concept.traced_svg or concept.svg)
    files = trace_files(traced, palette=change.palette, name=name)
    return concept.model_copy(
        update={
            'svg': traced,
            'traced_svg': traced,
            'variants': files.variants,
            'legibility': files.legibility,
            'dark_background': files.dark_background,
        }
    )


def redrawn(concept: LogoConcept, change: Recolouring, *, name: str) -> LogoConcept:
    """The concept in the new palette: its files, tile, traced painting, colour list and the words naming colours."""
    words = {
        'color_scheme': [change.light.get(colour.lower(), colour.lower()) for colour in concept.color_scheme],
        'rationale': change.text(concept.rationale),
        'prompt_used': change.text(concept.prompt_used),
    }
    if uses_trace(concept):
        return _redrawn_trace(concept.model_copy(update=words), change, name)
    svg = recoloured(concept.svg, change.light)
    update: dict[str, object] = {**words, 'svg': svg}
    if concept.image_url.startswith('data:image/svg+xml'):  # not a painting: the tile itself
        update['image_url'] = data_uri(svg)
    if concept.variants is not None:
        update['variants'] = change.variants(concept.variants)
        update['dark_background'] = change.grounds[0]
    if concept.traced_svg:
        update['traced_svg'] = change.trace(concept.traced_svg)
    return concept.model_copy(update=update)


def logos_in_palette(before: BrandKit, after: BrandKit, *, only: Collection[int] | None = None) -> BrandKit:
    """`after` (a copy) with its logo concepts (those at `only`, or all) redrawn in its palette when it differs from the
    palette `before` drew them in; `after` itself when the palette is the same."""
    old, new = before.color_palette, after.color_palette
    if old is None or new is None or old == new or not after.logos:
        return after
    change = Recolouring.between(old, new)
    name = after.company_name or 'Brand'
    logos = [
        redrawn(concept, change, name=name) if only is None or index in only else concept
        for index, concept in enumerate(after.logos)
    ]
    return after.model_copy(update={'logos': logos})
