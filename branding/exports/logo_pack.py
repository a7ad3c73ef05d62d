"""The logo pack: for every concept, each logo file as SVG and as PNG at 512, 1024 and 2048 px wide, its favicon and
app-icon set, and the licences of the fonts and icons the marks are drawn from.

    logo-1-combination/svg/lumen-ledger-primary.svg
    logo-1-combination/png/lumen-ledger-primary-1024.png
    logo-1-combination/favicon/favicon.ico
    LICENSES/fonts.txt, LICENSES/tabler-icons.txt, README.txt

File names are ASCII whatever the company is called: the name's slug (or 'brand' when it has no Latin letters), the
concept's number and style and the file's role.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from PIL import Image

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary, icon_licence_text
from branding.exports import vips_raster
from branding.exports.common import APP_NAME, generated_on, kit_title, slug, zip_archive
from branding.exports.favicons import SiteColors, favicon_set
from branding.exports.licenses import font_licences
from branding.exports.paintings import painting_files
from branding.exports.png import (
    RENDER_ERRORS,
    by_libvips,
    colours_in_place,
    coverage_form,
    draw_with_pixels,
    encode_png,
    flat_colour,
    in_one_colour,
    logo_stem,
    one_hot,
    paint_pattern,
    recoloured,
    render_png,
)
from branding.models import BrandKit, LogoConcept

log = logging.getLogger(__name__)

PACK_WIDTHS = (512, 1024, 2048)
OLD_KIT = 'a kit saved before logo files were made: generate it again for them'
MAX_RENDER_WORKERS = 4  # processes rendering logo packs at most: a pack is some 40 renders
RENDER_THREADS = 2  # threads of a pack making its large PNGs with libvips (which has threads of its own)
P = ParamSpec('P')
T = TypeVar('T')
# each logo file's role, as its file name says it
VARIANT_NAMES = {
    'primary': 'primary',
    'reversed': 'reversed',
    'mono_dark': 'one-colour-black',
    'mono_light': 'one-colour-white',
    'icon': 'icon',
}
VARIANT_USES = {
    'primary': 'full colour, for white and light backgrounds',
    'reversed': 'for dark backgrounds (light lettering; the symbol colours lifted to read on dark)',
    'mono_dark': 'one colour, black: stamps, engraving, fax, one-colour print',
    'mono_light': 'one colour, white: over photographs and strong colours',
    'icon': 'the square symbol, for app icons and avatars (a safe margin all round)',
}
ICON_LICENCE_FILE = 'LICENSES/tabler-icons.txt'


def site_colors(kit: BrandKit) -> SiteColors:
    palette = kit.color_palette
    if palette is None:
        return SiteColors(theme='#111827', background='#ffffff')
    return SiteColors(theme=palette.primary, background=palette.light.background if palette.light else '#ffffff')


def file_prefix(kit: BrandKit) -> str:
    return slug(kit.company_name, fallback='brand')


def png_ladder(svg: str, widths: tuple[int, ...]) -> dict[int, bytes]:
    """`svg` as PNG at each of `widths`. A file libvips draws, or with knocked-out parts (an SVG mask, which costs
    resvg a second drawing of the canvas), is rendered once, at the largest width, and scaled down (see
    scaled_ladder); any other is rendered by resvg at each width, which costs less than decoding and encoding again."""
    if 'mask=' in svg or by_libvips(svg, max(widths)):
        return {width: png for width, (png, _) in scaled_ladder(svg, widths).items()}
    return {width: render_png(svg, width) for width in widths}


def scaled_ladder(svg: str, widths: tuple[int, ...]) -> dict[int, tuple[bytes, Image.Image]]:
    """`svg` as PNG at each of `widths` with its pixels (RGBA): rendered once at the largest width and scaled down by
    whole factors, averaging the pixels each covers (rendering smaller with more samples); a width that is no whole
    factor of the one above it, or that libvips draws (faster than Pillow scales down), is rendered on its own."""
    ordered = sorted(set(widths), reverse=True)
    ladder = {ordered[0]: draw_with_pixels(svg, ordered[0])}
    above = ordered[0]
    for width in ordered[1:]:
        if above % width or by_libvips(svg, width):
            ladder[width] = draw_with_pixels(svg, width)
        else:
            reduced = ladder[above][1].reduce(above // width)
            ladder[width] = (encode_png(reduced), reduced)
        above = width
    return ladder


def families(drawn: Mapping[str, str]) -> list[tuple[tuple[str, str], ...]]:
    """The files (key, svg) in groups rendered together: each group's first is drawn, and the rest cover
    what it covers with their colours in the same places (the colourways are one composition in other inks) or in
    one colour, so they are its pixels recoloured: the PNGs resvg would draw, without drawing them again."""
    groups: list[list[tuple[str, str]]] = []
    by_form: dict[str, list[tuple[str, str]]] = {}  # coverage form -> the group whose first has it
    for key, svg in drawn.items():
        form = coverage_form(svg)
        group = by_form.get(form)
        if group is not None and (flat_colour(svg) is not None or _in_place(group[0][1], svg) is not None):
            group.append((key, svg))
            continue
        groups.append([(key, svg)])
        by_form.setdefault(form, groups[-1])
    return [tuple(group) for group in groups]


def _in_place(first: str, svg: str) -> tuple[str, ...] | None:
    """`svg`'s colours where `first` (a drawing one_hot reads) paints each of its own, or None."""
    basis, pattern = one_hot(first), paint_pattern(first)
    other = paint_pattern(svg)
    if basis is None or pattern is None or other is None:
        return None
    return colours_in_place(pattern, other, basis[1])


