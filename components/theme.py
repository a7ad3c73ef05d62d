"""The frame every page sits in: colours, fonts, header and the main column."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from nicegui import app, ui

from components import header

# The studio's own colours, each checked for AA contrast against the surfaces it sits on (light and dark).
BRAND_PRIMARY = '#4338ca'
BRAND_SECONDARY = '#0f766e'
BRAND_ACCENT = '#b45309'
DARK_PAGE = '#0f1117'

PAGE_DESCRIPTION = (
    'Brandsmith is a self-hostable brand-identity studio: describe your company and get logo concepts, taglines, '
    'an accessible colour palette, typography and brand guidelines, section by section.'
)

STUDIO_CSS = f"""
:root {{ --bs-focus: {BRAND_PRIMARY}; }}
body {{ font-family: 'Inter', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }}
body.body--light {{ background: #f6f7fb; color: #111827; }}
body.body--dark {{ background: {DARK_PAGE}; color: #e5e7eb; }}
:focus-visible {{ outline: 3px solid var(--bs-focus) !important; outline-offset: 2px; }}
body.body--dark {{ --bs-focus: #a5b4fc; --q-primary: #a5b4fc; }}
/* the lighter dark-mode primary needs dark text on filled buttons (#111827 on #a5b4fc is 9.9:1) */
body.body--dark .q-btn.bg-primary {{ color: #111827 !important; }}
.bs-header {{ background: #312e81; color: #ffffff; }}
.bs-muted {{ color: #4b5563; }}
body.body--dark .bs-muted {{ color: #9ca3af; }}
.bs-skip-link {{ position: absolute; left: -999px; top: 0; }}
.bs-skip-link:focus {{ left: 8px; top: 8px; z-index: 10000; background: #fff; color: #111827; padding: 8px 12px; }}
"""


def dark_mode_preference() -> bool:
    return bool(app.storage.user.get('dark_mode', False))


@contextmanager
def frame(page_title: str) -> Iterator[None]:
    ui.page_title(f'{page_title} · Brandsmith')
    ui.colors(primary=BRAND_PRIMARY, secondary=BRAND_SECONDARY, accent=BRAND_ACCENT, dark_page=DARK_PAGE)
    ui.add_head_html(f'<meta name="description" content="{PAGE_DESCRIPTION}">')
    ui.add_css(STUDIO_CSS)
    dark = ui.dark_mode(value=dark_mode_preference())
    ui.link('Skip to the form', '#main').classes('bs-skip-link')
    header.create(dark)
    with ui.element('main').props('id=main').classes('w-full max-w-screen-xl mx-auto px-3 sm:px-6 py-6'):
        yield
