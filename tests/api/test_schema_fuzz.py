"""Schemathesis against the API's own OpenAPI schema: no 500s, and every response matches the schema."""

from __future__ import annotations

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

from branding.api import mount
from branding.settings import get_settings

app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
mount(app, get_settings())
schema = schemathesis.openapi.from_asgi('/openapi.json', app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_honours_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate()
