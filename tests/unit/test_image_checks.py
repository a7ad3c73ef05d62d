"""What a painting must be before it is kept, and what its trace may hold: pure functions on bytes."""

from __future__ import annotations

import io
import random
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from branding.images.kit_paintings import apply_painting
from branding.images.painter import Painting
from branding.images.trace import MAX_PATHS, trace_svg
from branding.images.verify import ImageRejected, verified_png
from branding.models import EXAMPLE_PROFILE, BrandingRequest, Focus, SectionProvenance, SectionStatus
from branding.orchestrator import generate_kit
from tests.fakes.images import picture
from tests.fonts import INSTALLED_FONTS
from tests.icons import INSTALLED_ICONS

SVG = '{http://www.w3.org/2000/svg}'


def test_a_still_png_of_the_size_asked_is_kept_as_sent() -> None:
    png = picture(256)
    assert verified_png(png, 256) == png


@pytest.mark.parametrize('image_format', ['JPEG', 'WEBP'])
def test_jpeg_and_webp_become_png_of_the_same_pixels(image_format: str) -> None:
    kept = verified_png(picture(256, image_format), 256)
    with Image.open(io.BytesIO(kept)) as image:
        assert (image.format, image.size) == ('PNG', (256, 256))
        centre = image.convert('RGB').getpixel((128, 128))
        assert isinstance(centre, tuple) and centre[0] > 180 and centre[2] < 60  # the gold square, not blank


@pytest.mark.parametrize(
    ('data', 'reason'),
    [
        (picture(256, 'GIF'), 'a GIF file'),
        (picture(512), 'is 512x512, not the 256x256'),
        (b'<html><body>502</body></html>', 'not an image'),
        (picture(256)[:400], 'not an image'),
    ],
)
def test_anything_else_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ImageRejected, match=reason):
        verified_png(data, 256)


def test_a_noisy_painting_is_traced_to_few_paths_in_the_palette_only() -> None:
    rng = random.Random(3)
    image = Image.new('RGB', (512, 512))
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(512 * 512)])
    buffer = io.BytesIO()
    image.save(buffer, format='PNG')
    palette = ['#1e3a8a', '#eab308', '#0d9488', '#ffffff']

    root = ET.fromstring(trace_svg(buffer.getvalue(), palette))

    paths = root.findall(f'{SVG}path')
    assert 1 <= len(paths) <= MAX_PATHS
    assert {path.get('fill') for path in paths} <= set(palette)
    assert {element.tag for element in root.iter()} == {f'{SVG}svg', f'{SVG}path'}
    assert all(set(path.attrib) == {'d', 'fill', 'transform'} for path in paths)


async def test_a_painting_goes_only_to_the_concept_it_was_painted_for() -> None:
    request = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=2, seed=4, focus=Focus.LOGOS)
    kit = await generate_kit(request, fonts=INSTALLED_FONTS, icons=INSTALLED_ICONS)
    provenance = SectionProvenance(status=SectionStatus.OK, provider='together', model='m', latency_ms=9, attempts=1)
    svg = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    painted = Painting(index=1, prompt=kit.logos[1].prompt_used, png=b'png', traced_svg=svg, provenance=provenance)
    stale = Painting(index=0, prompt='a concept made again since', png=b'png', traced_svg=svg, provenance=provenance)
    before = kit.logos[0]

    assert apply_painting(kit, stale) is None and kit.logos[0] == before
    concept = apply_painting(kit, painted)
    assert concept is not None and concept.image_url == f'/api/v1/kits/{kit.id}/logos/1/image.png'
    assert (concept.traced_svg, concept.painting) == (svg, provenance)
    assert apply_painting(kit, Painting(index=5, prompt='', png=None, traced_svg=None, provenance=provenance)) is None
