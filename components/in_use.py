"""The brand in use on the pages: the board first on a finished kit, and an "In use" card of every mockup as a grid of
thumbnails that open large and download; the studio draws it with NiceGUI, the share page as plain HTML. The images
are served by the API (`/api/v1/kits/{id}/in-use/{name}.png`), drawn from the kit as saved, so they follow every
change: their URLs carry the kit's revision, so a browser never shows an old drawing for a new kit."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from nicegui import ui

from branding.design.inuse import BOARDS, MOCKUPS, Mockup
from branding.exports.inuse import THUMBNAIL_WIDTH, drawing_path
from branding.models import BrandKit
from components.cards import CARD_CLASSES, MUTED_TEXT

TITLE = 'In use'
INTRO = 'Your brand on a business card, social profiles, a website, a phone, a slide, a letterhead and an email.'
BOARD = BOARDS['brand-board']
PREVIEW = BOARDS['link-preview']
DOWNLOAD_ALL = 'Download all (ZIP)'
# the board's width on the share page: <main> is at most 1280 px wide, padded .75rem on a phone, 1.5rem from 640 px
BOARD_SIZES = '(min-width: 1280px) 1232px, (min-width: 640px) calc(100vw - 48px), calc(100vw - 24px)'

STYLE = """
.board { display: block; width: 100%; height: auto; aspect-ratio: 1600 / 1000; border-radius: 8px;
  margin-bottom: 1rem; background: var(--card); }
