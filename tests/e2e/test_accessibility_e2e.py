"""Accessibility of the studio in a real Chromium: keyboard-only use, visible focus, names, language and contrast."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, CDPSession, Error, Page, expect

from components import theme
from tests.conftest import AppServer

pytestmark = pytest.mark.e2e

# Roles a keyboard or screen-reader user operates; each needs a name in Chromium's own accessibility tree.
CONTROL_ROLES = {
    'button',
    'checkbox',
    'combobox',
    'link',
    'listbox',
    'menuitem',
    'radio',
    'searchbox',
    'slider',
    'spinbutton',
    'switch',
    'tab',
    'textbox',
}
MAX_TAB_STOPS = 400
# Controls of the header, the kit's actions and each kind of card, by the start of their accessible names.
KEYBOARD_REACHABLE = (
    'Brandsmith',
    'API docs',
    'Toggle dark mode',
    'Download JSON',
    'Share',
    'Start over',
    'Regenerate taglines',
    'Copy tagline',
    'Copy prompt',
    'Download logo pack',
    'SVG of the',
    'Copy primary colour',
    'Copy CSS',
    'Download .md',
)

# What has keyboard focus and whether it shows it: an outline or box shadow on the element itself, or Quasar's
# focused-field state (the field's border thickens and takes the primary colour) for the input inside a field.
FOCUS_STATE_JS = """
() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  const field = element.closest('.q-field');
  // the visible words, without icon ligatures ('lightbulb') and other text hidden from assistive technology
  const copy = element.cloneNode(true);
  copy.querySelectorAll('[aria-hidden="true"], .q-icon, .material-icons').forEach((node) => node.remove());
  const name = (element.getAttribute('aria-label') || copy.textContent || element.value || '').trim();
  return {
    name: name.replace(/\\s+/g, ' ').slice(0, 80),
    tag: element.tagName.toLowerCase(),
    visible: outline || shadow || Boolean(field && field.classList.contains('q-field--focused')),
  };
}
"""

# Every visible text of the studio's own colours with its contrast ratio against the background it sits on.
# Kit colours (swatches, previews, samples, logo tiles) are always set in inline styles, so anything under an inline
# colour is the kit's, not the studio's; icons are glyphs of an icon font, not text. Semi-transparent text colours
# (Quasar's hints are black at 54%) and backgrounds are blended over what lies beneath, as the browser paints them.
CONTRAST_JS = """
() => {
  // any CSS colour (Tailwind's are oklch) to sRGB, the way the browser paints it: through a one-pixel canvas
  const context = Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', {
    willReadFrequently: true,
  });
  const parse = (value) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = value;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return { r, g, b, a: a / 255 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color.a > 0) {
        layers.push(color);
        if (color.a >= 1) break;
      }
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = ({ r, g, b }) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const results = [];
  for (const element of document.querySelectorAll('body *')) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText) continue;
    if (element.closest('[style*="color"], .q-icon, .material-icons, .q-tooltip, [disabled], .disabled')) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility !== 'visible' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
    if (element.closest('.bs-skip-link')) continue;  // off-screen until focused; checked when it is
    if (Number(style.opacity) === 0) continue;
    const back = background(element);
    const fore = over(parse(style.color), back);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    results.push({
      text: element.innerText.trim().slice(0, 60),
      ratio: Math.round(ratio(fore, back) * 100) / 100,
      needed: large ? 3 : 4.5,
      color: style.color,
    });
  }
  return results;
}
"""


async def open_studio(browser: Browser, url: str, *, dark: bool = False) -> Page:
    context = await browser.new_context(viewport={'width': 1280, 'height': 900})
    page = await context.new_page()
    await page.goto(url)
    await expect(page.get_by_role('button', name='Generate brand kit')).to_be_visible()
    if dark:
        await page.get_by_role('button', name='Toggle dark mode').click()
        await expect(page.locator('body.body--dark')).to_have_count(1)
    return page


async def tab_to(page: Page, name: str, stops: list[dict[str, Any]]) -> None:
    """Press Tab until the control named `name` has focus, recording every stop on the way."""
    for _ in range(MAX_TAB_STOPS):
        await page.keyboard.press('Tab')
        state = await page.evaluate(FOCUS_STATE_JS)
        if state is None:
            continue
        stops.append(state)
        if state['name'] == name:
            return
    raise AssertionError(f'Tab never reached {name!r}; stops: {[stop["name"] for stop in stops]}')


async def tab_to_the_end(page: Page, stops: list[dict[str, Any]]) -> None:
    """Press Tab until focus leaves the last control of the page, recording every stop."""
    for _ in range(MAX_TAB_STOPS):
        await page.keyboard.press('Tab')
        state = await page.evaluate(FOCUS_STATE_JS)
        if state is None:
            return
        stops.append(state)
    raise AssertionError(f'more than {MAX_TAB_STOPS} tab stops: is focus trapped?')


async def unnamed_controls(page: Page) -> list[str]:
    """Controls in Chromium's computed accessibility tree without a name, as 'role (DOM node id)'."""
    session = await page.context.new_cdp_session(page)
    tree = await session.send('Accessibility.getFullAXTree')
    unnamed = []
    for node in tree['nodes']:
        role = node.get('role', {}).get('value')
        if node.get('ignored') or role not in CONTROL_ROLES:
            continue
        if not str(node.get('name', {}).get('value', '')).strip():
            unnamed.append(f'{role}: {await outer_html(session, node.get("backendDOMNodeId"))}')
    await session.detach()
    return unnamed


