"""A website's first screen, 1440x900, in the kit's light and dark themes: the navigation with the logo, the tagline
as the headline, a line of copy in the body face, a primary and a secondary button, and a panel in the secondary
colour holding the app icon (accent kept to one detail)."""

from __future__ import annotations

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.copy import mockup_copy
from branding.design.inuse.pieces import app_icon, nav_logo
from branding.models import ThemeColors

WIDTH = 1440
HEIGHT = 900
SIDE = 120
NAV_LOGO = (24, 420, 64)  # the navigation bar's logo slot: top, width and height in px (the bar is 111 px high)


def _button(canvas: Canvas, ctx: InUse, label: str, *, x: float, y: float, fill: str, ink: str, ground: str) -> float:
    """A button `fill` (or outlined in `ink` when `fill` is the ground) at `x`; returns its right edge."""
    words = ctx.body
    width = 220
    canvas.rect(x, y, width, 64, fill=fill, rx=12, stroke='' if fill != ground else ink)
    canvas.paragraph(
        label,
        words,
        x=x + 16,
        top=y + 23,
        width=width - 32,
        size=20,
        weight=600,
        fill=ink,
        background=fill,
        align='center',
        max_lines=1,
    )
    return x + width


def _nav(canvas: Canvas, ctx: InUse, theme: ThemeColors) -> None:
    ground = theme.background
    # a wide lockup drawn in to its ink (the bar is its clear space), up to where the links begin
    nav_logo(canvas, ctx, ground=ground, x=SIDE, y=NAV_LOGO[0], w=NAV_LOGO[1], h=NAV_LOGO[2])
    muted = readable(ground, theme.text)
    x = WIDTH - SIDE - 150 - 3 * 130
    for link in mockup_copy().nav_links[:3]:
        canvas.paragraph(link, ctx.body, x=x, top=50, width=110, size=18, fill=muted, background=ground, max_lines=1)
        x += 130
    canvas.rect(WIDTH - SIDE - 130, 30, 130, 52, fill=ground, rx=10, stroke=theme.border)
    canvas.paragraph(
        mockup_copy().sign_in,
        ctx.body,
        x=WIDTH - SIDE - 120,
        top=50,
        width=110,
        size=18,
        weight=600,
        fill=muted,
        background=ground,
        align='center',
        max_lines=1,
    )
    canvas.rect(0, 111, WIDTH, 1, fill=theme.border)


def _hero(ctx: InUse, theme: ThemeColors, label: str) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} website, {label}')
    ground = theme.background
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=ground)
    _nav(canvas, ctx, theme)
    column = 660
    bottom = canvas.paragraph(
        ctx.name,
        ctx.body,
        x=SIDE,
        top=240,
        width=column,
        size=18,
        weight=700,
        fill=readable(ground, theme.accent),
        background=ground,
        max_lines=1,
    )
    bottom = canvas.fit(
        ctx.tagline or ctx.name,
        ctx.heading,
        x=SIDE,
        top=bottom + 36,
        width=column,
        cap=50,
        max_height=220,
        fill=readable(ground, theme.text),
        background=ground,
        max_lines=3,
    )
    copy = ctx.copy or mockup_copy().sample_text
    bottom = canvas.paragraph(
        copy,
        ctx.body,
        x=SIDE,
        top=bottom + 44,
        width=column - 60,
        size=21,
        fill=readable(ground, theme.muted_text),
        background=ground,
        max_lines=4,
    )
    words = mockup_copy()
    y = max(bottom + 48, 600)
    right = _button(
        canvas,
        ctx,
        words.primary_button,
        x=SIDE,
        y=y,
        fill=theme.primary,
        ink=readable(theme.primary, theme.on_primary),
        ground=ground,
    )
    _button(
        canvas,
        ctx,
        words.secondary_button,
        x=right + 20,
        y=y,
        fill=ground,
        ink=readable(ground, theme.text),
        ground=ground,
    )
    panel_x, panel_y = 880, 200
    canvas.rect(panel_x, panel_y, WIDTH - SIDE - panel_x, 560, fill=theme.secondary, rx=32)
    canvas.circle(WIDTH - SIDE - 64, panel_y + 64, 18, fill=theme.accent)
    app_icon(canvas, ctx, x=panel_x + (WIDTH - SIDE - panel_x - 240) / 2, y=panel_y + 160, size=240)
    return canvas


def light(ctx: InUse) -> Canvas:
    return _hero(ctx, ctx.light, 'light')


def dark(ctx: InUse) -> Canvas:
    return _hero(ctx, ctx.dark, 'dark')
