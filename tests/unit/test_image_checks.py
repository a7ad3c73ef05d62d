"""What a painting must be before it is kept, and what its trace may hold: pure functions on bytes."""

from __future__ import annotations

import io
import random
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from branding.images.trace import MAX_PATHS, trace_svg
from branding.images.verify import ImageRejected, verified_png
from tests.fakes.images import picture

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
