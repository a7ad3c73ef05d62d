"""The provider chain against the seed's latencies: `python -m bench.chain`.

A fake Together server on 127.0.0.1 answers each section after the seed's per-section latency scaled by 1/10, through
the real Together SDK. Prints the seed's sequential baseline (the sum of the sections) beside our wall time, the time to
the first section, and then 100 concurrent kits in one process.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import warnings

from branding.chain import ProviderChain
from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.models import EXAMPLE_PROFILE, BrandingRequest, SectionName
from branding.orchestrator import KitDone, SectionDone, stream_kit
from branding.providers.registry import build_providers
from branding.settings import Settings
from tests.fakes.brand_sections import SEED_LATENCIES_S, by_section
from tests.fakes.provider_server import FakeProviderServer

warnings.filterwarnings('ignore', message='The `__fields__` attribute is deprecated')


def make_chain(server: FakeProviderServer) -> ProviderChain:
    settings = Settings.model_validate(
        {
            **server.provider_settings('bench-key', 'together,offline'),
            'BRANDSMITH_CALL_TIMEOUT': 30,
            'BRANDSMITH_SECTION_BUDGET': 60,
        }
    )
    return ProviderChain(build_providers(settings), settings)


async def one_kit(chain: ProviderChain, fonts: FontLibrary, icons: IconLibrary, seed: int) -> tuple[float, float, int]:
    """Wall time, time to the first section, and how many sections fell back."""
    started = time.perf_counter()
    first = 0.0
    fallbacks = 0
    request = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=3, seed=seed)
    async for event in stream_kit(request, chain=chain, fonts=fonts, icons=icons):
        if isinstance(event, SectionDone) and not first:
            first = time.perf_counter() - started
        if isinstance(event, KitDone):
            fallbacks = sum(p.provider != 'together' for p in event.kit.sections.values())
    return time.perf_counter() - started, first, fallbacks


async def run(runs: int, concurrent: int) -> None:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together', by_section(SEED_LATENCIES_S))
    chain = make_chain(server)
    fonts = FontLibrary(root=Settings().fonts_dir)
    icons = IconLibrary(root=Settings().icons_dir)
    try:
        await one_kit(chain, fonts, icons, 0)  # warm-up: SDK models, fonts, colour tables
        results = [await one_kit(chain, fonts, icons, seed) for seed in range(1, runs + 1)]
        walls = [wall for wall, _, _ in results]
        firsts = [first for _, first, _ in results]
        baseline = sum(SEED_LATENCIES_S.values())
        slowest = max(SEED_LATENCIES_S.values())
        fastest = min(SEED_LATENCIES_S.values())
        wall = statistics.median(walls)
        first = statistics.median(firsts)
        print(f'one kit, all sections, {runs} runs (medians); seed latencies /10: {dict(SEED_LATENCIES_S)}')
        print(f'{"":<28}{"seconds":>10}{"ratio":>10}')
        print(f'{"sequential baseline (sum)":<28}{baseline:>10.3f}{1.0:>10.2f}')
        print(f'{"brandsmith wall":<28}{wall:>10.3f}{wall / baseline:>10.2f}')
        print(f'{"slowest section":<28}{slowest:>10.3f}')
        print(f'wall / slowest section: {wall / slowest:.2f} (target <= 1.15)')
        print(f'first section after {first:.3f} s; fastest section {fastest:.3f} s (target <= +0.15 s)')

        started = time.perf_counter()
        outcomes = await asyncio.gather(
            *(one_kit(chain, fonts, icons, seed) for seed in range(1000, 1000 + concurrent)), return_exceptions=True
        )
        elapsed = time.perf_counter() - started
        errors = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
        done = [outcome for outcome in outcomes if not isinstance(outcome, BaseException)]
        times = sorted(wall for wall, _, _ in done)
        fallbacks = sum(fell for _, _, fell in done)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(
            f'{concurrent} concurrent kits in {elapsed:.2f} s: p50 {statistics.median(times):.3f} s, '
            f'p95 {p95:.3f} s, errors {len(errors)}, sections that fell back {fallbacks}'
        )
        sections = len(SectionName) * concurrent
        print(f'{sections} sections; requests seen by the fake server: {len(server.requests("together"))}')
    finally:
        await chain.aclose()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--concurrent', type=int, default=100)
    args = parser.parse_args()
    asyncio.run(run(args.runs, args.concurrent))


if __name__ == '__main__':
    main()
