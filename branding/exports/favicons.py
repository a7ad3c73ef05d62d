"""A concept's favicon and app-icon set, made from its square `icon` file: favicon.svg and favicon.ico (16, 32, 48),
the Apple touch icon, the PWA icons (192, 512 and a maskable 512) with their site.webmanifest, and a social avatar.

Icons that platforms show on a background of their own (the touch icon, the maskable icon, the avatar) are drawn on
the kit's light background; each keeps its symbol inside the part the platform may crop to: the maskable icon inside
the central circle of 80 % (the W3C safe zone), the avatar inside the circle social networks cut.
"""

from __future__ import annotations

import io
import json
import math
import re
from dataclasses import dataclass

import regex
from PIL import Image

from branding.design.marks.variants import ICON_CONTENT
from branding.exports.png import render_png
from branding.models import LogoConcept

ICO_SIZES = (16, 32, 48)
FAVICON_CONTENT = 0.92  # a favicon is cropped closer: at 16 px every pixel of the symbol counts
MASKABLE_SAFE = 0.8  # diameter of the circle a maskable icon's content must stay inside, over its side
SHORT_NAME_GRAPHEMES = 12  # what a home screen shows under an icon before it cuts the name
_ROOT = re.compile(r'^\s*<svg\b[^>]*>', re.DOTALL)
_END = re.compile(r'</svg>\s*$')
_VIEW_BOX = re.compile(r'\bviewBox="([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)"')
_TITLE = re.compile(r'<title>.*?</title>', re.DOTALL)
_GRAPHEME = regex.compile(r'\X')


@dataclass(kw_only=True, slots=True, frozen=True)
class SiteColors:
    theme: str  # the browser's toolbar colour: the brand's primary
    background: str  # the splash screen and the plate of the app icons: the light theme's background


def _n(value: float) -> str:
    return f'{value:.3f}'.rstrip('0').rstrip('.')


def _parts(svg: str) -> tuple[tuple[float, float, float, float], str]:
    """The viewBox of a square icon file and its content (without the root element and title)."""
    root = _ROOT.match(svg)
    box = _VIEW_BOX.search(root.group(0)) if root else None
    if root is None or box is None:
        raise ValueError('the icon is not an SVG with a viewBox')
    x, y, width, height = (float(value) for value in box.groups())
    return (x, y, width, height), _TITLE.sub('', _END.sub('', svg[root.end() :]), count=1)


def framed(svg: str, *, side: int, scale: float, plate: str | None, label: str) -> str:
    """The icon `svg` centred on a `side`-unit square at `scale` of its size, on a `plate` colour (None: clear)."""
    (x, y, width, height), content = _parts(svg)
    inner = side * scale
    inset = (side - inner) / 2
    background = f'<rect width="{side}" height="{side}" fill="{plate}"/>' if plate else ''
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" width="{side}" height="{side}" '
        f'role="img" aria-label="{label}"><title>{label}</title>{background}'
        f'<svg x="{_n(inset)}" y="{_n(inset)}" width="{_n(inner)}" height="{_n(inner)}" '
        f'viewBox="{_n(x)} {_n(y)} {_n(width)} {_n(height)}">{content}</svg></svg>'
    )


def favicon_svg(icon: str) -> str:
    """The icon cropped closer, for browser tabs."""
    (x, y, width, height), _ = _parts(icon)
    side = width * ICON_CONTENT / FAVICON_CONTENT
    left, top = x + (width - side) / 2, y + (height - side) / 2
    view = f'viewBox="{_n(left)} {_n(top)} {_n(side)} {_n(side)}"'
    return _VIEW_BOX.sub(view, icon, count=1)


def favicon_ico(favicon: str) -> bytes:
    """favicon.ico holding each of ICO_SIZES, each rendered at its own size (not scaled down from the largest)."""
    frames = [Image.open(io.BytesIO(render_png(favicon, size))).convert('RGBA') for size in ICO_SIZES]
    out = io.BytesIO()
    frames[-1].save(out, format='ICO', sizes=[frame.size for frame in frames], append_images=frames[:-1])
    return out.getvalue()


def short_name(name: str) -> str:
    graphemes = _GRAPHEME.findall(' '.join(name.split()))
    if len(graphemes) <= SHORT_NAME_GRAPHEMES:
        return ''.join(graphemes)
    first_word = name.split(maxsplit=1)[0] if name.split() else name
    if len(_GRAPHEME.findall(first_word)) <= SHORT_NAME_GRAPHEMES:
        return first_word
    return ''.join(graphemes[:SHORT_NAME_GRAPHEMES])


def webmanifest(name: str, colors: SiteColors) -> bytes:
    icons = [
        {'src': 'icon-192.png', 'sizes': '192x192', 'type': 'image/png'},
        {'src': 'icon-512.png', 'sizes': '512x512', 'type': 'image/png'},
        {'src': 'icon-maskable-512.png', 'sizes': '512x512', 'type': 'image/png', 'purpose': 'maskable'},
    ]
    manifest = {
        'name': name,
        'short_name': short_name(name),
        'icons': icons,
        'theme_color': colors.theme,
        'background_color': colors.background,
        'display': 'standalone',
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + '\n').encode('utf-8')


HEAD_SNIPPET = (
    '<!-- Put the files of this folder at the root of the site and these lines in its <head>. -->\n'
    '<link rel="icon" href="/favicon.ico" sizes="32x32">\n'
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">\n'
    '<link rel="apple-touch-icon" href="/apple-touch-icon.png">\n'
    '<link rel="manifest" href="/site.webmanifest">\n'
)


def favicon_set(logo: LogoConcept, *, name: str, colors: SiteColors) -> dict[str, bytes]:
    """Every favicon and app-icon file of one concept, by file name; empty for a concept without logo files (a kit
    saved before they were made)."""
    if logo.variants is None:
        return {}
    icon = logo.variants.icon
    favicon = favicon_svg(icon)
    label = 'icon'
    # the largest square inside the maskable safe circle, and inside the circle an avatar is cut to
    maskable = MASKABLE_SAFE * 0.96 / math.sqrt(2) / ICON_CONTENT
    avatar = 0.98 / math.sqrt(2) / ICON_CONTENT
    plated = {
        'apple-touch-icon.png': (180, 1.0),
        'icon-maskable-512.png': (512, maskable),
        'avatar-400.png': (400, avatar),
    }
    files = {
        'favicon.svg': favicon.encode('utf-8'),
        'favicon.ico': favicon_ico(favicon),
        'icon-192.png': render_png(icon, 192),
        'icon-512.png': render_png(icon, 512),
    }
    for filename, (side, scale) in plated.items():
        files[filename] = render_png(framed(icon, side=side, scale=scale, plate=colors.background, label=label), side)
    files['site.webmanifest'] = webmanifest(name, colors)
    files['head-snippet.html'] = HEAD_SNIPPET.encode('utf-8')
    return files
