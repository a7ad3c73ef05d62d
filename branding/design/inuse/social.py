"""Social media: the LinkedIn company banner (1584x396) and X header (1500x500), whose lower left the profile
picture covers, so their words sit to the right; an Instagram post (1080x1080); the avatar (800x800, cropped to a
circle, so the icon keeps inside its central 80%)."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.pieces import app_icon, logo


def _headline(ctx: InUse) -> str:
    return ctx.tagline or ctx.name


def linkedin(ctx: InUse) -> Canvas:
    width, height = 1584, 396
    canvas = Canvas(width=width, height=height, label=f'{ctx.name} LinkedIn banner')
    ground = ctx.light.primary
    canvas.rect(0, 0, width, height, fill=ground)
    canvas.circle(150, 420, 330, fill=ctx.light.secondary)
    canvas.circle(430, 70, 22, fill=ctx.light.accent)
    canvas.fit(
        _headline(ctx),
        ctx.heading,
        x=600,
        top=92,
        width=900,
        cap=44,
        max_height=150,
        fill=readable(ground, ctx.light.on_primary),
        background=ground,
        align='right',
        max_lines=2,
    )
    logo(canvas, ctx, ground=ground, x=1000, y=250, w=500, h=110, align='right')
    return canvas


def x_header(ctx: InUse) -> Canvas:
    width, height = 1500, 500
    canvas = Canvas(width=width, height=height, label=f'{ctx.name} X header')
    ground = ctx.dark.background
    canvas.rect(0, 0, width, height, fill=ground)
    canvas.rect(0, 0, 460, height, fill=ctx.dark.primary)
    canvas.circle(460, 250, 120, fill=ctx.dark.secondary)
    canvas.circle(460, 250, 24, fill=ctx.dark.accent)
    text = readable(ground, ctx.dark.text)
    bottom = canvas.fit(
        _headline(ctx),
        ctx.heading,
        x=660,
        top=120,
        width=760,
        cap=48,
        max_height=200,
        fill=text,
        background=ground,
        max_lines=3,
    )
    logo(canvas, ctx, ground=ground, x=660, y=max(bottom + 40, 330), w=420, h=90, align='left')
    return canvas


def instagram(ctx: InUse) -> Canvas:
    size = 1080
    canvas = Canvas(width=size, height=size, label=f'{ctx.name} Instagram post')
    ground = ctx.light.background
    canvas.rect(0, 0, size, size, fill=ground)
    canvas.rect(96, 120, 96, 12, fill=ctx.light.accent, rx=6)
    canvas.paragraph(  # a poster's headline: large, broken into lines rather than shrunk onto one
        _headline(ctx),
        ctx.heading,
        x=96,
        top=210,
        width=size - 192,
        size=92,
        weight=700,
        fill=readable(ground, ctx.light.text),
        background=ground,
        max_lines=4,
    )
    band = ctx.light.primary
    canvas.rect(0, 740, size, size - 740, fill=band)
    logo(canvas, ctx, ground=band, x=96, y=800, w=size - 192, h=220, align='left')
    return canvas


def avatar(ctx: InUse) -> Canvas:
    size = 800
    canvas = Canvas(width=size, height=size, label=f'{ctx.name} avatar')
    canvas.rect(0, 0, size, size, fill=ctx.light.surface)
    app_icon(canvas, ctx, x=120, y=120, size=560)
    return canvas
