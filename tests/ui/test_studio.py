"""The studio page through NiceGUI's simulated User: form, validation, generation, actions."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from nicegui import ui
from nicegui.testing import User

from branding.models import EXAMPLE_PROFILE, MAX_NAME_LENGTH
from tests.fonts import INSTALLED_FONTS
from tests.parsed_html import ParsedPage

SECTION_HEADINGS = ['Logo concepts', 'Taglines', 'Colour palette', 'Typography', 'Brand guidelines']


async def generate_example(user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(marker='generate').click()
    await user.should_see('Your brand kit is ready', retries=100)


async def test_the_page_shows_the_form_and_an_empty_state(user: User) -> None:
    await user.open('/')
    await user.should_see('Describe your company')
    await user.should_see(marker='field-name')
    await user.should_see('Your kit appears here, section by section.')


async def test_try_an_example_fills_the_profile(user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    assert user.find(kind=ui.input, marker='field-name').elements.pop().value == EXAMPLE_PROFILE.name
    values = user.find(kind=ui.input_chips, marker='field-values').elements.pop().value
    assert values == EXAMPLE_PROFILE.brand_values


async def test_an_empty_form_shows_field_messages_and_makes_nothing(user: User) -> None:
    await user.open('/')
    user.find(marker='generate').click()
    await user.should_see('Required')
    assert any('Company name' in message or 'Name' in message for message in user.notify.messages)
    await user.should_not_see('Your brand kit is ready')


async def test_a_too_long_name_is_refused_before_submit(user: User) -> None:
    await user.open('/')
    user.find(kind=ui.input, marker='field-name').type('x' * (MAX_NAME_LENGTH + 1))
    await user.should_see(f'At most {MAX_NAME_LENGTH} characters')


async def test_generating_puts_every_section_card_on_the_page(user: User) -> None:
    await generate_example(user)
    for heading in SECTION_HEADINGS:
        await user.should_see(heading)
    await user.should_see('offline engine')
    await user.should_see(marker='download-json')


@pytest.mark.skipif(not INSTALLED_FONTS.is_installed('Inter'), reason='font files not installed (make fonts)')
async def test_the_page_serves_the_kits_installed_fonts(user: User) -> None:
    await generate_example(user)
    assert user.client is not None
    user.find(marker='download-json').click()
    kit = json.loads((await user.download.next()).content)
    for font in kit['typography']['fonts']:
        assert f"font-family: '{font['family']}'" in user.client._head_html
    assert "url('/fonts/" in user.client._head_html


async def test_focus_on_the_palette_makes_only_the_palette(user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(kind=ui.select, marker='field-focus').elements.pop().value = 'palette'
    user.find(marker='generate').click()
    await user.should_see('Your brand kit is ready', retries=100)
    await user.should_see(marker='card-palette')
    await user.should_not_see(marker='card-logos')
    await user.should_not_see(marker='card-taglines')


async def test_variations_set_the_number_of_taglines(user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(kind=ui.number, marker='field-variations').elements.pop().value = 5
    user.find(kind=ui.select, marker='field-focus').elements.pop().value = 'tagline'
    user.find(marker='generate').click()
    await user.should_see('Your brand kit is ready', retries=100)
    with user.scope(marker='card-taglines'):
        assert len(user.find(marker='tagline').elements) == 5


async def test_the_downloaded_json_is_the_kit_on_screen(user: User) -> None:
    await generate_example(user)
    user.find(marker='download-json').click()
    response = await user.download.next()
    kit = json.loads(response.content)
    assert kit['company_name'] == EXAMPLE_PROFILE.name
    for tagline in kit['taglines']:
        await user.should_see(tagline['text'])
    await user.should_see(kit['color_palette']['primary'])


async def test_start_over_clears_the_results_and_keeps_the_form(user: User) -> None:
    await generate_example(user)
    user.find(marker='start-over').click()
    await user.should_not_see('Your brand kit is ready')
    await user.should_not_see(marker='card-palette')
    assert user.find(kind=ui.input, marker='field-name').elements.pop().value == EXAMPLE_PROFILE.name


async def test_regenerating_a_section_replaces_only_that_card(user: User) -> None:
    await generate_example(user)
    with user.scope(marker='card-taglines'):
        before = [label.text for label in user.find(kind=ui.label, marker='tagline-text').elements]
    palette_before = user.find(marker='card-palette').elements.pop()
    user.find(marker='regenerate-taglines').click()
    await user.should_see('New taglines ready', retries=50)
    with user.scope(marker='card-taglines'):
        after = [label.text for label in user.find(kind=ui.label, marker='tagline-text').elements]
    assert after != before
    assert len(after) == len(before)
    assert user.find(marker='card-palette').elements.pop() is palette_before


async def test_a_hostile_profile_is_shown_as_text(user: User) -> None:
    await user.open('/')
    user.find(marker='try-example').click()
    user.find(kind=ui.input, marker='field-name').clear().type('<script>alert(1)</script>')
    user.find(marker='generate').click()
    await user.should_see('Your brand kit is ready', retries=100)
    await user.should_see('<script>alert(1)</script>')
    rendered_html = [element.content for element in user.find(ui.html).elements]
    assert rendered_html, 'the guidelines card renders its Markdown as HTML'
    assert all('<script' not in html for html in rendered_html)
    assert any('&lt;script&gt;' in html for html in rendered_html)


async def test_a_finished_kit_is_in_the_history_and_reopens(user: User) -> None:
    await generate_example(user)
    await user.should_see(marker='history-item')
    first_tagline = user.find(kind=ui.label, marker='tagline-text').elements.pop().text
    user.find(marker='start-over').click()
    await user.should_not_see(marker='card-taglines')
    user.find(marker='history-open').click()
    await user.should_see(marker='card-taglines')
    await user.should_see(first_tagline)


async def test_deleting_from_the_history_removes_the_saved_kit(user: User) -> None:
    await generate_example(user)
    await user.should_see(marker='history-item')
    user.find(marker='history-delete').click()
    await user.should_see('Kit deleted')
    await user.should_see('Kits you make appear here.')


async def test_the_share_page_shows_the_saved_kit_read_only(user: User) -> None:
    await generate_example(user)
    user.find(marker='download-json').click()
    kit = json.loads((await user.download.next()).content)
    # the share page is server-rendered HTML, not a NiceGUI page: it is read as a browser receives it
    response = await user.http_client.get(f'/kit/{kit["id"]}')
    assert response.status_code == 200
    page = ParsedPage(response.text)
    assert f'{EXAMPLE_PROFILE.name}: brand kit' in page.visible_text
    assert 'card-palette' in page.values('data-testid')
    assert kit['taglines'][0]['text'] in page.visible_text
    assert not [name for name in page.values('aria-label') if name.startswith('Regenerate')]
    assert 'form' not in page.tags and 'input' not in page.tags


async def test_an_unknown_share_link_says_so(user: User) -> None:
    response = await user.http_client.get('/kit/not-a-real-kit-id-123')
    assert response.status_code == 404
    assert 'This kit is not here' in ParsedPage(response.text).visible_text


@pytest.fixture
def one_kit_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set before the `user` fixture runs app.py, whose composition root reads the settings."""
    monkeypatch.setenv('BRANDSMITH_RATE_LIMIT', '1')


