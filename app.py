"""Brandsmith: the studio and the JSON API in one NiceGUI process."""

from __future__ import annotations

import logging
import os
import secrets
import signal
from types import FrameType

from branding.settings import get_settings

settings = get_settings()
settings.data_dir.mkdir(parents=True, exist_ok=True)
# NiceGUI reads its storage path at import time, so it is set before the import below
os.environ.setdefault('NICEGUI_STORAGE_PATH', str((settings.data_dir / 'nicegui').resolve()))

from nicegui import app, ui  # noqa: E402

from branding import api  # noqa: E402
from branding.service import (  # noqa: E402
    close_kit_service,
    kit_service,
)
from components import kit_view, studio, theme  # noqa: E402
from components.assets import AssetBuild  # noqa: E402

log = logging.getLogger('brandsmith')

api.mount(app, settings)
theme.use_brand_colors()
if settings.fonts_dir.is_dir():
    # font files never change under a name (versions live in the package path), so browsers may keep them a year
    app.add_static_files('/fonts', settings.fonts_dir, max_cache_age=365 * 24 * 3600)

built_assets = AssetBuild()
assets_digest = built_assets.current_digest()
if assets_digest is None:
    log.warning(
        'assets/dist is missing or older than the UI code: browsers compile Tailwind and load the icon font '
        'themselves, which delays the first paint; run `make assets` to build them'
    )
else:
    # the URLs change with every build, so browsers may keep each one a year
    app.add_static_files('/assets', built_assets.stylesheet.parent, max_cache_age=365 * 24 * 3600)
    ui.add_head_html(f'<link rel="stylesheet" href="/assets/studio.css?v={assets_digest[:16]}">', shared=True)
    # deferred scripts run in document order: after Quasar's, before NiceGUI mounts the page
    ui.add_body_html(f'<script defer src="/assets/icons.js?v={assets_digest[:16]}"></script>', shared=True)


@ui.page('/')
def index() -> None:
    with theme.frame('Studio', lead=theme.Lead(intro=theme.STUDIO_INTRO)):
        studio.create()


@ui.page('/kit/{kit_id}')
async def shared_kit(kit_id: str) -> None:
    stored = await kit_service().store.get(kit_id) if len(kit_id) <= 64 else None
    if stored is None:
        with (
            theme.frame('Shared kit'),
            ui.column().classes('w-full items-center text-center py-16 gap-2').mark('kit-missing'),
        ):
            ui.label('This kit is not here').classes('text-2xl font-semibold').props('role=heading aria-level=1')
            ui.label('It may have been deleted, or the link is incomplete.').classes('bs-muted')
            ui.link('Make a new brand kit', '/')
        return
    kit = stored.kit
    lead = theme.Lead(heading=f'{kit.company_name}: brand kit', note=f'Made {stored.created_at:%d %b %Y}')
    with theme.frame(f'{kit.company_name} brand kit', lead=lead):
        kit_view.create_read_only(kit)


def storage_secret() -> str:
    """The configured secret, else one kept in the data directory so dark-mode choices survive restarts."""
    if settings.storage_secret is not None:
        return settings.storage_secret.get_secret_value()
    path = settings.data_dir / '.storage_secret'
    if not path.exists():
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


def exit_cleanly(signum: int, frame: FrameType | None) -> None:
    """Uvicorn shuts down gracefully on SIGTERM, then re-raises the signal: end with status 0 instead of dying by it."""
    raise SystemExit(0)


async def shut_down() -> None:
    await close_kit_service()
    log.info('Brandsmith stopped')


app.on_startup(kit_service)  # opens the store and logs which providers are active before the first request
app.on_shutdown(shut_down)

if __name__ in {'__main__', '__mp_main__'}:
    logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s: %(message)s')
    signal.signal(signal.SIGTERM, exit_cleanly)
    ui.run(
        host=settings.host,
        port=settings.port,
        title='Brandsmith',
        favicon='🎨',
        language='en-US',
        reload=settings.dev,
        show=False,
        storage_secret=storage_secret(),
        show_welcome_message=True,
        tailwind=assets_digest is None,
    )
