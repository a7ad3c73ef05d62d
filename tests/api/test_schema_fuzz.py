"""Schemathesis against the API's own OpenAPI schema: no 500s, and every response matches the schema."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings

from tests.api.conftest import api_app

schema = schemathesis.openapi.from_asgi('/openapi.json', api_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
# Case is generic in its operation type; schemathesis names the OpenAPI one only for type checkers, in an inner module
def test_the_api_honours_its_schema(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()
