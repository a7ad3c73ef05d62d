"""Logo paintings beside the kit: `python -m bench.images`.

The fake image server on 127.0.0.1 answers each painting after `--latency` seconds (2 s by default) through the real
Together SDK; chat comes from the offline engine. Prints the time to the kit's first card with paintings on and off
(paintings must not delay it), the time from the logos to the last painting for one concept and for four (painted
concurrently: the target is at most 1.2x one painting), and the tracing time and path count of one painting.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import xml.etree.ElementTree as ET

from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.images.kit_paintings import ImagePainted
from branding.images.registry import build_painter
from branding.images.trace import trace_svg
from branding.models import EXAMPLE_PROFILE, BrandingRequest, Focus, SectionName
from branding.orchestrator import KitDone, SectionDone, stream_kit
from branding.settings import Settings
from tests.fakes.images import painted, picture
from tests.fakes.provider_server import FakeProviderServer


async def one_kit(
    settings: Settings, fonts: FontLibrary, icons: IconLibrary, *, concepts: int, paint: bool, seed: int
) -> tuple[float, float, int]:
    """Time to the first card, time from the logos card to the last painting, and paintings made."""
    painter = build_painter(settings) if paint else None
    request = BrandingRequest(company_profile=EXAMPLE_PROFILE, num_variations=concepts, seed=seed, focus=Focus.ALL)
    started = time.perf_counter()
    first = logos = last = 0.0
    made = 0
    try:
        async for event in stream_kit(request, fonts=fonts, icons=icons, painter=painter):
            now = time.perf_counter() - started
            if isinstance(event, SectionDone):
                first = first or now
                if event.section == SectionName.LOGOS:
                    logos = now
            elif isinstance(event, ImagePainted) and event.png is not None:
                made, last = made + 1, now
            elif isinstance(event, KitDone):
                break
    finally:
        if painter is not None:
            await painter.aclose()
    return first, last - logos if made else 0.0, made


async def run(latency_s: float, runs: int) -> None:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together_images', lambda _: painted(seconds=latency_s))
    env = server.provider_settings('bench-key', providers='offline', images='auto')
    env |= {'OPENAI_COMPAT_IMAGE_MODEL': '', 'BRANDSMITH_IMAGE_TIMEOUT': str(latency_s * 5)}
    settings = Settings.model_validate(env)
    fonts, icons = FontLibrary(root=settings.fonts_dir), IconLibrary(root=settings.icons_dir)
    try:
        await one_kit(settings, fonts, icons, concepts=1, paint=True, seed=0)  # warm-up
        rows = {}
        for label, concepts, paint in (('off', 4, False), ('1 concept', 1, True), ('4 concepts', 4, True)):
            results = [
                await one_kit(settings, fonts, icons, concepts=concepts, paint=paint, seed=seed)
                for seed in range(1, runs + 1)
            ]
            rows[label] = (
                statistics.median(first for first, _, _ in results),
                statistics.median(span for _, span, _ in results),
                min(made for _, _, made in results),
            )
        print(f'paintings at {latency_s:g} s each from the fake Together images API; {runs} kits per row (medians)')
        print(f'{"":<14}{"first card s":>14}{"logos->last painting s":>26}{"painted":>10}')
        for label, (first, span, made) in rows.items():
            print(f'{label:<14}{first:>14.3f}{span:>26.3f}{made:>10}')
        print(f'first card, paintings on / off: {rows["4 concepts"][0] / rows["off"][0]:.2f} (target about 1)')
        print(f'four paintings / one painting: {rows["4 concepts"][1] / rows["1 concept"][1]:.2f} (target <= 1.2)')
    finally:
        server.stop()
    png = picture(1024)
    started = time.perf_counter()
    svg = trace_svg(png, ['#1e3a8a', '#eab308', '#ffffff'])
    traced_s = time.perf_counter() - started
    paths = len(ET.fromstring(svg).findall('{http://www.w3.org/2000/svg}path'))
    print(f'tracing one 1024 px painting: {traced_s:.3f} s, {paths} paths, {len(svg)} bytes of SVG')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--latency', type=float, default=2.0, help='seconds per painting (default 2)')
    parser.add_argument('--runs', type=int, default=3, help='kits per row (default 3)')
    args = parser.parse_args()
    asyncio.run(run(args.latency, args.runs))


if __name__ == '__main__':
    main()
