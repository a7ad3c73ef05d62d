"""Brandsmith behind the nginx set-up the README ships (deploy/nginx/brandsmith.conf), both on loopback.

Visitors come from different loopback addresses (127.0.0.2, 127.0.0.3): nginx forwards each one's address, the app
trusts nginx (BRANDSMITH_TRUSTED_PROXIES) and so counts limits per visitor; the studio's WebSocket passes through.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, expect

from branding.models import EXAMPLE_PROFILE
from tests.conftest import ROOT, AppServer, free_port

pytestmark = pytest.mark.e2e

NGINX = shutil.which('nginx') or '/usr/sbin/nginx'
SHIPPED_CONFIG = ROOT / 'deploy' / 'nginx' / 'brandsmith.conf'


@dataclass(kw_only=True, slots=True)
class Nginx:
    process: subprocess.Popen[bytes]
    url: str
    prefix: Path


def nginx_config(app_port: int, port: int) -> str:
    """The shipped file with the test's ports: the upstream is the app, nginx listens on a free loopback port."""
    shipped = SHIPPED_CONFIG.read_text()
    assert 'server 127.0.0.1:8080;' in shipped and 'listen 80;' in shipped
    return shipped.replace('server 127.0.0.1:8080;', f'server 127.0.0.1:{app_port};').replace(
        'listen 80;', f'listen 127.0.0.1:{port};'
    )


@pytest.fixture(scope='module')
def proxied_app() -> Iterator[AppServer]:
    with AppServer(extra_env={'BRANDSMITH_TRUSTED_PROXIES': '127.0.0.1', 'BRANDSMITH_RATE_LIMIT': '1'}) as server:
        yield server


@pytest.fixture(scope='module')
def nginx(proxied_app: AppServer) -> Iterator[Nginx]:
    if not Path(NGINX).exists():
        pytest.fail('nginx is not installed: `make test` installs it (scripts/ensure-test-servers.sh)')
    prefix = Path(tempfile.mkdtemp(prefix='brandsmith-nginx-'))
    port = free_port()
    (prefix / 'logs').mkdir()
    (prefix / 'brandsmith.conf').write_text(nginx_config(proxied_app.port, port))
    (prefix / 'nginx.conf').write_text(
        f"""
        worker_processes 1;
        error_log {prefix}/logs/error.log warn;
        pid {prefix}/nginx.pid;
        events {{ worker_connections 256; }}
        http {{
            access_log off;
            client_body_temp_path {prefix}/body;
            proxy_temp_path {prefix}/proxy;
            fastcgi_temp_path {prefix}/fastcgi;
            uwsgi_temp_path {prefix}/uwsgi;
            scgi_temp_path {prefix}/scgi;
            include {prefix}/brandsmith.conf;
        }}
        """
    )
    process = subprocess.Popen(
        [NGINX, '-p', str(prefix), '-c', str(prefix / 'nginx.conf'), '-g', 'daemon off;'],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f'http://127.0.0.1:{port}'
    deadline = time.monotonic() + 10
    while True:
        try:
            if httpx.get(f'{url}/health', timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f'nginx did not start: {process.stderr.read().decode() if process.stderr else ""}')
        time.sleep(0.1)
    try:
        yield Nginx(process=process, url=url, prefix=prefix)
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(prefix, ignore_errors=True)


def visitor(address: str) -> httpx.Client:
    """A client whose connections come from `address` (any 127.x.y.z is this machine on Linux)."""
    return httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60)


def generate(client: httpx.Client, url: str, **headers: str) -> int:
    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 1, 'focus': 'palette'}
    return client.post(f'{url}/api/v1/generate-branding', json=body, headers=headers).status_code


def test_behind_the_proxy_each_visitor_has_their_own_budget_and_cannot_fake_another(nginx: Nginx) -> None:
    with visitor('127.0.0.2') as first, visitor('127.0.0.3') as second:
        assert generate(first, nginx.url) == 200
        # a visitor who claims another address is still themselves: nginx replaces the header
        assert generate(first, nginx.url, **{'X-Forwarded-For': '203.0.113.77'}) == 429
        assert generate(second, nginx.url) == 200, 'the next visitor behind the same proxy has a budget of their own'
        assert generate(second, nginx.url) == 429


def test_straight_to_the_app_a_forwarded_header_from_an_untrusted_peer_counts_for_nothing(
    proxied_app: AppServer,
) -> None:
    with visitor('127.0.0.4') as direct:
        assert generate(direct, proxied_app.url, **{'X-Forwarded-For': '203.0.113.1'}) == 200
        assert generate(direct, proxied_app.url, **{'X-Forwarded-For': '203.0.113.2'}) == 429


async def test_the_studio_works_through_the_proxy(nginx: Nginx, browser: Browser) -> None:
    page = await browser.new_page()
    sockets: list[str] = []
    page.on('websocket', lambda socket: sockets.append(socket.url))
    await page.goto(nginx.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Company name').fill('Proxy Bakery')
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=30_000)
    assert sockets and all(url.startswith(nginx.url.replace('http', 'ws')) for url in sockets)
