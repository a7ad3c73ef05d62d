"""`python app.py` as an operator runs it: settings from the environment, health, clean exit on SIGTERM."""

from __future__ import annotations

import httpx
import pytest

from branding import __version__
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e


def test_the_app_serves_health_and_exits_cleanly_on_sigterm() -> None:
    server = AppServer()
    try:
        server.wait_until_healthy()
        response = httpx.get(f'{server.url}/health')
        assert response.json() == {'status': 'ok', 'version': __version__}
        page = httpx.get(f'{server.url}/')
        assert page.status_code == 200
        assert "frame-ancestors 'none'" in page.headers['content-security-policy']
        assert page.headers['cache-control'] == 'no-store'
        assert page.headers['x-content-type-options'] == 'nosniff'
        assert page.headers['x-request-id']
    finally:
        code = server.stop()
    assert code == 0, server.output()
    assert 'Traceback' not in server.output()
    assert 'Brandsmith stopped' in server.output(), 'shutdown hooks ran before the exit'
    for private in ('.storage_secret', 'kits.db'):
        mode = (server.data_dir / private).stat().st_mode & 0o777
        assert mode == 0o600, f'{private} is {oct(mode)}: only the app may read it'
