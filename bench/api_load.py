"""100 concurrent generations through the HTTP API: `python -m bench.api_load`.

The app runs as its own process on 127.0.0.1 with Together pointed at a fake server that answers every section after
1 s. Prints p50/p95 latency, errors and the server's peak RSS, beside the seed's sequential baseline for one kit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import time
from pathlib import Path

import httpx

from branding.models import EXAMPLE_PROFILE, SectionName
from tests.conftest import AppServer
from tests.fakes.brand_sections import by_section
from tests.fakes.provider_server import FakeProviderServer

LATENCY_S = 1.0


def peak_rss_mib(pid: int) -> float:
    for line in Path(f'/proc/{pid}/status').read_text().splitlines():
        if line.startswith('VmHWM:'):
            return int(line.split()[1]) / 1024
    return float('nan')


async def one(client: httpx.AsyncClient, seed: int) -> tuple[float, int]:
    started = time.perf_counter()
    body = {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 3, 'seed': seed}
    response = await client.post('/api/v1/generate-branding', json=body)
    return time.perf_counter() - started, response.status_code


async def run(concurrent: int) -> None:
    fake = FakeProviderServer()
    fake.start()
    fake.respond_with('together', by_section(dict.fromkeys(SectionName, LATENCY_S)))
    server = AppServer(
        extra_env={
            **fake.provider_settings('bench-key', 'together,offline'),
            'BRANDSMITH_RATE_LIMIT': '0',
            'BRANDSMITH_CALL_TIMEOUT': '30',
            'BRANDSMITH_SECTION_BUDGET': '60',
        }
    )
    try:
        server.wait_until_healthy()
        limits = httpx.Limits(max_connections=concurrent)
        async with httpx.AsyncClient(base_url=server.url, timeout=120, limits=limits) as client:
            await one(client, 0)  # warm-up
            started = time.perf_counter()
            results = await asyncio.gather(*(one(client, seed) for seed in range(1, concurrent + 1)))
            elapsed = time.perf_counter() - started
        times = sorted(seconds for seconds, _ in results)
        errors = sum(status != 200 for _, status in results)
        p95 = statistics.quantiles(times, n=20)[-1]
        baseline = LATENCY_S * len(SectionName)
        print(f'{concurrent} concurrent kits through POST /api/v1/generate-branding, every section {LATENCY_S} s')
        print(f'{"":<34}{"seconds":>10}{"ratio":>10}')
        print(f'{"seed baseline: one kit, sequential":<34}{baseline:>10.2f}{1.0:>10.2f}')
        print(f'{"p50 per kit":<34}{statistics.median(times):>10.2f}{statistics.median(times) / baseline:>10.2f}')
        print(f'{"p95 per kit":<34}{p95:>10.2f}{p95 / baseline:>10.2f}')
        print(f'{"all kits, wall":<34}{elapsed:>10.2f}')
        print(f'errors: {errors}; server peak RSS: {peak_rss_mib(server.process.pid):.0f} MiB')
        print(f'provider requests seen: {len(fake.requests("together"))}')
    finally:
        server.stop()
        shutil.rmtree(server.data_dir, ignore_errors=True)
        fake.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--concurrent', type=int, default=100)
    args = parser.parse_args()
    os.environ.pop('PYTEST_CURRENT_TEST', None)
    asyncio.run(run(args.concurrent))


if __name__ == '__main__':
    main()
