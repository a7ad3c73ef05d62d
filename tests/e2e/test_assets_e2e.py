"""The prebuilt assets in a real Chromium: the studio's look comes from assets/dist, not from in-browser defaults."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, Request, expect

from components.assets import SOURCE_LINE, AssetBuild
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e

BUILD = AssetBuild()
TAILWIND_CLI = BUILD.folder / 'node_modules' / '.bin' / 'tailwindcss'
# a class selector starts with a letter, '-', '_' or an escape; '.5' in '1.5rem' is a number, not a selector
CLASS_SELECTOR = re.compile(r'(?<![\w.])\.(-?(?:[A-Za-z_]|\\.)(?:\\.|[\w-])*)')

# the classes of every element NiceGUI drew for the page (their ids are c<number>): Quasar's own inner markup is
# styled by Quasar's stylesheet, whatever words its class lists share with Tailwind's utilities
NICEGUI_CLASSES = """
() => [...document.querySelectorAll('[id^="c"]')]
  .filter((element) => /^c\\d+$/.test(element.id))
  .flatMap((element) => [...element.classList])
"""


def class_names(css: str) -> set[str]:
    return {re.sub(r'\\(.)', r'\1', name) for name in CLASS_SELECTOR.findall(css)}


def tailwind_output(classes: set[str], work: Path) -> str:
    """What the Tailwind CLI makes of `classes` with the studio's own configuration (variants, dark mode)."""
    listed = ' '.join(sorted(name for name in classes if '"' not in name and '\\' not in name))
    # a copy of the studio's input outside its folder: the package import resolves from there by absolute path
    config = SOURCE_LINE.sub('', BUILD.input_css.read_text(encoding='utf-8')).replace(
        '@import "tailwindcss"', f'@import "{BUILD.folder / "node_modules" / "tailwindcss"}"'
    )
    source = work / 'classes.css'
    source.write_text(f'{config}\n@source inline("{listed}");\n', encoding='utf-8')
    output = work / 'out.css'
    subprocess.run(
        [str(TAILWIND_CLI), '--input', str(source), '--output', str(output)], check=True, capture_output=True
    )
    return output.read_text(encoding='utf-8')


async def drawn_classes(page: Page) -> set[str]:
    return set(await page.evaluate(NICEGUI_CLASSES))


async def test_every_class_and_icon_on_screen_comes_from_the_prebuilt_assets(
    app_server: AppServer, browser: Browser, tmp_path: Path
) -> None:
    assert BUILD.current_digest() is not None, 'assets/dist is missing or stale: `make assets` builds it'
    page = await browser.new_page(viewport={'width': 1280, 'height': 900})
    requests: list[str] = []

    def remember(request: Request) -> None:
        requests.append(request.url)

    page.on('request', remember)
    await page.goto(app_server.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_label('Company type').click()
    await expect(page.get_by_role('option').first).to_be_visible()
    await page.keyboard.press('Escape')
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)
    classes = await drawn_classes(page)
    await page.get_by_role('button', name='Toggle dark mode').click()
    await expect(page.locator('body.body--dark')).to_have_count(1)
    classes |= await drawn_classes(page)
    # the share page (/kit/<id>) is not drawn by NiceGUI: it carries a small stylesheet of its own

    assert any(url.split('?')[0].endswith('/assets/studio.css') for url in requests)
    assert any(url.split('?')[0].endswith('/assets/icons.js') for url in requests)
    assert not [url for url in requests if 'tailwindcss' in url], 'the in-browser Tailwind compiler was loaded'
    assert not [url for url in requests if url.endswith('.woff2') and '/_nicegui/' in url], 'an icon font was loaded'
    assert await page.locator('.q-icon.material-icons').count() == 0
    assert await page.locator('svg.q-icon, .q-icon > svg').count() > 0

    wanted = class_names(tailwind_output(classes, tmp_path))
    built = class_names(BUILD.stylesheet.read_text(encoding='utf-8'))
    assert len(wanted) > 50
    assert sorted(wanted - built) == []
