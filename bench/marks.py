"""How meaningful and how varied the marks' symbols are over very different companies: `python -m bench.marks`.

Over bench/corpus.py's profiles, offline kits of 3 variations on a few seeds: symbol diversity (the most frequent
symbol's share of kits, how many distinct symbols, which ones recur across companies and where), where each
symbol-led concept's symbol came from (the company's own words, a sector or company-type default, or the hand-drawn
set when nothing was chosen) and the time per kit; how legible the concepts' icons are at 16 and 32 px (as the kit
measures them) and the time the logo pack of one kit takes to render. `--sheet out.png` also renders a contact sheet
to judge by eye: each symbol-led concept at 512 px, and each symbol alone, in a disc and cut out of one at 32 px.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import random
import statistics
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from bench.corpus import corpus_profiles
from branding.design.font_files import FontLibrary
from branding.design.marks.inks import Inks
from branding.design.marks.pictograms import Composition, pictogram
from branding.design.scripts import font_path, own_font
from branding.design.symbols.choose import KitSymbol
from branding.design.symbols.icon_set import IconLibrary
from branding.export import export_kit
from branding.exports import vips_raster
from branding.exports.favicons import favicon_set
from branding.exports.logo_pack import PACK_WIDTHS, VARIANT_NAMES, render_pool, site_colors
from branding.exports.png import clear_render_cache, draw_png, render_png
from branding.models import BrandingRequest, BrandKit, CompanyProfile
from branding.orchestrator import generate_kit
from branding.sections.logos import symbol_plan
from branding.settings import Settings

OWN_WORDS = frozenset({'name', 'industry', 'description', 'audience', 'values', 'icon'})
DEFAULTS = frozenset({'sector', 'company_type'})
TARGET_MS = 100.0  # the offline kit of 3 variations, median (issue 13)
PACK_TARGET_S = 2.0  # the logo pack of one kit of 3 variations (issue 13)
PACK_KITS = 3  # kits whose pack is timed
T = TypeVar('T')
SMALL: tuple[Composition, ...] = ('bare', 'disc', 'cut-disc')


@dataclass(kw_only=True, slots=True)
class Tally:
    kits: int = 0
    concepts: int = 0  # symbol-led concepts: pictorial, combination, emblem
    origins: Counter[str] = field(default_factory=Counter)
    kits_with: Counter[str] = field(default_factory=Counter)  # icon -> kits drawing it
    companies: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    timings_ms: list[float] = field(default_factory=list)
    choice_ms: list[float] = field(default_factory=list)  # choosing the kit's symbols (symbol_plan) alone

    def add(self, profile: CompanyProfile, plan: list[KitSymbol | None], styles_led: int) -> None:
        self.kits += 1
        self.concepts += styles_led
        drawn = [symbol for symbol in plan if symbol is not None]
        self.origins['hand-drawn'] += styles_led - len(drawn)
        for symbol in drawn:
            origin = symbol.choice.origin
            self.origins['own words' if origin in OWN_WORDS else 'defaults' if origin in DEFAULTS else origin] += 1
        for icon in {symbol.choice.icon for symbol in drawn}:
            self.kits_with[icon] += 1
            self.companies[icon].add(profile.name)


async def _kit(profile: CompanyProfile, seed: int, fonts: FontLibrary, icons: IconLibrary) -> tuple[BrandKit, float]:
    request = BrandingRequest(company_profile=profile, num_variations=3, seed=seed)
    started = time.perf_counter()
    kit = await generate_kit(request, fonts=fonts, icons=icons)
    return kit, (time.perf_counter() - started) * 1000


def _plan(kit: BrandKit, profile: CompanyProfile, icons: IconLibrary) -> tuple[list[KitSymbol | None], int]:
    """The symbols the kit's concepts drew: the same plan the logo section made (it is a pure function of the
    profile, the styles and the seed)."""
    styles = [logo.style for logo in kit.logos]
    plan = symbol_plan(profile, styles, kit.seed if kit.seed is not None else 0, icons=icons)
    led = sum(style.value in ('pictorial', 'combination', 'emblem') for style in styles)
    return plan, led


async def measure(
    seeds: int, fonts: FontLibrary, icons: IconLibrary
) -> tuple[Tally, list[tuple[CompanyProfile, BrandKit]]]:
    tally = Tally()
    kits: list[tuple[CompanyProfile, BrandKit]] = []
    profiles = corpus_profiles()
    await _kit(profiles[0], 0, fonts, icons)  # warm-up: the icon index, fonts, colour tables
    for seed in range(1, seeds + 1):
        for profile in profiles:
            kit, elapsed = await _kit(profile, seed, fonts, icons)
            tally.timings_ms.append(elapsed)
            started = time.perf_counter()
            plan, led = _plan(kit, profile, icons)
            tally.choice_ms.append((time.perf_counter() - started) * 1000)
            tally.add(profile, plan, led)
            kits.append((profile, kit))
    return tally, kits


def report(tally: Tally, companies: int) -> None:
    top, top_kits = tally.kits_with.most_common(1)[0] if tally.kits_with else ('-', 0)
    repeated = sorted(
        ((icon, names) for icon, names in tally.companies.items() if len(names) > 1), key=lambda item: -len(item[1])
    )
    median = statistics.median(tally.timings_ms)
    print(
        f'symbols over {companies} companies, {tally.kits} offline kits of 3 variations ({tally.concepts} symbol-led)'
    )
    print(f'{"figure":<44}{"value":>12}')
    print(f'{"most frequent symbol":<44}{top:>12}')
    print(f'{"  its share of kits":<44}{top_kits / max(tally.kits, 1):>12.1%}')
    print(f'{"  companies drawing it":<44}{len(tally.companies.get(top, ())):>12}')
    print(f'{"distinct symbols":<44}{len(tally.kits_with):>12}')
    print(f'{"symbols shared by two or more companies":<44}{len(repeated):>12}')
    for origin in ('own words', 'defaults', 'hand-drawn'):
        print(f'{"symbol-led concepts, " + origin:<44}{tally.origins[origin] / max(tally.concepts, 1):>12.1%}')
    print(f'{"median ms per kit (target " + f"{TARGET_MS:.0f})":<44}{median:>12.1f}')
    print(f'{"  ratio to target":<44}{median / TARGET_MS:>12.2f}')
    print(f'{"p90 ms per kit":<44}{statistics.quantiles(tally.timings_ms, n=10)[-1]:>12.1f}')
    print(f'{"median ms per kit choosing its symbols":<44}{statistics.median(tally.choice_ms):>12.2f}')
    if repeated:
        print('\nsymbols more than one company draws:')
        for icon, names in repeated:
            print(f'  {icon:<24}{", ".join(sorted(names))}')


def legibility_report(kits: list[tuple[CompanyProfile, BrandKit]]) -> None:
    """The icons' legibility as the kit measured it: how many pass, their finest detail at 32 px, how many were
    redrawn to pass."""
    checks = [logo.legibility for _, kit in kits for logo in kit.logos if logo.legibility is not None]
    if not checks:
        return
    at_32 = [size.smallest_feature_px for check in checks for size in check.icon if size.size_px == 32]
    at_16 = [size.smallest_feature_px for check in checks for size in check.icon if size.size_px == 16]
    fill = [size.fill for check in checks for size in check.icon if size.size_px == 32]
    redrawn = sum(check.icon_source.startswith('redrawn') for check in checks)
    print(f"\nlegibility of {len(checks)} concepts' icons (one-colour files)")
    print(f'{"icons passing at 16 and 32 px":<44}{sum(check.passes for check in checks) / len(checks):>12.1%}')
    print(f'{"  of them redrawn to pass or as the best try":<44}{redrawn / len(checks):>12.1%}')
    print(f'{"median finest detail at 32 px (px)":<44}{statistics.median(at_32):>12.2f}')
    print(f'{"median finest detail at 16 px (px)":<44}{statistics.median(at_16):>12.2f}')
    print(f'{"median share of the square the symbol spans":<44}{statistics.median(fill):>12.1%}')
    lockups = sum(check.lockup_passes for check in checks)
    print(f'{"lockups with no detail under 0.75 px at 120 px":<44}{lockups / len(checks):>12.1%}')


def every_png_drawn(kit: BrandKit) -> dict[str, bytes]:
    """The pack's PNGs as they were made before: every logo file drawn by resvg at every width, and the favicon set."""
    pngs: dict[str, bytes] = {}
    for number, logo in enumerate(kit.logos, 1):
        if logo.variants is None:
            continue
        for key, svg in logo.variants.model_dump().items():
            pngs |= {f'{number}/{key}-{width}.png': draw_png(svg, width) for width in PACK_WIDTHS}
        pngs |= {
            f'{number}/favicon/{name}': data
            for name, data in favicon_set(logo, name='x', colors=site_colors(kit)).items()
        }
    return pngs


