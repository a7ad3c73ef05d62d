"""A kit's revisions over the API, on SQLite and PostgreSQL: regenerating a section makes a revision, every revision
is listed and readable (`?rev=N`, `/revisions/{n}`), restoring one makes a new revision, and only the owner or the admin
restores; the chain survives a restart of the service."""

from __future__ import annotations

from typing import Any

import httpx

from branding.models import EXAMPLE_PROFILE, SectionName
from branding.owners import CALLER_HEADER
from branding.service import KitService, build_kit_service
from branding.settings import Settings
from tests.api.conftest import api_app, client_for
from tests.api.test_ownership import ADMIN, TOKEN_A, TOKEN_B, Clients, bearer, clients, database_url

__all__ = ['clients', 'database_url']  # the fixtures, on both backends

ALICE = {CALLER_HEADER: 'alice-caller-id-0123456789abcdef'}
BOB = {CALLER_HEADER: 'bob-caller-id-0123456789abcdef00'}


def request_body(name: str = 'Lumen Ledger') -> dict[str, Any]:
    profile = EXAMPLE_PROFILE.model_dump(mode='json') | {'name': name}
    return {'company_profile': profile, 'num_variations': 2, 'focus': 'all', 'seed': 11}


async def generate(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    response = await client.post('/api/v1/generate-branding', json=request_body(), headers=headers)
    assert response.status_code == 200, response.text
    kit: dict[str, Any] = response.json()
    return kit


async def regenerate(service: KitService, kit_id: str, section: str, headers: dict[str, str]) -> None:
    """What the studio's Regenerate does, for the owner these headers name."""
    stored = await service.store.get(kit_id)
    assert stored is not None
    owner = service.access.caller(headers, {}).owner
    await service.regenerate(stored.request, stored.kit, section, owner=owner)


def service_of(database_url: str, **settings: str) -> KitService:
    return build_kit_service(Settings.model_validate({'DATABASE_URL': database_url, **settings}))


async def test_revisions_are_listed_read_and_restored_by_their_owner(database_url: str) -> None:
    service = service_of(database_url)
    async with client_for(api_app(service=service)) as client:
        kit = await generate(client, ALICE)
        kit_id = kit['id']
        first = await client.get(f'/api/v1/kits/{kit_id}')
        assert first.headers['x-kit-revision'] == '1'

        await regenerate(service, kit_id, SectionName.TAGLINES, ALICE)
        latest = (await client.get(f'/api/v1/kits/{kit_id}')).json()
        assert latest['taglines'] != kit['taglines']

        listed = (await client.get(f'/api/v1/kits/{kit_id}/revisions')).json()
        assert listed['latest'] == 2
        assert [(item['number'], item['lever'], item['sections']) for item in listed['items']] == [
            (1, 'generate', ['logos', 'taglines', 'color_palette', 'typography', 'brand_guidelines', 'extensions']),
            (2, 'regenerate', ['taglines']),
        ]
        old = await client.get(f'/api/v1/kits/{kit_id}', params={'rev': 1})
        assert (old.status_code, old.headers['x-kit-revision']) == (200, '1')
        assert old.json() == kit
        assert (await client.get(f'/api/v1/kits/{kit_id}/revisions/1')).json() == kit
        assert (await client.get(f'/api/v1/kits/{kit_id}/revisions/2')).json() == latest

        refused = await client.post(f'/api/v1/kits/{kit_id}/revisions/1/restore', headers=BOB)
        assert refused.status_code == 403
        assert (await client.get(f'/api/v1/kits/{kit_id}')).json() == latest, 'a refused restore changed the kit'

        restored = await client.post(f'/api/v1/kits/{kit_id}/revisions/1/restore', headers=ALICE)
        assert restored.status_code == 200, restored.text
        body = restored.json()
        assert (body['revision']['number'], body['revision']['lever']) == (3, 'restore')
        assert body['revision']['sections'] == ['taglines']
        assert body['kit'] == kit
        assert (await client.get(f'/api/v1/kits/{kit_id}')).json() == kit
    await service.close()

    again = service_of(database_url)  # a restart: the chain is in the database
    async with client_for(api_app(service=again)) as client:
        listed = (await client.get(f'/api/v1/kits/{kit_id}/revisions')).json()
        assert [item['lever'] for item in listed['items']] == ['generate', 'regenerate', 'restore']
        assert (await client.get(f'/api/v1/kits/{kit_id}', params={'rev': 2})).json() == latest
        assert (await client.get(f'/api/v1/kits/{kit_id}', params={'rev': 3})).json() == kit
    await again.close()


async def test_missing_kits_and_revisions_are_404_and_bad_numbers_422(clients: Clients) -> None:
    client = await clients()
    kit_id = (await generate(client, ALICE))['id']
    for path in [
        '/api/v1/kits/no-such-kit-here/revisions',
        '/api/v1/kits/no-such-kit-here/revisions/1',
        f'/api/v1/kits/{kit_id}/revisions/2',
        f'/api/v1/kits/{kit_id}?rev=2',
        '/api/v1/kits/no-such-kit-here?rev=1',
    ]:
        response = await client.get(path)
        assert response.status_code == 404, path
        assert response.json()['error'] == 'not_found'
    for method, path in [
        ('POST', f'/api/v1/kits/{kit_id}/revisions/9/restore'),
        ('POST', '/api/v1/kits/nope1234/revisions/1/restore'),
    ]:
        response = await client.request(method, path, headers=ALICE)
        assert response.status_code == 404, path
    for path in [f'/api/v1/kits/{kit_id}?rev=0', f'/api/v1/kits/{kit_id}/revisions/0', f'/api/v1/kits/{kit_id}?rev=x']:
        response = await client.get(path)
        assert response.status_code == 422, path
        assert response.json()['detail'], path


async def test_with_tokens_only_the_kits_token_or_the_admin_restores(clients: Clients) -> None:
    client = await clients(BRANDSMITH_API_TOKENS=f'{TOKEN_A},{TOKEN_B}', BRANDSMITH_ADMIN_TOKEN=ADMIN)
    kit_id = (await generate(client, bearer(TOKEN_A)))['id']
    path = f'/api/v1/kits/{kit_id}/revisions/1/restore'

    assert (await client.post(path)).status_code == 401
    assert (await client.post(path, headers=bearer(TOKEN_B))).status_code == 403
    assert (await client.get(f'/api/v1/kits/{kit_id}/revisions')).status_code == 200, 'reading needs only the id'
    by_owner = await client.post(path, headers=bearer(TOKEN_A))
    by_admin = await client.post(path, headers=bearer(ADMIN))
    assert (by_owner.status_code, by_admin.status_code) == (200, 200)
    listed = (await client.get(f'/api/v1/kits/{kit_id}/revisions')).json()
    assert [item['number'] for item in listed['items']] == [1, 2, 3]
    # restoring the kit as it is changes nothing but is still a revision the history shows
    assert listed['items'][-1]['sections'] == []


async def test_exports_of_an_old_revision_match_that_revision(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    kit_id = kit['id']
    await client.patch(
        f'/api/v1/kits/{kit_id}', json={'taglines': {kit['taglines'][0]['id']: 'Calm books.'}}, headers=ALICE
    )

    old = await client.get(f'/api/v1/kits/{kit_id}/export/json', params={'rev': 1})
    now = await client.get(f'/api/v1/kits/{kit_id}/export/json')
    assert old.status_code == now.status_code == 200
    assert old.json()['taglines'] == kit['taglines']
    assert now.json()['taglines'][0]['text'] == 'Calm books.'
    old_markdown = (await client.get(f'/api/v1/kits/{kit_id}/export/markdown', params={'rev': 1})).text
    assert kit['taglines'][0]['text'] in old_markdown and 'Calm books.' not in old_markdown
    missing = await client.get(f'/api/v1/kits/{kit_id}/export/json', params={'rev': 3})
    assert missing.status_code == 404


async def test_a_regenerated_section_drops_the_choices_it_made_stale(database_url: str) -> None:
    service = service_of(database_url)
    async with client_for(api_app(service=service)) as client:
        kit = await generate(client, ALICE)
        kit_id, star = kit['id'], kit['taglines'][0]['id']
        await client.patch(f'/api/v1/kits/{kit_id}', json={'chosen_logo': 1, 'starred_taglines': [star]}, headers=ALICE)

        await regenerate(service, kit_id, SectionName.TAGLINES, ALICE)
        after_taglines = (await client.get(f'/api/v1/kits/{kit_id}')).json()
        assert (after_taglines['chosen_logo'], after_taglines['starred_taglines']) == (1, [])
        await regenerate(service, kit_id, SectionName.LOGOS, ALICE)
        assert (await client.get(f'/api/v1/kits/{kit_id}')).json()['chosen_logo'] is None
        listed = (await client.get(f'/api/v1/kits/{kit_id}/revisions')).json()['items']
        assert [item['sections'] for item in listed[2:]] == [['taglines', 'starred_taglines'], ['logos', 'chosen_logo']]
    await service.close()
