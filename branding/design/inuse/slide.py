"""A presentation's title slide, 1920x1080: the name as the title and the tagline below it on the light ground, the
logo on a primary band to the right, one accent rule."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.copy import mockup_copy
from branding.design.inuse.pieces import logo

WIDTH = 1920
HEIGHT = 1080


def title(ctx: InUse) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} title slide')
    ground = ctx.light.background
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=ground)
    band_x = 1240
    band = ctx.light.primary
    canvas.rect(band_x, 0, WIDTH - band_x, HEIGHT, fill=band)
    logo(canvas, ctx, ground=band, x=band_x + 100, y=340, w=WIDTH - band_x - 200, h=400)
    column = band_x - 320
    bottom = canvas.paragraph(
        mockup_copy().slide_kicker,
        ctx.body,
        x=160,
        top=300,
        width=column,
        size=28,
        weight=600,
        fill=readable(ground, ctx.light.muted_text),
        background=ground,
        max_lines=1,
    )
    canvas.rect(160, bottom + 40, 120, 10, fill=ctx.light.accent, rx=5)
    bottom = canvas.fit(
        ctx.name,
        ctx.heading,
        x=160,
        top=bottom + 110,
        width=column,
        cap=86,
        max_height=300,
        fill=readable(ground, ctx.light.text),
        background=ground,
        max_lines=3,
    )
    if ctx.tagline:
        canvas.paragraph(
            ctx.tagline,
            ctx.body,
            x=160,
            top=bottom + 60,
            width=column,
            size=36,
            fill=readable(ground, ctx.light.muted_text),
            background=ground,
            max_lines=3,
        )
    return canvas