# Cards off screen skip rendering (content-visibility: auto), and Chromium leaves their controls out of the tree
# until they are scrolled near: drawn all at once, every card's controls are checked wherever the page is scrolled.
RENDER_EVERY_CARD_CSS = '.q-card { content-visibility: visible !important; }'


async def settled_unnamed_controls(page: Page) -> list[str]:
    """Unnamed controls of the whole page once it has settled: a control caught mid-redraw (a list the server is
    redrawing) may lack its name for a frame, so the tree is read again for up to 5 s, as Playwright's own assertions
    retry."""
    await page.add_style_tag(content=RENDER_EVERY_CARD_CSS)
    unnamed = await unnamed_controls(page)
    for _ in range(20):
        if not unnamed:
            break
        await page.wait_for_timeout(250)
        unnamed = await unnamed_controls(page)
    return unnamed


async def outer_html(session: CDPSession, backend_node_id: int | None) -> str:
    """The start of a node's markup, so a failure says which control it is."""
    try:
        markup = await session.send('DOM.getOuterHTML', {'backendNodeId': backend_node_id})
    except Error as error:  # the node left the page between the two calls
        return f'backend node {backend_node_id} ({error.message})'
    return str(markup['outerHTML'])[:300]


async def low_contrast_texts(page: Page) -> list[str]:
    results = await page.evaluate(CONTRAST_JS)
    assert len(results) > 20, 'the check found the studio text'
    return [
        f'{item["text"]!r} {item["ratio"]}:1 < {item["needed"]}:1 ({item["color"]})'
        for item in results
        if item['ratio'] < item['needed']
    ]


async def test_the_page_declares_its_language_title_and_description(app_server: AppServer, browser: Browser) -> None:
    page = await open_studio(browser, app_server.url)
    assert await page.get_attribute('html', 'lang') == 'en-US'
    await expect(page).to_have_title('Studio · Brandsmith')
    description = await page.get_attribute('meta[name=description]', 'content')
    assert description is not None
    assert 'brand-identity studio' in description
    assert await page.locator('[role=heading][aria-level="1"]').all_inner_texts() == ['Describe your company']


async def test_the_studio_works_from_the_keyboard_alone_with_visible_focus(
    app_server: AppServer, browser: Browser
) -> None:
    page = await open_studio(browser, app_server.url)
    stops: list[dict[str, Any]] = []

    await tab_to(page, 'Try an example', stops)
    await page.keyboard.press('Enter')
    await expect(page.get_by_label('Company name')).to_have_value('Lumen Ledger')

    await tab_to(page, 'Generate brand kit', stops)
    await page.keyboard.press('Enter')
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)

    # Then on through the whole finished kit: every card action is reachable and shows where focus is.
    await tab_to_the_end(page, stops)
    invisible = [f'{stop["tag"]} {stop["name"]!r}' for stop in stops if not stop['visible']]
    assert invisible == [], f'focus is not visible on: {invisible}'
    reached = {stop['name'] for stop in stops}
    for control in KEYBOARD_REACHABLE:
        assert any(name.startswith(control) for name in reached), f'{control!r} not reached by Tab'


async def test_the_skip_link_appears_on_focus_and_leads_to_the_main_content(
    app_server: AppServer, browser: Browser
) -> None:
    page = await open_studio(browser, app_server.url)
    await page.keyboard.press('Tab')
    skip_link = page.get_by_role('link', name='Skip to the main content')
    await expect(skip_link).to_be_focused()
    box = await skip_link.bounding_box()
    assert box is not None
    assert box['x'] >= 0, 'the focused skip link is on screen'
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await expect(page.get_by_role('button', name='Try an example')).to_be_focused()


async def test_the_studio_has_one_main_landmark_at_the_top_level_holding_the_skip_links_target(
    app_server: AppServer, browser: Browser
) -> None:
    page = await open_studio(browser, app_server.url)
    await expect(page.get_by_role('main')).to_have_count(1)
    await expect(page.get_by_role('main').locator('#main')).to_have_count(1)
    inside = await page.get_by_role('main').evaluate(
        "(main) => main.parentElement.closest('main, header, footer, nav, aside, section, form, [role]')?.tagName ?? ''"
    )
    assert inside == '', f'the main landmark is inside {inside}'


async def test_quasars_loading_bar_has_an_accessible_name(app_server: AppServer, browser: Browser) -> None:
    page = await open_studio(browser, app_server.url)
    await page.evaluate('Quasar.LoadingBar.start()')
    await expect(page.get_by_role('progressbar', name=theme.LOADING_BAR_NAME)).to_be_attached()
    await page.evaluate('Quasar.LoadingBar.stop()')


