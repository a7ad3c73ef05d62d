"""Glyph outlines are read from cached fonts by many threads at once (a page asks for its mockup images together, and
each is drawn in a worker thread): every thread gets the glyph whole, as one thread alone would."""

from __future__ import annotations

import string
from concurrent.futures import ThreadPoolExecutor

from branding.design import glyphs
from tests.fonts import INSTALLED_FONTS

ROUNDS = 12
THREADS = 8
TEXT = string.ascii_letters + string.digits


def test_threads_drawing_the_glyphs_of_a_freshly_loaded_font_each_get_them_whole() -> None:
    path = INSTALLED_FONTS.file('Inter', 700, fmt='ttf') or INSTALLED_FONTS.file('Inter', 700)
    assert path is not None
    alone = [glyphs.measure_text(path, char) for char in TEXT]
    for _ in range(ROUNDS):
        for cache in (glyphs._load_font, glyphs._glyph, glyphs.measure_text):  # each round a font loaded anew
            cache.cache_clear()
        with ThreadPoolExecutor(THREADS) as pool:
            together = list(pool.map(lambda char: glyphs.measure_text(path, char), TEXT * 2))
        assert together == alone * 2