async def test_the_studio_shares_the_generation_rate_limit(one_kit_a_minute: None, user: User) -> None:
    await generate_example(user)
    user.find(marker='generate').click()
    await user.should_see('You have made a lot of kits in the last minute')


async def test_two_browsers_never_see_each_others_kits(create_user: Callable[[], User]) -> None:
    alice, bob = create_user(), create_user()
    await generate_example(alice)
    await alice.should_see(marker='history-item')

    await bob.open('/')
    bob.find(kind=ui.expansion, marker='history').elements.pop().value = True  # open the panel, which reads the store
    await bob.should_see('Kits you make appear here.')
    await bob.should_not_see(marker='history-item')
    bob.find(marker='try-example').click()
    bob.find(kind=ui.input, marker='field-name').clear().type('Bob Bakery')
    bob.find(marker='generate').click()
    await bob.should_see('Your brand kit is ready', retries=100)
    with bob.scope(marker='history'):
        await bob.should_see('Bob Bakery')
        await bob.should_not_see(EXAMPLE_PROFILE.name)

    await alice.open('/')  # a fresh page of the same browser still lists its own kit, and only that
    alice.find(kind=ui.expansion, marker='history').elements.pop().value = True
    with alice.scope(marker='history'):
        await alice.should_see(EXAMPLE_PROFILE.name)
        await alice.should_not_see('Bob Bakery')


async def test_regenerating_a_section_counts_against_the_rate_limit(one_kit_a_minute: None, user: User) -> None:
    await generate_example(user)
    with user.scope(marker='card-taglines'):
        before = [label.text for label in user.find(kind=ui.label, marker='tagline-text').elements]
    user.find(marker='regenerate-taglines').click()
    await user.should_see('You have made a lot of kits in the last minute')
    with user.scope(marker='card-taglines'):
        assert [label.text for label in user.find(kind=ui.label, marker='tagline-text').elements] == before
