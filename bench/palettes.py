"""Palettes over the corpus, as a designer would judge them: `python -m bench.palettes`.

For 26 very different companies and three seeds each: how far apart (OKLab ΔE) the secondary and the accent lie from
each other and from the primary, how many brand colours are disliked dark yellow-greens, how many pairs of kits from
different sectors share a near-identical primary+secondary+accent, and which accent hues each sector gets.
"""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from PIL import Image, ImageDraw, ImageFont

from bench.corpus import corpus_profiles
from branding.design.color import to_oklch
from branding.design.palette.dislike import is_disliked
from branding.design.palette.distinct import MIN_ROLE_DISTANCE, NEAR_IDENTICAL_DISTANCE, role_pairs, triple_distance
from branding.design.psychology import hue_family, read_color_intent
from branding.models import ColorPalette, CompanyProfile
from branding.sections.palette import build_offline_palette

SEEDS = (0, 1, 2)
BRAND_ROLES = ('primary', 'secondary', 'accent')


@dataclass(kw_only=True, slots=True)
class Kit:
    name: str
    sector: str
    seed: int
    palette: ColorPalette

    @property
    def triple(self) -> tuple[str, str, str]:
        return self.palette.primary, self.palette.secondary, self.palette.accent


def sector_of(profile: CompanyProfile) -> str:
    """The association that chose the primary's hue: the palette's reading of the company's sector."""
    match = read_color_intent(profile).hue_match
    return match.association.id if match else 'unmatched'


def corpus_kits(seeds: tuple[int, ...] = SEEDS) -> list[Kit]:
    return [
        Kit(name=profile.name, sector=sector_of(profile), seed=seed, palette=build_offline_palette(profile, seed))
        for profile in corpus_profiles()
        for seed in seeds
    ]


def brand_colors(palette: ColorPalette) -> list[str]:
    """Every brand colour a user sees: the bases and the colours the light and dark themes use for them."""
    colors = [palette.primary, palette.secondary, palette.accent]
    for theme in (palette.light, palette.dark):
        if theme is not None:
            colors += [theme.primary, theme.secondary, theme.accent]
    return colors


def disliked_count(kits: list[Kit]) -> int:
    return sum(is_disliked(color) for kit in kits for color in brand_colors(kit.palette))


def near_identical_pairs(kits: list[Kit]) -> list[tuple[Kit, Kit, float]]:
    """Pairs of kits from different sectors whose primary, secondary and accent are each within the threshold."""
    pairs = []
    for first, second in combinations(kits, 2):
        if first.sector != second.sector:
            distance = triple_distance(first.triple, second.triple)
            if distance < NEAR_IDENTICAL_DISTANCE:
                pairs.append((first, second, distance))
    return pairs


def role_distances(kits: list[Kit]) -> dict[tuple[str, str], list[float]]:
    distances: dict[tuple[str, str], list[float]] = defaultdict(list)
    for kit in kits:
        colors = {role: getattr(kit.palette, role) for role in BRAND_ROLES}
        for pair in role_pairs(colors):
            distances[(pair.first, pair.second)].append(pair.distance)
    return distances


def accent_hues_by_sector(kits: list[Kit]) -> dict[str, list[str]]:
    hues: dict[str, list[str]] = defaultdict(list)
    for kit in kits:
        lightness, chroma, hue = to_oklch(kit.palette.accent)
        hues[kit.sector].append(f'{hue:.0f}° {hue_family(lightness, chroma, hue)}')
    return dict(sorted(hues.items()))


SWATCH = 56  # px per colour in the contact sheet
LABEL_WIDTH = 300


def render_sheet(kits: list[Kit], path: str) -> None:
    """One row per kit: primary, secondary, accent, neutral, then the light theme's primary and accent on its
    background, labelled with the industry (Latin, so the default font has the glyphs) and seed."""
    font = ImageFont.load_default(size=13)
    sheet = Image.new('RGB', (LABEL_WIDTH + SWATCH * 7, SWATCH * len(kits)), '#ffffff')
    draw = ImageDraw.Draw(sheet)
    profiles = {profile.name: profile for profile in corpus_profiles()}
    for row, kit in enumerate(kits):
        top = row * SWATCH
        palette = kit.palette
        draw.text((6, top + 8), f'{profiles[kit.name].industry[:34]} #{kit.seed}', fill='#111111', font=font)
        draw.text((6, top + 28), kit.sector, fill='#555555', font=font)
        colors = [palette.primary, palette.secondary, palette.accent, palette.neutral]
        for column, color in enumerate(colors):
            left = LABEL_WIDTH + column * SWATCH
            draw.rectangle((left, top, left + SWATCH - 1, top + SWATCH - 2), fill=color)
        if palette.light is not None:
            left = LABEL_WIDTH + 4 * SWATCH
            draw.rectangle((left, top, left + 3 * SWATCH - 1, top + SWATCH - 2), fill=palette.light.background)
            draw.rectangle((left + 8, top + 10, left + 90, top + 44), fill=palette.light.primary)
            draw.rectangle((left + 100, top + 10, left + 160, top + 44), fill=palette.light.accent)
    sheet.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--seeds', type=int, default=len(SEEDS), help='seeds per company (0, 1, ...)')
    parser.add_argument('--png', help='also draw every palette as a swatch strip into this PNG file')
    args = parser.parse_args()
    kits = corpus_kits(tuple(range(args.seeds)))
    report(kits, args.seeds)
    if args.png:
        render_sheet(kits, args.png)
        print(f'swatch strips: {args.png}')


def report(kits: list[Kit], seeds: int) -> None:
    """The corpus figures: role distances against their thresholds, disliked hues, near-identical triples across
    sectors and the accent hues each sector gets (bench.language prints them too)."""
    print(f'{len(kits)} palettes: {len(kits) // seeds} companies x {seeds} seeds')
    print(f'{"OKLab ΔE":<22}{"minimum":>9}{"median":>9}{"threshold":>11}{"below":>7}')
    for pair, distances in role_distances(kits).items():
        threshold = MIN_ROLE_DISTANCE[pair]
        below = sum(distance < threshold for distance in distances)
        print(
            f'{" - ".join(pair):<22}{min(distances):>9.3f}{statistics.median(distances):>9.3f}{threshold:>11.2f}'
            f'{below:>7}'
        )
    colors = sum(len(brand_colors(kit.palette)) for kit in kits)
    print(f'disliked dark yellow-greens (HCT): {disliked_count(kits)} of {colors} brand colours')
    pairs = near_identical_pairs(kits)
    print(f'near-identical triples across sectors (every role within ΔE {NEAR_IDENTICAL_DISTANCE}): {len(pairs)}')
    for first, second, distance in pairs[:10]:
        print(
            f'  {first.name} ({first.sector}, seed {first.seed}) ~ {second.name} ({second.sector}, seed '
            f'{second.seed}): {distance:.3f}'
        )
    print('accent hue per sector:')
    for sector, hues in accent_hues_by_sector(kits).items():
        print(f'  {sector:<14}{", ".join(hues)}')


if __name__ == '__main__':
    main()