async def test_tooltips_repeat_names_for_the_mouse_and_stay_out_of_the_accessibility_tree(
    app_server: AppServer, browser: Browser
) -> None:
    page = await open_studio(browser, app_server.url)
    await page.get_by_role('button', name='Toggle dark mode').hover()
    await expect(page.locator('.q-tooltip')).to_have_text('Toggle dark mode')
    await expect(page.get_by_role('tooltip')).to_have_count(0)


async def test_the_results_headings_go_down_one_level_at_a_time(app_server: AppServer, browser: Browser) -> None:
    page = await open_studio(browser, app_server.url)
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_role('heading', name='Your brand kit is ready', level=2)).to_be_visible(timeout=20_000)
    levels = await page.locator('h1, h2, h3, h4, h5, h6, [role=heading]').evaluate_all(
        '(headings) => headings.map((h) => Number(h.getAttribute("aria-level") || h.tagName.slice(1)))'
    )
    assert levels[0] == 1
    skips = [(before, after) for before, after in pairwise(levels) if after > before + 1]
    assert skips == [], f'heading levels skip: {levels}'


async def test_every_control_has_an_accessible_name(app_server: AppServer, browser: Browser) -> None:
    page = await open_studio(browser, app_server.url)
    assert await settled_unnamed_controls(page) == []
    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)
    await page.get_by_text('Your recent kits').click()
    await expect(page.get_by_role('button', name='Delete this kit')).to_be_visible()
    assert await settled_unnamed_controls(page) == []


@pytest.mark.parametrize('dark', [False, True], ids=['light', 'dark'])
async def test_the_studio_text_meets_aa_contrast(app_server: AppServer, browser: Browser, dark: bool) -> None:
    page = await open_studio(browser, app_server.url, dark=dark)
    # an empty form first: the field messages are part of the studio's text too
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Required').first).to_be_visible()
    assert await low_contrast_texts(page) == []

    await page.get_by_role('button', name='Try an example').click()
    await page.get_by_role('button', name='Generate brand kit').click()
    await expect(page.get_by_text('Your brand kit is ready')).to_be_visible(timeout=20_000)
    await page.get_by_role('button', name='Copy tagline').first.click()  # a notification, with its own colours
    await expect(page.get_by_text('Copied tagline')).to_be_visible()
    assert await low_contrast_texts(page) == []


# --- the share page (server-rendered HTML; the system's colour scheme decides light or dark) ---------------------


@pytest.fixture(scope='module')
def share_url(app_server: AppServer) -> str:
    with httpx.Client(base_url=app_server.url, timeout=60) as client:
        profile = client.get('/api/v1/example-company-profile').raise_for_status().json()
        body = {'company_profile': profile, 'num_variations': 2, 'focus': 'all', 'seed': 3}
        kit = client.post('/api/v1/generate-branding', json=body).raise_for_status().json()
    return f'{app_server.url}/kit/{kit["id"]}'


async def open_share_page(browser: Browser, url: str, *, dark: bool = False) -> Page:
    context = await browser.new_context(
        viewport={'width': 1280, 'height': 900}, color_scheme='dark' if dark else 'light'
    )
    page = await context.new_page()
    await page.goto(url)
    await expect(page.get_by_role('heading', level=1)).to_be_visible()
    return page


async def test_the_share_page_declares_its_language_title_and_one_h1(browser: Browser, share_url: str) -> None:
    page = await open_share_page(browser, share_url)
    assert await page.get_attribute('html', 'lang') == 'en-US'
    await expect(page).to_have_title('Lumen Ledger brand kit · Brandsmith')
    await expect(page.get_by_role('heading', level=1)).to_have_text('Lumen Ledger: brand kit')
    assert await page.locator('main').count() == 1


async def test_the_share_page_works_from_the_keyboard_with_visible_focus(browser: Browser, share_url: str) -> None:
    page = await open_share_page(browser, share_url)
    stops: list[dict[str, Any]] = []
    await tab_to_the_end(page, stops)
    invisible = [f'{stop["tag"]} {stop["name"]!r}' for stop in stops if not stop['visible']]
    assert invisible == [], f'focus is not visible on: {invisible}'
    reached = {stop['name'] for stop in stops}
    for control in ('Skip to the main content', 'Brandsmith', 'Copy prompt', 'Copy primary colour', 'Copy tagline'):
        assert any(name.startswith(control) for name in reached), f'{control!r} not reached by Tab'
    assert {'Copy CSS', 'Copy Markdown'} <= reached


async def test_every_control_of_the_share_page_has_an_accessible_name(browser: Browser, share_url: str) -> None:
    page = await open_share_page(browser, share_url)
    assert await settled_unnamed_controls(page) == []


@pytest.mark.parametrize('dark', [False, True], ids=['light', 'dark'])
async def test_the_share_page_text_meets_aa_contrast(browser: Browser, share_url: str, dark: bool) -> None:
    page = await open_share_page(browser, share_url, dark=dark)
    assert await low_contrast_texts(page) == []
    await page.get_by_role('button', name='Copy tagline').first.click()  # the status message, with its own colours
    await expect(page.get_by_role('status')).not_to_be_empty()
    assert await low_contrast_texts(page) == []
