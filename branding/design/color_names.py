"""Human names for colours: the nearest entry, by OKLab distance, in a curated list of XKCD colour-survey names."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

from branding.design.color import normalize_hex, to_oklab

NamedOklab = tuple[str, float, float, float]


@lru_cache(maxsize=1)
def named_colors() -> Mapping[str, str]:
    """Name -> '#rrggbb' for the whole list (read-only: it is shared)."""
    data = json.loads(files('branding.design').joinpath('data', 'color_names.json').read_text(encoding='utf-8'))
    return MappingProxyType({name: normalize_hex(hex_color) for name, hex_color in data['colors']})


@lru_cache(maxsize=1)
def _oklab_table() -> tuple[NamedOklab, ...]:
    return tuple((name, *to_oklab(hex_color)) for name, hex_color in named_colors().items())


@lru_cache(maxsize=4096)
def color_name(hex_color: str) -> str:
    lightness, a, b = to_oklab(normalize_hex(hex_color))
    # squared distance is enough to rank, and this loop is the hot part
    best_name, best_distance = '', float('inf')
    for name, entry_lightness, entry_a, entry_b in _oklab_table():
        distance = (entry_lightness - lightness) ** 2 + (entry_a - a) ** 2 + (entry_b - b) ** 2
        if distance < best_distance:
            best_name, best_distance = name, distance
    return best_name
