"""Anonymous page floods against the app: `python -m bench.flood`.

A benchmark, not a test. Each server runs as its own process on a free port of 127.0.0.1 with the offline engine. The
flood is 800 page loads, 20 at a time, half `/` and half a shared kit's `/kit/<id>`, from one address and without
cookies (as a script or a scraper sends them: no socket is ever opened). A probe asks for `/health` every 50 ms
throughout. It prints, per server: how the loads were answered (5xx target 0; 429s are the page limit at work), the
server's RSS before, at its peak and after NiceGUI has pruned the clients that never connected (it checks every 10 s
for clients older than 60 s), `/health` p50/p95 during the flood (target p95 under 100 ms; the container's health
check gives up after 5 s), and how long the server takes to exit on SIGTERM in the middle of a second flood.

Columns: the studio with the page limit at its default and with it off, and as a baseline a bare NiceGUI page (one
label, flooded at `/` only) and an idle server. `--before <app.py>` adds a column for another checkout of the app
(for example `git worktree add /tmp/before <commit>`).
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import math
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as EventType
from pathlib import Path

import httpx

from branding.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
LOADS = 800
CONCURRENT = 20
PROBE_INTERVAL_S = 0.05
# NiceGUI prunes clients that never connected once they are 60 s old, on a 10 s timer
PRUNE_WAIT_S = 75.0
SIGTERM_AFTER_S = 1.0
HEALTH_TARGET_MS = 100.0
RSS_TARGET_MIB = 150.0
DEFAULT_PAGE_LIMIT = Settings.model_fields['page_rate_limit_per_minute'].default


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


@dataclass(kw_only=True, slots=True)
class Server:
    """An app (or the bare NiceGUI page) as its own process, with its own data directory and log."""

    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    data_dir: Path | None = None  # made when the server starts, removed when it stops
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f'http://127.0.0.1:{self.port}'

    @property
    def log_path(self) -> Path:
        assert self.data_dir is not None, 'the server has not started'
        return self.data_dir / 'server.log'

    def start(self, ready_path: str) -> None:
        self.data_dir = Path(tempfile.mkdtemp(prefix='brandsmith-flood-'))
        env = {key: value for key, value in os.environ.items() if key != 'PYTEST_CURRENT_TEST'}
        for key in ('TOGETHER_API_KEY', 'COHERE_API_KEY', 'CO_API_KEY', 'OPENAI_COMPAT_API_KEY'):
            env.pop(key, None)  # the offline engine only: a benchmark must not spend anyone's quota
        env.update(
            {
                'HOST': '127.0.0.1',
                'PORT': str(self.port),
                'BRANDSMITH_DATA_DIR': str(self.data_dir),
                'BRANDSMITH_PROVIDERS': 'offline',
                'BRANDSMITH_RATE_LIMIT': '0',
                **self.env,
            }
        )
        with self.log_path.open('w') as log:
            self.process = subprocess.Popen(
                self.command, cwd=self.data_dir, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f'server exited with {self.process.returncode}:\n{self.log_path.read_text()}')
            try:
                if httpx.get(f'{self.url}{ready_path}', timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise SystemExit(f'server did not start:\n{self.log_path.read_text()}')

    def rss_mib(self, field_name: str = 'VmRSS') -> float:
        assert self.process is not None
        for line in Path(f'/proc/{self.process.pid}/status').read_text().splitlines():
            if line.startswith(f'{field_name}:'):
                return int(line.split()[1]) / 1024
        return float('nan')

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.data_dir is not None:
            shutil.rmtree(self.data_dir, ignore_errors=True)


@dataclass(kw_only=True, slots=True)
class Result:
    name: str
    statuses: Counter[str] = field(default_factory=Counter)
    flood_s: float = 0.0
    health_ms: list[float] = field(default_factory=list)
    health_failures: int = 0
    idle_health_ms: list[float] = field(default_factory=list)
    rss_before: float = 0.0
    rss_peak: float = 0.0
    rss_after_prune: float = 0.0
    exit_s: float | None = None
    exit_code: int | None = None
    server_log_errors: int = 0


def cookieless_client(base_url: str, connections: int) -> httpx.AsyncClient:
    """A client that never keeps a cookie: each load is a new visitor to NiceGUI (a new session, a new client)."""
    jar = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits, cookies=jar)


def status_class(status: int) -> str:
    if status == 429:
        return '429'
    return f'{status // 100}xx'


async def flood(client: httpx.AsyncClient, paths: list[str], statuses: Counter[str], concurrent: int) -> None:
    queue = iter(paths)

    async def worker() -> None:
        for path in queue:
            try:
                response = await client.get(path)
                statuses[status_class(response.status_code)] += 1
            except httpx.HTTPError as error:
                statuses[type(error).__name__] += 1

    await asyncio.gather(*(worker() for _ in range(concurrent)))


def probe_health(base_url: str, stop: EventType, answers: Connection) -> None:
    """`/health` every PROBE_INTERVAL_S on a connection of its own, as a container's health check asks; sends back
    (latency ms, answered 200) pairs. A process of its own, so the flood's client does not delay the probe's."""
    samples: list[tuple[float, bool]] = []
    jar = http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    with httpx.Client(base_url=base_url, timeout=60, cookies=jar) as client:
        while not stop.is_set():
            started = time.perf_counter()
            try:
                ok = client.get('/health').status_code == 200
            except httpx.HTTPError:
                ok = False
            samples.append(((time.perf_counter() - started) * 1000, ok))
            time.sleep(PROBE_INTERVAL_S)
    answers.send(samples)
    answers.close()


async def flood_with_probe(server: Server, paths: list[str], result: Result, concurrent: int, *, probe: bool) -> None:
    context = multiprocessing.get_context('spawn')
    stop = context.Event()
    receiver, sender = context.Pipe(duplex=False)
    prober = context.Process(target=probe_health, args=(server.url, stop, sender), daemon=True)
    if probe:
        prober.start()
    started = time.perf_counter()
    async with cookieless_client(server.url, concurrent) as client:
        await flood(client, paths, result.statuses, concurrent)
    result.flood_s = time.perf_counter() - started
    if probe:
        stop.set()
        samples = await asyncio.to_thread(receiver.recv)
        prober.join()
        result.health_ms = [latency for latency, _ in samples]
        result.health_failures = sum(not ok for _, ok in samples)


async def idle_health(server: Server, result: Result) -> None:
    async with cookieless_client(server.url, 1) as client:
        for _ in range(40):
            started = time.perf_counter()
            await client.get('/health')
            result.idle_health_ms.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(PROBE_INTERVAL_S)


async def exit_mid_flood(server: Server, paths: list[str], result: Result, concurrent: int) -> None:
    """SIGTERM one second into a second flood; how long until the process has gone, and with which status."""
    assert server.process is not None
    process = server.process
    statuses: Counter[str] = Counter()
    async with cookieless_client(server.url, concurrent) as client:
        loads = asyncio.create_task(flood(client, paths, statuses, concurrent))
        await asyncio.sleep(SIGTERM_AFTER_S)
        started = time.perf_counter()
        process.send_signal(signal.SIGTERM)
        try:
            result.exit_code = await asyncio.to_thread(process.wait, 30)
            result.exit_s = time.perf_counter() - started
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        await loads  # the rest of the loads fail to connect: the server has gone


def make_kit(base_url: str) -> str:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        profile = client.get('/api/v1/example-company-profile').raise_for_status().json()
        body = {'company_profile': profile, 'num_variations': 3, 'focus': 'all', 'seed': 7}
        return str(client.post('/api/v1/generate-branding', json=body).raise_for_status().json()['id'])


async def measure(
    name: str, server: Server, *, share_page: bool, loads: int, concurrent: int, settle_s: float
) -> Result:
    result = Result(name=name)
    try:
        server.start('/health' if share_page else '/')
        paths = ['/']
        if share_page:
            paths.append(f'/kit/{make_kit(server.url)}')
        async with cookieless_client(server.url, 1) as client:
            for path in paths:  # the first load of each page pays for imports and caches
                (await client.get(path)).raise_for_status()
        flood_paths = [paths[index % len(paths)] for index in range(loads)]
        if share_page:
            await idle_health(server, result)
        result.rss_before = server.rss_mib()
        print(f'  {name}: {loads} loads, {concurrent} at a time ...', flush=True)
        # the bare page has no /health: asking for it would build NiceGUI's 404 page, a client of its own
        await flood_with_probe(server, flood_paths, result, concurrent, probe=share_page)
        print(f'  {name}: waiting {settle_s:.0f} s for NiceGUI to prune the clients ...', flush=True)
        await asyncio.sleep(settle_s)
        result.rss_after_prune = server.rss_mib()
        result.rss_peak = server.rss_mib('VmHWM')
        await exit_mid_flood(server, flood_paths, result, concurrent)
        log = server.log_path.read_text(errors='replace')
        result.server_log_errors = sum(1 for line in log.splitlines() if ' ERROR ' in line or 'Traceback' in line)
    finally:
        server.stop()
    return result


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float('nan')
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def number(value: float) -> str:
    return 'n/a' if math.isnan(value) else f'{value:.1f}'


def print_table(results: list[Result], loads: int, concurrent: int) -> None:
    idle = next((result for result in results if result.idle_health_ms), None)
    width = 26
    header = f'{"":<34}' + ''.join(f'{result.name:>{width}}' for result in results)
    print(f'\n{loads} page loads, {concurrent} at a time, one address, no cookies; /health every 50 ms throughout')
    print(header)

    def row(label: str, cells: list[str]) -> None:
        print(f'{label:<34}' + ''.join(f'{cell:>{width}}' for cell in cells))

    row('loads answered 2xx', [str(result.statuses['2xx']) for result in results])
    row('429 (page limit)', [str(result.statuses['429']) for result in results])
    row('5xx (target 0)', [str(result.statuses['5xx']) for result in results])
    row(
        'other / failed',
        [str(sum(n for key, n in result.statuses.items() if key not in {'2xx', '429', '5xx'})) for result in results],
    )
    row('flood wall time, s', [f'{result.flood_s:.1f}' for result in results])
    row('RSS before, MiB', [f'{result.rss_before:.0f}' for result in results])
    row('RSS peak, MiB', [f'{result.rss_peak:.0f}' for result in results])
    row('RSS after prune, MiB', [f'{result.rss_after_prune:.0f}' for result in results])
    row(
        f'  after - before (target <{RSS_TARGET_MIB:.0f})',
        [f'{result.rss_after_prune - result.rss_before:+.0f}' for result in results],
    )
    row('/health p50, ms', [number(percentile(result.health_ms, 0.5)) for result in results])
    row(
        f'/health p95, ms (target <{HEALTH_TARGET_MS:.0f})',
        [number(percentile(result.health_ms, 0.95)) for result in results],
    )
    row('/health not 200', [str(result.health_failures) if result.health_ms else 'n/a' for result in results])
    row('/health max, ms', [number(percentile(result.health_ms, 1.0)) for result in results])
    row(
        'exit on SIGTERM mid-flood, s',
        [
            'no exit in 30 s' if result.exit_s is None else f'{result.exit_s:.2f} (status {result.exit_code})'
            for result in results
        ],
    )
    row('server log errors/tracebacks', [str(result.server_log_errors) for result in results])
    if idle is not None:
        print(
            f'baseline, idle server: /health p50 {number(percentile(idle.idle_health_ms, 0.5))} ms, '
            f'p95 {number(percentile(idle.idle_health_ms, 0.95))} ms; RSS {idle.rss_before:.0f} MiB'
        )


async def run(args: argparse.Namespace) -> None:
    app = str(ROOT / 'app.py')
    bare = [sys.executable, str(ROOT / 'bench' / 'lighthouse.py'), '--serve-bare']
    options = {'loads': args.loads, 'concurrent': args.concurrent, 'settle_s': args.settle}
    plans: list[tuple[str, Server, bool]] = []
    if not args.no_baseline:
        plans.append(('bare NiceGUI page /', Server(command=bare), False))
    if args.before:
        plans.append(('before (--before)', Server(command=[sys.executable, args.before]), True))
    plans += [
        (
            f'page limit {DEFAULT_PAGE_LIMIT}/min',
            Server(command=[sys.executable, app], env={'BRANDSMITH_PAGE_RATE_LIMIT': str(DEFAULT_PAGE_LIMIT)}),
            True,
        ),
        ('page limit off (0)', Server(command=[sys.executable, app], env={'BRANDSMITH_PAGE_RATE_LIMIT': '0'}), True),
    ]
    results = []
    for name, server, share_page in plans:
        results.append(await measure(name, server, share_page=share_page, **options))
    print_table(results, args.loads, args.concurrent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--loads', type=int, default=LOADS)
    parser.add_argument('--concurrent', type=int, default=CONCURRENT)
    parser.add_argument('--settle', type=float, default=PRUNE_WAIT_S, help='seconds to wait for NiceGUI to prune')
    parser.add_argument('--before', help="another checkout's app.py, flooded the same way as a baseline column")
    parser.add_argument('--no-baseline', action='store_true', help='skip the bare NiceGUI page')
    asyncio.run(run(parser.parse_args()))


if __name__ == '__main__':
    main()
