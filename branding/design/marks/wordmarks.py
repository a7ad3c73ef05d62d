"""The wordmark: the name alone, closed with a full stop, underscored, split in two weights or set between rules."""

from __future__ import annotations

import random

from branding.design.marks.brief import Brief, tone_has
from branding.design.marks.layout import CENTER_X, CENTER_Y, MARGIN, WIDTH, Drawing, _case, _name_line_case
from branding.design.marks.shapes import _stroke
from branding.design.marks.text import _n
from branding.design.marks.turns import _pick
from branding.design.marks.typesetting import WEIGHT_NAMES, fit_text, set_line


def _wordmark_case(brief: Brief, rng: random.Random) -> str:
    if brief.face.is_script:
        return 'as-is'
    if tone_has(brief.tone, 'elegant', 'luxur', 'bold'):
        return rng.choice(('upper', 'upper', 'as-is'))
    if tone_has(brief.tone, 'minimal', 'friendly', 'playful', 'casual'):
        return rng.choice(('lower', 'lower', 'as-is'))
    return rng.choice(('as-is', 'as-is', 'upper', 'lower'))


_CASE_PHRASES = {'upper': 'in capitals', 'lower': 'all in lower case', 'as-is': 'in its own capitalisation'}


def draw_wordmark(brief: Brief, rng: random.Random, turn: int) -> Drawing:
    layouts = ['dot', 'bar', 'split', 'rules'] if not brief.face.is_script else ['dot', 'bar']
    if tone_has(brief.tone, 'elegant', 'luxur', 'refined') and not brief.face.is_script:
        layouts = ['rules', 'split', 'dot', 'bar']
    words = brief.name.split(' ')
    layout = _pick(layouts, turn)
    if layout == 'split' and len(words) < 2:
        layout = 'bar'
    inks = brief.inks
    mode = 'upper' if layout == 'rules' else _wordmark_case(brief, rng)
    tracking = rng.uniform(0.16, 0.24) if layout == 'rules' else rng.uniform(-0.025, 0.02)
    if mode == 'upper' and layout != 'rules':
        tracking += 0.06
    if brief.face.is_script:
        tracking = 0.0
    weight = brief.light if layout == 'rules' else brief.weight
    mode = _name_line_case(brief.name, brief, mode, weight=weight, tracking=tracking)
    text = _case(brief.name, mode)
    cap = rng.uniform(30, 36) if layout == 'rules' else rng.uniform(50, 60)
    color = inks.wordmark_color()
    typeface = f'{brief.face.family}'
    if layout == 'split':
        first = set_line(_case(f'{words[0]} ', mode), brief.face, weight=brief.strong, tracking=tracking)
        rest = set_line(_case(' '.join(words[1:]), mode), brief.face, weight=brief.light, tracking=tracking)
        width_em = first.width_em + rest.width_em
        size = min(cap / first.cap_em, (WIDTH - 2 * MARGIN) / width_em)
        if size * first.cap_em >= 24 and first.outlined and rest.outlined:  # live text widths are guesses
            left = CENTER_X - width_em * size / 2
            baseline = CENTER_Y + first.cap_em * size / 2
            body = first.place(left=left, baseline=baseline, size=size, fill=inks.ink) + rest.place(
                left=left + first.width_em * size, baseline=baseline, size=size, fill=inks.brand
            )
            return Drawing(
                body=body,
                composition=(
                    f'"{words[0]}" in {typeface} {WEIGHT_NAMES[first.weight]} against the rest in '
                    f'{WEIGHT_NAMES[rest.weight]} and the brand colour, {_CASE_PHRASES[mode]}'
                ),
                outlined=first.outlined and rest.outlined,
                weight=first.weight,
            )
        layout = 'dot'
    max_width = WIDTH - 2 * MARGIN - (90 if layout == 'rules' else 24)
    one_line = layout == 'rules' and len(text) <= 28
    block = fit_text(
        text, brief.face, weight=weight, tracking=tracking, max_width=max_width, cap=cap, max_lines=1 if one_line else 3
    )
    top = CENTER_Y - block.height / 2
    body = block.place(top=top, center_x=CENTER_X, fill=color)
    last_line = block.lines[-1]
    last_baseline = top + block.height
    line_right = CENTER_X + last_line.width_em * block.size / 2
    weight_name = WEIGHT_NAMES[last_line.weight]
    if not block.outlined and layout == 'dot':
        layout = 'bar'  # live text's width is a guess: a full stop could land inside the name or far from it
    if layout == 'dot':
        radius = block.cap * rng.uniform(0.1, 0.13)
        square = tone_has(brief.tone, 'technical', 'minimal')
        gap = block.cap * 0.08 + radius
        cx, cy = line_right + gap, last_baseline - radius
        mark = (
            f'<rect x="{_n(cx - radius)}" y="{_n(cy - radius)}" width="{_n(radius * 2)}" height="{_n(radius * 2)}" '
            f'fill="{inks.spark}"/>'
            if square
            else f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(radius)}" fill="{inks.spark}"/>'
        )
        shift = (gap + radius) / 2  # keep the word and its full stop centred as one
        body = f'<g transform="translate({_n(-shift)} 0)">{body}{mark}</g>'
        detail = 'a square full stop' if square else 'a round full stop'
        phrase = f'the name in {typeface} {weight_name}, {_CASE_PHRASES[mode]}, closed with {detail} in the accent'
    elif layout == 'bar':
        thickness = max(block.cap * 0.12, 2.5)
        last_width = last_line.width_em * block.size
        length = max(last_width * rng.uniform(0.16, 0.3), thickness * 3)
        left = CENTER_X - last_width / 2 if block.outlined else CENTER_X - length / 2
        y = last_baseline + block.cap * rng.uniform(0.3, 0.42)
        body += (
            f'<rect x="{_n(left)}" y="{_n(y)}" width="{_n(length)}" height="{_n(thickness)}" '
            f'rx="{_n(thickness / 2)}" fill="{inks.spark}"/>'
        )
        body = f'<g transform="translate(0 {_n(-(y + thickness - last_baseline) / 2)})">{body}</g>'
        phrase = f'the name in {typeface} {weight_name}, {_CASE_PHRASES[mode]}, underscored by a short accent bar'
    else:
        rule = 36.0
        gap = 18.0
        mid = top + block.height / 2
        left = CENTER_X - block.width / 2 - gap
        right = CENTER_X + block.width / 2 + gap
        body += (
            f'<path d="M{_n(left - rule)} {_n(mid)}H{_n(left)}M{_n(right)} {_n(mid)}H{_n(right + rule)}" '
            f'{_stroke(inks.brand, 2)}/>'
            f'<rect x="{_n(left - rule - 10)}" y="{_n(mid - 3)}" width="6" height="6" fill="{inks.spark}" '
            f'transform="rotate(45 {_n(left - rule - 7)} {_n(mid)})"/>'
            f'<rect x="{_n(right + rule + 4)}" y="{_n(mid - 3)}" width="6" height="6" fill="{inks.spark}" '
            f'transform="rotate(45 {_n(right + rule + 7)} {_n(mid)})"/>'
        )
        phrase = f'widely tracked capitals in {typeface} {weight_name} between hairline rules and accent diamonds'
    return Drawing(body=body, composition=phrase, outlined=block.outlined, weight=last_line.weight)
