"""The email signature: an HTML table with inline styles (what Gmail, Outlook and Apple Mail all render: no <style>,
no web fonts required) and a picture of it (1200x360, a 600 px signature at 2x). Its logo is an image a mail client
fetches from where it is hosted (`logo_url`, the in-use route's `signature-logo`, 240 px for 80 px at up to 3x):
without one the signature is text alone, which no client blocks."""

from __future__ import annotations

import re
from html import escape

from branding.design.inuse.canvas import Canvas
from branding.design.inuse.context import InUse, readable
from branding.design.inuse.copy import domain, mockup_copy
from branding.design.inuse.pieces import app_icon

WIDTH = 1200
HEIGHT = 360
LOGO_SIZE = 240  # px, the hosted logo's file
LOGO_SHOWN = 80  # px, as the signature shows it
WHITE = '#ffffff'  # mail clients show signatures on white
_UNSAFE_CSS = re.compile(r"[^A-Za-z0-9 ,'\-]")


def picture(ctx: InUse) -> Canvas:
    canvas = Canvas(width=WIDTH, height=HEIGHT, label=f'{ctx.name} email signature')
    words = mockup_copy()
    canvas.rect(0, 0, WIDTH, HEIGHT, fill=WHITE)
    app_icon(canvas, ctx, x=40, y=60, size=240)
    canvas.rect(320, 60, 6, 240, fill=ctx.light.primary)
    text = readable(WHITE, ctx.light.text)
    muted = readable(WHITE, ctx.light.muted_text)
    brand = readable(WHITE, ctx.light.primary)
    column = WIDTH - 400
    top = canvas.paragraph(
        words.person,
        ctx.heading,
        x=366,
        top=72,
        width=column,
        size=40,
        weight=700,
        fill=text,
        background=WHITE,
        max_lines=1,
    )
    top = canvas.paragraph(
        f'{words.role}, {ctx.name}',
        ctx.body,
        x=366,
        top=top + 22,
        width=column,
        size=28,
        fill=brand,
        background=WHITE,
        weight=600,
        max_lines=1,
    )
    site = domain(ctx.name)
    for line in (f'{words.phone}  ·  {words.email_user}@{site}', site):
        top = canvas.paragraph(
            line, ctx.body, x=366, top=top + 34, width=column, size=26, fill=muted, background=WHITE, max_lines=1
        )
    return canvas


def logo(ctx: InUse) -> Canvas:
    """The signature's hosted logo: the app icon on its tile, on the white a mail client shows a signature on."""
    canvas = Canvas(width=LOGO_SIZE, height=LOGO_SIZE, label=f'{ctx.name} logo')
    canvas.rect(0, 0, LOGO_SIZE, LOGO_SIZE, fill=WHITE)
    app_icon(canvas, ctx, x=0, y=0, size=LOGO_SIZE)
    return canvas


def _logo_cell(ctx: InUse, logo_url: str) -> str:
    """The hosted logo's cell, for an http(s) URL only (anything else leaves the signature text alone)."""
    if not logo_url.startswith(('https://', 'http://')):
        return ''
    return (
        f'<td style="padding-right:14px;vertical-align:top"><img src="{escape(logo_url)}" width="{LOGO_SHOWN}" '
        f'height="{LOGO_SHOWN}" alt="{escape(ctx.name)}" style="display:block;border:0;width:{LOGO_SHOWN}px;'
        f'height:{LOGO_SHOWN}px"></td>'
    )


def _stack(css_stack: str) -> str:
    return _UNSAFE_CSS.sub('', css_stack).replace("'", '&#39;') or 'Arial, sans-serif'


def html(ctx: InUse, *, logo_url: str = '') -> str:
    """The signature as HTML to paste into a mail client, with the logo hosted at `logo_url` (absolute) when given;
    every piece of the kit's text escaped."""
    words = mockup_copy()
    site = domain(ctx.name)
    brand = readable(WHITE, ctx.light.primary)
    text = readable(WHITE, ctx.light.text)
    muted = readable(WHITE, ctx.light.muted_text)
    heading = f'{_stack(ctx.heading.css_stack)}, Arial, sans-serif'
    body = f'{_stack(ctx.body.css_stack)}, Arial, sans-serif'
    tagline = (
        f'<tr><td style="padding-top:6px;font-family:{body};font-size:13px;color:{muted};font-style:italic">'
        f'{escape(ctx.tagline)}</td></tr>'
        if ctx.tagline
        else ''
    )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Email signature</title></head><body>\n'
        '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse">'
        f'<tr>{_logo_cell(ctx, logo_url)}<td width="4" bgcolor="{brand}" style="width:4px;background:{brand}"></td>'
        '<td style="padding-left:14px"><table role="presentation" cellpadding="0" cellspacing="0" border="0">'
        f'<tr><td style="font-family:{heading};font-size:18px;font-weight:bold;color:{text}">'
        f'{escape(words.person)}</td></tr>'
        f'<tr><td style="font-family:{body};font-size:14px;color:{brand}">'
        f'{escape(words.role)}, {escape(ctx.name)}</td></tr>'
        f'{tagline}'
        f'<tr><td style="padding-top:6px;font-family:{body};font-size:13px;color:{muted}">{escape(words.phone)} · '
        f'<a href="mailto:{escape(words.email_user)}@{escape(site)}" style="color:{brand}">'
        f'{escape(words.email_user)}@{escape(site)}</a> · '
        f'<a href="https://{escape(site)}" style="color:{brand}">{escape(site)}</a></td></tr>'
        '</table></td></tr></table>\n</body></html>\n'
    )
