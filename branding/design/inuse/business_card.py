"""The business card, 3.5 x 2 in at 300 dpi (1050 x 600 px trimmed) with 0.125 in of bleed on every side: the front
the logo on the primary colour, the back a person's details on the light surface with the primary colour as a band."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.copy import domain, mockup_copy
from branding.design.inuse.pieces import logo

DPI = 300
BLEED = 37.5  # 0.125 in
TRIM = (1050, 600)
WIDTH = 1125
HEIGHT = 675
SAFE = BLEED + 48  # text and logo stay this far inside the cut


def front(ctx: InUse) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} business card, front', physical=('3.75in', '2.25in'))
    ground = ctx.light.primary
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=ground)
    logo(canvas, ctx, ground=ground, x=SAFE + 90, y=SAFE + 60, w=WIDTH - 2 * SAFE - 180, h=HEIGHT - 2 * SAFE - 120)
    canvas.rect(0, HEIGHT - BLEED - 14, WIDTH, BLEED + 14, fill=ctx.light.accent)
    return canvas


def back(ctx: InUse) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} business card, back', physical=('3.75in', '2.25in'))
    words = mockup_copy()
    ground = ctx.light.surface
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=ground)
    band_x = WIDTH * 0.68
    canvas.rect(band_x, 0, WIDTH - band_x, HEIGHT, fill=ctx.light.primary)
    logo(
        canvas,
        ctx,
        ground=ctx.light.primary,
        x=band_x + 48,
        y=SAFE + 80,
        w=WIDTH - band_x - 48 - SAFE,
        h=HEIGHT - 2 * SAFE - 160,
    )
    text = readable(ground, ctx.light.text)
    muted = readable(ground, ctx.light.muted_text)
    column = band_x - SAFE - 56
    bottom = canvas.fit(
        words.person,
        ctx.heading,
        x=SAFE,
        top=SAFE + 40,
        width=column,
        cap=40,
        fill=text,
        background=ground,
        max_lines=1,
    )
    bottom = canvas.paragraph(
        words.role,
        ctx.body,
        x=SAFE,
        top=bottom + 24,
        width=column,
        size=30,
        fill=muted,
        background=ground,
        max_lines=1,
    )
    canvas.rect(SAFE, bottom + 36, 72, 8, fill=ctx.light.accent, rx=4)
    site = domain(ctx.name)
    top = HEIGHT - SAFE - 160
    for line in (words.phone, f'{words.email_user}@{site}', site):
        top = (
            canvas.paragraph(
                line, ctx.body, x=SAFE, top=top, width=column, size=30, fill=text, background=ground, max_lines=1
            )
            + 28
        )
    return canvas
