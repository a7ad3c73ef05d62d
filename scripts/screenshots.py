"""`make screenshots`: the README's pictures of the studio, taken on purpose rather than by every test run.

docs/studio.png is the studio in light mode with a kit from the offline engine; docs/studio-dark.png is dark mode with
a kit written through the provider chain (Together's SDK against the fake provider server on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

from playwright.async_api import Browser, async_playwright, expect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM_FLAGS, AppServer, chromium_executable  # noqa: E402
from tests.fakes.brand_sections import by_section  # noqa: E402
from tests.fakes.provider_server import FakeProviderServer  # noqa: E402

DOCS = ROOT / 'docs'


async def studio_screenshot(browser: Browser, url: str, path: Path, *, dark: bool) -> None:
    page = await browser.new_page(viewport={'width': 1440, 'height': 1000})
    await page.goto(url)
    if dark:
        await page.get_by_role('button', name='Toggle dark mode').click()
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=60_000)
    # the brand board and mockups are drawn on request: picture the page once the images on screen have arrived
    await page.evaluate('window.scrollTo(0, 0)')
    await page.wait_for_function(
        'Array.from(document.images).filter((image) => image.getBoundingClientRect().top < innerHeight)'
        '.every((image) => image.complete && image.naturalWidth > 0)',
        timeout=60_000,
    )
    await page.wait_for_timeout(1000)  # Quasar fades an arrived image in
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot(path=str(path))
    await page.close()


def started(server: AppServer) -> AppServer:
    server.wait_until_healthy()
    return server


async def main() -> None:
    provider = FakeProviderServer()
    provider.start()
    provider.respond_with('together', by_section())
    servers = [
        started(AppServer()),
        started(AppServer(extra_env=provider.provider_settings('screenshots-key', 'together,offline'))),
    ]
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
            await studio_screenshot(browser, servers[0].url, DOCS / 'studio.png', dark=False)
            await studio_screenshot(browser, servers[1].url, DOCS / 'studio-dark.png', dark=True)
            await browser.close()
    finally:
        for server in servers:
            server.stop()
            shutil.rmtree(server.data_dir, ignore_errors=True)
        provider.stop()
    print(f'wrote {DOCS / "studio.png"} and {DOCS / "studio-dark.png"}')


if __name__ == '__main__':
    asyncio.run(main())
