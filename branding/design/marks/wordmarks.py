"""The wordmark: the name alone, closed with a full stop, underscored, split in two weights or set between rules."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from branding.design.marks.brief import Brief, tone_has
from branding.design.marks.layout import CENTER_X, CENTER_Y, MARGIN, WIDTH, Drawing, _case, _name_line_case
from branding.design.marks.shapes import _stroke
from branding.design.marks.text import _n
from branding.design.marks.turns import _pick
from branding.design.marks.typesetting import WEIGHT_NAMES, TextBlock, fit_text, set_line


def _wordmark_case(brief: Brief, rng: random.Random) -> str:
    if brief.face.is_script:
        return 'as-is'
    if tone_has(brief.tone, 'elegant', 'luxur', 'bold'):
        return rng.choice(('upper', 'upper', 'as-is'))
    if tone_has(brief.tone, 'minimal', 'friendly', 'playful', 'casual'):
        return rng.choice(('lower', 'lower', 'as-is'))
    return rng.choice(('as-is', 'as-is', 'upper', 'lower'))


_CASE_PHRASES = {'upper': 'in capitals', 'lower': 'all in lower case', 'as-is': 'in its own capitalisation'}


def _layout(brief: Brief, words: list[str], turn: int) -> str:
    layouts = ['dot', 'bar', 'split', 'rules'] if not brief.face.is_script else ['dot', 'bar']
    if tone_has(brief.tone, 'elegant', 'luxur', 'refined') and not brief.face.is_script:
        layouts = ['rules', 'split', 'dot', 'bar']
    layout = _pick(layouts, turn)
    return 'bar' if layout == 'split' and len(words) < 2 else layout


def _tracking(brief: Brief, rng: random.Random, *, layout: str, mode: str) -> float:
    tracking = rng.uniform(0.16, 0.24) if layout == 'rules' else rng.uniform(-0.025, 0.02)
    if mode == 'upper' and layout != 'rules':
        tracking += 0.06
    return 0.0 if brief.face.is_script else tracking


def _split(brief: Brief, words: list[str], *, mode: str, tracking: float, cap: float) -> Drawing | None:
    """The first word in the strong weight, the rest light in the brand colour; None where it cannot be placed."""
    inks = brief.inks
    first = set_line(_case(f'{words[0]} ', mode), brief.face, weight=brief.strong, tracking=tracking)
    rest = set_line(_case(' '.join(words[1:]), mode), brief.face, weight=brief.light, tracking=tracking)
    width_em = first.width_em + rest.width_em
    size = min(cap / first.cap_em, (WIDTH - 2 * MARGIN) / width_em)
    if not (size * first.cap_em >= 24 and first.outlined and rest.outlined):  # live text widths are guesses
        return None
    left = CENTER_X - width_em * size / 2
    baseline = CENTER_Y + first.cap_em * size / 2
    body = first.place(left=left, baseline=baseline, size=size, fill=inks.ink) + rest.place(
        left=left + first.width_em * size, baseline=baseline, size=size, fill=inks.brand
    )
    return Drawing(
        body=body,
        composition=(
            f'"{words[0]}" in {brief.face.family} {WEIGHT_NAMES[first.weight]} against the rest in '
            f'{WEIGHT_NAMES[rest.weight]} and the brand colour, {_CASE_PHRASES[mode]}'
        ),
        outlined=first.outlined and rest.outlined,
        weight=first.weight,
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class _Placed:
    """The name set and centred, with what its closing detail is drawn against."""

    brief: Brief
    block: TextBlock
    top: float
    body: str
    face: str  # 'Inter Bold': the family and the weight of the last line
    case: str  # 'in capitals'

    @property
    def last_baseline(self) -> float:
        return self.top + self.block.height

    @property
    def line_right(self) -> float:
        return CENTER_X + self.block.lines[-1].width_em * self.block.size / 2

    @property
    def line_left(self) -> float:
        return CENTER_X - self.block.lines[-1].width_em * self.block.size / 2


def _full_stop(placed: _Placed, rng: random.Random) -> tuple[str, str]:
    block, spark = placed.block, placed.brief.inks.spark
    radius = block.cap * rng.uniform(0.1, 0.13)
    square = tone_has(placed.brief.tone, 'technical', 'minimal')
    gap = block.cap * 0.08 + radius
    # a right-to-left name ends on its left: the full stop closes it there
    cx = placed.line_left - gap if block.rtl else placed.line_right + gap
    cy = placed.last_baseline - radius
    mark = (
        f'<rect x="{_n(cx - radius)}" y="{_n(cy - radius)}" width="{_n(radius * 2)}" height="{_n(radius * 2)}" '
        f'fill="{spark}"/>'
        if square
        else f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="{spark}"/>'
    )
    shift = (gap + radius) / 2 * (-1 if block.rtl else 1)  # keep the word and its full stop centred as one
    detail = 'a square full stop' if square else 'a round full stop'
    return (
        f'<g transform="translate({_n(-shift)} 0)">{placed.body}{mark}</g>',
        f'the name in {placed.face}, {placed.case}, closed with {detail} in the accent',
    )


def _accent_bar(placed: _Placed, rng: random.Random) -> tuple[str, str]:
    block = placed.block
    thickness = max(block.cap * 0.12, 2.5)
    last_width = block.lines[-1].width_em * block.size
    length = max(last_width * rng.uniform(0.16, 0.3), thickness * 3)
    left = CENTER_X - last_width / 2 if block.outlined else CENTER_X - length / 2
    if block.outlined and block.rtl:
        left = CENTER_X + last_width / 2 - length  # under the start of a right-to-left line, its right end
    y = placed.last_baseline + block.cap * rng.uniform(0.3, 0.42)
    body = placed.body + (
        f'<rect x="{_n(left)}" y="{_n(y)}" width="{_n(length)}" height="{_n(thickness)}" '
        f'rx="{_n(thickness / 2)}" fill="{placed.brief.inks.spark}"/>'
    )
    return (
        f'<g transform="translate(0 {_n(-(y + thickness - placed.last_baseline) / 2)})">{body}</g>',
        f'the name in {placed.face}, {placed.case}, underscored by a short accent bar',
    )


def _rules(placed: _Placed, _rng: random.Random) -> tuple[str, str]:
    inks = placed.brief.inks
    rule = 36.0
    gap = 18.0
    mid = placed.top + placed.block.height / 2
    left = CENTER_X - placed.block.width / 2 - gap
    right = CENTER_X + placed.block.width / 2 + gap
    body = placed.body + (
        f'<path d="M{_n(left - rule)} {_n(mid)}H{_n(left)}M{_n(right)} {_n(mid)}H{_n(right + rule)}" '
        f'{_stroke(inks.brand, 2)}/>'
        f'<rect x="{_n(left - rule - 10)}" y="{_n(mid - 3)}" width="6" height="6" fill="{inks.spark}" '
        f'transform="rotate(45 {_n(left - rule - 7)} {_n(mid)})"/>'
        f'<rect x="{_n(right + rule + 4)}" y="{_n(mid - 3)}" width="6" height="6" fill="{inks.spark}" '
        f'transform="rotate(45 {_n(right + rule + 7)} {_n(mid)})"/>'
    )
    return body, f'widely tracked capitals in {placed.face} between hairline rules and accent diamonds'


# How each layout closes the name: its SVG and the words that describe the whole wordmark.
_DETAILS: dict[str, Callable[[_Placed, random.Random], tuple[str, str]]] = {
    'dot': _full_stop,
    'bar': _accent_bar,
    'rules': _rules,
}


def draw_wordmark(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    words = brief.name.split(' ')
    layout = _layout(brief, words, turn)
    mode = 'upper' if layout == 'rules' else _wordmark_case(brief, rng)
    tracking = _tracking(brief, rng, layout=layout, mode=mode)
    weight = brief.light if layout == 'rules' else brief.weight
    mode = _name_line_case(brief.name, brief, mode, weight=weight, tracking=tracking)
    cap = rng.uniform(30, 36) if layout == 'rules' else rng.uniform(50, 60)
    if layout == 'split':
        split = _split(brief, words, mode=mode, tracking=tracking, cap=cap)
        if split is not None:
            return split
        layout = 'dot'
    max_width = WIDTH - 2 * MARGIN - (90 if layout == 'rules' else 24)
    text = _case(brief.name, mode)
    one_line = layout == 'rules' and len(text) <= 28
    block = fit_text(
        text, brief.face, weight=weight, tracking=tracking, max_width=max_width, cap=cap, max_lines=1 if one_line else 3
    )
    top = CENTER_Y - block.height / 2
    placed = _Placed(
        brief=brief,
        block=block,
        top=top,
        body=block.place(top=top, center_x=CENTER_X, fill=brief.inks.wordmark_color()),
        face=f'{brief.face.family} {WEIGHT_NAMES[block.lines[-1].weight]}',
        case=_CASE_PHRASES[mode],
    )
    if not block.outlined and layout == 'dot':
        layout = 'bar'  # live text's width is a guess: a full stop could land inside the name or far from it
    body, phrase = _DETAILS[layout](placed, rng)
    return Drawing(body=body, composition=phrase, outlined=block.outlined, weight=block.lines[-1].weight)
