"""Pictorial symbols: an icon for each industry motif (shield, leaf, heart...), bare or reversed out of a shape."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from branding.design.color import contrast_ratio
from branding.design.marks.inks import Inks
from branding.design.marks.shapes import Symbol, _rotated, _stroke
from branding.design.marks.text import _n


@dataclass(kw_only=True, slots=True, frozen=True)
class IconInks:
    main: str
    detail: str
    cut: str  # the colour behind the icon, for knocked-out lines


SHIELD = 'M50 5L87 17.5V45C87 69 71 86.5 50 95C29 86.5 13 69 13 45V17.5Z'
HEART = (
    'M50 89C22 70 7 54 7 34.5C7 20 18 9.5 31.5 9.5C40 9.5 46 14 50 21'
    'C54 14 60 9.5 68.5 9.5C82 9.5 93 20 93 34.5C93 54 78 70 50 89Z'
)


def _icon_shield(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="{SHIELD}" fill="{inks.main}"/>'
            f'<path d="M50 5L87 17.5V45C87 69 71 86.5 50 95Z" fill="{inks.detail}"/>'
            f'<path d="M33 50L45 62L68 38" {_stroke(inks.cut, 8)}/>',
            'a split shield carrying a check',
        )
    return (
        f'<path d="{SHIELD}" fill="{inks.main}"/><circle cx="50" cy="42" r="10" fill="{inks.cut}"/>'
        f'<path d="M45 46H55L58.5 70H41.5Z" fill="{inks.cut}"/><circle cx="50" cy="42" r="4" fill="{inks.detail}"/>',
        'a shield with a keyhole at its heart',
    )


def _icon_leaf(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<circle cx="27" cy="27" r="13" fill="{inks.detail}"/>'
            f'<path d="M18 84C18 46 42 20 88 18C86 62 58 84 18 84Z" fill="{inks.main}"/>'
            f'<path d="M8 94L18 84C36 66 52 52 70 36" {_stroke(inks.main, 5)}/>'
            f'<path d="M22 80C38 64 52 52 70 36" {_stroke(inks.cut, 4)}/>',
            'a leaf rising under a small sun',
        )
    return (
        f'<path d="M50 94V56" {_stroke(inks.main, 7)}/>'
        f'<path d="M50 62C29 62 14 48 14 26C36 26 50 40 50 62Z" fill="{inks.detail}"/>'
        f'<path d="M50 56C50 30 64 12 88 10C88 38 72 56 50 56Z" fill="{inks.main}"/>',
        'a two-leaf sprout',
    )


def _icon_bars(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        heights = (22, 34, 46, 58)
        bars = ''.join(
            f'<rect x="{10 + 22 * index}" y="{92 - height}" width="14" height="{height}" rx="3" '
            f'fill="{inks.detail if index == 3 else inks.main}"/>'
            for index, height in enumerate(heights)
        )
        return (
            f'{bars}<path d="M10 46L34 32L56 36L80 12" {_stroke(inks.main, 4.5)}/>'
            f'<circle cx="83" cy="11" r="5.5" fill="{inks.detail}"/>',
            'rising bars under a growth line',
        )
    return (
        f'<circle cx="50" cy="50" r="42" fill="{inks.main}"/>'
        f'<circle cx="50" cy="50" r="32" {_stroke(inks.cut, 3.5)}/>'
        f'<path d="M33 60L46 46L55 54L68 39" {_stroke(inks.detail, 7)}/>'
        f'<path d="M58 38H69V49" {_stroke(inks.detail, 7)}/>',
        'a coin struck with a rising line',
    )


def _icon_heart(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="{HEART}" fill="{inks.main}"/>'
            f'<path d="M14 46H33L40 32L50 62L58 40L63 46H86" {_stroke(inks.cut, 6)}/>',
            'a heart crossed by a pulse line',
        )
    return (
        f'<rect x="35" y="8" width="30" height="84" rx="9" fill="{inks.main}"/>'
        f'<rect x="8" y="35" width="84" height="30" rx="9" fill="{inks.main}"/>'
        f'<path d="M50 62C42 56 38 52 38 47C38 43.5 40.5 41 43.5 41C46 41 48 42.5 50 45C52 42.5 54 41 56.5 41'
        f'C59.5 41 62 43.5 62 47C62 52 58 56 50 62Z" fill="{inks.detail}"/>',
        'a soft-cornered cross holding a small heart',
    )


def _icon_book(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    tilt = rng.uniform(-3, 3)
    return (
        _rotated(
            f'<path d="M50 24C40 16 25 14 8 16V80C25 78 40 80 50 88Z" fill="{inks.main}"/>'
            f'<path d="M50 24C60 16 75 14 92 16V80C75 78 60 80 50 88Z" fill="{inks.main}" fill-opacity="0.82"/>'
            f'<path d="M66 17V44L72 39L78 44V15" fill="{inks.detail}"/>',
            tilt,
        ),
        'an open book with a ribbon marker',
    )


def _icon_brackets(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="M32 24L10 50L32 76M68 24L90 50L68 76" {_stroke(inks.main, 9)}/>'
            f'<path d="M57 18L43 82" {_stroke(inks.detail, 9)}/>',
            'a pair of code brackets around a slash',
        )
    return (
        f'<path d="M16 26L42 50L16 74" {_stroke(inks.main, 10)}/><path d="M54 76H86" {_stroke(inks.detail, 10)}/>',
        'a terminal prompt: a chevron and a cursor',
    )


def _icon_nodes(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    rotation = rng.choice((0, 30)) + rng.uniform(-6, 6)
    missing = rng.randrange(6)
    outer = [
        (
            50 + 36 * math.cos(math.radians(rotation + 60 * i - 90)),
            50 + 36 * math.sin(math.radians(rotation + 60 * i - 90)),
        )
        for i in range(6)
        if i != missing
    ]
    spokes = ''.join(f'M50 50L{_n(x)} {_n(y)}' for x, y in outer)
    ring = ''.join(f'M{_n(a[0])} {_n(a[1])}L{_n(b[0])} {_n(b[1])}' for a, b in itertools.pairwise(outer) if a != b)
    nodes = ''.join(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="8.5" fill="{inks.main}"/>' for x, y in outer)
    return (
        f'<path d="{spokes}{ring}" {_stroke(inks.main, 4)}/>{nodes}'
        f'<circle cx="50" cy="50" r="12" fill="{inks.detail}"/>',
        'a small network of nodes around a bright core',
    )


def _icon_cube(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="M50 6L89 28V72L50 94L11 72V28Z" fill="{inks.main}"/>'
            f'<path d="M50 6L89 28L50 50L11 28Z" fill="{inks.detail}"/>'
            f'<path d="M11 28L50 50L89 28M50 50V94" {_stroke(inks.cut, 4)}/>',
            'an isometric cube with a lit top face',
        )
    link = 'x="8" y="34" width="52" height="32" rx="16"'
    return (
        f'<g transform="rotate(-45 50 50)"><rect {link} {_stroke(inks.main, 10)}/>'
        f'<rect x="40" y="34" width="52" height="32" rx="16" {_stroke(inks.detail, 10)}/></g>',
        'two interlocking chain links',
    )


def _icon_bag(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.5:
        return (
            f'<path d="M36 38V28C36 19 42 12 50 12C58 12 64 19 64 28V38" {_stroke(inks.main, 6)}/>'
            f'<path d="M17 32H83L78 88C77.6 91 75 93 72 93H28C25 93 22.4 91 22 88Z" fill="{inks.main}"/>'
            f'<path d="M18.4 48H81.6L80.9 56H19.1Z" fill="{inks.detail}"/>'
            f'<circle cx="36" cy="38" r="3.5" fill="{inks.cut}"/><circle cx="64" cy="38" r="3.5" fill="{inks.cut}"/>',
            'a shopping bag with an accent band',
        )
    return (
        f'<path d="M12 16V46L54 88L88 54L46 12H16C14 12 12 14 12 16Z" fill="{inks.main}" stroke="{inks.main}" '
        f'stroke-width="6" stroke-linejoin="round"/><circle cx="31" cy="31" r="7" fill="{inks.cut}"/>'
        f'<path d="M46 58L62 42" {_stroke(inks.detail, 6)}/>',
        'a price tag',
    )


def _icon_layers(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    del rng
    return (
        f'<path d="M12 66L50 86L88 66" {_stroke(inks.main, 7)}/>'
        f'<path d="M12 50L50 70L88 50" {_stroke(inks.detail, 7)}/>'
        f'<path d="M50 12L88 32L50 52L12 32Z" fill="{inks.main}" stroke="{inks.main}" stroke-width="4" '
        f'stroke-linejoin="round"/>',
        'three stacked layers',
    )


def _icon_spark(inks: IconInks, rng: random.Random) -> tuple[str, str]:
    def star(cx: float, cy: float, r: float) -> str:
        k = r * 0.16
        return (
            f'M{_n(cx)} {_n(cy - r)}C{_n(cx + k)} {_n(cy - k)} {_n(cx + k)} {_n(cy - k)} {_n(cx + r)} {_n(cy)}'
            f'C{_n(cx + k)} {_n(cy + k)} {_n(cx + k)} {_n(cy + k)} {_n(cx)} {_n(cy + r)}'
            f'C{_n(cx - k)} {_n(cy + k)} {_n(cx - k)} {_n(cy + k)} {_n(cx - r)} {_n(cy)}'
            f'C{_n(cx - k)} {_n(cy - k)} {_n(cx - k)} {_n(cy - k)} {_n(cx)} {_n(cy - r)}Z'
        )

    small = rng.choice(((80, 20), (20, 20), (80, 80)))
    return (
        f'<path d="{star(46, 54, 40)}" fill="{inks.main}"/><path d="{star(small[0], small[1], 14)}" '
        f'fill="{inks.detail}"/>',
        'a four-point spark with a smaller companion',
    )


ICONS: dict[str, Callable[[IconInks, random.Random], tuple[str, str]]] = {
    'shield': _icon_shield,
    'leaf': _icon_leaf,
    'heart': _icon_heart,
    'book': _icon_book,
    'bars': _icon_bars,
    'brackets': _icon_brackets,
    'nodes': _icon_nodes,
    'cube': _icon_cube,
    'bag': _icon_bag,
    'layers': _icon_layers,
    'spark': _icon_spark,
}


Container = Literal['none', 'disc', 'tile']


def icon_symbol(motif: str, inks: Inks, rng: random.Random, container: Container) -> Symbol:
    if container == 'none':
        body, phrase = ICONS[motif](IconInks(main=inks.brand, detail=inks.spark, cut=inks.paper), rng)
        return Symbol(body=body, phrase=phrase)
    icon_inks = IconInks(main=inks.on_brand, detail=inks.spark, cut=inks.brand)
    if contrast_ratio(inks.spark, inks.brand) < 1.8:
        icon_inks = IconInks(main=inks.on_brand, detail=inks.on_brand, cut=inks.brand)
    body, phrase = ICONS[motif](icon_inks, rng)
    holder = (
        '<circle cx="50" cy="50" r="50"'
        if container == 'disc'
        else f'<rect width="100" height="100" rx="{_n(rng.uniform(18, 28))}"'
    )
    scale = 0.62 if container == 'disc' else 0.66  # the largest icon the shape holds with an even margin
    offset = 50 - 50 * scale
    inner = f'<g transform="translate({_n(offset)} {_n(offset)}) scale({_n(scale)})">{body}</g>'
    return Symbol(body=f'{holder} fill="{inks.brand}"/>{inner}', phrase=f'{phrase}, reversed out of a {container}')
