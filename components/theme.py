"""The frame every page sits in: colours, fonts, header and the main column."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from nicegui import app, ui

from components import header

# The studio's own colours, each checked for AA contrast against the surfaces it sits on (light and dark).
BRAND_PRIMARY = '#4338ca'
BRAND_SECONDARY = '#0f766e'
BRAND_ACCENT = '#b45309'
DARK_PAGE = '#0f1117'
# Quasar's own notification colours carry white text at 2.6:1 (positive) and 1.9:1 (info); these darker shades carry
# it at 5.0:1 (green-700), 6.5:1 (red-700) and 5.9:1 (sky-700). Warning keeps Quasar's yellow with dark text (9.9:1).
POSITIVE = '#15803d'
NEGATIVE = '#b91c1c'
INFO = '#0369a1'

LOADING_BAR_NAME = 'Loading'

STUDIO_INTRO = (
    'Describe your company and Brandsmith makes its brand kit: logo concepts, taglines, an accessible colour palette, '
    'typography and brand guidelines, each shown the moment it is ready. No API key needed.'
)
MAIN_CLASSES = 'w-full max-w-screen-xl mx-auto px-3 sm:px-6 py-6'
PAGE_DESCRIPTION = (
    'Brandsmith is a self-hostable brand-identity studio: describe your company and get logo concepts, taglines, '
    'an accessible colour palette, typography and brand guidelines, section by section.'
)

# The studio's own text is set in the system's interface font. Serving Inter from /fonts cost Lighthouse's desktop
# score 2 points with font-display: swap and 6 with a preload (median of 4 runs each, bench/lighthouse.py), and naming
# Inter without serving it made the whole studio change font whenever a kit's typography card loaded Inter for its
# specimen. Kit fonts are the cards' business; the frame stays as light as possible.
UI_FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

STUDIO_CSS = f"""
:root {{ --bs-focus: {BRAND_PRIMARY}; }}
body {{ font-family: {UI_FONT_STACK}; }}
body.body--light {{ background: #f6f7fb; color: #111827; }}
body.body--dark {{ background: {DARK_PAGE}; color: #e5e7eb; }}
/* Quasar removes outlines with layered !important rules (.no-outline on every button); an !important rule in an
   earlier cascade layer outranks those, so the focus ring lives in the base layer. Inputs inside a Quasar field are
   left out: the whole field shows focus there, with a thicker border in the primary colour. */
@layer base {{
  :focus-visible:not(.q-field *) {{ outline: 3px solid var(--bs-focus) !important; outline-offset: 2px !important; }}
}}
/* Quasar sets the brand colours inline on <body>, which only an !important declaration outranks */
body.body--dark {{ --bs-focus: #a5b4fc; --q-primary: #a5b4fc !important; }}
/* the lighter dark-mode primary needs dark text on filled buttons (#111827 on #a5b4fc is 9.9:1); Quasar's text-white
   is a layered !important rule, so this one is one too, in an earlier layer */
@layer base {{
  body.body--dark .q-btn.bg-primary {{ color: #111827 !important; }}
}}
/* in a dark field in error, label, message and border are red-300 (8.9:1 on Quasar's dark card), not the 2.6:1 of
   {NEGATIVE}, which stays the background of notifications under white text */
body.body--dark .q-field--error {{ --q-negative: #fca5a5; }}
.bs-header {{ background: #312e81; color: #ffffff; }}
/* the page's focus colour is as dark as the header: white rings there (11.4:1 on #312e81) */
.bs-header {{ --bs-focus: #ffffff; }}
.bs-muted {{ color: #4b5563; }}
body.body--dark .bs-muted {{ color: #9ca3af; }}
.bs-intro {{ font-size: 1.0625rem; line-height: 1.6; margin: 0 0 1rem; max-width: 48rem; }}
body:has(#app > *) .bs-shell {{ display: none; }}
/* the mounted header's height (py-2 around Quasar's 42 px round button) and its 24 px logo icon */
.bs-shell-bar {{ height: 58px; display: flex; align-items: center; }}
.bs-shell-icon {{ width: 24px; height: 24px; }}
.bs-skip-link {{ position: absolute; left: -999px; top: 0; }}
.bs-skip-link:focus {{ left: 8px; top: 8px; z-index: 10000; background: #fff; color: #111827; padding: 8px 12px; }}
"""


def dark_mode_preference() -> bool:
    return bool(app.storage.user.get('dark_mode', False))


@dataclass(kw_only=True, slots=True, frozen=True)
class Lead:
    """What a page says first: an intro paragraph, or a heading (h1) with a note beside it.

    Drawn twice from the classes below, as the shell's plain HTML and as the app's elements, so the two coincide.
    """

    intro: str = ''
    heading: str = ''
    note: str = ''


LEAD_ROW_CLASSES = 'w-full items-center gap-2 pb-2'
LEAD_HEADING_CLASSES = 'text-2xl font-semibold grow'
LEAD_NOTE_CLASSES = 'bs-muted text-sm'


def page_shell(lead: Lead, *, dark: bool) -> str:
    """Plain HTML of the page's top (header bar and lead) that the browser paints before the scripts have run.

    NiceGUI pages are drawn by Vue once Quasar and Vue have downloaded and started, seconds on a slow phone; this shell
    fills that wait with the same header and lead in the same places (NiceGUI's content padding included), and the
    stylesheet hides it as soon as the app has mounted. Lead texts may quote a company name: they are escaped.
    """
    surface = f'background:{DARK_PAGE};color:#e5e7eb' if dark else 'background:#f6f7fb;color:#111827'
    lead_html = ''
    if lead.heading:
        note = f'<div class="{LEAD_NOTE_CLASSES}">{html.escape(lead.note)}</div>' if lead.note else ''
        lead_html += (
            f'<div class="nicegui-row row {LEAD_ROW_CLASSES}">'
            f'<div class="{LEAD_HEADING_CLASSES}">{html.escape(lead.heading)}</div>{note}</div>'
        )
    if lead.intro:
        lead_html += f'<p class="bs-intro">{html.escape(lead.intro)}</p>'
    return (
        f'<div class="bs-shell" aria-hidden="true" style="{surface}">'
        '<div class="bs-header bs-shell-bar px-4 sm:px-6 gap-2">'
        '<span class="bs-shell-icon"></span><span class="text-lg font-semibold tracking-tight">Brandsmith</span></div>'
        f'<div class="nicegui-content"><div class="{MAIN_CLASSES}">{lead_html}</div></div></div>'
    )


def draw_lead(lead: Lead) -> None:
    if lead.heading:
        with ui.row().classes(LEAD_ROW_CLASSES):
            ui.label(lead.heading).classes(LEAD_HEADING_CLASSES).props('role=heading aria-level=1')
            if lead.note:
                ui.label(lead.note).classes(LEAD_NOTE_CLASSES)
    if lead.intro:
        ui.label(lead.intro).classes('bs-intro')


def use_brand_colors() -> None:
    """The studio's colours for every page, applied as Quasar starts, and a name for Quasar's loading bar.

    Application-wide rather than `ui.colors` on each page: that element is one more script module every page must
    fetch before it paints, and it recolours the whole page once mounted.
    """
    # Quasar's loading bar (shown at the top while the page fetches something) is a progressbar with no name of its
    # own, which screen readers announce as just "progress bar"; its config props fall through to that element.
    app.config.quasar_config['loadingBar']['aria-label'] = LOADING_BAR_NAME
    app.colors(
        primary=BRAND_PRIMARY,
        secondary=BRAND_SECONDARY,
        accent=BRAND_ACCENT,
        dark_page=DARK_PAGE,
        positive=POSITIVE,
        negative=NEGATIVE,
        info=INFO,
    )


@contextmanager
def frame(page_title: str, *, lead: Lead | None = None) -> Iterator[None]:
    ui.page_title(f'{page_title} · Brandsmith')
    ui.add_head_html(f'<meta name="description" content="{html.escape(PAGE_DESCRIPTION)}">')
    ui.add_css(STUDIO_CSS)
    dark = ui.dark_mode(value=dark_mode_preference())
    if lead is not None:
        ui.add_body_html(page_shell(lead, dark=bool(dark.value)))
    header.create(dark)
    # A div, not a second <main>: NiceGUI's page (Quasar's q-page) already is the document's main landmark, and one
    # nested in it is a duplicate that screen readers list twice. The skip link still lands here, past the lead-in.
    with ui.element('div').props('id=main').classes(MAIN_CLASSES):
        if lead is not None:
            draw_lead(lead)
        yield
