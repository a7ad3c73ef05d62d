"""Median time of a whole offline kit with 10 variations, in-process: `python -m bench.offline`."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.models import EXAMPLE_PROFILE, BrandingRequest
from branding.orchestrator import generate_kit
from branding.settings import Settings

TARGET_MS = 50.0


async def time_kits(runs: int, variations: int, fonts: FontLibrary, icons: IconLibrary) -> list[float]:
    timings = []
    for seed in range(runs):
        request = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=variations, seed=seed)
        started = time.perf_counter()
        await generate_kit(request, fonts=fonts, icons=icons)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--runs', type=int, default=40)
    parser.add_argument('--variations', type=int, default=10)
    args = parser.parse_args()
    settings = Settings()
    fonts = FontLibrary(root=settings.fonts_dir)
    icons = IconLibrary(root=settings.icons_dir)
    cold = asyncio.run(time_kits(1, args.variations, fonts, icons))[0]
    timings = asyncio.run(time_kits(args.runs, args.variations, fonts, icons))
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(f'offline kit, {args.variations} variations, {args.runs} runs (first, cold run: {cold:.1f} ms)')
    print(f'{"":<10}{"median ms":>12}{"p95 ms":>10}')
    print(f'{"target":<10}{TARGET_MS:>12.1f}{"":>10}')
    print(f'{"measured":<10}{median:>12.1f}{p95:>10.1f}')
    print(f'ratio measured/target: {median / TARGET_MS:.2f} ({"within" if median <= TARGET_MS else "over"} target)')


if __name__ == '__main__':
    main()