.mockups { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
.mockup { display: flex; flex-direction: column; gap: .25rem; min-width: 0; }
.mockup img { display: block; width: 100%; height: 10rem; object-fit: contain; border: 1px solid var(--line);
  border-radius: 4px; background: var(--code); }
"""


def image_url(kit: BrandKit, name: str, *, thumbnail: bool = False, rev: int | None = None) -> str:
    """Where the page finds drawing `name` of `kit`: the API route, with the kit's revision in the query."""
    return drawing_path(kit, name, thumbnail=thumbnail, rev=rev)


def mockups_zip_url(kit: BrandKit) -> str:
    return f'/api/v1/kits/{quote(kit.id, safe="")}/export/mockups'


def share_head(kit: BrandKit, *, base_url: str, title: str, description: str, rev: int | None = None) -> str:
    """Open Graph and Twitter card tags: a link pasted into chat unfurls as the brand's preview board."""
    image = escape(base_url.rstrip('/') + image_url(kit, PREVIEW.name, rev=rev))
    alt = escape(f'{kit.company_name or "Brand"}: logo, tagline and colour palette')
    tags = [
        ('property', 'og:type', 'website'),
        ('property', 'og:title', escape(title)),
        ('property', 'og:description', escape(description)),
        ('property', 'og:image', image),
        ('property', 'og:image:type', 'image/png'),
        ('property', 'og:image:width', str(PREVIEW.width)),
        ('property', 'og:image:height', str(PREVIEW.height)),
        ('property', 'og:image:alt', alt),
        ('name', 'twitter:card', 'summary_large_image'),
        ('name', 'twitter:title', escape(title)),
        ('name', 'twitter:description', escape(description)),
        ('name', 'twitter:image', image),
    ]
    meta = ''.join(f'<meta {kind}="{key}" content="{value}">' for kind, key, value in tags)
    # the same request as the board's <img> (same srcset and sizes), started at high priority before the body is read
    preload = (
        f'<link rel="preload" as="image" href="{escape(image_url(kit, BOARD.name, rev=rev))}" '
        f'imagesrcset="{_board_srcset(kit, rev)}" imagesizes="{BOARD_SIZES}" fetchpriority="high">'
    )
    return f'{meta}{preload}<style>{STYLE}</style>'


def _thumbnail_html(kit: BrandKit, mockup: Mockup, rev: int | None) -> str:
    full = escape(image_url(kit, mockup.name, rev=rev))
    thumb = escape(image_url(kit, mockup.name, thumbnail=True, rev=rev))
    height = round(480 * mockup.height / mockup.width)
    return (
        f'<figure class="mockup" data-testid="mockup-{mockup.name}">'
        f'<a href="{full}" target="_blank" rel="noopener"><img src="{thumb}" width="480" height="{height}" '
        f'loading="lazy" decoding="async" alt="{escape(mockup.title)}"></a>'
        f'<figcaption class="row small"><span class="wrap" style="flex-grow:1">{escape(mockup.title)}</span>'
        f'<a href="{full}" download="{escape(mockup.name)}.png">Download</a></figcaption></figure>'
    )


def _board_srcset(kit: BrandKit, rev: int | None) -> str:
    """The board at the thumbnail's width and at full size: a phone at 1x takes the small one."""
    thumbnail = image_url(kit, BOARD.name, thumbnail=True, rev=rev)
    return escape(f'{thumbnail} {THUMBNAIL_WIDTH}w, {image_url(kit, BOARD.name, rev=rev)} {BOARD.width}w')


def share_board(kit: BrandKit, *, rev: int | None = None) -> str:
    """The board, first on the page, sized before it loads so nothing below it moves."""
    name = escape(kit.company_name or 'Brand')
    return (
        f'<img class="board" src="{escape(image_url(kit, BOARD.name, rev=rev))}" srcset="{_board_srcset(kit, rev)}" '
        f'sizes="{BOARD_SIZES}" width="{BOARD.width}" '
        f'height="{BOARD.height}" fetchpriority="high" alt="{name} brand board: logo, reversed '
        f'logo, colour palette, typefaces, tagline and app icon" data-testid="brand-board">'
    )


def share_card(kit: BrandKit, *, rev: int | None = None) -> str:
    """The "In use" card of the share page: every mockup as a thumbnail that opens large, and the ZIP."""
    thumbnails = ''.join(_thumbnail_html(kit, mockup, rev) for mockup in MOCKUPS.values())
    return (
        '<section class="card" data-testid="card-in-use"><div class="card-head">'
        f'<h2>{TITLE}</h2><a class="small" href="{escape(mockups_zip_url(kit))}">{DOWNLOAD_ALL}</a></div>'
        f'<p class="muted small">{INTRO}</p><div class="mockups">{thumbnails}</div></section>'
    )


# --- the studio -------------------------------------------------------------------------------------------------------


def create(kit: BrandKit) -> None:
    """The studio's "In use" card of a finished kit: the board, then every mockup as a thumbnail; a click opens it
    large in a dialog with its download."""
    with ui.dialog().props('maximized=false') as dialog, ui.card().classes('w-full max-w-5xl gap-2'):
        large = ui.image('').classes('w-full').props('fit=contain no-spinner').mark('in-use-large')
        with ui.row().classes('w-full items-center justify-between'):
            caption = ui.label('').classes('font-semibold').mark('in-use-caption')
            download = ui.link('Download PNG', '#').classes('text-primary').mark('in-use-download')
            ui.button('Close', on_click=dialog.close).props('flat no-caps')

    def open_large(mockup: Mockup) -> None:
        url = image_url(kit, mockup.name)
        large.set_source(url)
        caption.set_text(f'{mockup.title} · {mockup.width}x{mockup.height} px')
        download.props(f'href="{url}" download="{mockup.name}.png"')
        dialog.open()

    with ui.card().classes(CARD_CLASSES).mark('card-in-use'):
        with ui.row().classes('w-full items-center gap-2'):
            ui.label(TITLE).classes('text-lg font-semibold grow').props('role=heading aria-level=3')
            ui.link(DOWNLOAD_ALL, mockups_zip_url(kit)).classes('text-primary').mark('in-use-zip')
        ui.label(INTRO).classes(MUTED_TEXT)
        ui.image(image_url(kit, BOARD.name)).classes('w-full rounded').props(
            f'ratio={BOARD.width / BOARD.height} no-spinner alt="brand board"'
        ).mark('in-use-board')
        with ui.element('div').classes('grid grid-cols-2 md:grid-cols-3 xl:grid-cols-4 gap-3 w-full'):
            for mockup in MOCKUPS.values():
                with ui.column().classes('gap-1 min-w-0 cursor-pointer').mark(f'mockup-{mockup.name}'):
                    ui.image(image_url(kit, mockup.name, thumbnail=True)).classes('w-full h-32 rounded').props(
                        f'fit=contain no-spinner alt="{mockup.title}"'
                    ).on('click', lambda _, m=mockup: open_large(m))
                    ui.button(mockup.title, on_click=lambda _, m=mockup: open_large(m)).props(
                        'flat dense no-caps align=left'
                    ).classes('text-sm')
