"""axe-core, every rule, on each state of the studio and on the share page, in a real Chromium.

Lighthouse runs a subset of axe's rules; this runs all of them, best practices and experimental rules included, and
fails on any violation. axe-core comes from npm with the asset build tools (`make assets`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import httpx
import pytest
from playwright.async_api import Browser, Page, ViewportSize, expect

from branding.models import SectionName
from tests.conftest import ROOT, AppServer
from tests.fakes.brand_sections import by_section
from tests.fakes.provider_server import FakeProviderServer

pytestmark = pytest.mark.e2e

AXE_SCRIPT = ROOT / 'assets' / 'node_modules' / 'axe-core' / 'axe.min.js'
DESKTOP: ViewportSize = {'width': 1280, 'height': 900}
PHONE: ViewportSize = {'width': 360, 'height': 780}
FAST_S = dict.fromkeys(SectionName, 0.2)
# Typography, palette and guidelines arrive at once; logos and taglines stay queued long enough for axe to look at a
# page that is half cards and half skeletons (the run is cancelled afterwards, so nobody waits for them).
STREAMING_S = {
    SectionName.TYPOGRAPHY: 0.2,
    SectionName.PALETTE: 0.4,
    SectionName.GUIDELINES: 0.6,
    SectionName.TAGLINES: 15.0,
    SectionName.LOGOS: 15.0,
}

# Every rule axe knows, best-practice and experimental ones included, but one: color-contrast-enhanced is WCAG's AAA
# contrast (7:1), a level the studio does not claim (its own colours and every kit palette are made for AA, which
# color-contrast checks here) and one no page showing a kit can meet: a mid-tone swatch of a kit's scale reaches 7:1
# with neither black nor white text. Each violation comes back with what a reader of the test output needs to find
# and fix it.
NOT_CLAIMED = ('color-contrast-enhanced',)
# The one exception to a rule for one element: Quasar mounts its loading bar (a named progressbar, shown while the page
# fetches) as a node of its own on <body>, outside the app's root, where no landmark of the page can hold it. For the
# region rule it counts as a region of its own, as axe's own default counts dialogs (the selectors before it).
REGIONS = 'dialog, [role=dialog], [role=alertdialog], svg, #q-loading-bar'
# axe runs a few rules at a time and lets the page breathe in between: the whole audit in one go keeps the page's main
# thread busy for seconds, long enough for NiceGUI's server to miss the socket's heartbeat (2 s), drop the connection
# and, when the test goes on, reload the page mid-run.
RULES_AT_A_TIME = 8
RUN_AXE_JS = """
async ([notClaimed, regions, rulesAtATime]) => {
  axe.configure({ checks: [{ id: 'region', options: { regionMatcher: regions } }] });
  const ids = axe.getRules().map(({ ruleId }) => ruleId).filter((id) => !notClaimed.includes(id));
  const violations = [];
  for (let start = 0; start < ids.length; start += rulesAtATime) {
    const group = ids.slice(start, start + rulesAtATime);
    const rules = Object.fromEntries(group.map((id) => [id, { enabled: true }]));
    const results = await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'rule', values: group },
      rules,
    });
    violations.push(...results.violations);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    url: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map(String).join(' '),
      summary: (node.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300),
    })),
  }));
}
"""
# What axe measures must be what a reader sees. Cards off screen skip layout and paint (content-visibility: auto) until
# scrolled near, and axe then misjudges the colours behind text nobody can see yet (it put a dark card's light button
# text on a light background); the audit lays every card out. Notifications and field messages fade in: axe waits
# for every transition and finite animation to end (spinners and skeletons pulse for ever and are left alone).
SETTLE_JS = """
() => {
  if (!document.getElementById('axe-lays-out-everything')) {
    const style = document.createElement('style');
    style.id = 'axe-lays-out-everything';
    style.textContent = '* { content-visibility: visible !important; }';
    document.head.append(style);
  }
}
"""
ANIMATIONS_DONE_JS = """
() => document.getAnimations().every(
  (animation) => animation.playState !== 'running' || animation.effect.getComputedTiming().endTime === Infinity,
)
"""


@pytest.fixture(scope='module')
def axe_source() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.skip('axe-core is not installed (make assets, or npm ci in assets/)')
    return AXE_SCRIPT.read_text(encoding='utf-8')


@pytest.fixture(scope='module')
def fake_provider() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    server.respond_with('together', by_section(FAST_S))
    yield server
    server.stop()


@pytest.fixture(scope='module')
def provider_app(fake_provider: FakeProviderServer) -> Iterator[AppServer]:
    with AppServer(extra_env=fake_provider.provider_settings('e2e-key-not-secret', 'together,offline')) as server:
        yield server


@pytest.fixture
def provider(fake_provider: FakeProviderServer) -> Iterator[FakeProviderServer]:
    """The module's fake provider, answering every section quickly unless a test says otherwise."""
    yield fake_provider
    fake_provider.respond_with('together', by_section(FAST_S))


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f'{violation["id"]} ({violation["impact"]}): {violation["help"]} <{violation["url"]}>')
        lines.extend(f'    {node["target"]}: {node["summary"]}' for node in violation['nodes'])
    return '\n'.join(lines)


async def assert_no_violations(page: Page, axe_source: str, state: str) -> None:
    # As an inline script: the app's CSP allows inline scripts but no file:// source. Each state is a new page, or
    # the same page after changes; axe is injected once per page.
    if not await page.evaluate('typeof window.axe === "object"'):
        await page.add_script_tag(content=axe_source)
    await page.evaluate(SETTLE_JS)
    await page.wait_for_function(ANIMATIONS_DONE_JS)
    violations: list[dict[str, Any]] = await page.evaluate(RUN_AXE_JS, [list(NOT_CLAIMED), REGIONS, RULES_AT_A_TIME])
    assert violations == [], f'axe-core found violations on {state}:\n{report(violations)}'


