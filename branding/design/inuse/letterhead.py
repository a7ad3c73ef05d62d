"""A4 letterhead (210 x 297 mm; drawn at 150 dpi, 1240 x 1754 px, and printing at size from the SVG): the logo and
contact lines in the header, a primary rule, a short letter in the body face, the address in the footer."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.copy import domain, mockup_copy
from branding.design.inuse.pieces import logo

WIDTH = 1240
HEIGHT = 1754
MARGIN = 142  # 24 mm
TEXT = 24  # 11.5 pt at 150 dpi


def letterhead(ctx: InUse) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} letterhead', physical=('210mm', '297mm'))
    words = mockup_copy()
    ground = ctx.light.surface
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=ground)
    logo(canvas, ctx, ground=ground, x=MARGIN, y=110, w=520, h=110, align='left')
    muted = readable(ground, ctx.light.muted_text)
    text = readable(ground, ctx.light.text)
    site = domain(ctx.name)
    top = 128.0
    for line in (words.phone, f'{words.email_user}@{site}', site):
        top = (
            canvas.paragraph(
                line,
                ctx.body,
                x=WIDTH - MARGIN - 360,
                top=top,
                width=360,
                size=19,
                fill=muted,
                background=ground,
                align='right',
                max_lines=1,
            )
            + 18
        )
    canvas.rect(MARGIN, 270, WIDTH - 2 * MARGIN, 4, fill=ctx.light.primary)
    column = WIDTH - 2 * MARGIN
    top = canvas.paragraph(
        words.letter_greeting, ctx.body, x=MARGIN, top=400, width=column, size=TEXT, fill=text, background=ground
    )
    for paragraph in (words.letter_body, ctx.copy):
        if paragraph:
            top = canvas.paragraph(
                paragraph,
                ctx.body,
                x=MARGIN,
                top=top + 50,
                width=column,
                size=TEXT,
                fill=text,
                background=ground,
                max_lines=6,
            )
    top = canvas.paragraph(
        words.letter_closing, ctx.body, x=MARGIN, top=top + 50, width=column, size=TEXT, fill=text, background=ground
    )
    top = canvas.paragraph(
        words.person,
        ctx.heading,
        x=MARGIN,
        top=top + 90,
        width=column,
        size=TEXT,
        weight=700,
        fill=text,
        background=ground,
    )
    canvas.paragraph(
        f'{words.role}, {ctx.name}',
        ctx.body,
        x=MARGIN,
        top=top + 18,
        width=column,
        size=TEXT,
        fill=muted,
        background=ground,
        max_lines=2,
    )
    canvas.rect(MARGIN, HEIGHT - 170, 60, 6, fill=ctx.light.accent, rx=3)
    canvas.paragraph(
        f'{ctx.name} · {words.address}',
        ctx.body,
        x=MARGIN,
        top=HEIGHT - 130,
        width=column,
        size=18,
        fill=muted,
        background=ground,
        max_lines=2,
    )
    return canvas
