"""The seed-compatible API over ASGI, answered by the offline engine."""

from __future__ import annotations

import re
from typing import Any

import httpx

from branding import __version__
from branding.models import EXAMPLE_PROFILE, BrandingRequest, LogoStyle

HEX = re.compile(r'^#[0-9a-f]{6}$')


def example_request(**overrides: Any) -> dict[str, Any]:
    return {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'num_variations': 3, **overrides}


async def test_health_and_root_describe_the_service(client: httpx.AsyncClient) -> None:
    assert (await client.get('/health')).json() == {'status': 'ok', 'version': __version__}
    root = (await client.get('/api')).json()
    assert root['version'] == __version__
    assert root['docs'] == '/docs'


async def test_company_types_and_the_example_profile_are_served(client: httpx.AsyncClient) -> None:
    kinds = [item['value'] for item in (await client.get('/api/v1/company-types')).json()['company_types']]
    assert kinds == [
        'saas',
        'fintech',
        'healthtech',
        'ecommerce',
        'ai_ml',
        'blockchain',
        'cybersecurity',
        'devtools',
        'other',
    ]
    example = (await client.get('/api/v1/example-company-profile')).json()
    assert example['name'] == 'Lumen Ledger'


async def test_generate_branding_returns_the_seed_shape_with_every_section(client: httpx.AsyncClient) -> None:
    response = await client.post('/api/v1/generate-branding', json=example_request(company_id='acme-1', seed=7))
    assert response.status_code == 200, response.text
    kit = response.json()
    for key in (
        'id',
        'company_id',
        'logos',
        'taglines',
        'color_palette',
        'typography',
        'brand_guidelines',
        'generated_at',
        'generation_time_seconds',
    ):
        assert key in kit
    assert kit['company_id'] == 'acme-1'
    assert len(kit['logos']) == 3
    assert len(kit['taglines']) == 3
    assert {logo['style'] for logo in kit['logos']} <= {style.value for style in LogoStyle}
    assert len({logo['style'] for logo in kit['logos']}) == 3
    for logo in kit['logos']:
        assert logo['svg'].startswith('<svg')
        assert logo['image_url'].startswith('data:image/svg+xml')
        assert all(HEX.match(color) for color in logo['color_scheme'])
    palette = kit['color_palette']
    assert all(HEX.match(palette[role]) for role in ('primary', 'secondary', 'accent', 'neutral'))
    assert kit['typography']['heading_font']
    assert '#' in kit['brand_guidelines']
    assert {name: value['provider'] for name, value in kit['sections'].items()} == dict.fromkeys(
        ['logos', 'taglines', 'palette', 'typography', 'guidelines'], 'offline'
    )


async def test_the_same_seed_gives_the_same_kit(client: httpx.AsyncClient) -> None:
    first = (await client.post('/api/v1/generate-branding', json=example_request(seed=42))).json()
    second = (await client.post('/api/v1/generate-branding', json=example_request(seed=42))).json()
    for volatile in ('id', 'generated_at', 'generation_time_seconds', 'sections'):
        first.pop(volatile), second.pop(volatile)
    assert first == second


async def test_focus_makes_only_the_requested_section(client: httpx.AsyncClient) -> None:
    kit = (await client.post('/api/v1/generate-branding', json=example_request(focus='palette'))).json()
    assert kit['color_palette'] is not None
    assert kit['logos'] == [] and kit['taglines'] == [] and kit['typography'] is None
    assert list(kit['sections']) == ['palette']


async def test_invalid_requests_are_refused_field_by_field(client: httpx.AsyncClient) -> None:
    body = example_request(num_variations=11, surprise=True)
    body['company_profile'] = {**body['company_profile'], 'name': '  ', 'company_type': 'bakery'}
    response = await client.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 422
    locations = {tuple(item['loc']) for item in response.json()['detail']}
    assert {
        ('body', 'num_variations'),
        ('body', 'surprise'),
        ('body', 'company_profile', 'name'),
        ('body', 'company_profile', 'company_type'),
    } <= locations


async def test_blank_means_what_the_published_schema_says(client: httpx.AsyncClient) -> None:
    """Blank is the published pattern's: ECMA-262 white space (U+3000 and U+FEFF, not Python's U+0085 and U+001C)
    and characters that draw nothing (controls such as U+0085 among them); only the white space is trimmed."""
    schema = (await client.get('/openapi.json')).json()
    pattern = schema['components']['schemas']['CompanyProfile']['properties']['name']['pattern']
    assert re.fullmatch(pattern, 'x') and re.fullmatch(pattern, '\u0800')
    assert not any(re.fullmatch(pattern, char) for char in '\u3000\ufeff\u0085\u001c\u200b')

    body = example_request()
    body['company_profile'] = {**body['company_profile'], 'brand_values': ['\u0085x', '\u3000Trust\ufeff']}
    response = await client.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 200, response.text
    assert BrandingRequest.model_validate(body).company_profile.brand_values == ['\u0085x', 'Trust']

    body['company_profile']['brand_values'] = ['\u3000\ufeff \t']
    response = await client.post('/api/v1/generate-branding', json=body)
    assert response.status_code == 422
    assert [item['loc'] for item in response.json()['detail']] == [['body', 'company_profile', 'brand_values', 0]]