def family_ladders(family: tuple[tuple[str, str], ...], widths: tuple[int, ...]) -> dict[str, dict[int, bytes] | None]:
    """The PNGs of one group of `families`: one render at the largest width, scaled down, and every file of the
    group that render recoloured. The render is of the first as it is when the rest are each in one colour, else of
    the first in primaries (one_hot: each channel the weight of one of its colours)."""
    (first, svg), *rest = family
    if not rest:
        return {first: _ladder_or_none(svg, widths)}
    # in primaries only when a file of several colours is among the rest: else the first's own render serves
    basis = None if all(flat_colour(member) is not None for _, member in rest) else one_hot(svg)
    try:
        scaled: dict[int, tuple[bytes, Image.Image]] | None = scaled_ladder(basis[0] if basis else svg, widths)
    except (*RENDER_ERRORS, SyntaxError) as error:  # Pillow reads a broken PNG as a SyntaxError
        log.warning('a logo file could not be rendered: %s', error)
        scaled = None
    ladders: dict[str, dict[int, bytes] | None] = {}
    for key, member in family:
        ladders[key] = _member_ladder(svg, member, basis, scaled, widths)
    return ladders


def _member_ladder(
    first: str,
    svg: str,
    basis: tuple[str, tuple[str, ...]] | None,
    scaled: Mapping[int, tuple[bytes, Image.Image]] | None,
    widths: tuple[int, ...],
) -> dict[int, bytes] | None:
    if scaled is None:
        return _ladder_or_none(svg, widths)
    if basis is None:  # the first as it is; the rest each in one colour
        colour = flat_colour(svg)
        if svg == first:
            return {width: png for width, (png, _) in scaled.items()}
        if colour is None:
            return _ladder_or_none(svg, widths)
        return {width: in_one_colour(image.getchannel('A'), colour) for width, (_, image) in scaled.items()}
    colour = flat_colour(svg)
    colours = (colour,) * len(basis[1]) if colour is not None else _in_place(first, svg)
    if colours is None:
        return _ladder_or_none(svg, widths)
    return {width: recoloured(image, colours) for width, (_, image) in scaled.items()}


def _ladder_or_none(svg: str, widths: tuple[int, ...]) -> dict[int, bytes] | None:
    try:
        return png_ladder(svg, widths)
    except (*RENDER_ERRORS, SyntaxError) as error:  # Pillow reads a broken PNG as a SyntaxError
        log.warning('a logo file could not be rendered: %s', error)
        return None


class InlineRenders(Executor):
    """Renders in the calling thread: the pack without a pool of worker processes."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        done: Future[T] = Future()
        try:
            done.set_result(fn(*args, **kwargs))
        except Exception as error:  # handed to whoever reads the result, as a pool does
            done.set_exception(error)
        return done


def render_pool(workers: int | None = None) -> Executor | None:
    """Worker processes the logo pack's renders are shared out to (resvg holds the GIL: threads would take turns), or
    None where processes start by spawning (macOS, Windows), which would import the app's main module again. The
    workers are forked on the first pack; shut the pool down with the service."""
    if multiprocessing.get_start_method(allow_none=True) not in (None, 'fork'):
        return None
    if 'fork' not in multiprocessing.get_all_start_methods() or os.name != 'posix' or sys.platform == 'darwin':
        return None
    count = workers if workers is not None else min(os.cpu_count() or 1, MAX_RENDER_WORKERS)
    return ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context('fork'))


Ladders = dict[str, dict[int, bytes] | None]  # variant key -> its PNG by width (None: it could not be rendered)


@dataclass(kw_only=True, slots=True)
class _ConceptRenders:
    """One concept's files while they are rendered."""

    folder: str
    stems: dict[str, str]  # variant key -> file name without extension
    drawn: dict[str, str]  # variant key -> SVG
    logo: LogoConcept
    paired: tuple[tuple[str, str], ...]  # the group of files rendered with the favicon set (empty: none)
    others: list[tuple[tuple[str, str], ...]] = field(default_factory=list)  # the other groups
    icon: Future[tuple[Ladders, dict[str, bytes] | None]] | None = None  # the icon's PNGs and the favicon set
    ladders: list[Future[Ladders]] = field(default_factory=list)  # the other files' PNGs


