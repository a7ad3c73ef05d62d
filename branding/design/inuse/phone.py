"""A phone's home screen (1170x2532, an iPhone's) with the brand's app icon among others: the wallpaper in the dark
theme, the other apps as quiet grey tiles so the brand's icon is the one that stands out."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.copy import mockup_copy
from branding.design.inuse.pieces import app_icon

WIDTH = 1170
HEIGHT = 2532
ICON = 192
COLUMNS = 4
GUTTER = (WIDTH - COLUMNS * ICON) / (COLUMNS + 1)


def _tile(canvas: Canvas, ctx: InUse, *, x: float, y: float, index: int) -> None:
    theme = ctx.dark
    canvas.rect(x, y, ICON, ICON, fill=theme.surface, rx=ICON * 0.225, stroke=theme.border)
    shape = index % 3
    if shape == 0:
        canvas.circle(x + ICON / 2, y + ICON / 2, ICON * 0.22, fill=theme.muted_text)
    elif shape == 1:
        canvas.rect(x + ICON * 0.3, y + ICON * 0.3, ICON * 0.4, ICON * 0.4, fill=theme.muted_text, rx=ICON * 0.06)
    else:
        canvas.rect(x + ICON * 0.25, y + ICON * 0.42, ICON * 0.5, ICON * 0.16, fill=theme.muted_text, rx=ICON * 0.08)


def home_screen(ctx: InUse) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} app on a phone home screen')
    theme = ctx.dark
    ground = theme.background
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=ground)
    # the wallpaper: two soft discs of the brand's colours, below the icons (labels stay on the plain ground)
    canvas.raw(
        f'<circle cx="{WIDTH * 0.9:.0f}" cy="{HEIGHT * 0.8:.0f}" r="560" fill="{theme.primary}" opacity="0.55"/>'
    )
    canvas.raw(
        f'<circle cx="{WIDTH * 0.1:.0f}" cy="{HEIGHT * 0.97:.0f}" r="380" fill="{theme.secondary}" opacity="0.5"/>'
    )
    words = mockup_copy()
    label_ink = readable(ground, theme.text)
    canvas.paragraph(
        words.time,
        ctx.body,
        x=110,
        top=70,
        width=200,
        size=50,
        weight=600,
        fill=label_ink,
        background=ground,
        max_lines=1,
    )
    names = [ctx.name, *words.apps]
    for index, name in enumerate(names[:16]):
        row, column = divmod(index, COLUMNS)
        x = GUTTER + column * (ICON + GUTTER)
        y = 260 + row * (ICON + 130)
        if index == 0:
            app_icon(canvas, ctx, x=x, y=y, size=ICON)
        else:
            _tile(canvas, ctx, x=x, y=y, index=index)
        canvas.paragraph(
            name,
            ctx.body,
            x=x - 20,
            top=y + ICON + 30,
            width=ICON + 40,
            size=30,
            fill=label_ink,
            background=ground,
            align='center',
            max_lines=1,
        )
    dock_y = HEIGHT - 420
    canvas.rect(48, dock_y, WIDTH - 96, 300, fill=theme.surface, rx=90)
    for column in range(COLUMNS):
        _tile(canvas, ctx, x=GUTTER + column * (ICON + GUTTER), y=dock_y + 54, index=column)
    return canvas
