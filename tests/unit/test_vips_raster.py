"""The logo pack's large PNGs drawn by libvips must be what resvg draws: the same size, the same coverage, the same
colours to within anti-aliasing; whatever libvips is not to draw, or fails to, is drawn by resvg."""

from __future__ import annotations

import io
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest
from PIL import Image, ImageChops, ImageStat

from branding.exports import vips_raster
from branding.exports.png import MAX_ASPECT, by_libvips, draw_png, draw_with_pixels, png_size
from branding.models import BrandKit, CompanyProfile, CompanyType
from branding.sections.logos import build_offline_logos
from branding.sections.palette import build_offline_palette
from branding.sections.typography import build_offline_typography
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

SAKURA = CompanyProfile(
    name='さくらデザイン',
    company_type=CompanyType.OTHER,
    industry='Graphic design studio',
    description='A Tokyo design studio making packaging, signage and identities for tea houses and craft makers.',
    target_audience='Traditional Japanese businesses modernising their image',
    brand_values=['harmony', 'craft', 'simplicity'],
    tone='elegant',
)
BANK = SAKURA.model_copy(
    update={
        'name': 'Granite Trust Bank',
        'company_type': CompanyType.FINTECH,
        'industry': 'Retail banking',
        'description': 'A regional bank for households and small firms.',
        'tone': 'professional',
    }
)
GRADIENT = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60" width="120" height="60"><defs>'
    '<linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#0f766e"/>'
    '<stop offset="1" stop-color="#f59e0b"/></linearGradient></defs>'
    '<rect x="4" y="4" width="112" height="52" rx="12" fill="url(#g)"/></svg>'
)


def kit_of(profile: CompanyProfile, seed: int) -> BrandKit:
    palette = build_offline_palette(profile, seed)
    typography = build_offline_typography(profile, seed, fonts=INSTALLED_FONTS)
    logos = build_offline_logos(profile, palette, typography, 3, seed, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    return BrandKit(company_name=profile.name, logos=logos, color_palette=palette, typography=typography)


def marks() -> list[tuple[str, str]]:
    """A few real logo files: each kit's first primary, a one-colour file with a knocked-out (masked) part, and an
    icon; one kit has a Japanese name."""
    chosen: list[tuple[str, str]] = []
    for profile, seed in ((SAKURA, 1), (BANK, 4)):
        drawn = [
            (f'{profile.name} {number} {key}', svg)
            for number, logo in enumerate(kit_of(profile, seed).logos, 1)
            if logo.variants is not None
            for key, svg in logo.variants.model_dump().items()
        ]
        masked = [item for item in drawn if 'mask=' in item[1] and 'mono_dark' in item[0]]
        chosen += [drawn[0], *masked[:1], next(item for item in drawn if item[0].endswith('icon'))]
    assert any('mask=' in svg for _, svg in chosen)
    return chosen


def differences(drawn: Image.Image, png: bytes) -> tuple[float, float, int]:
    """The mean difference of the premultiplied pixels (0-255), the share of pixels whose coverage differs by more
    than an eighth, and the largest difference of any channel over 8 by 8 pixel blocks (what a viewer sees)."""
    with Image.open(io.BytesIO(png)) as opened:
        reference = opened.convert('RGBA')
    assert drawn.size == reference.size
    ours, theirs = drawn.convert('RGBa'), reference.convert('RGBa')
    mean = sum(ImageStat.Stat(ImageChops.difference(ours, theirs)).mean) / 4
    coverage = ImageChops.difference(drawn.getchannel('A'), reference.getchannel('A')).histogram()
    apart = sum(coverage[33:]) / (drawn.width * drawn.height)
    blocks = ImageChops.difference(ours.reduce(8), theirs.reduce(8))
    return mean, apart, int(max(high for _, high in ImageStat.Stat(blocks).extrema))


@pytest.mark.parametrize('width', [1024, 2048])
def test_large_pngs_drawn_by_libvips_are_what_resvg_draws(width: int) -> None:
    assert vips_raster.available()
    for name, svg in [*marks(), ('gradient', GRADIENT)]:
        assert by_libvips(svg, width), name
        _, drawn = draw_with_pixels(svg, width)
        mean, apart, block = differences(drawn, draw_png(svg, width))
        assert mean < 0.5, name
        assert apart < 0.005, name
        assert block <= 20, name


@pytest.mark.parametrize(
    ('width', 'height'),
    [(349, 305), (488, 132), (100.5, 30.5), (12.5, 3.5), (77.49, 20.51), (10, 80), (10, 41), (33.3, 133.3), (7, 7)],
)
def test_libvips_draws_the_size_resvg_draws(width: float, height: float) -> None:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f'<rect width="{width}" height="{height}" fill="#123456"/></svg>'
    )
    expected = png_size(draw_png(svg, 1024))
    assert vips_raster.resvg_size(width, height, 1024, MAX_ASPECT) == expected
    png, drawn = draw_with_pixels(svg, 1024)
    assert by_libvips(svg, 1024)
    assert drawn.size == png_size(png) == expected


def test_what_libvips_is_not_to_draw_is_resvgs() -> None:
    text = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" width="100" height="40">'
        '<text x="4" y="30" font-size="24">Ab</text></svg>'
    )
    image = GRADIENT.replace('<rect', '<image href="data:image/png;base64,AAAA" width="1" height="1"/><rect')
    sized_in_ems = GRADIENT.replace('width="120" height="60"', 'width="12em" height="6em"')
    small = GRADIENT
    for svg, width in ((text, 1024), (image, 1024), (sized_in_ems, 1024), (small, 512)):
        assert not by_libvips(svg, width)
        png, _ = draw_with_pixels(svg, width)
        assert png == draw_png(svg, width)


def test_a_drawing_libvips_cannot_read_is_an_error_resvg_is_asked_about() -> None:
    broken = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path d="M0 0L9 9"></svg>'
    assert by_libvips(broken, 1024)
    with pytest.raises(ValueError, match='libvips'):
        vips_raster.draw_rgba(broken, 1024, max_aspect=MAX_ASPECT)
    with pytest.raises(ValueError):  # resvg cannot read it either: the pack lists the file as not made
        draw_with_pixels(broken, 1024)


def test_libvips_pngs_hold_only_the_pixels() -> None:
    image = Image.new('LA', (40, 20), (0, 0))
    image.paste((200, 255), (5, 5, 30, 15))
    png = vips_raster.encode_png(image)
    assert png is not None
    assert b'pHYs' not in png and b'eXIf' not in png
    with Image.open(io.BytesIO(png)) as opened:
        assert opened.mode == 'LA'
        assert opened.tobytes() == image.tobytes()


def test_a_forked_worker_leaves_libvips_alone() -> None:
    """libvips' threads do not survive a fork: a forked render worker draws with resvg."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context('fork')) as pool:
        assert pool.submit(vips_raster.available).result() is False
    assert vips_raster.available()
