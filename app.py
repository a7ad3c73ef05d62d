"""Brandsmith: the studio and the JSON API in one NiceGUI process."""

from __future__ import annotations

import logging
import os
import signal
from functools import partial
from types import FrameType

from branding.logs import configure_logging
from branding.settings import Settings

settings = Settings()
if __name__ in {'__main__', '__mp_main__'}:
    configure_logging(settings.log_format)  # first: what start-up logs is in the chosen format too
settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
# NiceGUI reads its storage path at import time, so it is set before the import below
os.environ.setdefault('NICEGUI_STORAGE_PATH', str((settings.data_dir / 'nicegui').resolve()))

from fastapi import Request  # noqa: E402
from fastapi.responses import HTMLResponse  # noqa: E402
from nicegui import app, ui  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from branding import __version__, api, edge  # noqa: E402
from branding.clients import ClientResolver  # noqa: E402
from branding.edge import HealthMiddleware  # noqa: E402
from branding.files import read_or_create_secret  # noqa: E402
from branding.logs import uvicorn_log_config  # noqa: E402
from branding.metrics import serve_metrics  # noqa: E402
from branding.page_limit import PageLimitMiddleware  # noqa: E402
from branding.service import build_kit_service  # noqa: E402
from components import share_page, studio, theme  # noqa: E402
from components.assets import AssetBuild  # noqa: E402

log = logging.getLogger('brandsmith')

# the composition root: one service (store, provider chain, limits, font library) built here and handed to the API
# and the pages
service = build_kit_service(settings)
# unknown page URLs get a plain HTML 404: NiceGUI's own 404 page would build a page client for every such request
api.mount(app, service, page_not_found=lambda _request, _error: HTMLResponse(share_page.not_found_page(), 404))
# health checks and the page budget per client are answered outside NiceGUI's middlewares, which ui.run adds later:
# neither may queue behind a flood of page loads (see branding/edge.py)
health = api.Health(status='ok', version=__version__)
health_check = Middleware(HealthMiddleware, body=health.model_dump_json().encode())
page_limit = Middleware(
    PageLimitMiddleware,
    limiter=service.page_limiter,
    metrics=service.metrics,
    clients=ClientResolver.from_setting(settings.trusted_proxies),
)


def edge_layers() -> None:
    edge.put_outermost(app, [health_check, page_limit])
    # the API, share pages and files make no NiceGUI session (nor, with NICEGUI_REDIS_URL, Redis connections)
    edge.skip_sessions(app, after=2)


app.on_startup(edge_layers)
if service.handover is not None:
    # SIGTERM begins the drain: studio runs are handed back at once, API streams when the drain's time runs out
    app.on_startup(service.handover.drain.watch_signals)
theme.use_brand_colors()
if service.fonts.root.is_dir():
    # font files never change under a name (versions live in the package path), so browsers may keep them a year
    app.add_static_files('/fonts', service.fonts.root, max_cache_age=365 * 24 * 3600)

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
        studio.create(service)


@app.api_route('/kit/{kit_id}', methods=['GET', 'HEAD'], include_in_schema=False)
async def shared_kit(request: Request, kit_id: str, rev: str | None = None) -> HTMLResponse:
    """The read-only share page as server-rendered HTML: a visit builds no NiceGUI client and opens no socket.

    `?rev=N` shows revision N of the kit for good; without it the page shows the kit as it is now."""
    revision = share_page.revision_number(rev)
    stored = await service.store.get(kit_id) if len(kit_id) <= 64 and revision != 0 else None
    kit = stored.kit if stored is not None and revision is None else None
    if stored is not None and revision:
        kit = await service.store.get_revision(kit_id, revision)
    if stored is None or kit is None:
        return HTMLResponse(share_page.missing_page(), status_code=404)
    fonts = share_page.font_faces(kit.typography, service.fonts)
    page = share_page.kit_page(
        kit, created_at=stored.created_at, font_face_css=fonts, revision=revision, base_url=str(request.base_url)
    )
    return HTMLResponse(page)


def storage_secret() -> str:
    """The configured secret, else one kept in the data directory so dark-mode choices survive restarts."""
    if settings.storage_secret is not None:
        return settings.storage_secret.get_secret_value()
    return read_or_create_secret(settings.data_dir / '.storage_secret')


def exit_cleanly(signum: int, frame: FrameType | None) -> None:
    """Uvicorn shuts down gracefully on SIGTERM, then re-raises the signal: end with status 0 instead of dying by it."""
    raise SystemExit(0)


if settings.metrics_port is not None:
    # the same numbers as /metrics, without a token, on a port of their own (keep it on a private network)
    app.on_startup(partial(serve_metrics, service.metrics, host=settings.host, port=settings.metrics_port))


if settings.log_format == 'json':
    app.on_startup(lambda: log.info('Brandsmith listening on http://%s:%d', settings.host, settings.port))


async def shut_down() -> None:
    await service.close()
    log.info('Brandsmith stopped')


app.on_shutdown(shut_down)

if __name__ in {'__main__', '__mp_main__'}:
    signal.signal(signal.SIGTERM, exit_cleanly)
    os.umask(0o077)  # what the server writes from here on (NiceGUI's browser storage) is for this user alone
    ui.run(
        host=settings.host,
        port=settings.port,
        title='Brandsmith',
        favicon='🎨',
        language='en-US',
        reload=settings.dev,
        show=False,
        storage_secret=storage_secret(),
        # NiceGUI prints its welcome line bare; a JSON log says the same as a log line (see below)
        show_welcome_message=settings.log_format == 'text',
        tailwind=assets_digest is None,
        # forwarded headers are read by branding.clients, from BRANDSMITH_TRUSTED_PROXIES only; uvicorn's own
        # default would believe X-Forwarded-For from 127.0.0.1, so anyone on the host could pick their address
        proxy_headers=False,
        # on SIGTERM the port closes at once (a load balancer moves new requests to the other instances) and requests
        # under way get BRANDSMITH_DRAIN_S seconds to finish (a generation is saved before it is answered); any still
        # open then (a stream, a client that never sends its whole body) are cancelled, within the container's stop
        # timeout
        timeout_graceful_shutdown=settings.drain_s,
        log_config=uvicorn_log_config(settings.log_format),
    )