def icon_files(
    family: tuple[tuple[str, str], ...], widths: tuple[int, ...], logo: LogoConcept, *, name: str, colors: SiteColors
) -> tuple[Ladders, dict[str, bytes] | None]:
    """The PNGs of the group of files holding the icon, and the favicon set made from the icon in the same process
    (its 512 px icon is the same render); None for a favicon set that could not be made."""
    ladders = family_ladders(family, widths) if family else {}
    try:
        return ladders, favicon_set(logo, name=name, colors=colors)
    except (*RENDER_ERRORS, SyntaxError) as error:  # Pillow reads a broken PNG as a SyntaxError
        log.warning('a favicon set could not be made: %s', error)
        return ladders, None


def _submit(kit: BrandKit, renders: Executor, threads: Executor | None) -> list[_ConceptRenders | None]:
    """Every concept's renders handed out: the icons with their favicon sets first (the largest) to `renders`, then
    the other files (a pool's workers then finish together). With `threads` (libvips: see vips_raster), the favicon
    sets alone go to `renders`, a pool's workers forked before libvips starts a thread here, and every group of logo
    files to `threads`, which render at once (libvips releases the GIL) while the workers draw the favicons; without
    a pool, the threads start first and the favicons are drawn in this thread meanwhile."""
    prefix = file_prefix(kit)
    jobs: list[_ConceptRenders | None] = []
    for number, logo in enumerate(kit.logos, 1):
        drawn = logo.variants.model_dump() if logo.variants is not None else None
        if drawn is None:
            jobs.append(None)
            continue
        found = families(drawn)
        with_icon = next((family for family in found if any(key == 'icon' for key, _ in family)), ())
        paired = () if threads is not None else with_icon
        stems = {key: f'{prefix}-{VARIANT_NAMES[key]}' for key in drawn}
        job = _ConceptRenders(folder=logo_stem(number, logo), stems=stems, drawn=drawn, logo=logo, paired=paired)
        job.others = [family for family in found if family is not paired]
        jobs.append(job)
    planned = [job for job in jobs if job is not None]

    def icons() -> None:
        for job in planned:
            job.icon = renders.submit(
                icon_files, job.paired, PACK_WIDTHS, job.logo, name=kit_title(kit), colors=site_colors(kit)
            )

    def ladders() -> None:
        for job in planned:
            job.ladders = [(threads or renders).submit(family_ladders, family, PACK_WIDTHS) for family in job.others]

    for step in (ladders, icons) if threads is not None and isinstance(renders, InlineRenders) else (icons, ladders):
        step()
    return jobs


@contextmanager
def _threads() -> Iterator[Executor | None]:
    """Threads of this process for the large PNGs where libvips draws them, None where it does not."""
    if not vips_raster.available():
        yield None
        return
    with ThreadPoolExecutor(max_workers=RENDER_THREADS, thread_name_prefix='logo-pack') as threads:
        yield threads


def _collect(job: _ConceptRenders) -> tuple[dict[str, bytes], list[str]]:
    """The concept's folder: its logo files, their PNGs and its favicon set; and the files that could not be made."""
    ladders: Ladders = {}
    icons: dict[str, bytes] | None = None
    made = _result(job.icon) if job.icon is not None else None
    if made is not None:
        ladders, icons = dict(made[0]), made[1]
    for family in job.ladders:
        rendered = _result(family)
        ladders |= rendered or {}
    files: dict[str, bytes] = {}
    failed: list[str] = []
    for key, svg in job.drawn.items():
        stem = job.stems[key]
        files[f'{job.folder}/svg/{stem}.svg'] = svg.encode('utf-8')
        ladder = ladders.get(key)
        for width in PACK_WIDTHS:
            if ladder is None:
                failed.append(f'{job.folder}/png/{stem}-{width}.png')
            else:
                files[f'{job.folder}/png/{stem}-{width}.png'] = ladder[width]
    if icons is None:
        return files, [*failed, f'{job.folder}/favicon/']
    files |= {f'{job.folder}/favicon/{name}': data for name, data in icons.items()}
    return files, failed


def _result(future: Future[T]) -> T | None:
    try:
        return future.result()
    except (*RENDER_ERRORS, SyntaxError) as error:  # Pillow reads a broken PNG as a SyntaxError
        log.warning('logo pack files could not be made: %s', error)
        return None


