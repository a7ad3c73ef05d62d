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

from branding.api import router  # noqa: E402
from branding.orchestrator import configured_chain  # noqa: E402
from components import studio, theme  # noqa: E402

log = logging.getLogger('brandsmith')

app.include_router(router)
if settings.fonts_dir.is_dir():
    app.add_static_files('/fonts', settings.fonts_dir, max_cache_age=86400)


@ui.page('/')
def index() -> None:
    with theme.frame('Studio'):
        studio.create()


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
    await configured_chain().aclose()
    log.info('Brandsmith stopped')


app.on_startup(configured_chain)  # logs which providers are active before the first request
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
        fastapi_docs=True,
        show_welcome_message=True,
    )
