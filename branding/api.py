"""The JSON REST API, mounted on the same app as the studio and calling the same core."""

from __future__ import annotations

from fastapi import APIRouter

from branding import __version__
from branding.models import COMPANY_TYPE_LABELS, TONES, BrandingRequest, BrandKit, CompanyProfile, CompanyType
from branding.orchestrator import generate_kit

EXAMPLE_PROFILE = CompanyProfile(
    name='Lumen Ledger',
    company_type=CompanyType.FINTECH,
    industry='Personal finance',
    description=(
        'Lumen Ledger helps freelancers and small studios see their cash flow at a glance, '
        'set money aside for taxes automatically and get paid faster with friendly invoices.'
    ),
    target_audience='Freelancers and owners of small creative studios',
    brand_values=['clarity', 'trust', 'calm', 'independence'],
    tone='friendly',
)

router = APIRouter()


@router.get('/health', tags=['service'])
async def health() -> dict[str, str]:
    return {'status': 'ok', 'version': __version__}


@router.get('/api', tags=['service'])
async def api_root() -> dict[str, object]:
    return {
        'name': 'Brandsmith API',
        'version': __version__,
        'docs': '/docs',
        'redoc': '/redoc',
        'openapi': '/openapi.json',
        'endpoints': {
            'company_types': '/api/v1/company-types',
            'example_profile': '/api/v1/example-company-profile',
            'generate': '/api/v1/generate-branding',
        },
    }


@router.get('/api/v1/company-types', tags=['reference'])
async def company_types() -> dict[str, object]:
    return {
        'company_types': [{'value': kind.value, 'label': label} for kind, label in COMPANY_TYPE_LABELS.items()],
        'tones': [{'value': tone, 'description': text} for tone, text in TONES.items()],
    }


@router.get('/api/v1/example-company-profile', tags=['reference'])
async def example_company_profile() -> CompanyProfile:
    return EXAMPLE_PROFILE


@router.post('/api/v1/generate-branding', tags=['generation'])
async def generate_branding(request: BrandingRequest) -> BrandKit:
    return await generate_kit(request)