def _gather(kit: BrandKit, jobs: list[_ConceptRenders | None]) -> tuple[dict[str, bytes], list[str]]:
    files: dict[str, bytes] = {}
    failed: list[str] = []
    for number, (logo, job) in enumerate(zip(kit.logos, jobs, strict=True), 1):
        if job is None:
            failed.append(f'{logo_stem(number, logo)}/ ({OLD_KIT})')
            continue
        made, missed = _collect(job)
        files |= made
        failed += missed
    return files, failed


def _legibility_lines(number: int, logo: LogoConcept) -> list[str]:
    check = logo.legibility
    if check is None:
        return []
    sizes = ', '.join(
        f'{size.size_px} px: smallest detail {size.smallest_feature_px:g} px, symbol spans {size.fill:.0%}'
        for size in check.icon
    )
    verdict = 'holds up' if check.passes else 'is at its limit'
    return [
        f'  {logo_stem(number, logo)}: the icon {verdict} ({sizes}); {check.icon_source}.',
        f'    The lockup at {check.lockup_width_px} px wide: smallest detail {check.lockup_smallest_feature_px:g} px.',
    ]


def _readme(kit: BrandKit, files: list[str], failed: list[str], *, icon_licence: bool) -> bytes:
    lines = [
        f'{kit_title(kit)}: logo pack',
        f'Generated {generated_on(kit)} with {APP_NAME} (kit {kit.id}).',
        '',
        'Each concept has a folder. In it, svg/ holds the logo files (outlined lettering: no fonts needed, transparent',
        'backgrounds), png/ the same at '
        + ', '.join(f'{width}' for width in PACK_WIDTHS)
        + ' px wide, and favicon/ the',
        'favicon and app-icon set (put those files at the root of a website; head-snippet.html has the <head> lines).',
        '',
        'The files:',
        *(f'  {VARIANT_NAMES[key]}: {use}' for key, use in VARIANT_USES.items()),
        '',
        'Clear space: keep at least the margin the files have around the mark free of other text and images.',
        "Don't stretch, rotate, recolour, outline or add shadows to the marks; use the file made for the background.",
    ]
    legibility = [line for number, logo in enumerate(kit.logos, 1) for line in _legibility_lines(number, logo)]
    if legibility:
        lines += ['', 'How small the marks hold up (measured on the one-colour files):', *legibility]
    lines += ['', 'Licences: LICENSES/fonts.txt (the typefaces of the lettering)']
    if icon_licence:
        lines.append(f'and {ICON_LICENCE_FILE} (Tabler Icons, MIT: symbols drawn from the icon set).')
    if not kit.logos:
        lines += ['', 'This kit has no logo concepts.']
    if failed:
        lines += ['', 'Could not be made:', *(f'  {name}' for name in failed)]
    lines += ['', 'Files:', *(f'  {name}' for name in files)]
    return ('\n'.join(lines) + '\n').encode('utf-8')


def logo_pack_files(
    kit: BrandKit,
    fonts: FontLibrary,
    icons: IconLibrary | None,
    *,
    paintings: Mapping[int, bytes] | None = None,
    renders: Executor | None = None,
) -> dict[str, bytes]:
    """Every file of the pack by its path in the archive, README.txt first; with the logo `paintings` kept with the
    kit (by concept index) and their traces. The PNGs are rendered by `renders` (see render_pool), or in this thread
    without."""
    try:
        with _threads() as threads:
            jobs = _submit(kit, renders or InlineRenders(), threads)
            others = _other_files(kit, fonts, icons, paintings or {})  # while the workers render
            files, failed = _gather(kit, jobs)
    except BrokenExecutor as error:  # a worker died (killed, out of memory): this thread still can
        log.warning('the render pool is broken (%s): the logo pack is rendered in this thread', error)
        others = _other_files(kit, fonts, icons, paintings or {})
        with _threads() as threads:
            files, failed = _gather(kit, _submit(kit, InlineRenders(), threads))
    files |= others
    icon_licence = ICON_LICENCE_FILE in files
    return {'README.txt': _readme(kit, list(files), failed, icon_licence=icon_licence), **files}


def _other_files(
    kit: BrandKit, fonts: FontLibrary, icons: IconLibrary | None, paintings: Mapping[int, bytes]
) -> dict[str, bytes]:
    """The paintings, their traces and the licences."""
    files = painting_files(kit, paintings)
    files['LICENSES/fonts.txt'] = font_licences(kit, fonts).encode('utf-8')
    icon_licence = icon_licence_text(icons) if icons is not None else ''
    if icon_licence:
        files[ICON_LICENCE_FILE] = icon_licence.encode('utf-8')
    return files


def logo_pack_zip(
    kit: BrandKit,
    fonts: FontLibrary,
    icons: IconLibrary | None,
    *,
    paintings: Mapping[int, bytes] | None = None,
    renders: Executor | None = None,
) -> bytes:
    return zip_archive(logo_pack_files(kit, fonts, icons, paintings=paintings, renders=renders), kit.generated_at)
