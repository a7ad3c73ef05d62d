"""Marks led by a symbol: the lettermark, the abstract and pictorial marks, and the combination of symbol and name."""

from __future__ import annotations

import random

from branding.design.marks.abstract_symbols import abstract_symbol
from branding.design.marks.brief import Brief
from branding.design.marks.icon_symbols import Container, icon_symbol
from branding.design.marks.layout import CENTER_X, CENTER_Y, MARGIN, WIDTH, Drawing
from branding.design.marks.monogram_symbols import MONOGRAM_SHAPES, MonogramShape, monogram_symbol
from branding.design.marks.pictograms import Composition, pictogram, symbol_over_initials
from branding.design.marks.shapes import Symbol, _place_symbol
from branding.design.marks.text import clean_text
from branding.design.marks.turns import _pick
from branding.design.marks.typesetting import fit_text


def draw_lettermark(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    shape = _pick(MONOGRAM_SHAPES, turn)
    weight = brief.strong
    symbol = monogram_symbol(brief.letters, brief.face, weight=weight, inks=brief.inks, rng=rng, shape=shape)
    size = rng.uniform(188, 212)
    body = _place_symbol(symbol, x=CENTER_X - size / 2, y=CENTER_Y - size / 2, size=size)
    return Drawing(
        body=body,
        composition=f'the monogram "{brief.letters}" in {brief.face.family}, set in {symbol.phrase}',
        outlined=symbol.outlined,
        weight=weight,
        symbol=symbol,
    )


def _stacked(symbol: Symbol, brief: Brief, *, size: float, with_name: bool, name_cap: float) -> tuple[str, bool]:
    if not with_name:
        return _place_symbol(symbol, x=CENTER_X - size / 2, y=CENTER_Y - size / 2, size=size), symbol.outlined
    block = fit_text(
        brief.name, brief.face, weight=brief.weight, tracking=0.01, max_width=WIDTH - 2 * MARGIN, cap=name_cap
    )
    gap = name_cap * 1.6
    top = CENTER_Y - (size + gap + block.height) / 2
    body = _place_symbol(symbol, x=CENTER_X - size / 2, y=top, size=size)
    body += block.place(top=top + size + gap, center_x=CENTER_X, fill=brief.inks.wordmark_color())
    return body, symbol.outlined and block.outlined


def draw_abstract(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    symbol = abstract_symbol(brief.inks, brief.name, rng, turn)
    with_name = rng.random() < 0.5
    size = rng.uniform(150, 165) if with_name else rng.uniform(196, 214)
    body, outlined = _stacked(symbol, brief, size=size, with_name=with_name, name_cap=20)
    lockup = ', with the name set small beneath' if with_name else ', standing alone'
    return Drawing(
        body=body, composition=f'{symbol.phrase}{lockup}', outlined=outlined, weight=brief.weight, symbol=symbol
    )


# The chosen icon's compositions, in the order a repeated style walks through them.
PICTORIAL_COMPOSITIONS: tuple[Composition, ...] = ('bare', 'cut-disc', 'disc', 'arch', 'tile', 'cut-tile')
COMBINATION_COMPOSITIONS: tuple[Composition | None, ...] = ('bare', 'tile', None, 'cut-disc')  # None: over initials


def _pictorial_symbol(brief: Brief, rng: random.Random, turn: int) -> Symbol:
    if brief.symbol is not None:
        drawn = pictogram(
            brief.symbol, brief.inks, weight=brief.weight, composition=_pick(PICTORIAL_COMPOSITIONS, turn), rng=rng
        )
        if drawn is not None:
            return drawn
    container: Container = _pick(('none', 'disc', 'tile'), turn)
    return icon_symbol(brief.motif, brief.inks, rng, container)


def draw_pictorial(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    symbol = _pictorial_symbol(brief, rng, turn)
    with_name = rng.random() < 0.5
    size = rng.uniform(150, 165) if with_name else rng.uniform(190, 206)
    body, outlined = _stacked(symbol, brief, size=size, with_name=with_name, name_cap=20)
    lockup = ', with the name set small beneath' if with_name else ', standing alone'
    return Drawing(
        body=body, composition=f'{symbol.phrase}{lockup}', outlined=outlined, weight=brief.weight, symbol=symbol
    )


def _chosen_combination_symbol(brief: Brief, rng: random.Random, turn: int) -> Symbol | None:
    if brief.symbol is None:
        return None
    composition = _pick(COMBINATION_COMPOSITIONS, turn)
    if composition is None and brief.letters.casefold() == brief.name.casefold():
        composition = 'tile'  # the initials would only repeat the name beside them ('Q')
    if composition is None:
        return symbol_over_initials(
            brief.symbol, brief.letters, brief.face, inks=brief.inks, weight=brief.strong, rng=rng
        )
    return pictogram(brief.symbol, brief.inks, weight=brief.weight, composition=composition, rng=rng)


def _combination_symbol(brief: Brief, rng: random.Random, turn: int) -> Symbol:
    chosen = _chosen_combination_symbol(brief, rng, turn)
    if chosen is not None:
        return chosen
    inks = brief.inks
    kind = _pick(('icon', 'monogram', 'abstract'), turn)
    if kind == 'icon':
        return icon_symbol(brief.motif, inks, rng, rng.choice(('none', 'tile')))
    if kind == 'monogram':
        shape: MonogramShape = rng.choice(('disc', 'tile', 'arch'))
        return monogram_symbol(brief.letters, brief.face, weight=brief.strong, inks=inks, rng=rng, shape=shape)
    return abstract_symbol(inks, brief.name, rng, turn // 3)


def draw_combination(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    inks = brief.inks
    symbol = _combination_symbol(brief, rng, turn)
    symbol_size = rng.uniform(92, 104)
    gap = symbol_size * rng.uniform(0.2, 0.26)
    text_room = WIDTH - 2 * MARGIN + 20 - symbol_size - gap
    block = fit_text(
        brief.name, brief.face, weight=brief.weight, tracking=rng.uniform(-0.02, 0.01), max_width=text_room, cap=34
    )
    descriptor = None
    industry = clean_text(brief.industry).upper()
    if rng.random() < 0.6 and block.height < symbol_size * 0.6:
        descriptor = fit_text(
            industry, brief.detail_face, weight=400, tracking=0.2, max_width=max(block.width, 120), cap=8
        )
        if descriptor.cap < 5:
            descriptor = None
    text_height = block.height + (descriptor.height + block.cap * 0.55 if descriptor else 0)
    total_width = symbol_size + gap + max(block.width, descriptor.width if descriptor else 0)
    left = CENTER_X - total_width / 2
    # a right-to-left name (Arabic, Hebrew) reads from the right: the lockup is mirrored, the symbol on its right
    mirrored = block.rtl
    symbol_x = left + total_width - symbol_size if mirrored else left
    body = _place_symbol(symbol, x=symbol_x, y=CENTER_Y - symbol_size / 2, size=symbol_size)
    text_left = None if mirrored else left + symbol_size + gap
    text_right = symbol_x - gap if mirrored else None
    text_top = CENTER_Y - text_height / 2
    body += block.place(top=text_top, left=text_left, right=text_right, fill=inks.wordmark_color())
    outlined = symbol.outlined and block.outlined
    phrase = f'{symbol.phrase}, locked up to the {"right" if mirrored else "left"} of the name in {brief.face.family}'
    if descriptor is not None:
        descriptor_top = text_top + block.height + block.cap * 0.55
        body += descriptor.place(top=descriptor_top, left=text_left, right=text_right, fill=inks.muted)
        outlined = outlined and descriptor.outlined
        phrase += ', with the industry as a spaced descriptor line'
    return Drawing(body=body, composition=phrase, outlined=outlined, weight=brief.weight, symbol=symbol)
