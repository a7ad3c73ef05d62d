"""Shared fixtures: an isolated data directory, the app as a subprocess, and a real Chromium."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from hypothesis import settings as hypothesis_settings
from nicegui.testing import User
from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parent.parent
# real PostgreSQL, Redis and nginx servers for the tests that need them (started only when a test asks)
pytest_plugins = ['tests.engines']
TEST_DATA_DIR = Path(tempfile.mkdtemp(prefix='brandsmith-tests-'))
TEST_OUTPUT = ROOT / 'test-results'

# Set before anything reads the settings: tests never see a developer's keys or data.
os.environ['BRANDSMITH_DATA_DIR'] = str(TEST_DATA_DIR)
os.environ['BRANDSMITH_PROVIDERS'] = 'offline'
os.environ['BRANDSMITH_RATE_LIMIT'] = '0'  # tests that need a limit set their own
os.environ['BRANDSMITH_PAGE_RATE_LIMIT'] = '0'
for key in ('TOGETHER_API_KEY', 'COHERE_API_KEY', 'CO_API_KEY', 'OPENAI_COMPAT_API_KEY', 'OPENAI_COMPAT_BASE_URL'):
    os.environ.pop(key, None)

# NiceGUI's User looks three times, 0.1 s apart, for what an action should draw; on a busy machine (the suites run
# two at a time) a store write or a redraw can take longer. Checks that pass still return at once; a missing element
# fails after 5 s instead of 0.3 s.
for patient in (User.should_see, User.should_not_see):
    assert patient.__kwdefaults__ is not None
    patient.__kwdefaults__['retries'] = 50

# CI explores the same examples on every run, so a landing is never decided by a lucky draw; locally each run explores
# new ones (and hypothesis remembers failures in .hypothesis/).
hypothesis_settings.register_profile('ci', derandomize=True, database=None)
if os.environ.get('CI'):
    hypothesis_settings.load_profile('ci')

CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--headless=new',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
]


def chromium_executable() -> str | None:
    """$BRANDSMITH_CHROMIUM, then Debian's /usr/bin/chromium, else None for Playwright's own browser."""
    configured = os.environ.get('BRANDSMITH_CHROMIUM')
    if configured:
        return configured
    if Path('/usr/bin/chromium').exists():
        return '/usr/bin/chromium'
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


# what a server log must never hold after a test: a logged error or a traceback, from the app, NiceGUI or uvicorn
SERVER_LOG_PROBLEM = re.compile(r'\bERROR\b|\bCRITICAL\b|Traceback \(most recent call last\)')


class AppServer:
    """The app as its own process on a free loopback port, logging to a file in its own data directory."""

    started: ClassVar[list[AppServer]] = []  # every server of the session, for the log check after each test

    def __init__(self, *, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f'http://127.0.0.1:{self.port}'
        self.data_dir = Path(tempfile.mkdtemp(prefix='brandsmith-e2e-'))
        env = {key: value for key, value in os.environ.items() if key != 'PYTEST_CURRENT_TEST'}
        env.update({'HOST': '127.0.0.1', 'PORT': str(self.port), 'BRANDSMITH_DATA_DIR': str(self.data_dir)})
        env.update(extra_env or {})
        self.log_path = self.data_dir / 'server.log'
        self.log = self.log_path.open('w')
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / 'app.py')],
            cwd=self.data_dir,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        AppServer.started.append(self)

    def wait_until_healthy(self, timeout_s: float = 60.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f'app exited with {self.process.returncode}:\n{self.log_path.read_text()}')
            try:
                if httpx.get(f'{self.url}/health', timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f'app did not become healthy:\n{self.log_path.read_text()}')

    def __enter__(self) -> AppServer:
        """The server once healthy; stopped and its data removed if it never gets there."""
        try:
            self.wait_until_healthy()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stopped, and its data directory removed."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode

    def output(self) -> str:
        return self.log_path.read_text()

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def problems_since(self, offset: int) -> list[str]:
        """Log lines after byte `offset` that report an error or a traceback."""
        if not self.log_path.exists():
            return []
        with self.log_path.open('rb') as log:
            log.seek(offset)
            text = log.read().decode(errors='replace')
        return [line for line in text.splitlines() if SERVER_LOG_PROBLEM.search(line)]

    def first_problem_since(self, offset: int, lines: int = 160) -> str:
        """The log from the first problem after byte `offset` on, `lines` long: the whole traceback, to debug by."""
        with self.log_path.open('rb') as log:
            log.seek(offset)
            text = log.read().decode(errors='replace').splitlines()
        first = next((number for number, line in enumerate(text) if SERVER_LOG_PROBLEM.search(line)), 0)
        return '\n'.join(text[first : first + lines])


@pytest.fixture(autouse=True)
def server_logs_stay_clean(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail any test during which an app server logged an error or a traceback: a page can look fine while the
    server behind it is failing (the studio once said 'ready' after an exception)."""
    marks = {id(server): server.log_size() for server in AppServer.started}
    yield
    if request.node.get_closest_marker('server_errors_expected'):
        return
    problems = [
        f'{server.url}: {line}'
        for server in AppServer.started
        for line in server.problems_since(marks.get(id(server), 0))
    ]
    if problems:
        failing = next(server for server in AppServer.started if problems[0].startswith(f'{server.url}: '))
        log = failing.first_problem_since(marks.get(id(failing), 0))
        summary = '\n'.join(problems[:20])
        pytest.fail(
            f'the server logged errors during this test:\n{summary}\n\nits log from there:\n{log}', pytrace=False
        )


@pytest.fixture(scope='session')
def app_server() -> Iterator[AppServer]:
    with AppServer() as server:
        yield server


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture(scope='session')
def test_output() -> Path:
    TEST_OUTPUT.mkdir(exist_ok=True)
    return TEST_OUTPUT
