"""What several mockups draw alike: the logo on a given ground (the kit's name set in its heading face when the kit
has no logo) and the app icon on its tile."""

from __future__ import annotations

import re

from branding.design.inuse.canvas import Align, Canvas, view_box_aspect
from branding.design.inuse.context import InUse, prefers_dark_text, readable
from branding.design.marks.raster import Box, ink_box
from branding.design.marks.text import initials
from branding.design.marks.typesetting import set_line

WIDE_BOX = 3.0  # a slot this many times as wide as it is high
STACKED = 1.6  # a logo file narrower than this (symbol above the name) is too small in one
LONG_NAME = 40  # characters: a logo with a name this long is the icon in a small slot
SMALL_SLOT = (560, 360)  # px: narrower or lower than this
NAME_CAP = 0.34  # the name's cap height beside the icon, of the icon's size
MIN_SHRINK = 0.7  # the name may shrink this far to fit beside it
INK_PIXELS = 600  # a lockup's ink is found with its long side rendered this many pixels long
TIGHT_MARGIN = 0.06  # of the ink's height: what a tight lockup keeps around its ink
TIGHT_HEIGHT = 0.72  # of its slot's height: a tight lockup's height (its ink nearly all of it)
_VIEW_BOX = re.compile(r'viewBox="\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)\s*"')


def logo(
    canvas: Canvas, ctx: InUse, *, ground: str, x: float, y: float, w: float, h: float, align: Align = 'center'
) -> None:
    """The logo that reads on `ground`, as large as fits the box; aligned left, centred or right in it."""
    svg = ctx.logo_for(ground)
    if svg is None:
        cap = h * 0.42
        canvas.fit(
            ctx.name,
            ctx.heading,
            x=x,
            top=y,
            width=w,
            cap=cap,
            max_height=h,
            middle=True,
            fill=readable(ground, ctx.light.primary if ground == ctx.light.background else ctx.light.text),
            background=ground,
            align=align,
            max_lines=2,
        )
        return
    # a long name's lettering would be too small to read in a small slot: the icon stands in
    if len(ctx.name) > LONG_NAME and (h < SMALL_SLOT[1] or w < SMALL_SLOT[0]):
        side = min(w, h)
        left = {'left': x, 'center': x + (w - side) / 2, 'right': x + w - side}[align]
        app_icon(canvas, ctx, x=left, y=y + (h - side) / 2, size=side)
        return
    aspect = view_box_aspect(svg)
    if w / h >= WIDE_BOX and aspect < STACKED and _name_fits_beside(ctx, w=w, h=h):
        _side_by_side(canvas, ctx, ground=ground, x=x, y=y, w=w, h=h, align=align)
        return
    width = min(w, h * aspect)
    left = {'left': x, 'center': x + (w - width) / 2, 'right': x + w - width}[align]
    canvas.image(svg, x=left, y=y, w=width, h=h)


def nav_logo(canvas: Canvas, ctx: InUse, *, ground: str, x: float, y: float, w: float, h: float) -> None:
    """The logo flush left in a slot whose layout keeps clear space around it (a navigation bar). A wide lockup is
    drawn to its ink (see tight_lockup), TIGHT_HEIGHT of the slot high and centred in it; one whose ink is not wide
    (a name set in lines beside the icon) is the icon with the name beside it; any other logo as `logo` draws it."""
    svg = ctx.logo_for(ground)
    if svg is None or view_box_aspect(svg) < STACKED or len(ctx.name) > LONG_NAME:
        logo(canvas, ctx, ground=ground, x=x, y=y, w=w, h=h, align='left')
        return
    cropped = tight_lockup(svg)
    aspect = view_box_aspect(cropped)
    if aspect < WIDE_BOX and _name_fits_beside(ctx, w=w, h=h):
        _side_by_side(canvas, ctx, ground=ground, x=x, y=y, w=w, h=h, align='left')
        return
    high = min(h * TIGHT_HEIGHT, w / aspect)
    canvas.image(cropped, x=x, y=y + (h - high) / 2, w=high * aspect, h=high)


def tight_lockup(svg: str) -> str:
    """`svg` with its viewBox drawn in to its ink and a thin margin. A lockup's file keeps clear space on every side,
    a tenth of its length (marks/variants.py): in a low slot that margin takes most of the height and leaves the
    lettering small, where the layout around the slot already gives the logo room. Unchanged when no ink is found."""
    found = _VIEW_BOX.search(svg)
    if found is None:
        return svg
    x, y, width, height = (float(value) for value in found.groups())
    view = Box(x=x, y=y, width=width, height=height)
    if view.width <= 0 or view.height <= 0:
        return svg
    ink = ink_box(svg, view=view, scale=INK_PIXELS / max(view.width, view.height))
    if ink is None:
        return svg
    ink = ink.padded(TIGHT_MARGIN * ink.height)
    left, top = max(ink.x, view.x), max(ink.y, view.y)
    right, bottom = min(ink.x + ink.width, view.x + view.width), min(ink.y + ink.height, view.y + view.height)
    cropped = Box(x=left, y=top, width=right - left, height=bottom - top)
    return svg[: found.start()] + f'viewBox="{cropped.view_box}"' + svg[found.end() :]


def _name_fits_beside(ctx: InUse, *, w: float, h: float) -> bool:
    """Whether the name, set beside the icon at its full size, fits the slot (a long name keeps the logo file,
    rather than shrinking to a line nobody can read)."""
    name = set_line(ctx.name, ctx.heading, weight=700)
    size = h * NAME_CAP / max(name.cap_em, 0.3)
    return ctx.variants is not None and name.width_em * size <= (w - h * 1.25) / MIN_SHRINK


def _side_by_side(
    canvas: Canvas, ctx: InUse, *, ground: str, x: float, y: float, w: float, h: float, align: Align
) -> None:
    """A stacked logo is too small in a wide, low slot (a navigation bar, a banner's corner): the icon on its tile
    with the name beside it in the heading face instead."""
    name = set_line(ctx.name, ctx.heading, weight=700)
    cap = h * NAME_CAP
    size = cap / max(name.cap_em, 0.3)
    text_w = min(name.width_em * size, w - h * 1.25)
    width = h * 1.25 + text_w
    left = {'left': x, 'center': x + (w - width) / 2, 'right': x + w - width}[align]
    app_icon(canvas, ctx, x=left, y=y, size=h)
    canvas.fit(
        ctx.name,
        ctx.heading,
        x=left + h * 1.25,
        top=y,
        width=text_w,
        cap=cap,
        max_height=h,
        middle=True,
        fill=readable(ground, ctx.light.text if prefers_dark_text(ground) else '#ffffff'),
        background=ground,
        max_lines=1,
    )


def app_icon(canvas: Canvas, ctx: InUse, *, x: float, y: float, size: float) -> None:
    """The icon on a light tile with the platform's rounded corners (the kit's initials on its primary colour when it
    has no logo)."""
    radius = size * 0.225
    if ctx.variants is None:
        canvas.rect(x, y, size, size, fill=ctx.light.primary, rx=radius)
        cap = size * 0.36
        canvas.fit(
            initials(ctx.name),
            ctx.heading,
            x=x + size * 0.1,
            top=y + size * 0.2,
            width=size * 0.8,
            cap=cap,
            max_height=size * 0.6,
            middle=True,
            fill=readable(ctx.light.primary, ctx.light.on_primary),
            background=ctx.light.primary,
            align='center',
            max_lines=1,
        )
        return
    canvas.rect(x, y, size, size, fill=ctx.light.surface, rx=radius)
    canvas.image(ctx.variants.icon, x=x, y=y, w=size, h=size)
