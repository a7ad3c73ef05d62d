"""The brand board: the kit at a glance in one image. The full board (1600x1000) shows the primary logo large, the
reversed logo and the tagline on the primary colour, the palette as named swatches with hex, the heading and body faces
in a specimen and the app icon; the link-preview board (1200x630, what a pasted link unfurls into) the logo, the
tagline and the palette."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, Swatch, prefers_dark_text, readable
from branding.design.inuse.pieces import app_icon, logo

BOARD_SIZE = (1600, 1000)
PREVIEW_SIZE = (1200, 630)
GAP = 32
MARGIN = 64


def _swatch(canvas: Canvas, ctx: InUse, swatch: Swatch, *, x: float, y: float, w: float, h: float) -> None:
    canvas.rect(x, y, w, h, fill=swatch.hex, rx=16)
    if swatch.hex.lower() in {ctx.light.background.lower(), ctx.light.surface.lower()}:
        canvas.rect(x, y, w, h, fill='none', rx=16, stroke=ctx.light.border)
    ink = readable(swatch.hex, ctx.light.text if prefers_dark_text(swatch.hex) else '#ffffff')
    inner = w - 40
    canvas.paragraph(
        swatch.role.title(),
        ctx.body,
        x=x + 20,
        top=y + 24,
        width=inner,
        size=17,
        fill=ink,
        background=swatch.hex,
        max_lines=1,
    )
    bottom = canvas.fit(  # a long colour name shrinks to the swatch rather than losing its end
        swatch.name,
        ctx.heading,
        x=x + 20,
        top=y + h - 74,
        width=inner,
        cap=16,
        fill=ink,
        background=swatch.hex,
        weight=600,
        max_lines=1,
    )
    canvas.paragraph(
        swatch.hex.upper(),
        ctx.body,
        x=x + 20,
        top=bottom + 14,
        width=inner,
        size=17,
        fill=ink,
        background=swatch.hex,
        max_lines=1,
    )


def _primary_panel(canvas: Canvas, ctx: InUse, *, x: float, y: float, w: float, h: float) -> None:
    ground = ctx.light.primary
    canvas.rect(x, y, w, h, fill=ground, rx=24)
    has_tagline = bool(ctx.tagline)
    logo_h = h * (0.44 if has_tagline else 0.56)
    logo(canvas, ctx, ground=ground, x=x + 48, y=y + (h * 0.1 if has_tagline else (h - logo_h) / 2), w=w - 96, h=logo_h)
    if has_tagline:
        canvas.paragraph(
            ctx.tagline,
            ctx.heading,
            x=x + 56,
            top=y + h * 0.64,
            width=w - 112,
            size=32,
            weight=600,
            fill=readable(ground, ctx.light.on_primary),
            background=ground,
            max_lines=3,
            align='center',
        )


def _specimen(canvas: Canvas, ctx: InUse, *, x: float, y: float, w: float, h: float) -> None:
    ground = ctx.light.surface
    canvas.rect(x, y, w, h, fill=ground, rx=24)
    text = readable(ground, ctx.light.text)
    muted = readable(ground, ctx.light.muted_text)
    canvas.fit('Aa', ctx.heading, x=x + 32, top=y + 40, width=120, cap=80, fill=text, background=ground, max_lines=1)
    canvas.paragraph(
        ctx.heading.family,
        ctx.heading,
        x=x + 176,
        top=y + 44,
        width=w - 208,
        size=30,
        weight=700,
        fill=text,
        background=ground,
        max_lines=1,
    )
    canvas.paragraph(
        'Headings', ctx.body, x=x + 176, top=y + 96, width=w - 208, size=18, fill=muted, background=ground, max_lines=1
    )
    canvas.paragraph(
        ctx.body.family,
        ctx.body,
        x=x + 32,
        top=y + 168,
        width=w - 64,
        size=22,
        weight=600,
        fill=text,
        background=ground,
        max_lines=1,
    )
    sample = ctx.copy or 'The quick brown fox jumps over the lazy dog. 0123456789'
    canvas.paragraph(
        sample, ctx.body, x=x + 32, top=y + 212, width=w - 64, size=18, fill=muted, background=ground, max_lines=4
    )


def board(ctx: InUse) -> Canvas:
    """The full brand board, 1600x1000."""
    width, height = BOARD_SIZE
    canvas = Canvas(width=width, height=height, label=f'{ctx.name} brand board')
    ground = ctx.light.background
    canvas.rect(0, 0, width, height, fill=ground)
    top_h = 500
    left_w = 800
    canvas.rect(MARGIN, MARGIN, left_w, top_h, fill=ctx.light.surface, rx=24)
    logo(canvas, ctx, ground=ctx.light.surface, x=MARGIN + 64, y=MARGIN + 64, w=left_w - 128, h=top_h - 128)
    right_x = MARGIN + left_w + GAP
    right_w = width - MARGIN - right_x
    _primary_panel(canvas, ctx, x=right_x, y=MARGIN, w=right_w, h=top_h)
    row_y = MARGIN + top_h + GAP
    row_h = height - MARGIN - row_y
    swatches = ctx.swatches[:5]
    swatch_w = (left_w - GAP / 2 * (len(swatches) - 1)) / len(swatches)
    for index, swatch in enumerate(swatches):
        _swatch(canvas, ctx, swatch, x=MARGIN + index * (swatch_w + GAP / 2), y=row_y, w=swatch_w, h=row_h)
    icon_size = 200
    specimen_w = right_w - icon_size - GAP
    _specimen(canvas, ctx, x=right_x, y=row_y, w=specimen_w, h=row_h)
    app_icon(canvas, ctx, x=width - MARGIN - icon_size, y=row_y + row_h - icon_size, size=icon_size)
    return canvas


def preview(ctx: InUse) -> Canvas:
    """The link-preview board, 1200x630: the logo and tagline on the light ground, the palette as a column of bands."""
    width, height = PREVIEW_SIZE
    canvas = Canvas(width=width, height=height, label=f'{ctx.name} brand')
    ground = ctx.light.background
    canvas.rect(0, 0, width, height, fill=ground)
    bands_w = 360
    left_w = width - bands_w
    has_tagline = bool(ctx.tagline)
    logo_h = 250 if has_tagline else 340
    logo(canvas, ctx, ground=ground, x=72, y=80 if has_tagline else (height - logo_h) / 2, w=left_w - 144, h=logo_h)
    if has_tagline:
        canvas.paragraph(
            ctx.tagline,
            ctx.heading,
            x=72,
            top=400,
            width=left_w - 144,
            size=40,
            weight=600,
            fill=readable(ground, ctx.light.text),
            background=ground,
            max_lines=3,
            align='center',
        )
    swatches = ctx.swatches[:4]
    band_h = height / len(swatches)
    for index, swatch in enumerate(swatches):
        y = index * band_h
        canvas.rect(left_w, y, bands_w, band_h + 1, fill=swatch.hex)
        ink = readable(swatch.hex, ctx.light.text if prefers_dark_text(swatch.hex) else '#ffffff')
        canvas.fit(  # a long colour name shrinks to the band rather than losing its end
            f'{swatch.name}  {swatch.hex.upper()}',
            ctx.body,
            x=left_w + 32,
            top=y + band_h / 2 - 9,
            width=bands_w - 64,
            cap=18,
            weight=600,
            fill=ink,
            background=swatch.hex,
            max_lines=1,
        )
    return canvas
