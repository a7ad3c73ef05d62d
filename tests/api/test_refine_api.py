"""Choices, locks and 'regenerate the rest' over the API, on SQLite and PostgreSQL: PATCH checks each field against
the kit (422 naming it), only the owner or the admin changes a kit, each change is a revision with its lever, and
regenerating the rest keeps locked sections byte-identical."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.api.test_ownership import ADMIN, TOKEN_A, TOKEN_B, Clients, bearer, clients, database_url
from tests.api.test_revisions_api import ALICE, BOB, generate

__all__ = ['clients', 'database_url']  # the fixtures, on both backends


def kit_path(kit: dict[str, Any]) -> str:
    return f'/api/v1/kits/{kit["id"]}'


async def test_choices_make_revisions_with_their_levers(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    first, second = kit['taglines'][0]['id'], kit['taglines'][1]['id']

    chosen = await client.patch(kit_path(kit), json={'chosen_logo': 1, 'starred_taglines': [second]}, headers=ALICE)
    assert chosen.status_code == 200, chosen.text
    assert (chosen.json()['revision']['number'], chosen.json()['revision']['lever']) == (2, 'choose')
    assert chosen.json()['revision']['sections'] == ['chosen_logo', 'starred_taglines']
    edited = await client.patch(kit_path(kit), json={'taglines': {first: '**Money, made calm.**'}}, headers=ALICE)
    assert edited.json()['kit']['taglines'][0]['text'] == 'Money, made calm.'
    assert edited.json()['revision']['lever'] == 'edit'
    locked = await client.patch(kit_path(kit), json={'locks': ['palette', 'logos.1']}, headers=ALICE)
    assert locked.json()['revision']['lever'] == 'lock'

    now = (await client.get(kit_path(kit))).json()
    assert (now['chosen_logo'], now['starred_taglines'], now['locks']) == (1, [second], ['palette', 'logos.1'])
    assert now['taglines'][0]['text'] == 'Money, made calm.'
    listed = (await client.get(f'{kit_path(kit)}/revisions')).json()
    assert [item['lever'] for item in listed['items']] == ['generate', 'choose', 'edit', 'lock']
    assert (await client.get(kit_path(kit), params={'rev': 1})).json() == kit


async def test_a_patch_is_checked_field_by_field(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    tagline = kit['taglines'][0]['id']
    body = {
        'chosen_logo': 5,
        'starred_taglines': ['no-such-tagline'],
        'taglines': {tagline: 'one two three four five six seven eight nine ten eleven'},
        'locks': ['palette.mauve'],
    }
    refused = await client.patch(kit_path(kit), json=body, headers=ALICE)
    assert refused.status_code == 422
    problems = {item['field']: item['msg'] for item in refused.json()['detail']}
    assert problems == {
        'chosen_logo': 'This kit has 2 logo concepts',
        'starred_taglines.0': 'No tagline with this id',
        f'taglines.{tagline}': 'At most 10 words',
        'locks.0': "'palette.mauve' names no element of this kit",
    }
    malformed = await client.patch(kit_path(kit), json={'chosen_logo': -1, 'colour': 'red'}, headers=ALICE)
    assert malformed.status_code == 422
    assert {item['field'] for item in malformed.json()['detail']} == {'chosen_logo', 'colour'}
    assert [item['number'] for item in (await client.get(f'{kit_path(kit)}/revisions')).json()['items']] == [1]


async def test_only_the_owner_changes_a_kit(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    assert (await client.patch(kit_path(kit), json={'chosen_logo': 0}, headers=BOB)).status_code == 403
    assert (await client.post(f'{kit_path(kit)}/regenerate-rest', json={}, headers=BOB)).status_code == 403
    assert (await client.patch('/api/v1/kits/no-such-kit-here', json={}, headers=ALICE)).status_code == 404
    assert (await client.post('/api/v1/kits/no-such-kit-here/regenerate-rest', headers=ALICE)).status_code == 404
    assert (await client.get(kit_path(kit))).json() == kit


async def test_with_tokens_the_kits_token_or_the_admin_changes_it(clients: Clients) -> None:
    client = await clients(BRANDSMITH_API_TOKENS=f'{TOKEN_A},{TOKEN_B}', BRANDSMITH_ADMIN_TOKEN=ADMIN)
    kit = await generate(client, bearer(TOKEN_A))
    assert (await client.patch(kit_path(kit), json={'chosen_logo': 0})).status_code == 401
    assert (await client.patch(kit_path(kit), json={'chosen_logo': 0}, headers=bearer(TOKEN_B))).status_code == 403
    assert (await client.patch(kit_path(kit), json={'chosen_logo': 0}, headers=bearer(TOKEN_A))).status_code == 200
    assert (await client.patch(kit_path(kit), json={'chosen_logo': 1}, headers=bearer(ADMIN))).status_code == 200
    assert (await client.get(kit_path(kit))).json()['chosen_logo'] == 1


async def test_regenerating_the_rest_keeps_what_is_locked_byte_identical(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    locks = ['palette', 'typography', f'taglines.{kit["taglines"][1]["id"]}']
    response = await client.post(f'{kit_path(kit)}/regenerate-rest', json={'locks': locks, 'seed': 99}, headers=ALICE)
    assert response.status_code == 200, response.text
    revision, renewed = response.json()['revision'], response.json()['kit']
    assert (revision['number'], revision['lever']) == (2, 'regenerate')
    saved = await client.get(kit_path(kit))
    for field in ('color_palette', 'typography'):
        assert renewed[field] == kit[field], field
    assert renewed['taglines'][1] == kit['taglines'][1]
    assert renewed['logos'] != kit['logos']
    assert renewed['locks'] == locks
    assert saved.json() == renewed
    again = await client.post(f'{kit_path(kit)}/regenerate-rest', json={'seed': 100}, headers=ALICE)
    assert again.json()['kit']['color_palette'] == kit['color_palette'], 'the kit keeps its locks'


async def test_an_instruction_refines_a_section_as_a_revision(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    response = await client.post(
        f'{kit_path(kit)}/refine', json={'section': 'palette', 'instruction': 'Warmer, less corporate'}, headers=ALICE
    )
    assert response.status_code == 200, response.text
    revision, refined = response.json()['revision'], response.json()['kit']
    assert (revision['number'], revision['lever']) == (2, 'instruction')
    assert sorted(revision['sections']) == ['color_palette', 'logos'], 'the marks are redrawn in the new palette'
    assert revision['summary'] == 'Palette: "Warmer, less corporate" (warmer, less saturated)'
    assert refined['color_palette'] != kit['color_palette']
    assert refined['typography'] == kit['typography']
    old_primary = kit['color_palette']['primary']
    assert all(old_primary not in logo['variants']['primary'] for logo in refined['logos'])
    typed = await client.post(
        f'{kit_path(kit)}/refine', json={'section': 'typography', 'instruction': 'serif'}, headers=ALICE
    )
    assert typed.json()['kit']['typography']['heading_font'] != kit['typography']['heading_font']
    assert (await client.get(kit_path(kit), params={'rev': 2})).json() == refined


async def test_an_instruction_is_checked_and_respects_locks_and_owners(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    path = f'{kit_path(kit)}/refine'
    for body, field in [
        ({'section': 'palette', 'instruction': 'make it pop like an arcade'}, 'instruction'),
        ({'section': 'palette', 'instruction': '   '}, 'instruction'),
        ({'section': 'palette', 'instruction': 'warmer ' * 60}, 'instruction'),
        ({'section': 'logos', 'instruction': 'warmer'}, 'section'),
    ]:
        refused = await client.post(path, json=body, headers=ALICE)
        assert refused.status_code == 422, body
        assert [item['field'] for item in refused.json()['detail']] == [field]
    assert (
        await client.post(path, json={'section': 'palette', 'instruction': 'warmer'}, headers=BOB)
    ).status_code == 403
    await client.patch(kit_path(kit), json={'locks': ['palette']}, headers=ALICE)
    locked = await client.post(path, json={'section': 'palette', 'instruction': 'warmer'}, headers=ALICE)
    assert (locked.status_code, locked.json()['error']) == (409, 'locked')
    assert (await client.get(kit_path(kit))).json()['color_palette'] == kit['color_palette']


async def test_concurrent_changes_are_all_kept(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    star = kit['taglines'][0]['id']
    bodies = [{'chosen_logo': 1}, {'starred_taglines': [star]}, {'locks': ['palette']}, {'locks': ['palette']}]
    answers = await asyncio.gather(*(client.patch(kit_path(kit), json=body, headers=ALICE) for body in bodies))
    assert [answer.status_code for answer in answers] == [200] * 4
    now = (await client.get(kit_path(kit))).json()
    assert (now['chosen_logo'], now['starred_taglines'], now['locks']) == (1, [star], ['palette'])
    listed = (await client.get(f'{kit_path(kit)}/revisions')).json()['items']
    assert [item['number'] for item in listed] == [1, 2, 3, 4, 5]


async def test_a_picked_primary_and_heading_font_are_a_revision(clients: Clients) -> None:
    client = await clients()
    kit = await generate(client, ALICE)
    body = {'palette': {'primary': '#0A7F5A'}, 'typography': {'heading': 'Fraunces'}, 'locks': ['palette']}
    response = await client.patch(kit_path(kit), json=body, headers=ALICE)
    assert response.status_code == 200, response.text
    revision, changed = response.json()['revision'], response.json()['kit']
    assert revision['lever'] == 'choose'
    assert sorted(revision['sections']) == ['color_palette', 'locks', 'logos', 'typography'], 'marks follow the colour'
    assert changed['color_palette']['primary'] == '#0a7f5a'
    assert all('#0a7f5a' in logo['variants']['primary'] for logo in changed['logos'])
    assert changed['typography']['heading_font'] == 'Fraunces'
    assert all(check['level'] != 'Fail' for check in changed['color_palette']['contrast'])
    unknown_role = await client.patch(kit_path(kit), json={'typography': {'x': 'Inter'}}, headers=ALICE)
    assert unknown_role.status_code == 422
    assert [item['field'] for item in unknown_role.json()['detail']] == ['typography.x.[key]']
    not_a_colour = await client.patch(kit_path(kit), json={'palette': {'primary': 'plaid'}}, headers=ALICE)
    assert not_a_colour.status_code == 422
    assert [item['field'] for item in not_a_colour.json()['detail']] == ['palette.primary']