def _timed(make: Callable[[], T]) -> tuple[T, float, float]:
    """What `make` returns, its wall seconds and the CPU seconds of this process and its children (the render
    workers), from nothing (the PNG cache cleared)."""
    clear_render_cache()
    wall, cpu = time.perf_counter(), time.process_time() + children_cpu()
    made = make()
    return made, time.perf_counter() - wall, time.process_time() + children_cpu() - cpu


def children_cpu() -> float:
    """CPU seconds the live child processes of this one (the render workers) have used, from /proc (0 without)."""
    ticks = os.sysconf('SC_CLK_TCK') if hasattr(os, 'sysconf') else 100
    total = 0
    for stat in Path('/proc').glob('[0-9]*/stat'):
        try:
            fields = stat.read_text().rsplit(')', 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == os.getpid():  # fields after the name: state, ppid, ..., utime (12), stime (13)
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def _png_bytes(files: Mapping[str, bytes]) -> int:
    return sum(len(data) for name, data in files.items() if name.endswith('.png'))


def _zipped_png_bytes(archive: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return sum(info.file_size for info in opened.infolist() if info.filename.endswith('.png'))


def pack_report(kits: list[tuple[CompanyProfile, BrandKit]], fonts: FontLibrary, icons: IconLibrary) -> None:
    """The logo pack of a few kits three ways, each from nothing (the PNG cache cleared): every PNG drawn by resvg
    (as before: the baseline, without the archive), the pack made in this process (its CPU is the work) and the
    pack with its renders shared out to the worker processes the service keeps (the API's export)."""
    pool = render_pool()
    timed = [kit for _, kit in kits[1 : PACK_KITS + 1]]
    if pool is not None:  # the service's workers are forked once, on its first pack: not a figure of any pack
        export_kit(kits[0][1], 'logo-pack', fonts=fonts, icons=icons, renders=pool)
    rows: dict[str, list[tuple[float, float, int]]] = {'before': [], 'inline': [], 'pool': []}
    for kit in timed:
        drawn, wall, cpu = _timed(partial(every_png_drawn, kit))
        rows['before'].append((wall, cpu, _png_bytes(drawn)))
        made, wall, cpu = _timed(partial(export_kit, kit, 'logo-pack', fonts=fonts, icons=icons))
        rows['inline'].append((wall, cpu, _zipped_png_bytes(made[0])))
        if pool is not None:
            made, wall, cpu = _timed(partial(export_kit, kit, 'logo-pack', fonts=fonts, icons=icons, renders=pool))
            rows['pool'].append((wall, cpu, _zipped_png_bytes(made[0])))
    if pool is not None:
        pool.shutdown()
    before_wall = statistics.median(wall for wall, _, _ in rows['before'])
    before_cpu = statistics.median(cpu for _, cpu, _ in rows['before'])
    print(f'\nlogo pack of one kit of 3 variations, median of {len(timed)} kits (PNG files: {_png_count(timed)} a kit)')
    print(f'{"":<40}{"wall s":>8}{"CPU s":>8}{"PNG kB":>8}{"wall /":>8}{"CPU /":>8}')
    labels = {
        'before': 'every PNG drawn by resvg (before)',
        'inline': 'the pack, in this process',
        'pool': f'the pack, {getattr(pool, "_max_workers", 0)} worker processes (API)',
    }
    for key, label in labels.items():
        if rows[key]:
            wall = statistics.median(row[0] for row in rows[key])
            cpu = statistics.median(row[1] for row in rows[key])
            size = statistics.median(row[2] for row in rows[key]) / 1000
            print(f'{label:<40}{wall:>8.2f}{cpu:>8.2f}{size:>8.0f}{before_wall / wall:>7.2f}x{before_cpu / cpu:>7.2f}x')
    print('(CPU: this process and its render workers; the ratios are before over each; before has no archive)')
    drawer = 'libvips, in threads of this process' if vips_raster.available() else 'resvg (libvips is not installed)'
    print(f'(PNGs {vips_raster.MIN_WIDTH} px wide and more drawn by {drawer})')
    final = statistics.median(row[0] for row in rows['pool'] or rows['inline'])
    print(f'{"the pack, wall s (target " + f"{PACK_TARGET_S:.0f})":<40}{final:>8.2f}')
    print(f'{"  ratio to target":<40}{final / PACK_TARGET_S:>8.2f}')


def _png_count(kits: list[BrandKit]) -> int:
    return len(PACK_WIDTHS) * len(VARIANT_NAMES) * max(len(kit.logos) for kit in kits) if kits else 0


def _caption_fonts(fonts: FontLibrary, name: str) -> tuple[Path | None, Path | None]:
    """The font a company's name is captioned in (its script's own, for a Japanese or Arabic name) and the Latin
    one for the rest, from the installed font set: Pillow's default face has no CJK or Arabic, the names were tofu."""
    latin = fonts.file('Noto Sans')
    own = next((font for font in map(own_font, name) if font is not None), None)
    return (font_path(fonts, own) if own else latin), latin


def contact_sheet(
    kits: list[tuple[CompanyProfile, BrandKit]], icons: IconLibrary, fonts: FontLibrary, path: Path, limit: int
) -> None:
    """Each company's symbol-led concepts at 512 px and its symbols alone at 32 px, one row per company."""
    from PIL import Image, ImageDraw, ImageFont  # noqa: PLC0415  # only the sheet needs Pillow

    chosen: dict[str, tuple[CompanyProfile, BrandKit]] = {}
    for profile, kit in kits:
        chosen.setdefault(profile.name, (profile, kit))
    rows = list(chosen.values())[:limit]
    tile_w, tile_h, label = 512, 342, 26
    sheet = Image.new('RGB', (tile_w * 3 + 3 * 40 * 3 + 40, len(rows) * (tile_h + label)), 'white')
    draw = ImageDraw.Draw(sheet)
    for row, (profile, kit) in enumerate(rows):
        top = row * (tile_h + label)
        plan, _ = _plan(kit, profile, icons)
        name_font, latin_font = _caption_fonts(fonts, profile.name)
        named = ImageFont.truetype(str(name_font), 14) if name_font else ImageFont.load_default()
        rest = ImageFont.truetype(str(latin_font), 14) if latin_font else ImageFont.load_default()
        # on a shared baseline: Arabic's dots below it and Japanese's taller glyphs stay inside the caption's band
        baseline = top + label - 6
        draw.text((6, baseline), profile.name, fill='black', font=named, anchor='ls')
        after = 12 + draw.textlength(profile.name, font=named)
        draw.text((after, baseline), f'({profile.industry})', fill='black', font=rest, anchor='ls')
        led = [(logo, symbol) for logo, symbol in zip(kit.logos, plan, strict=True) if symbol is not None]
        for column, (logo, symbol) in enumerate(led[:3]):
            big = Image.open(io.BytesIO(render_png(logo.svg, tile_w))).convert('RGB')
            sheet.paste(big, (column * tile_w, top + label))
            inks = Inks.from_palette(kit.color_palette) if kit.color_palette else None
            if inks is None:
                continue
            for index, composition in enumerate(SMALL):
                drawn = pictogram(symbol, inks, weight=600, composition=composition, rng=random.Random(0))
                if drawn is None:
                    continue
                svg = (
                    f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-6 -6 112 112" width="112" height="112">'
                    f'<rect x="-6" y="-6" width="112" height="112" fill="{inks.paper}"/>{drawn.body}</svg>'
                )
                small = Image.open(io.BytesIO(render_png(svg, 32))).convert('RGB')
                sheet.paste(small, (3 * tile_w + 10 + index * 40 + column * 130, top + label + 20))
    sheet.save(path)
    print(f'\ncontact sheet of {len(rows)} companies: {path}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--seeds', type=int, default=3, help='kits per company, one per seed')
    parser.add_argument('--sheet', type=Path, help='also write a contact sheet PNG here')
    parser.add_argument('--sheet-companies', type=int, default=10)
    args = parser.parse_args()
    settings = Settings()
    fonts = FontLibrary(root=settings.fonts_dir)
    icons = IconLibrary(root=settings.icons_dir)
    if not icons.is_installed:
        print(f'note: {icons.problem}')
    tally, kits = asyncio.run(measure(args.seeds, fonts, icons))
    report(tally, len(corpus_profiles()))
    legibility_report(kits)
    pack_report(kits, fonts, icons)
    if args.sheet:
        contact_sheet(kits, icons, fonts, args.sheet, args.sheet_companies)


if __name__ == '__main__':
    main()
