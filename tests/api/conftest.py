"""The API as the studio's app serves it, on a bare FastAPI app (NiceGUI's app has FastAPI's own docs off too)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from branding.api import mount
from branding.service import KitService, build_kit_service
from branding.settings import Settings

# a freelancers' finance app, as a JSON body gives it; tests change the fields they are about
FREELANCE_PROFILE: dict[str, Any] = {
    'name': 'Lumen Ledger',
    'company_type': 'fintech',
    'industry': 'Personal finance',
    'description': 'Cash flow at a glance for freelancers.',
    'target_audience': 'Freelancers',
    'brand_values': ['clarity', 'trust'],
    'tone': 'friendly',
}


def profile_with(**fields: Any) -> dict[str, Any]:
    """A fresh copy of the freelancers' profile with `fields` changed."""
    return {**FREELANCE_PROFILE, 'brand_values': list(FREELANCE_PROFILE['brand_values']), **fields}


def api_app(settings: Settings | None = None, *, service: KitService | None = None) -> FastAPI:
    """A bare app with the API mounted on `service`, else on a service built from `settings` (the environment)."""
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    mount(app, service or build_kit_service(settings or Settings()))
    return app


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url='http://brandsmith.test')


@asynccontextmanager
async def built_service() -> AsyncIterator[KitService]:
    """A service from the settings the environment gives now, closed after."""
    built = build_kit_service(Settings())
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture
async def service() -> AsyncIterator[KitService]:
    """The service the test's app answers with: the test's settings, the test data directory's store."""
    async with built_service() as built:
        yield built


@pytest.fixture
async def client(service: KitService) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(api_app(service=service)) as client:
        yield client
