"""Real PostgreSQL, Redis and nginx servers for the tests, from Debian's packages, each on a free loopback port with
its data in a temporary folder, started once a session (nginx by the test that needs it) and stopped at its end.

The fixtures (tests/conftest.py loads this module as a plugin): `postgres_server` and `redis_server` (session scope),
`postgres_url` (a new empty database for each test) and `redis_url` (the session's Redis, emptied for each test);
`NginxServer` runs a site configuration in front of the tests' app servers. `make test` installs the packages when
they are missing (scripts/ensure-test-servers.sh); a test that needs one fails, naming what is missing, when it is not
installed.

PostgreSQL refuses to run as root, so as root (CI) initdb and the server run as the `postgres` user Debian's package
creates. The test cluster trades durability for speed (fsync off): what the tests check is what the app sees.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
import redis
from redis.asyncio import Redis

from branding.redis_state import connect
from tests.conftest import free_port

STARTUP_TIMEOUT_S = 30.0


def postgres_bindir() -> Path | None:
    """The newest installed PostgreSQL's programs: Debian keeps them in /usr/lib/postgresql/<version>/bin."""
    found = shutil.which('pg_ctl')
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob('/usr/lib/postgresql/*/bin/pg_ctl'), key=lambda path: int(Path(path).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def redis_server_binary() -> str | None:
    return shutil.which('redis-server') or ('/usr/bin/redis-server' if Path('/usr/bin/redis-server').exists() else None)


@dataclass(kw_only=True, slots=True)
class PostgresServer:
    """A PostgreSQL cluster of the test session's own."""

    bindir: Path
    root: Path
    port: int
    user: str = 'brandsmith'
    run_as: str | None = None  # the system user the server runs as (postgres when the tests run as root)

    @property
    def data_dir(self) -> Path:
        return self.root / 'data'

    def url(self, database: str = 'postgres') -> str:
        return f'postgresql://{self.user}@127.0.0.1:{self.port}/{database}'

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.run_as:
            shutil.chown(self.root, user=self.run_as, group=self.run_as)
        self._run(
            'initdb',
            '-D',
            str(self.data_dir),
            '-U',
            self.user,
            '--auth=trust',
            '-E',
            'UTF8',
            '--no-sync',
            '--no-instructions',
        )
        options = (
            f'-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c full_page_writes=off -c max_connections=200'
        )
        self._run('pg_ctl', '-D', str(self.data_dir), '-l', str(self.root / 'server.log'), '-o', options, '-w', 'start')

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run('pg_ctl', '-D', str(self.data_dir), '-m', 'immediate', '-w', 'stop')
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        name = f'test_{uuid.uuid4().hex[:16]}'
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE {name}'.encode())
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit('/', 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS {name} WITH (FORCE)'.encode())

    def log(self) -> str:
        path = self.root / 'server.log'
        return path.read_text(errors='replace') if path.exists() else ''

    def _run(self, program: str, *args: str) -> None:
        result = subprocess.run(
            [str(self.bindir / program), *args],
            user=self.run_as,
            group=self.run_as,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=STARTUP_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0:
            raise subprocess.CalledProcessError(result.returncode, program, result.stdout, result.stderr + self.log())


@dataclass(kw_only=True, slots=True)
class RedisServer:
    """A Redis server of the test session's own: in memory only (no RDB snapshots, no append-only file)."""

    binary: str
    root: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f'redis://127.0.0.1:{self.port}/0'

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                self.binary,
                '--port',
                str(self.port),
                '--bind',
                '127.0.0.1',
                '--save',
                '',
                '--appendonly',
                'no',
                '--dir',
                str(self.root),
                '--daemonize',
                'no',
                '--loglevel',
                'warning',
                '--logfile',
                str(self.root / 'redis.log'),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not self.ping():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.root / 'redis.log'
                raise RuntimeError(f'redis-server did not start: {log.read_text() if log.exists() else ""}')
            time.sleep(0.05)

    def ping(self) -> bool:
        try:
            with socket.create_connection(('127.0.0.1', self.port), timeout=1) as sock:
                sock.sendall(b'PING\r\n')
                return sock.recv(16).startswith(b'+PONG')
        except OSError:
            return False

    def flush(self) -> None:
        with redis.Redis.from_url(self.url) as client:
            client.flushall()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)


def _run_as() -> str | None:
    return 'postgres' if os.geteuid() == 0 else None


@pytest.fixture(scope='session')
def postgres_server() -> Iterator[PostgresServer]:
    bindir = postgres_bindir()
    if bindir is None:
        pytest.fail('PostgreSQL is not installed: `make test` installs it (scripts/ensure-test-servers.sh)')
    server = PostgresServer(
        bindir=bindir, root=Path(tempfile.mkdtemp(prefix='brandsmith-pg-')), port=free_port(), run_as=_run_as()
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A new empty database for one test, dropped after it."""
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url)


@pytest.fixture(scope='session')
def redis_server() -> Iterator[RedisServer]:
    binary = redis_server_binary()
    if binary is None:
        pytest.fail('redis-server is not installed: `make test` installs it (scripts/ensure-test-servers.sh)')
    server = RedisServer(binary=binary, root=Path(tempfile.mkdtemp(prefix='brandsmith-redis-')), port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis, emptied for this test."""
    redis_server.flush()
    return redis_server.url


@pytest.fixture
async def redis_clients(redis_url: str) -> AsyncIterator[Callable[[], Redis]]:
    """New clients of the test's Redis, one per simulated instance; closed after the test."""
    opened: list[Redis] = []

    def make() -> Redis:
        opened.append(connect(redis_url))
        return opened[-1]

    yield make
    for client in opened:
        await client.aclose()


NGINX = shutil.which('nginx') or '/usr/sbin/nginx'


@dataclass(kw_only=True, slots=True)
class NginxServer:
    """nginx in front of the test's app servers: `site` is a server configuration (an http-level include), run with
    a prefix of its own in a temporary folder."""

    site: str
    port: int
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix='brandsmith-nginx-')))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f'http://127.0.0.1:{self.port}'

    def start(self) -> None:
        if not Path(NGINX).exists():
            pytest.fail('nginx is not installed: `make test` installs it (scripts/ensure-test-servers.sh)')
        (self.root / 'logs').mkdir(parents=True, exist_ok=True)
        (self.root / 'site.conf').write_text(self.site)
        (self.root / 'nginx.conf').write_text(
            f"""
            worker_processes 1;
            error_log {self.root}/logs/error.log warn;
            pid {self.root}/nginx.pid;
            events {{ worker_connections 1024; }}
            http {{
                access_log off;
                client_body_temp_path {self.root}/body;
                proxy_temp_path {self.root}/proxy;
                fastcgi_temp_path {self.root}/fastcgi;
                uwsgi_temp_path {self.root}/uwsgi;
                scgi_temp_path {self.root}/scgi;
                include {self.root}/site.conf;
            }}
            """
        )
        self.process = subprocess.Popen(
            [NGINX, '-p', str(self.root), '-c', str(self.root / 'nginx.conf'), '-g', 'daemon off;'],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not self._listening():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.root / 'logs' / 'error.log'
                errors = log.read_text() if log.exists() else ''
                self.stop()  # never leave an nginx behind that listens somewhere else
                raise RuntimeError(f'nginx did not start on port {self.port}: {errors}')
            time.sleep(0.05)

    def _listening(self) -> bool:
        try:
            with socket.create_connection(('127.0.0.1', self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)
