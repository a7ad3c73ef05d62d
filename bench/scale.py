"""Throughput as instances are added: `python -m bench.scale`.

A benchmark, not a test. For 1, 2 and 3 app instances (`--instances`), all on one PostgreSQL and one Redis (each run
a new empty database), behind nginx with the shipped deploy/nginx/load-balancer.conf, it sends `--kits` (300) whole
kits at once through nginx, as API callers without cookies (so nginx spreads them by request). Every section's
provider is a fake server that answers after `--latency` (1 s), so a kit's wall time is provider waiting plus the
instance's own CPU. It prints per run: kits per second, p50/p95 latency, errors, CPU seconds per kit (user + system
of all instances, read from /proc) and each instance's peak RSS.

The servers come from Debian's packages (tests/engines.py starts them, as the tests do); nothing listens beyond
127.0.0.1. Run it on an idle machine: the instances, PostgreSQL, Redis, nginx, the fake provider and this client all
share its cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import httpx

from branding.models import EXAMPLE_PROFILE, SectionName
from tests.conftest import ROOT, AppServer, free_port
from tests.engines import NginxServer, PostgresServer, RedisServer, postgres_bindir, redis_server_binary
from tests.fakes.brand_sections import by_section
from tests.fakes.provider_server import FakeProviderServer

UPSTREAM_LINE = '    server app:8080 max_fails=2 fail_timeout=10s;\n'
CLOCK_TICKS = os.sysconf('SC_CLK_TCK')


@dataclass(kw_only=True, slots=True)
class Run:
    instances: int
    kits: int
    wall_s: float
    latencies_s: list[float]
    statuses: Counter[int]
    cpu_s: float
    peak_rss_mib: list[float]
    alone_s: float  # one kit with the instances idle: the floor every latency stands on


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far."""
    fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_mib(pid: int) -> float:
    for line in Path(f'/proc/{pid}/status').read_text().splitlines():
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
    return float('nan')


def load_balancer_site(ports: list[int], listen_port: int) -> str:
    shipped = (ROOT / 'deploy' / 'nginx' / 'load-balancer.conf').read_text()
    servers = ''.join(f'    server 127.0.0.1:{port} max_fails=2 fail_timeout=10s;\n' for port in ports)
    return shipped.replace(UPSTREAM_LINE, servers).replace('listen 80;', f'listen 127.0.0.1:{listen_port};')


async def generate(client: httpx.AsyncClient, seed: int) -> tuple[float, int]:
    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 3, 'seed': seed}
    started = time.perf_counter()
    try:
        response = await client.post('/api/v1/generate-branding', json=body)
    except httpx.HTTPError:
        return time.perf_counter() - started, 0
    return time.perf_counter() - started, response.status_code


async def flood(url: str, kits: int, first_seed: int) -> tuple[float, list[tuple[float, int]]]:
    limits = httpx.Limits(max_connections=kits, max_keepalive_connections=0)  # a new connection, a new route each
    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as client:
        started = time.perf_counter()
        results = await asyncio.gather(*(generate(client, first_seed + index) for index in range(kits)))
        return time.perf_counter() - started, results


def one_run(count: int, kits: int, *, postgres: PostgresServer, redis: RedisServer, fake: FakeProviderServer) -> Run:
    database = postgres.create_database()
    redis.flush()
    env = {
        **fake.provider_settings('bench-key', 'together,offline'),
        'DATABASE_URL': database,
        'REDIS_URL': redis.url,
        'BRANDSMITH_RATE_LIMIT': '0',
        'BRANDSMITH_CALL_TIMEOUT': '120',
        'BRANDSMITH_SECTION_BUDGET': '300',
        'BRANDSMITH_TRUSTED_PROXIES': '127.0.0.1',
    }
    servers = [AppServer(extra_env=env) for _ in range(count)]
    port = free_port()
    nginx = NginxServer(site=load_balancer_site([server.port for server in servers], port), port=port)
    try:
        for server in servers:
            server.wait_until_healthy(timeout_s=120)
        nginx.start()
        asyncio.run(flood(nginx.url, count * 2, first_seed=1_000_000))  # warm-up: every instance's first kit
        alone_s, _ = asyncio.run(flood(nginx.url, 1, first_seed=2_000_000))
        cpu_before = sum(cpu_seconds(server.process.pid) for server in servers)
        wall_s, results = asyncio.run(flood(nginx.url, kits, first_seed=1))
        cpu_s = sum(cpu_seconds(server.process.pid) for server in servers) - cpu_before
        return Run(
            instances=count,
            kits=kits,
            wall_s=wall_s,
            latencies_s=sorted(latency for latency, status in results if status == 200),
            statuses=Counter(status for _, status in results),
            cpu_s=cpu_s,
            peak_rss_mib=[peak_rss_mib(server.process.pid) for server in servers],
            alone_s=alone_s,
        )
    finally:
        nginx.stop()
        for server in servers:
            server.stop()
            shutil.rmtree(server.data_dir, ignore_errors=True)
        postgres.drop_database(database)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float('nan')
    return values[min(len(values) - 1, round(fraction * (len(values) - 1)))]


def report(runs: list[Run], latency_s: float) -> None:
    base = runs[0].kits / runs[0].wall_s
    print(
        f'\n{runs[0].kits} concurrent kits (3 variations, every section {latency_s:g} s at the fake provider)', end=''
    )
    print(f' on {os.cpu_count()} cores')
    print('| instances | kits/s (x one) | p50 / p95 | 200 / other | CPU s per kit | peak RSS per instance |')
    print('|---|---|---|---|---|---|')
    for run in runs:
        throughput = run.kits / run.wall_s
        others = sum(count for status, count in run.statuses.items() if status != 200)
        rss = ', '.join(f'{value:.0f}' for value in run.peak_rss_mib)
        print(
            f'| {run.instances} | {throughput:.1f} ({throughput / base:.2f}) | '
            f'{percentile(run.latencies_s, 0.5):.1f} / {percentile(run.latencies_s, 0.95):.1f} s | '
            f'{run.statuses[200]} / {others} | {run.cpu_s / run.kits:.3f} | {rss} MiB |'
        )
    alone = ', '.join(f'{run.alone_s:.1f} s' for run in runs)
    print(f'one kit alone, before each flood: {alone}')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--kits', type=int, default=300)
    parser.add_argument('--instances', type=int, nargs='+', default=[1, 2, 3])
    parser.add_argument('--latency', type=float, default=1.0, help='seconds the fake provider takes per section')
    args = parser.parse_args()
    bindir, redis_binary = postgres_bindir(), redis_server_binary()
    if bindir is None or redis_binary is None:
        raise SystemExit('PostgreSQL and redis-server are needed: `make servers` installs them')
    postgres = PostgresServer(
        bindir=bindir,
        root=Path(tempfile.mkdtemp(prefix='brandsmith-bench-pg-')),
        port=free_port(),
        run_as='postgres' if os.geteuid() == 0 else None,
    )
    redis = RedisServer(
        binary=redis_binary, root=Path(tempfile.mkdtemp(prefix='brandsmith-bench-redis-')), port=free_port()
    )
    fake = FakeProviderServer()
    postgres.start()
    redis.start()
    fake.start()
    fake.respond_with('together', by_section(dict.fromkeys(SectionName, args.latency)))
    try:
        runs = []
        for count in args.instances:
            print(f'{count} instance(s)...', flush=True)
            runs.append(one_run(count, args.kits, postgres=postgres, redis=redis, fake=fake))
        report(runs, args.latency)
    finally:
        fake.stop()
        redis.stop()
        postgres.stop()


if __name__ == '__main__':
    main()
