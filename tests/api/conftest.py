"""The API as the studio's app serves it, on a bare FastAPI app (NiceGUI's app has FastAPI's own docs off too)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from branding.api import mount
from branding.settings import Settings, get_settings


def api_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    mount(app, settings or get_settings())
    return app


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url='http://brandsmith.test')


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(api_app()) as client:
        yield client
