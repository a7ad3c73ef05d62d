"""Share links to a fixed revision (`/kit/{id}?rev=N`) on the studio's own app: the page shows that revision for good,
says which it is and links the latest; a revision that is not there is the 404 page."""

from __future__ import annotations

import pytest
from nicegui import app
from nicegui.testing import User

from branding.models import SectionName
from branding.owners import CALLER_HEADER
from branding.service import KitService
from components import share_page
from tests.api.test_share_page import make_kit
from tests.parsed_html import ParsedPage


async def test_a_share_link_to_a_revision_shows_that_revision(user: User) -> None:
    http = user.http_client
    kit = await make_kit(http)
    service: KitService = app.state.kit_service
    stored = await service.store.get(kit['id'])
    assert stored is not None
    owner = service.access.caller({CALLER_HEADER: http.headers.get(CALLER_HEADER, '')}, dict(http.cookies)).owner
    done = await service.regenerate(stored.request, stored.kit, SectionName.TAGLINES, owner=owner)
    old_lines = [tagline['text'] for tagline in kit['taglines']]
    new_lines = [tagline.text for tagline in done.kit.taglines]
    assert set(old_lines) != set(new_lines)

    fixed = ParsedPage((await http.get(f'/kit/{kit["id"]}?rev=1')).text)
    latest = ParsedPage((await http.get(f'/kit/{kit["id"]}')).text)

    assert all(line in fixed.visible_text for line in old_lines)
    assert 'Revision 1' in fixed.visible_text
    assert f'/kit/{kit["id"]}' in fixed.values('href')
    assert all(line in latest.visible_text for line in new_lines)
    assert 'Revision' not in latest.visible_text


@pytest.mark.parametrize('rev', ['9', '0', 'abc', '-1', '١', '9' * 12])
async def test_a_revision_that_is_not_there_is_the_404_page(user: User, rev: str) -> None:
    kit = await make_kit(user.http_client)
    response = await user.http_client.get(f'/kit/{kit["id"]}', params={'rev': rev})
    assert response.status_code == 404
    assert 'This kit is not here' in ParsedPage(response.text).visible_text


async def test_an_edited_tagline_is_shown_as_text_never_markup(user: User) -> None:
    http = user.http_client
    kit = await make_kit(http)
    first = kit['taglines'][0]['id']
    hostile = 'Tom & Jerry\'s "best" <img src=x onerror=alert(1)> pals'
    edited = await http.patch(f'/api/v1/kits/{kit["id"]}', json={'taglines': {first: hostile}})
    assert edited.status_code == 200, edited.text
    text = edited.json()['kit']['taglines'][0]['text']
    assert text == 'Tom & Jerry\'s "best" pals'  # cleaned like a model's line: no markup kept

    for path in (f'/kit/{kit["id"]}', f'/kit/{kit["id"]}?rev=2'):
        page = ParsedPage((await http.get(path)).text)
        assert text in page.visible_text
        assert page.scripts == [share_page.SCRIPT]
        assert not page.values('onerror'), 'the edit became markup'


async def test_an_instruction_is_kept_as_text_and_never_reaches_the_page_as_markup(user: User) -> None:
    http = user.http_client
    kit = await make_kit(http)
    hostile = 'warmer </script><script>alert("x")</script> & <b>bold</b>'
    response = await http.post(f'/api/v1/kits/{kit["id"]}/refine', json={'section': 'palette', 'instruction': hostile})
    assert response.status_code == 200, response.text
    assert response.json()['revision']['summary'].startswith('Palette: "warmer </script><script>')

    for path in (f'/kit/{kit["id"]}', f'/kit/{kit["id"]}?rev=2', f'/kit/{kit["id"]}?rev=1'):
        page = ParsedPage((await http.get(path)).text)
        assert page.scripts == [share_page.SCRIPT], path
        assert 'b' not in page.tags, path
