"""The fast paths of the legibility measures give exactly what the plain ones give.

The thin-width measure opens only the ink's box and a margin, and the paint pattern finds fill and stroke without a
leading word boundary; both are checked here against the plain versions they replaced, on shapes that touch the canvas
edge, sit in a corner or fill it, and on text made of the characters that matter around a paint attribute.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from branding.design.marks.raster import KEEP_GAP, KEEP_INK, MAX_STEPS, SUPERSAMPLE, _thin_width
from branding.design.marks.variants import PAINT

PLAIN_PAINT = re.compile(r'\b(fill|stroke)="(#[0-9a-fA-F]{6})"')


def plain_thin_width(mask: Image.Image, keep: float, supersample: int) -> float:
    """The measure on the whole mask, as it was before it was cropped to the ink."""
    total = mask.histogram()[255]
    if total == 0:
        return (2 * MAX_STEPS + 1) / supersample
    passed, failed = 0, MAX_STEPS + 1
    while failed - passed > 1:
        radius = (passed + failed) // 2
        eroded = mask.filter(ImageFilter.BoxBlur(radius)).point(lambda value: 255 if value == 255 else 0)
        dilated = eroded.filter(ImageFilter.BoxBlur(radius)).point(lambda value: 255 if value > 0 else 0)
        if ImageChops.darker(dilated, mask).histogram()[255] >= keep * total:
            passed = radius
        else:
            failed = radius
    return (2 * passed + 1) / supersample


shape = st.tuples(
    st.sampled_from(['rectangle', 'ellipse', 'line']),
    st.integers(-20, 140),
    st.integers(-20, 140),
    st.integers(-20, 140),
    st.integers(-20, 140),
    st.integers(1, 14),
)


@st.composite
def masks(draw: st.DrawFn) -> Image.Image:
    width, height = draw(st.integers(8, 128)), draw(st.integers(8, 128))
    mask = Image.new('L', (width, height), 0)
    pen = ImageDraw.Draw(mask)
    for kind, x0, y0, x1, y1, stroke in draw(st.lists(shape, min_size=0, max_size=6)):
        box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if kind == 'rectangle':
            pen.rectangle(box, fill=255)
        elif kind == 'ellipse':
            pen.ellipse(box, outline=255, width=stroke)
        else:
            pen.line(box, fill=255, width=stroke)
    if draw(st.booleans()):  # a cut through the ink: the gaps measure
        pen.line((0, height // 2, width, height // 3), fill=0, width=draw(st.integers(1, 5)))
    return mask


@settings(max_examples=150, deadline=None)
@given(mask=masks(), keep=st.sampled_from([KEEP_INK, KEEP_GAP]), supersample=st.sampled_from([2, SUPERSAMPLE]))
def test_the_thin_width_of_the_inks_box_is_the_whole_masks(mask: Image.Image, keep: float, supersample: int) -> None:
    assert _thin_width(mask, keep, supersample) == plain_thin_width(mask, keep, supersample)


def test_ink_filling_the_canvas_to_its_edges_measures_as_on_the_whole_mask() -> None:
    mask = Image.new('L', (64, 48), 255)
    ImageDraw.Draw(mask).rectangle((20, 0, 23, 47), fill=0)  # a 4-pixel gap from edge to edge
    assert _thin_width(mask, KEEP_INK, SUPERSAMPLE) == plain_thin_width(mask, KEEP_INK, SUPERSAMPLE)
    assert (
        _thin_width(ImageChops.invert(mask), KEEP_GAP, SUPERSAMPLE) == 0.75
    )  # a 4-pixel gap holds 3-pixel squares, not 5: (2*1+1)/4


attribute_text = st.text(alphabet='fills troke="#0aF9zé-_<>/ ', max_size=80)


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.one_of(attribute_text, st.sampled_from(['fill="#a1b2c3"', 'stroke="#FFFFFF"', 'xfill="#000000"', 'é'])),
        max_size=8,
    )
)
def test_paint_attributes_are_found_where_a_word_boundary_pattern_finds_them(parts: list[str]) -> None:
    text = ''.join(parts)
    found = [(match.span(), match.groups()) for match in PAINT.finditer(text)]
    assert found == [(match.span(), match.groups()) for match in PLAIN_PAINT.finditer(text)]