async def open_studio(browser: Browser, url: str, *, viewport: ViewportSize, dark: bool = False) -> Page:
    context = await browser.new_context(viewport=viewport)
    await context.grant_permissions(['clipboard-read', 'clipboard-write'])
    page = await context.new_page()
    await page.goto(url)
    await expect(page.get_by_role('button', name='Generate brand kit')).to_be_visible()
    if dark:
        await page.get_by_role('button', name='Toggle dark mode').click()
        await expect(page.locator('body.body--dark')).to_have_count(1)
    return page


def mode(dark: bool) -> Literal['dark', 'light']:
    return 'dark' if dark else 'light'


@pytest.mark.parametrize('dark', [False, True], ids=mode)
@pytest.mark.parametrize('viewport', [DESKTOP, PHONE], ids=['desktop', 'phone'])
async def test_the_empty_studio_has_no_axe_violations(
    provider_app: AppServer, browser: Browser, axe_source: str, viewport: ViewportSize, dark: bool
) -> None:
    page = await open_studio(browser, provider_app.url, viewport=viewport, dark=dark)
    await assert_no_violations(page, axe_source, f'the empty studio ({mode(dark)}, {viewport["width"]} px)')
    # the form with its error messages: Generate with nothing filled in
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Required').first).to_be_visible()
    await assert_no_violations(page, axe_source, f'the studio with form errors ({mode(dark)})')


@pytest.mark.parametrize('dark', [False, True], ids=mode)
async def test_the_studio_while_a_kit_streams_in_has_no_axe_violations(
    provider_app: AppServer, provider: FakeProviderServer, browser: Browser, axe_source: str, dark: bool
) -> None:
    provider.respond_with('together', by_section(STREAMING_S))
    page = await open_studio(browser, provider_app.url, viewport=DESKTOP, dark=dark)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_test_id('slot-typography').locator('.q-card [role=heading]')).to_have_text('Typography')
    await expect(page.get_by_test_id('slot-guidelines').get_by_text('Brand guidelines', exact=True)).to_be_visible()
    await assert_no_violations(page, axe_source, f'the studio while a kit streams in ({mode(dark)})')
    # axe looked while logos and taglines were still being written
    await expect(page.get_by_test_id('slot-logos').get_by_text('Generating logo concepts…')).to_be_visible()
    await expect(page.get_by_text('Making your brand kit')).to_be_visible()

    await page.get_by_role('button', name='Cancel').click()
    await expect(page.get_by_text('Cancelled', exact=True)).to_be_visible()
    await assert_no_violations(page, axe_source, f'the studio after a cancelled run ({mode(dark)})')


@pytest.mark.parametrize('dark', [False, True], ids=mode)
@pytest.mark.parametrize('viewport', [DESKTOP, PHONE], ids=['desktop', 'phone'])
async def test_the_studio_with_a_finished_kit_has_no_axe_violations(
    provider_app: AppServer,
    browser: Browser,
    axe_source: str,
    viewport: ViewportSize,
    dark: bool,
) -> None:
    page = await open_studio(browser, provider_app.url, viewport=viewport, dark=dark)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)
    state = f'the studio with a finished kit ({mode(dark)}, {viewport["width"]} px)'
    await assert_no_violations(page, axe_source, state)
    # the list of this browser's kits, opened, and a notification on screen
    await page.get_by_text('Your recent kits').click()
    await expect(page.get_by_role('button', name='Delete this kit').first).to_be_visible()
    await page.get_by_role('button', name='Copy tagline').first.click()
    await expect(page.get_by_text('Copied tagline')).to_be_visible()
    await assert_no_violations(page, axe_source, f'{state}, its recent kits open')


# --- the share page (server-rendered HTML; the system's colour scheme decides light or dark) ---------------------


@pytest.fixture(scope='module')
def share_url(app_server: AppServer) -> str:
    with httpx.Client(base_url=app_server.url, timeout=60) as client:
        profile = client.get('/api/v1/example-company-profile').raise_for_status().json()
        body = {'company_profile': profile, 'num_variations': 3, 'focus': 'all', 'seed': 5}
        kit = client.post('/api/v1/generate-branding', json=body).raise_for_status().json()
    return f'{app_server.url}/kit/{kit["id"]}'


@pytest.mark.parametrize('dark', [False, True], ids=mode)
@pytest.mark.parametrize('viewport', [DESKTOP, PHONE], ids=['desktop', 'phone'])
async def test_the_share_page_has_no_axe_violations(
    browser: Browser, share_url: str, axe_source: str, viewport: ViewportSize, dark: bool
) -> None:
    page = await browser.new_page(viewport=viewport)
    await page.emulate_media(color_scheme=mode(dark))
    await page.goto(share_url)
    await expect(page.get_by_role('heading', level=1)).to_be_visible()
    await assert_no_violations(page, axe_source, f'the share page ({mode(dark)}, {viewport["width"]} px)')
    await page.get_by_role('button', name='Copy tagline').first.click()
    await expect(page.get_by_role('status')).not_to_be_empty()
    await assert_no_violations(page, axe_source, f'the share page with its status message ({mode(dark)})')


async def test_the_missing_kit_page_has_no_axe_violations(
    app_server: AppServer, browser: Browser, axe_source: str
) -> None:
    page = await browser.new_page(viewport=PHONE)
    await page.goto(f'{app_server.url}/kit/no-such-kit-here')
    await expect(page.get_by_role('heading', level=1)).to_be_visible()
    await assert_no_violations(page, axe_source, 'the missing-kit page')
