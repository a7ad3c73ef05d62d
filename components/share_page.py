"""The read-only share page of a saved kit, as one server-rendered HTML document.

A share link is opened by people who only look: the page needs no live connection, so it is plain HTML with a small
inline stylesheet instead of a NiceGUI page, which would build a client (its elements, an outbox, a socket it waits a
minute for) on every load. It shows what the studio's cards show, in the same words.

Every kit field is untrusted text (model output and profile fields). Each one reaches the document through `_text`
(HTML-escaped, quotes included, so it is safe in elements and attribute values alike); colours reach CSS only as
validated `#rrggbb` values, font stacks only after the typography card's own check, and the guidelines only through
the sanitising Markdown renderer.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from branding.design.color import most_readable
from branding.design.font_css import font_face_css
from branding.design.font_files import FontLibrary
from branding.design.script_type import script_direction
from branding.exports.common import slug
from branding.models import (
    BrandKit,
    ColorPalette,
    ContrastCheck,
    LogoConcept,
    SectionName,
    SectionProvenance,
    SectionStatus,
    Tagline,
    ThemeColors,
    Typography,
)
from branding.registry import SECTIONS
from components import in_use, share_paintings
from components.cards import logos_card
from components.cards.palette_card import CONTRAST_USES, ROLE_ORDER
from components.cards.provenance import chip_text, details_text
from components.cards.typography_card import BODY_SAMPLE, PANGRAM, font_stack
from components.kit_view import kit_sections
from components.markdown import render_markdown

SITE = 'Brandsmith'
DESCRIPTION = 'A brand kit made with Brandsmith: logo concepts, taglines, colour palette, typography and guidelines.'
MISSING_TITLE = 'This kit is not here'
MISSING_TEXT = 'It may have been deleted, or the link is incomplete.'
NEW_KIT = 'Make a new brand kit'
# h1 is the page's "<name>: brand kit", so card titles are h2 and the guidelines' own '#' becomes h3
CARD_LEVEL = 2
HEX_PATTERN = re.compile(r'#[0-9a-f]{6}')
NEUTRAL = '#808080'
# the tiles a logo is shown on, as in the studio: fixed neutrals, to show the mark holds up on either
LOGO_TILES = (('#ffffff', 'light'), ('#111827', 'dark'))
TILE_TEXT = ('#000000', '#ffffff')
# the brush emoji the studio uses as its favicon, inline so the page makes no request for it
FAVICON = (
    'data:image/svg+xml,'
    '%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 100 100%22%3E'
    '%3Ctext y=%22.9em%22 font-size=%2290%22%3E%F0%9F%8E%A8%3C/text%3E%3C/svg%3E'
)

# Colours are the studio's (components/theme.py, components/cards): text at AA or better on the surfaces it sits on,
# in light and dark. Chips and badges keep one look in both modes, as in the studio.
STYLE = """
:root { color-scheme: light dark; --page: #f6f7fb; --text: #111827; --card: #ffffff; --muted: #4b5563;
  --sub: #374151; --line: #d1d5db; --code: #f3f4f6; --link: #1d4ed8; --action: #4338ca; --focus: #4338ca; }
@media (prefers-color-scheme: dark) {
  :root { --page: #0f1117; --text: #e5e7eb; --card: #1d1d1d; --muted: #d1d5db; --sub: #e5e7eb; --line: #4b5563;
    --code: #1f2937; --link: #93c5fd; --action: #c7d2fe; --focus: #a5b4fc; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--page); color: var(--text); line-height: 1.5;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1, h2, h3, h4, h5, h6, p, ul, ol, figure, pre { margin: 0; }
.skip { position: absolute; left: -999px; top: 0; }
.skip:focus { left: 8px; top: 8px; z-index: 10; background: #ffffff; color: #111827; padding: 8px 12px; }
.bar { background: #312e81; color: #ffffff; --focus: #ffffff; display: flex; flex-wrap: wrap; align-items: center;
  justify-content: space-between; gap: .25rem 1rem; padding: .75rem 1rem; }
.bar a { color: #ffffff; }
.brand { font-size: 1.125rem; font-weight: 600; letter-spacing: -.01em; text-decoration: none; }
main { display: block; max-width: 1280px; margin: 0 auto; padding: 1.5rem .75rem; }
.lead { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; padding-bottom: .5rem; margin-bottom: 1rem; }
.lead h1 { flex-grow: 1; font-size: 1.5rem; font-weight: 600; line-height: 1.3; }
.muted, .note { color: var(--muted); }
.small { font-size: .875rem; }
.xs { font-size: .75rem; }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace; }
.wrap, .card p, .card li, .card h2, .card h3 { overflow-wrap: anywhere; }
.card { background: var(--card); border-radius: 4px; padding: 1rem; margin-bottom: 1rem; min-width: 0;
  display: flex; flex-direction: column; gap: 1rem;
  box-shadow: 0 1px 5px rgba(0,0,0,.2), 0 2px 2px rgba(0,0,0,.14), 0 3px 1px -2px rgba(0,0,0,.12); }
/* a card below the first screen is laid out and painted only when it nears the viewport; 'auto' keeps its last
   drawn height, so the scrollbar settles once a card has been seen */
.card { content-visibility: auto; contain-intrinsic-block-size: auto 1200px; }
.card-head { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; }
.card-head h2 { font-size: 1.25rem; font-weight: 600; }
.sub { font-size: .875rem; font-weight: 600; text-transform: uppercase; letter-spacing: .025em; color: var(--sub); }
.chip { display: inline-flex; max-width: 100%; border-radius: 4px; padding: .125rem .5rem; font-size: .75rem;
  word-break: break-all; color: #111827; background: #e5e7eb; }
.chip-fallback { background: #fde68a; }
.chip-error { background: #fee2e2; color: #7f1d1d; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0,0,0,0); white-space: nowrap; border: 0; }
.grid { display: grid; gap: 1rem; grid-template-columns: minmax(0, 1fr); }
.stack { display: flex; flex-direction: column; gap: .25rem; min-width: 0; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; min-width: 0; }
.box { border: 1px solid var(--line); border-radius: 8px; padding: .75rem; min-width: 0; }
.tiles { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .5rem; }
.tile { display: flex; align-items: center; justify-content: center; border: 1px solid var(--line); border-radius: 4px;
  padding: .5rem; }
.tile img { display: block; width: 100%; height: 7rem; object-fit: contain; }
.previews { display: grid; grid-template-columns: minmax(0, 1fr); gap: .75rem; }
.preview { display: flex; align-items: center; justify-content: center; min-height: 13rem; min-width: 0;
  border: 1px solid var(--line); border-radius: 4px; padding: 1.5rem; }
.preview img { display: block; width: 100%; height: 10rem; object-fit: contain; }
.icon-tile { display: flex; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; }
.icon-tile img { display: block; width: 32px; height: 32px; }
.tabstrip { display: flex; align-items: flex-end; border-radius: 6px 6px 0 0; padding: .375rem .5rem 0;
  background: #d1d5db; }
.tab { display: flex; align-items: center; gap: .5rem; width: 14rem; border-radius: 6px 6px 0 0;
  padding: .375rem .75rem; font-size: .875rem; background: #ffffff; color: #111827; }
.tab img { display: block; width: 16px; height: 16px; flex-shrink: 0; }
.tab span { flex-grow: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.files { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: .125rem .5rem; }
.concept-name { font-size: 1.125rem; font-weight: 600; }
.prompt { white-space: pre-wrap; overflow-wrap: anywhere; border-radius: 4px; padding: .5rem; font-size: .875rem;
  background: var(--code); }
.act { font: inherit; font-size: .875rem; font-weight: 500; color: var(--action); background: none; border: 0;
  border-radius: 4px; padding: .25rem .5rem; cursor: pointer; }
.act:hover { text-decoration: underline; }
.swatch { display: block; width: 100%; height: 5rem; border: 1px solid var(--line); border-radius: 8px;
  cursor: pointer; padding: 0; }
.scale { display: grid; gap: 2px; }
.step { display: flex; align-items: center; justify-content: center; height: 2rem; border-radius: 2px;
  font-size: 10px; font-weight: 500; }
.check { display: flex; align-items: center; gap: .75rem; border: 1px solid var(--line); border-radius: 4px;
  padding: .5rem; min-width: 0; }
.sample { flex-shrink: 0; border-radius: 4px; padding: .25rem .75rem; font-size: 1.25rem; font-weight: 600; }
.sample::before { content: 'Aa'; }
.check .stack { flex-grow: 1; gap: 0; }
.badge { flex-shrink: 0; border-radius: 4px; padding: 0 .375rem; font-size: .75rem; font-weight: 600; }
.level-ok { background: #166534; color: #ffffff; }
.level-large { background: #fde68a; color: #111827; }
.level-fail { background: #b91c1c; color: #ffffff; }
.mock { border: 1px solid; border-radius: 8px; overflow: hidden; }
.mock-bar { display: flex; align-items: center; gap: .5rem; padding: .5rem .75rem; font-weight: 600; }
.mock-bar span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.mock-surface { margin: .75rem; border: 1px solid; border-radius: 6px; padding: .75rem; display: flex;
  flex-direction: column; gap: .5rem; }
.mock-control { display: inline-block; border-radius: 4px; padding: .375rem .75rem; font-weight: 500; }
.vision-tile { display: inline-block; width: 2.5rem; height: 1.5rem; border: 1px solid var(--line);
  border-radius: 4px; }
.tagline { display: flex; align-items: flex-start; gap: .5rem; padding: .75rem 0; border-top: 1px solid var(--line); }
.tagline:first-child { border-top: 0; }
.tagline-text { font-size: 1.5rem; font-weight: 600; line-height: 1.25; }
.tone { display: inline-block; border-radius: 4px; padding: .125rem .5rem; font-size: .75rem; font-weight: 500;
  background: #e0e7ff; color: #312e81; word-break: break-all; }
.specimen { display: flex; flex-direction: column; gap: .75rem; }
.warn { border-radius: 4px; padding: .5rem; font-size: .875rem; background: #fef3c7; color: #111827; }
.markdown { overflow-wrap: anywhere; }
.markdown > * + * { margin-top: .75rem; }
.markdown table { border-collapse: collapse; display: block; overflow-x: auto; }
.markdown td, .markdown th { border: 1px solid var(--line); padding: 0 .5rem; }
.markdown pre { white-space: pre-wrap; }
.markdown ul, .markdown ol, .list { padding-left: 1.5rem; }
footer { max-width: 1280px; margin: 0 auto; padding: 0 .75rem 2rem; }
.toast { position: fixed; left: 50%; bottom: 1rem; transform: translateX(-50%); max-width: calc(100% - 2rem);
  background: #15803d; color: #ffffff; border-radius: 4px; padding: .5rem 1rem; }
.toast:empty { display: none; }
@media (min-width: 640px) {
  main { padding: 1.5rem; }
  .card { padding: 1.5rem; }
  footer { padding: 0 1.5rem 2rem; }
  .cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (min-width: 768px) {
  .md-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .md-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}
@media (min-width: 1024px) { .lg-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .lg-4 { grid-template-columns: repeat(4, minmax(0, 1fr)); } }
@media (min-width: 1280px) { .xl-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
@media (min-width: 900px) { .previews { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
"""

# Copying needs script; everything else on the page works without it. Copy buttons carry their text in data-copy.
SCRIPT = """
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(button.dataset.copy);
    status.textContent = 'Copied ' + button.dataset.what;
  } catch (error) {
    status.textContent = 'Copying is not available here: select the text and copy it instead.';
  }
  clearTimeout(status.timer);
  status.timer = setTimeout(() => { status.textContent = ''; }, 2500);
});
"""


def _text(value: object) -> str:
    """Any value as HTML text, safe inside elements and quoted attribute values alike."""
    return html.escape(str(value), quote=True)


def _hex(value: str) -> str:
    """`value` if it is a `#rrggbb` colour, else a neutral grey: only colours ever reach a style attribute."""
    return value if HEX_PATTERN.fullmatch(value) else NEUTRAL


def _css_number(value: float, low: float, high: float, default: float) -> float:
    """A finite number within bounds, so a broken type scale cannot produce unreadable or page-breaking sizes."""
    return min(max(value, low), high) if math.isfinite(value) else default


def _css_text(css: str) -> str:
    """CSS for a <style> element: the one character that could end the element early is escaped the CSS way."""
    return css.replace('<', '\\3c ')


def _join(parts: Iterable[str]) -> str:
    return ''.join(parts)


def _p(text: object, css_class: str = '', *, style: str = '') -> str:
    """A paragraph of `text`; `style` is the page's own CSS, never kit text."""
    attributes = (f' class="{css_class}"' if css_class else '') + (f' style="{style}"' if style else '')
    return f'<p{attributes}>{_text(text)}</p>'


def _sub(text: str) -> str:
    return _p(text, 'sub')


def copy_button(text: str, *, what: str, label: str, aria_label: str = '') -> str:
    """A button that copies `text` to the clipboard (see SCRIPT); `aria_label` begins with `label` when given."""
    name = f' aria-label="{_text(aria_label)}"' if aria_label else ''
    return (
        f'<button type="button" class="act" data-copy="{_text(text)}" data-what="{_text(what)}"{name}>'
        f'{_text(label)}</button>'
    )


# --- the frame ----------------------------------------------------------------------------------------------------


def document(*, title: str, body: str, head: str = '') -> str:
    """A whole page: head, the header bar, `body` inside <main>, a footer, and the copy script."""
    return (
        '<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{_text(title)} · {SITE}</title>'
        f'<meta name="description" content="{_text(DESCRIPTION)}">'
        '<meta name="robots" content="noindex">'
        f'<link rel="icon" href="{FAVICON}">'
        f'<style>{STYLE}</style>{head}</head><body>'
        '<a class="skip" href="#main">Skip to the main content</a>'
        f'<header class="bar"><a class="brand" href="/">{SITE}</a><a href="/">{NEW_KIT}</a></header>'
        f'<main id="main">{body}</main>'
        f'<footer class="small muted">Made with {SITE}, a self-hostable brand-identity studio. '
        f'<a href="/">{NEW_KIT}</a></footer>'
        '<p id="copy-status" class="toast" role="status" aria-live="polite"></p>'
        f'<script>{SCRIPT}</script></body></html>'
    )


def _nothing_here(title: str, heading: str, text: str, testid: str) -> str:
    body = (
        '<div class="stack" style="align-items:center;text-align:center;padding:4rem 0;gap:.5rem" '
        f'data-testid="{testid}">'
        f'<h1 style="font-size:1.5rem;font-weight:600">{heading}</h1>'
        f'<p class="muted">{text}</p><p><a href="/">{NEW_KIT}</a></p></div>'
    )
    return document(title=title, body=body)


def missing_page() -> str:
    """The page of a share link that leads nowhere (answered with 404)."""
    return _nothing_here('Kit not found', MISSING_TITLE, MISSING_TEXT, 'kit-missing')


def not_found_page() -> str:
    """Any other page URL that leads nowhere: plain HTML, so a stream of such requests builds no page clients."""
    return _nothing_here('Page not found', 'This page is not here', 'The link may be mistyped.', 'page-missing')


def revision_number(raw: str | None) -> int | None:
    """A share link's `?rev=`: None for the latest, 0 for a value that names no revision, else the number."""
    if raw is None:
        return None
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) <= 7 else 0


def kit_page(
    kit: BrandKit,
    *,
    created_at: datetime,
    font_face_css: str = '',
    revision: int | None = None,
    base_url: str = '',
) -> str:
    """The whole share page of `kit`; `font_face_css` holds the @font-face rules of its fonts (see font_families).
    `revision` is the fixed revision the link names (None: the kit as it is now); `base_url` the site's origin, for
    the link preview's absolute image URL. The brand board comes first, then the "In use" card, then the sections."""
    name = kit.company_name or 'Brand'
    head = f'<style>{_css_text(font_face_css)}</style>' if font_face_css else ''
    summary = kit.taglines[0].text if kit.taglines else DESCRIPTION
    head += in_use.share_head(kit, base_url=base_url, title=f'{name} brand kit', description=summary, rev=revision)
    fixed = (
        f' · <span data-testid="kit-revision">Revision {revision}</span> · '
        f'<a href="/kit/{_text(kit.id)}">see the latest</a>'
        if revision is not None
        else ''
    )
    lead = (
        '<div class="lead">'
        f'<h1><bdi>{_text(name)}</bdi>: brand kit</h1>'  # isolated: a right-to-left name keeps ': brand kit' after it
        f'<p class="note small"><time datetime="{_text(created_at.isoformat())}">'
        f'Made {created_at:%d %b %Y}</time>{fixed}</p></div>'
    )
    cards = _join(section_card(section, kit, revision=revision) for section in kit_sections(kit))
    shown = in_use.share_board(kit, rev=revision) + in_use.share_card(kit, rev=revision)
    body = lead + shown + f'<div data-testid="kit-view">{cards}</div>'
    return document(title=f'{name} brand kit', body=body, head=head)


# --- the cards ----------------------------------------------------------------------------------------------------


# each built-in section's content, from the kit and the fixed revision the page shows (None: the kit now); a section
# without an entry here shows its data as text (see _any_content)
CONTENT: dict[str, Callable[[BrandKit, int | None], str]] = {
    SectionName.LOGOS: lambda kit, rev: logos_content(kit.logos, kit.company_name, kit_id=kit.id, revision=rev),
    SectionName.PALETTE: lambda kit, _: palette_content(kit.color_palette, kit.company_name),
    SectionName.TYPOGRAPHY: lambda kit, _: typography_content(kit.typography, kit.company_name),
    SectionName.TAGLINES: lambda kit, _: taglines_content(kit.taglines),
    SectionName.GUIDELINES: lambda kit, _: guidelines_content(kit.brand_guidelines),
}


def _any_content(section: str, kit: BrandKit) -> str:
    data = json.dumps(SECTIONS[section].payload(kit), ensure_ascii=False, indent=2)
    return f'<pre class="small">{_text(data)}</pre>'


def section_card(section: str, kit: BrandKit, *, revision: int | None = None) -> str:
    provenance = kit.sections.get(section)
    draw = CONTENT.get(section)
    heading_id = _text(f'title-{section}')
    head = (
        f'<div class="card-head"><h2 id="{heading_id}">{_text(SECTIONS[section].title)}</h2>'
        f'{provenance_chip(provenance) if provenance is not None else ""}</div>'
    )
    content = draw(kit, revision) if draw is not None else _any_content(section, kit)
    return (
        f'<section class="card" aria-labelledby="{heading_id}" data-testid="{_text(f"card-{section}")}">'
        f'{head}{content}</section>'
    )


def provenance_chip(provenance: SectionProvenance) -> str:
    """Where the section came from; the full sentence is the tooltip and, for screen readers, hidden text."""
    status = {SectionStatus.FALLBACK: ' chip-fallback', SectionStatus.ERROR: ' chip-error'}.get(provenance.status, '')
    details = details_text(provenance)
    return (
        f'<span class="chip{status}" title="{_text(details)}" data-testid="provenance-{provenance.status.value}">'
        f'<span aria-hidden="true">{_text(chip_text(provenance))}</span>'
        f'<span class="sr-only">{_text(details)}</span></span>'
    )


def _empty(what: str) -> str:
    return _p(f'No {what} in this kit.', 'muted')


def logos_content(
    logos: list[LogoConcept], company_name: str, *, kit_id: str | None = None, revision: int | None = None
) -> str:
    """Every concept; with the saved kit's `kit_id`, the logo pack and the paintings (as revision `revision` had
    them when the page shows one)."""
    if not logos:
        return _empty('logo concepts')
    pack = ''
    if kit_id is not None and any(concept.variants for concept in logos):
        pack = (
            '<div class="row"><p class="small muted" style="flex:1">Every concept as full colour, reversed, '
            'one-colour and icon files (SVG and PNG), with favicons and app icons.</p>'
            f'<a class="act" href="{_text(logos_card.pack_url(kit_id))}" download '
            'data-testid="download-logo-pack">Download logo pack (ZIP)</a></div>'
        )
    concepts = _join(
        logo_concept(concept, company_name, painting=_painting(concept, company_name, kit_id, index, revision))
        for index, concept in enumerate(logos)
    )
    if any(concept.variants for concept in logos):
        return f'{pack}<div class="grid">{concepts}</div>'  # one concept a row: its previews stay large
    return f'<div class="grid md-2 xl-3">{concepts}</div>'


def logo_image_source(concept: LogoConcept) -> str:
    """The engine's data URI; anything else (a remote URL from a provider) is rebuilt from the SVG, so the browser
    fetches nothing from elsewhere. In an <img> an SVG cannot run script."""
    if concept.image_url.startswith('data:image/svg+xml'):
        return concept.image_url
    return _data_uri(concept.svg)


def _data_uri(svg: str) -> str:
    return 'data:image/svg+xml;base64,' + base64.b64encode(svg.encode()).decode()


def _img(svg: str, alt: str, *, width: int, height: int) -> str:
    return (
        f'<img src="{_text(_data_uri(svg))}" alt="{_text(alt)}" width="{width}" height="{height}" loading="lazy" '
        'decoding="async">'
    )


def _logo_previews(concept: LogoConcept, company_name: str) -> str:
    """The full-colour file on white and the reversed file on its dark background, large; the icon at 32 px and in a
    browser tab, with how it measured; and every file to download as SVG."""
    variants = concept.variants
    if variants is None:
        return ''
    style = concept.style.value
    brand = company_name or 'the brand'
    dark = _hex(concept.dark_background or logos_card.DARK_TILE)
    previews = _join(
        f'<div class="preview" style="background-color:{background}" data-testid="logo-preview-{shade}">'
        f'{_img(svg, f"{style.capitalize()} logo concept for {brand}, on a {shade} background", width=480, height=160)}'
        '</div>'
        for svg, background, shade in (
            (variants.primary, logos_card.LIGHT_TILE, 'light'),
            (variants.reversed, dark, 'dark'),
        )
    )
    icons = (
        f'<div class="icon-tile" style="background-color:{logos_card.LIGHT_TILE}">'
        f'{_img(variants.icon, f"{brand} icon at 32 pixels", width=32, height=32)}</div>'
    )
    tab = (
        f'<div class="tabstrip" data-testid="browser-tab"><div class="tab">'
        f'{_img(variants.icon, f"{brand} favicon in a browser tab", width=16, height=16)}'
        f'<span>{_text(brand)}</span><span aria-hidden="true" style="flex-grow:0">×</span></div></div>'
    )
    return (
        f'<div class="previews">{previews}</div>'
        f'<div class="row" style="gap:1rem">{icons}{tab}<div class="stack" style="flex:1">'
        f'{_legibility(concept)}</div></div>'
        f'{_sub("Logo files")}{_logo_files(concept, company_name)}'
    )


def _legibility(concept: LogoConcept) -> str:
    check = concept.legibility
    if check is None:
        return ''
    smallest = min((size.smallest_feature_px for size in check.icon), default=0.0)
    sizes = ' and '.join(f'{size.size_px}' for size in check.icon)
    if check.passes:
        text = f'Holds up at {sizes} px: its finest detail is {smallest:g} px or wider.'
    else:
        text = f'At its limit at {sizes} px: details down to {smallest:g} px may blur; test it where it will be used.'
    return _p(text, 'small') + _p(f'Icon: {check.icon_source}.', 'small muted')


def _logo_files(concept: LogoConcept, company_name: str) -> str:
    """Each file as an SVG download (the PNGs are in the logo pack)."""
    variants = concept.variants
    if variants is None:
        return ''
    style = concept.style.value
    rows = []
    for key, name in logos_card.FILES.items():
        filename = f'{slug(company_name)}-{style}-{logos_card.FILE_NAMES[key]}.svg'
        label = f'SVG of the {style} logo, {name[0].lower()}{name[1:]}'
        rows.append(
            f'<span class="small">{_text(name)}</span>'
            f'<a class="act" href="{_text(_data_uri(getattr(variants, key)))}" download="{_text(filename)}" '
            f'aria-label="{_text(label)}" data-testid="download-{key}-svg">SVG</a>'
        )
    return f'<div class="files">{_join(rows)}</div>'


def _painting(concept: LogoConcept, company_name: str, kit_id: str | None, index: int, revision: int | None) -> str:
    if kit_id is None:
        return ''
    return share_paintings.painting_html(concept, company_name, kit_id=kit_id, index=index, revision=revision)


def logo_concept(concept: LogoConcept, company_name: str, *, painting: str = '') -> str:
    """A concept's card: its mark (the logo files, or the tiles of an older kit), its `painting` (HTML, see
    components.share_paintings), what it is and the prompt."""
    style = concept.style.value
    copy_prompt = copy_button(
        concept.prompt_used, what=f'{style} prompt', label='Copy prompt', aria_label=f'Copy prompt of the {style} logo'
    )
    if concept.variants is not None:
        shown = _logo_previews(concept, company_name)
    else:  # a kit saved before the logo files: its tile on light and dark
        source = _text(logo_image_source(concept))
        alt = f'{style.capitalize()} logo concept for {company_name or "the brand"}, on a'
        tiles = _join(
            f'<div class="tile" style="background-color:{background}">'
            f'<img src="{source}" alt="{_text(f"{alt} {shade} background")}" width="280" height="112" '
            'loading="lazy" decoding="async"></div>'
            for background, shade in LOGO_TILES
        )
        shown = f'<div class="tiles">{tiles}</div>'
    return (
        f'<article class="box stack" style="gap:.75rem" data-testid="logo-{_text(concept.id)}">'
        f'<h3 class="concept-name">{_text(style.capitalize())}</h3>{shown}{painting}'
        f'{_p(concept.description)}{_p(concept.rationale, "small muted")}'
        f'{_sub("Image-model prompt")}<p class="prompt mono">{_text(concept.prompt_used)}</p>'
        f'<div class="row">{copy_prompt}</div></article>'
    )


def taglines_content(taglines: list[Tagline]) -> str:
    if not taglines:
        return _empty('taglines')
    items = _join(
        '<div class="tagline" data-testid="tagline"><div class="stack" style="flex:1">'
        f'<p class="tagline-text">{_text(tagline.text)}</p>'
        f'<p><span class="sr-only">Tone: </span><span class="tone">{_text(tagline.tone)}</span></p>'
        f'{_p(tagline.explanation, "small muted")}</div>'
        f'{copy_button(tagline.text, what="tagline", label="Copy", aria_label="Copy tagline")}</div>'
        for tagline in taglines
    )
    return f'<div>{items}</div>'


@lru_cache(maxsize=64)
def _guidelines_html(text: str) -> str:
    # render_markdown escapes raw HTML and drops script URLs, so its output is the one HTML taken as it comes. Parsing
    # is most of a page's rendering time, and a shared link is opened again and again: the result is kept per text.
    return render_markdown(text, heading_offset=CARD_LEVEL)


def guidelines_content(guidelines: str | None) -> str:
    if not guidelines:
        return _empty('brand guidelines')
    rendered = _guidelines_html(guidelines)
    return (
        f'<div class="markdown" data-testid="guidelines-markdown">{rendered}</div>'
        f'<div class="row">{copy_button(guidelines, what="guidelines as Markdown", label="Copy Markdown")}</div>'
    )


# --- palette ------------------------------------------------------------------------------------------------------


def palette_content(palette: ColorPalette | None, company_name: str) -> str:
    if palette is None:
        return _empty('colour palette')
    parts = [_p(palette.rationale)] if palette.rationale else []
    parts.append(swatches(palette))
    if palette.scales:
        parts.append(scales(palette.scales))
    if palette.contrast:
        parts.append(contrast_checks(palette.contrast))
    if palette.light or palette.dark:
        parts.append(previews(palette.light, palette.dark, company_name))
    if palette.color_vision:
        parts.append(color_vision(palette))
    if palette.adjustments:
        items = _join(f'<li>{_text(adjustment)}</li>' for adjustment in palette.adjustments)
        parts.append(f'{_sub("Adjustments made for accessibility")}<ul class="list">{items}</ul>')
    if palette.usage_guidelines:
        parts.append(f'{_sub("Usage")}<p style="white-space:pre-line">{_text(palette.usage_guidelines)}</p>')
    return _join(parts)


@dataclass(kw_only=True, slots=True, frozen=True)
class Swatch:
    role: str
    name: str
    hex: str  # validated: only this reaches a style attribute
    rgb: tuple[int, int, int]
    oklch: str
    usage: str


def role_swatches(palette: ColorPalette) -> list[Swatch]:
    """One swatch per role; kits in the original shape carry only the four hex codes."""
    if palette.roles:
        return [
            Swatch(
                role=role.role,
                name=role.name,
                hex=_hex(role.hex),
                rgb=role.rgb,
                oklch='oklch({:.1f}% {:.3f} {:.1f})'.format(role.oklch[0] * 100, *role.oklch[1:]),
                usage=role.usage,
            )
            for role in palette.roles
        ]
    swatches = []
    for role in ROLE_ORDER:
        color = _hex(getattr(palette, role))
        rgb = (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))
        swatches.append(Swatch(role=role, name=role.capitalize(), hex=color, rgb=rgb, oklch='', usage=''))
    return swatches


def swatch(item: Swatch, psychology: str) -> str:
    color = item.hex
    label = f'Copy {item.role} colour {item.name}, {color}'
    return (
        f'<div class="stack" data-testid="role-{_text(item.role)}">'
        # a native button: reachable with Tab, copies with Enter or Space
        f'<button type="button" class="swatch" style="background-color:{color}" data-copy="{color}" '
        f'data-what="{color}" aria-label="{_text(label)}" title="Copy {color}"></button>'
        f'{_p(item.role, "sub")}{_p(item.name, "wrap")}{_p(color, "mono small")}'
        f'{_p("RGB {}, {}, {}".format(*item.rgb), "mono small muted")}'
        f'{_p(item.oklch, "mono small muted wrap") if item.oklch else ""}'
        f'{_p(item.usage, "small") if item.usage else ""}'
        f'{_p(psychology, "small muted", style="font-style:italic") if psychology else ""}</div>'
    )


def swatches(palette: ColorPalette) -> str:
    items = _join(swatch(item, palette.psychology.get(item.role, '')) for item in role_swatches(palette))
    return (
        _p('Click or press Enter on a swatch to copy its hex code.', 'small muted')
        + f'<div class="grid cols-2 lg-4">{items}</div>'
    )


def _step_order(step: str) -> int:
    return int(step) if step.isdigit() else 0


def scales(palette_scales: dict[str, dict[str, str]]) -> str:
    rows = []
    for role, steps in palette_scales.items():
        ordered = sorted(steps.items(), key=lambda item: _step_order(item[0]))
        tiles = _join(
            f'<span class="step" role="img" aria-label="{_text(f"{role} {step}: {_hex(color)}")}" '
            f'title="{_text(f"{step} {_hex(color)}")}" '
            f'style="background-color:{_hex(color)};color:{most_readable(_hex(color), TILE_TEXT)}">{_text(step)}</span>'
            for step, color in ordered
        )
        rows.append(
            f'<div class="stack" style="gap:0">{_p(role.capitalize(), "small")}'
            f'<div class="scale" style="grid-template-columns:repeat({len(ordered)},minmax(0,1fr))">{tiles}</div></div>'
        )
    return f'{_sub("Scales")}<div class="stack" data-testid="palette-scales">{_join(rows)}</div>'


def _level_class(level: str) -> str:
    return {'AAA': 'level-ok', 'AA': 'level-ok', 'AA Large': 'level-large'}.get(level, 'level-fail')


def contrast_check(check: ContrastCheck) -> str:
    # the sample pictures the kit's colour pair, weak ones included on purpose: its letters are generated content, so
    # page contrast checkers judge the page's own text; ratio and level are written beside it
    sample = (
        f'<span class="sample" aria-hidden="true" '
        f'style="color:{_hex(check.foreground)};background-color:{_hex(check.background)}"></span>'
    )
    use = CONTRAST_USES.get(check.use, check.use)
    apca = '' if check.apca_lc is None else f' · APCA Lc {check.apca_lc:.0f}'  # advisory, beside the WCAG 2 ratio
    return (
        f'<div class="check" data-testid="contrast-check">{sample}<div class="stack">'
        f'{_p(f"{check.foreground_role} on {check.background_role}", "small wrap")}'
        f'{_p(f"{check.ratio:.2f}:1{apca} · {use}", "xs muted wrap")}</div>'
        f'<span class="badge {_level_class(check.level)}">{_text(check.level)}</span></div>'
    )


def contrast_checks(checks: list[ContrastCheck]) -> str:
    parts = [_sub('Contrast (WCAG 2)')]
    for mode in ('light', 'dark'):
        mode_checks = [check for check in checks if check.mode == mode]
        if mode_checks:
            parts.append(_p(f'{mode.capitalize()} mode', 'small'))
            parts.append(
                f'<div class="grid cols-2 lg-3" style="gap:.5rem">{_join(map(contrast_check, mode_checks))}</div>'
            )
    return _join(parts)


def previews(light: ThemeColors | None, dark: ThemeColors | None, company_name: str) -> str:
    items = _join(preview(mode, theme, company_name) for mode, theme in (('light', light), ('dark', dark)) if theme)
    return f'{_sub("Preview")}<div class="grid md-2">{items}</div>'


def _mock_control(text: str, background: str, foreground: str, extra: str = '') -> str:
    return (
        f'<span class="mock-control" style="background-color:{_hex(background)};color:{_hex(foreground)}{extra}">'
        f'{_text(text)}</span>'
    )


def preview(mode: str, theme: ThemeColors, company_name: str) -> str:
    """A mini app in the theme's colours, so the palette can be judged in use, not just as swatches."""
    menu = (
        '<svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">'
        '<path d="M3 18h18v-2H3v2zm0-5h18v-2H3v2zm0-7v2h18V6H3z"/></svg>'
    )
    text = _hex(theme.text)
    return (
        f'<div class="stack">{_p(f"{mode.capitalize()} mode", "small")}'
        f'<div class="mock" style="background-color:{_hex(theme.background)};border-color:{_hex(theme.border)}" '
        f'data-testid="preview-{mode}">'
        f'<div class="mock-bar" style="background-color:{_hex(theme.primary)};color:{_hex(theme.on_primary)}">'
        f'{menu}<span>{_text(company_name or "Your brand")}</span></div>'
        f'<div class="mock-surface" style="background-color:{_hex(theme.surface)};border-color:{_hex(theme.border)}">'
        f'<p style="color:{text};font-size:1.125rem;font-weight:700">A clear heading</p>'
        f'<p style="color:{text}">Body text reads comfortably on the surface colour, in both modes.</p>'
        f'<p style="color:{_hex(theme.muted_text)};font-size:.875rem">Muted text for captions and hints.</p>'
        '<div class="row">'
        f'{_mock_control("Get started", theme.primary, theme.on_primary)}'
        f'{_mock_control("Learn more", theme.secondary, theme.on_secondary)}'
        f'{_mock_control("New", theme.accent, theme.on_accent, ";border-radius:999px;font-size:.75rem")}'
        '</div></div></div></div>'
    )


def color_vision(palette: ColorPalette) -> str:
    rows = []
    for check in palette.color_vision:
        tiles = _join(
            f'<span class="vision-tile" role="img" style="background-color:{_hex(color)}" title="{_hex(color)}" '
            f'aria-label="{_text(f"{role} as seen with {check.deficiency}: {_hex(color)}")}"></span>'
            for role, color in (('primary', check.primary), ('accent', check.accent))
        )
        verdict = 'distinguishable' if check.distinguishable else 'hard to tell apart'
        mark = '✓' if check.distinguishable else '!'
        rows.append(
            f'<div class="row" style="gap:.25rem .75rem" data-testid="color-vision-{_text(check.deficiency)}">'
            f'<span style="width:7rem;font-weight:500">{_text(check.deficiency.capitalize())}</span>{tiles}'
            f'<span class="mono small muted">ΔE {check.delta_e_ok:.3f}</span>'
            f'<span class="small"><span aria-hidden="true">{mark} </span>{verdict}</span></div>'
        )
    return (
        _sub('Colour vision')
        + _p(
            'How primary and accent look with each colour-vision deficiency, and whether they stay apart.',
            'small muted',
        )
        + f'<div class="stack" style="gap:.5rem">{_join(rows)}</div>'
    )


# --- typography ---------------------------------------------------------------------------------------------------


def font_families(typography: Typography) -> dict[str, list[int]]:
    """The families (and weights) whose @font-face rules the specimen needs, as the typography card asks for them.

    Every weight the catalogue lists: browsers download only the faces the page uses. Kits in the original shape have
    names only; font_face_css skips any family that is not installed."""
    if not typography.fonts:
        return {name: [400, 700] for name in (typography.heading_font, typography.body_font, typography.accent_font)}
    return {font.family: sorted(font.weights) or [400, 700] for font in typography.fonts if font.available_offline}


@lru_cache(maxsize=256)
def _font_face_rules(fonts: FontLibrary, families: tuple[tuple[str, tuple[int, ...]], ...]) -> str:
    return font_face_css(dict(families), fonts=fonts)


def font_faces(typography: Typography | None, fonts: FontLibrary) -> str:
    """@font-face rules of the kit's fonts installed in `fonts`, served from /fonts. Which files exist is looked up
    once per library and set of families (font files change only when the server is set up again)."""
    if typography is None:
        return ''
    families = font_families(typography)
    return _font_face_rules(fonts, tuple(sorted((family, tuple(weights)) for family, weights in families.items())))


def typography_content(typography: Typography | None, company_name: str) -> str:
    if typography is None:
        return _empty('typography')
    stacks = {role: _text(font_stack(typography, role)) for role in ('heading', 'body', 'accent')}
    parts = [specimen(typography, stacks, company_name)]
    if typography.type_scale:
        parts.append(type_scale(typography, stacks))
    parts.append(f'{_sub("Why these fonts")}<p style="white-space:pre-line">{_text(typography.rationale)}</p>')
    if typography.pairings:
        items = _join(
            f'<div class="stack" style="gap:0">{_p(pairing.context, "wrap")}'
            f'{_p(pairing.recommendation, "small muted wrap")}</div>'
            for pairing in typography.pairings
        )
        parts.append(f'{_sub("Pairings")}<div class="stack" style="gap:.5rem">{items}</div>')
    if typography.fonts:
        parts.append(fonts(typography))
    if typography.adjustments:
        items = _join(f'<li>{_text(adjustment)}</li>' for adjustment in typography.adjustments)
        parts.append(f'<ul class="list small muted">{items}</ul>')
    if typography.css:
        parts.append(f'<div class="row">{copy_button(typography.css, what="typography CSS", label="Copy CSS")}</div>')
    return _join(parts)


def specimen(typography: Typography, stacks: dict[str, str], company_name: str) -> str:
    heading_weight = next((step.weight for step in typography.type_scale if step.name == 'h1'), 700)
    weight = int(_css_number(heading_weight, 100, 900, 700))
    # Samples of the fonts in divs, as in the studio's card, not paragraphs: the name set large and bold in the heading
    # font looks like a heading, and a styled <p> that looks like one is a heading the page's outline lacks (WCAG
    # 1.3.1). It is a picture of the font, not a heading of the page, so it is no <h*> either.
    return (
        '<div class="box specimen" data-testid="typography-specimen">'
        f'<div class="wrap" dir="{script_direction(company_name)}" style="font-family:{stacks["heading"]};'
        f'font-weight:{weight};font-size:2.25rem;line-height:1.25">{_text(company_name or "Your brand")}</div>'
        f'<div class="wrap" style="font-family:{stacks["body"]};line-height:1.625">{_text(BODY_SAMPLE)}</div>'
        f'<div class="wrap" style="font-family:{stacks["accent"]};font-size:1.125rem">{_text(PANGRAM)}</div>'
        '<div class="row xs muted" style="gap:0 1rem">'
        f'<span>Heading: {_text(typography.heading_font)}</span><span>Body: {_text(typography.body_font)}</span>'
        f'<span>Accent: {_text(typography.accent_font)}</span></div></div>'
    )


def type_scale(typography: Typography, stacks: dict[str, str]) -> str:
    rows = []
    for step in typography.type_scale:
        body = step.name in {'body', 'small'}
        size = _css_number(step.size_px, 8, 120, 16)
        line_height = _css_number(step.line_height, 0.8, 3, 1.4)
        weight = int(_css_number(step.weight, 100, 900, 400))
        label = f'{step.name} · {step.size_px:g} px / {step.size_rem:g} rem · line {step.line_height:g} · {weight}'
        rows.append(
            f'<div class="stack" style="gap:0">{_p(label, "mono xs muted")}'
            f'<p class="wrap" style="font-family:{stacks["body" if body else "heading"]};font-size:{size:g}px;'
            f'line-height:{line_height:g};font-weight:{weight}">'
            f'{_text(PANGRAM if body else "Sphinx of black quartz")}</p></div>'
        )
    title = f'Type scale: {typography.scale_name}, ratio {typography.scale_ratio:g}'
    return f'{_sub(title)}<div class="stack" style="gap:.5rem" data-testid="type-scale">{_join(rows)}</div>'


def fonts(typography: Typography) -> str:
    items = []
    for font in typography.fonts:
        weights = ', '.join(str(weight) for weight in font.weights)
        if not font.available_offline:
            note = (
                '<p class="warn wrap" data-testid="font-not-offline">Not installed on this server: the specimen shows '
                f'a fallback font. {_text(font.note or "Install the font files to preview it.")}</p>'
            )
        else:
            note = _p(font.note, 'small muted wrap') if font.note else ''
        items.append(
            f'<div class="box stack" data-testid="font-{_text(font.role)}">{_p(font.role, "sub")}'
            f'<p class="wrap" style="font-size:1.125rem;font-weight:600">{_text(font.family)}</p>'
            f'{_p(f"{font.category} · weights {weights}", "small muted wrap")}'
            f'{_p(f"Licence: {font.license}", "small muted wrap")}{note}</div>'
        )
    return f'{_sub("Fonts")}<div class="grid md-3" style="gap:.75rem">{_join(items)}</div>'
