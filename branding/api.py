"""The JSON REST API, mounted on the same app as the studio and calling the same core."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncGenerator, AsyncIterator, Iterator
from datetime import datetime
from importlib.resources import files
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, FastAPI, Path, Query, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from branding import __version__
from branding.export import EXPORTS, export_kit
from branding.exports.inuse import IN_USE, drawing_png
from branding.exports.inuse import revision as drawing_revision
from branding.handover import Draft, HandedOver, resumed
from branding.images.kit_paintings import ImagePainted
from branding.images.painter import image_path
from branding.images.versions import painting_of, paintings_of
from branding.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from branding.models import (
    COMPANY_TYPE_LABELS,
    EXAMPLE_PROFILE,
    NOT_BLANK,
    TONES,
    BrandingRequest,
    BrandKit,
    CompanyProfile,
    CompanyType,
    LogoConcept,
    Seed,
)
from branding.orchestrator import KitDone, KitEvent, SectionDone, SectionStarted, SectionText
from branding.owners import CALLER_COOKIE, CALLER_HEADER, Caller, Unauthenticated
from branding.ratelimit import retry_after_header
from branding.refine.apply import KitNotSaved, Owned, change_saved_kit, owned_kit, save_change
from branding.refine.choices import MAX_LOCKS, ChoiceError, Chosen, KitChoices, LockName, apply_choices
from branding.refine.history import Revised, latest_revision, restore_revision
from branding.refine.instructions import MAX_INSTRUCTION_LENGTH, Asked, NotUnderstood
from branding.refine.prompted import Chain, NeedsProvider, ProvidersFailed, refine_section
from branding.refine.rest import Rest, elements, regenerate_rest
from branding.registry import SECTIONS
from branding.seeding import fresh_seed
from branding.service import ImagesOffError, KitService, RateLimited
from branding.store import NotOwnerError
from branding.stores.base import Lever, RevisionConflictError, RevisionSummary
from branding.web import ApiError, ErrorBody, PageNotFound, install_guards, sse_event

REQUEST_EXAMPLES = {
    'whole_kit': {
        'summary': 'A whole kit, reproducible with a seed',
        'value': {
            'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'),
            'num_variations': 3,
            'focus': 'all',
            'seed': 7,
        },
    },
    'palette_only': {
        'summary': 'Just the colour palette',
        'value': {'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'focus': 'palette'},
    },
}

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {'model': ErrorBody, 'description': 'The body is not JSON'},
    401: {'model': ErrorBody, 'description': 'API tokens are configured and the request has no valid bearer token'},
    413: {'model': ErrorBody, 'description': 'The body is larger than the configured cap'},
    422: {'model': ErrorBody, 'description': 'Invalid request: `detail` lists each field with its message'},
    429: {'model': ErrorBody, 'description': 'Too many generations from this client; see Retry-After'},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {'model': ErrorBody, 'description': 'No such kit'}}
NOT_YOURS: dict[int | str, dict[str, Any]] = {
    401: ERROR_RESPONSES[401],
    403: {'model': ErrorBody, 'description': 'The kit belongs to another caller'},
}
CALLER_ID_MAX_AGE_S = 365 * 24 * 3600


def kit_service(request: Request) -> KitService:
    """The service `mount` put on the app: the composition root builds it, routes receive it."""
    service: KitService = request.app.state.kit_service
    return service


Service = Annotated[KitService, Depends(kit_service)]


def remember_caller(response: Response, caller: Caller) -> None:
    """Send a newly minted caller id back, as a cookie for browsers and a header for scripts to keep and resend."""
    if caller.minted_caller_id is not None:
        response.headers[CALLER_HEADER] = caller.minted_caller_id
        response.set_cookie(
            CALLER_COOKIE,
            caller.minted_caller_id,
            max_age=CALLER_ID_MAX_AGE_S,
            path='/api',
            httponly=True,
            samesite='lax',
        )


def api_caller(request: Request, response: Response, service: Service) -> Caller:
    """Who is calling: the admin, a token's holder, or (with no tokens configured) a caller id's holder."""
    try:
        caller = service.access.caller(request.headers, request.cookies)
    except Unauthenticated:
        raise ApiError(
            401,
            'unauthorized',
            'This API needs a token: send it as "Authorization: Bearer <token>".',
            headers={'WWW-Authenticate': 'Bearer'},
        ) from None
    remember_caller(response, caller)
    return caller


ApiCaller = Annotated[Caller, Depends(api_caller)]
GenerationRequest = Annotated[BrandingRequest, Body(openapi_examples=REQUEST_EXAMPLES)]
KitId = Annotated[str, Path(min_length=8, max_length=64, pattern=r'^[A-Za-z0-9_-]+$')]
DraftId = Annotated[str, Path(min_length=8, max_length=64, pattern=r'^[A-Za-z0-9_-]+$')]
RevisionNumber = Annotated[int, Query(ge=1, le=1_000_000, description='A revision number of the kit (1 is as made)')]
RevisionPathNumber = Annotated[int, Path(ge=1, le=1_000_000)]
REVISION_HEADER = 'X-Kit-Revision'

router = APIRouter()


class CompanyTypeInfo(BaseModel):
    value: CompanyType
    label: str


class ToneInfo(BaseModel):
    value: str
    description: str


class CompanyTypes(BaseModel):
    company_types: list[CompanyTypeInfo]
    tones: list[ToneInfo]


class KitSummaryOut(BaseModel):
    id: str
    company_name: str
    created_at: datetime
    focus: str
    num_variations: int
    providers: dict[str, str]


class KitList(BaseModel):
    items: list[KitSummaryOut]
    total: int
    limit: int
    offset: int


class RevisionOut(BaseModel):
    number: int
    created_at: datetime
    lever: str = Field(description='generate, regenerate, choose, lock, instruction, edit or restore')
    summary: str
    sections: list[str] = Field(description="The kit's content fields this revision changed")


class RevisionList(BaseModel):
    kit_id: str
    latest: int
    items: list[RevisionOut]


class RevisedKit(BaseModel):
    revision: RevisionOut
    kit: BrandKit


def _revision_out(revision: RevisionSummary) -> RevisionOut:
    return RevisionOut(
        number=revision.number,
        created_at=revision.created_at,
        lever=revision.lever.value,
        summary=revision.summary,
        sections=revision.sections,
    )


class Health(BaseModel):
    status: str
    version: str


async def admit(service: KitService, request: Request) -> None:
    try:
        await service.admit(service.client_key(request.client.host if request.client else None, request.headers))
    except RateLimited as limited:
        raise ApiError(
            429,
            'rate_limited',
            f'Too many brand kits from this address; try again in {retry_after_header(limited.retry_after_s)} s.',
            headers={'Retry-After': retry_after_header(limited.retry_after_s)},
        ) from None


@router.head('/health', include_in_schema=False)  # load balancers and uptime checks probe with HEAD
@router.get('/health', tags=['service'])
async def health() -> Health:
    return Health(status='ok', version=__version__)


@router.get('/metrics', include_in_schema=False)
async def metrics(request: Request, service: Service) -> Response:
    """This instance's numbers in Prometheus' text format, for the admin token only."""
    if service.access.admin_digest is None:
        raise ApiError(404, 'not_found', 'Metrics are served to BRANDSMITH_ADMIN_TOKEN or on BRANDSMITH_METRICS_PORT.')
    if not service.is_admin(request.headers):
        raise ApiError(401, 'unauthorized', 'Metrics need the admin token.', headers={'WWW-Authenticate': 'Bearer'})
    return Response(service.metrics.render(), media_type=METRICS_CONTENT_TYPE)


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
            'generate_stream': '/api/v1/generate-branding/stream',
            'kits': '/api/v1/kits',
        },
    }


@router.get('/api/v1/company-types', tags=['reference'])
async def company_types() -> CompanyTypes:
    return CompanyTypes(
        company_types=[CompanyTypeInfo(value=kind, label=label) for kind, label in COMPANY_TYPE_LABELS.items()],
        tones=[ToneInfo(value=tone, description=text) for tone, text in TONES.items()],
    )


@router.get('/api/v1/example-company-profile', tags=['reference'])
async def example_company_profile() -> CompanyProfile:
    return EXAMPLE_PROFILE


HANDED_OVER: dict[int | str, dict[str, Any]] = {
    503: {
        'model': ErrorBody,
        'description': 'The instance drained before the kit was done: `detail` {draft_id, resume, sections} resumes it',
    }
}


@router.post('/api/v1/generate-branding', tags=['generation'], responses={**ERROR_RESPONSES, **HANDED_OVER})
async def generate_branding(body: GenerationRequest, request: Request, service: Service, caller: ApiCaller) -> BrandKit:
    """Make a whole brand kit. The caller's identical seeded requests within the reuse TTL return the saved kit."""
    await admit(service, request)
    return await _kit_of(service, service.stream(body, owner=caller.owner), body, caller.owner)


async def _kit_of(service: KitService, stream: AsyncGenerator[KitEvent], body: BrandingRequest, owner: str) -> BrandKit:
    """The kit at the end of `stream`, or a 503 naming the draft when this instance drains past its time."""
    guarded = service.handover.guard(stream, request=body, owner=owner) if service.handover is not None else stream
    async with contextlib.aclosing(guarded):
        async for event in guarded:
            if isinstance(event, KitDone):
                return event.kit
            if isinstance(event, HandedOver):
                raise ApiError(503, 'handed_over', _handover_payload(event.draft), headers={'Retry-After': '1'})
    raise RuntimeError('the kit stream ended without a kit')


STREAM_EVENTS = (
    'Server-Sent Events: `started` {section}, `text` {section, text} while guidelines stream, `section` '
    '{section, provenance, data} as each completes, `image` {index, image_url, traced_svg, painting} as '
    'each logo concept is painted (with an image provider on; served once the kit is done), then '
    '`done` {kit_id, generation_time_seconds}. When the instance drains (SIGTERM) past the time it has, the stream '
    'ends with `handover` {draft_id, resume, sections} instead: POST to `resume` (on any instance) continues the '
    'kit from the sections it has.'
)


@router.post(
    '/api/v1/generate-branding/stream',
    tags=['generation'],
    responses={200: {'description': STREAM_EVENTS, 'content': {'text/event-stream': {}}}, **ERROR_RESPONSES},
    response_class=StreamingResponse,
)
async def generate_branding_stream(
    body: GenerationRequest, request: Request, service: Service, caller: ApiCaller
) -> StreamingResponse:
    await admit(service, request)
    response = _event_stream(service, service.stream(body, owner=caller.owner), body, caller.owner)
    remember_caller(response, caller)
    return response


@router.post(
    '/api/v1/drafts/{draft_id}/resume',
    tags=['generation'],
    responses={
        200: {'description': STREAM_EVENTS, 'content': {'text/event-stream': {}, 'application/json': {}}},
        401: ERROR_RESPONSES[401],
        **HANDED_OVER,
        404: {'model': ErrorBody, 'description': 'No such draft waiting for this caller (or claimed already)'},
    },
    response_class=StreamingResponse,
)
async def resume_draft(draft_id: DraftId, request: Request, service: Service, caller: ApiCaller) -> Response:
    """Continue a generation a draining instance handed back (the `handover` event of a stream, or the 503 of a
    plain generation): the sections it had come first, then the missing ones, then `done`; with `Accept:
    application/json`, the finished kit as JSON instead. The kit keeps the id it began with. A draft is resumed once,
    by the caller it was made for."""
    draft = None
    if service.handover is not None:
        draft = await service.handover.drafts.claim(draft_id, owner=None if caller.admin else caller.owner)
    if draft is None:
        raise ApiError(404, 'not_found', f'No draft {draft_id} is waiting for you; it may have been resumed already.')
    if 'application/json' in request.headers.get('accept', ''):
        kit = await _kit_of(service, resumed(service, draft), draft.request, draft.owner)
        return Response(kit.model_dump_json(), media_type='application/json')
    return _event_stream(service, resumed(service, draft), draft.request, draft.owner)


def _event_stream(
    service: KitService, stream: AsyncGenerator[KitEvent], body: BrandingRequest, owner: str
) -> StreamingResponse:
    """The kit's events as Server-Sent Events, handed back as a draft when this instance drains past its time."""
    guarded = service.handover.guard(stream, request=body, owner=owner) if service.handover is not None else stream

    async def events() -> AsyncIterator[bytes]:
        try:
            async for event in guarded:
                if (sent := _sse(event)) is not None:
                    yield sent
        finally:
            await guarded.aclose()  # a client that hangs up cancels the provider calls

    return StreamingResponse(events(), media_type='text/event-stream', headers={'X-Accel-Buffering': 'no'})


def _sse(event: KitEvent | HandedOver) -> bytes | None:
    named: tuple[str, object] | None = None
    match event:
        case SectionStarted(section=section):
            named = 'started', {'section': section}
        case SectionText(section=section, text=text):
            named = 'text', {'section': section, 'text': text}
        case SectionDone(section=section, provenance=provenance, kit=kit):
            payload = SECTIONS[section].payload(kit)
            named = 'section', {'section': section, 'provenance': provenance.model_dump(mode='json'), 'data': payload}
        case ImagePainted(index=index, png=png, kit=kit):
            named = 'image', _painting_payload(kit, index, painted=png is not None)
        case KitDone(kit=kit):
            named = 'done', {'kit_id': kit.id, 'generation_time_seconds': kit.generation_time_seconds}
        case HandedOver(draft=draft):
            named = 'handover', _handover_payload(draft)
    return None if named is None else sse_event(*named)


def _handover_payload(draft: Draft) -> dict[str, object]:
    return {'draft_id': draft.id, 'resume': f'/api/v1/drafts/{draft.id}/resume', 'sections': draft.finished}


def _painting_payload(kit: BrandKit, index: int, *, painted: bool) -> dict[str, object]:
    concept = kit.logos[index]
    return {
        'index': index,
        'image_url': concept.image_url if painted else None,
        'traced_svg': concept.traced_svg if painted else None,
        'painting': concept.painting.model_dump(mode='json') if concept.painting else None,
    }


@router.get('/api/v1/kits', tags=['kits'], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})
async def list_kits(
    service: Service,
    caller: ApiCaller,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> KitList:
    """The caller's own saved kits, newest first (every kit for the admin token)."""
    page = await service.store.list_recent(limit, offset, owner=None if caller.admin else caller.owner)
    items = [
        KitSummaryOut(
            id=item.id,
            company_name=item.company_name,
            created_at=item.created_at,
            focus=item.focus.value,
            num_variations=item.num_variations,
            providers=item.providers,
        )
        for item in page.items
    ]
    return KitList(items=items, total=page.total, limit=limit, offset=offset)


async def _saved_kit(service: KitService, kit_id: str) -> BrandKit:
    stored = await service.store.get(kit_id)
    if stored is None:
        raise ApiError(404, 'not_found', f'No saved kit with id {kit_id}.')
    return stored.kit


@router.get('/api/v1/kits/{kit_id}', tags=['kits'], responses={**NOT_FOUND, 422: ERROR_RESPONSES[422]})
async def get_kit(kit_id: KitId, service: Service, response: Response, rev: RevisionNumber | None = None) -> BrandKit:
    """The saved kit as it is now, or as it was at revision `rev` (its number in `X-Kit-Revision` either way)."""
    if rev is None:
        kit = await _saved_kit(service, kit_id)
        latest = await latest_revision(service.store, kit_id)
        rev = latest.number if latest is not None else 1
    else:
        kit = await _kit_revision(service, kit_id, rev)
    response.headers[REVISION_HEADER] = str(rev)
    return kit


async def _kit_revision(service: KitService, kit_id: str, number: int) -> BrandKit:
    kit = await service.store.get_revision(kit_id, number)
    if kit is None:
        raise ApiError(404, 'not_found', f'No revision {number} of a saved kit with id {kit_id}.')
    return kit


@router.get('/api/v1/kits/{kit_id}/revisions', tags=['kits'], responses={**NOT_FOUND, 422: ERROR_RESPONSES[422]})
async def list_revisions(kit_id: KitId, service: Service) -> RevisionList:
    """Every revision of the kit, oldest first: when, by which lever, and which sections it changed."""
    revisions = await service.store.list_revisions(kit_id)
    if not revisions:
        raise ApiError(404, 'not_found', f'No saved kit with id {kit_id}.')
    return RevisionList(kit_id=kit_id, latest=revisions[-1].number, items=[_revision_out(r) for r in revisions])


@router.get(
    '/api/v1/kits/{kit_id}/revisions/{number}', tags=['kits'], responses={**NOT_FOUND, 422: ERROR_RESPONSES[422]}
)
async def get_revision(kit_id: KitId, number: RevisionPathNumber, service: Service, response: Response) -> BrandKit:
    """The kit as it was at revision `number` (the same as `GET /api/v1/kits/{kit_id}?rev=number`)."""
    kit = await _kit_revision(service, kit_id, number)
    response.headers[REVISION_HEADER] = str(number)
    return kit


class RestRequest(BaseModel):
    """Regenerate everything not locked: optional new locks (replacing the kit's) and seed."""

    model_config = ConfigDict(extra='forbid')

    locks: list[LockName] | None = Field(default=None, max_length=MAX_LOCKS)
    seed: Seed | None = Field(default=None, description='The seed of the new variations; omit for a fresh one')


def _owner_of_change(caller: Caller) -> str | None:
    return None if caller.admin else caller.owner


CONFLICT = 'The kit changed meanwhile: read it again and redo the change.'


def _choice_problems(error: ChoiceError) -> ApiError:
    problems = [
        {
            'loc': ['body', *problem.field.split('.')],
            'field': problem.field,
            'msg': problem.message,
            'type': 'value_error',
        }
        for problem in error.problems
    ]
    return ApiError(422, 'validation_error', problems)


@contextlib.contextmanager
def _change_refused(kit_id: str) -> Iterator[None]:
    """A change branding.refine.apply refused, answered as an error: 422 naming each choice that does not fit, 409
    when another change landed meanwhile, 403 for another's kit, 404 for no saved kit."""
    try:
        yield
    except ChoiceError as error:
        raise _choice_problems(error) from None
    except RevisionConflictError:
        raise ApiError(409, 'conflict', CONFLICT) from None
    except NotOwnerError:
        raise ApiError(403, 'forbidden', 'This kit belongs to another caller: only its owner can change it.') from None
    except KitNotSaved:
        raise ApiError(404, 'not_found', f'No saved kit with id {kit_id}.') from None


async def _own_kit(service: KitService, kit_id: str, caller: Caller) -> Owned:
    """The saved kit, when the caller may change it (404 when there is none, 403 when it is another's)."""
    with _change_refused(kit_id):
        return await owned_kit(service.store, kit_id, owner=_owner_of_change(caller))


def _revised_kit(revised: Revised) -> RevisedKit:
    return RevisedKit(revision=_revision_out(revised.revision), kit=revised.kit)


async def _revised(service: KitService, chosen: Chosen, caller: Caller, *, based_on: int | None) -> RevisedKit:
    """The change saved as the kit's next revision, only onto `based_on` (409 when another landed since)."""
    with _change_refused(chosen.kit.id):
        revised = await save_change(service.store, chosen, owner=_owner_of_change(caller), based_on=based_on)
    return _revised_kit(revised)


def _choices_of(kit: BrandKit, choices: KitChoices) -> Chosen:
    with _change_refused(kit.id):
        return apply_choices(kit, choices)


@router.patch('/api/v1/kits/{kit_id}', tags=['kits'], responses={**ERROR_RESPONSES, **NOT_FOUND, **NOT_YOURS})
async def change_kit(kit_id: KitId, body: KitChoices, service: Service, caller: ApiCaller) -> RevisedKit:
    """Choose the logo, star taglines, edit a tagline's text, pick base colours (the palette re-derived with every
    contrast guarantee) or catalogue fonts (the pairing explained again), lock sections or elements (each part
    optional; checked field by field against the kit). Answers the kit's new revision."""
    with _change_refused(kit_id):  # applied again, up to ATTEMPTS times, to a kit changed meanwhile
        revised = await change_saved_kit(
            service.store, kit_id, body, owner=_owner_of_change(caller), fonts=service.fonts
        )
    return _revised_kit(revised)


@router.post(
    '/api/v1/kits/{kit_id}/regenerate-rest',
    tags=['kits'],
    responses={**ERROR_RESPONSES, **NOT_FOUND, **NOT_YOURS},
)
async def regenerate_kit_rest(
    kit_id: KitId, request: Request, service: Service, caller: ApiCaller, body: RestRequest | None = None
) -> RevisedKit:
    """New variations of everything the kit has not locked, with a new seed: a locked palette and fonts stay, and new
    logo concepts are drawn in them. Answers the kit's new revision."""
    body = body or RestRequest()
    owned = await _own_kit(service, kit_id, caller)
    stored = owned.stored
    kit = stored.kit
    if body.locks is not None:
        kit = _choices_of(kit, KitChoices(locks=body.locks)).kit
    await admit(service, request)
    rest = Rest(
        request=stored.request,
        seed=fresh_seed() if body.seed is None else body.seed,
        fonts=service.fonts,
        icons=service.icons,
        chain=service.chain,
        store=service.store,
    )
    renewed = await regenerate_rest(kit, rest)
    summary = f'Regenerated everything but {", ".join(kit.locks)}' if kit.locks else 'Regenerated everything'
    chosen = Chosen(kit=renewed, lever=Lever.REGENERATE, summary=summary)
    return await _revised(service, chosen, caller, based_on=owned.revision)


class RefineRequest(BaseModel):
    """A free-text instruction for one section ('warmer, less corporate', 'more playful type')."""

    model_config = ConfigDict(extra='forbid')

    section: Literal['logos', 'taglines', 'palette', 'typography', 'guidelines']
    instruction: str = Field(min_length=1, max_length=MAX_INSTRUCTION_LENGTH, pattern=NOT_BLANK)


def _quoted_instruction(text: str) -> str:
    flat = ' '.join(text.split())
    return f'"{flat[:80]}…"' if len(flat) > 80 else f'"{flat}"'


@router.post(
    '/api/v1/kits/{kit_id}/refine',
    tags=['kits'],
    responses={
        **ERROR_RESPONSES,
        **NOT_FOUND,
        **NOT_YOURS,
        409: {'model': ErrorBody, 'description': 'The section is locked'},
        502: {'model': ErrorBody, 'description': 'No provider answered for a section only a model refines'},
    },
)
async def refine_kit(
    kit_id: KitId, body: RefineRequest, request: Request, service: Service, caller: ApiCaller
) -> RevisedKit:
    """Change one section as a free-text instruction asks: through the provider chain (the instruction and the
    section go to the model as quoted data) or, with no key, the offline engine (palette: warmer/cooler, lighter/darker,
    more/less saturated; typography: serif/sans, playful/serious, bolder/lighter), keeping the section's locked
    elements and every contrast guarantee. Answers the kit's new revision."""
    owned = await _own_kit(service, kit_id, caller)
    stored = owned.stored
    if body.section in stored.kit.locks:
        raise ApiError(409, 'locked', f'The {body.section} is locked: unlock it to change it.')
    asked = Asked(
        instruction=body.instruction,
        profile=stored.request.company_profile,
        fonts=service.fonts,
        locked=frozenset(elements(stored.kit.locks, body.section)),
    )
    await admit(service, request)  # a refinement may call the providers, as a generation does
    via = Chain(request=stored.request, chain=service.chain, icons=service.icons)
    try:
        refined = await refine_section(stored.kit, body.section, asked, via)
    except (NotUnderstood, NeedsProvider) as error:
        field = 'instruction' if isinstance(error, NotUnderstood) else 'section'
        problem = {'loc': ['body', field], 'field': field, 'msg': str(error), 'type': 'value_error'}
        raise ApiError(422, 'validation_error', [problem]) from None
    except ProvidersFailed as error:
        raise ApiError(502, 'providers_failed', str(error)) from None
    summary = f'{body.section.capitalize()}: {_quoted_instruction(body.instruction)} ({", ".join(refined.rules)})'
    chosen = Chosen(kit=refined.kit, lever=Lever.INSTRUCTION, summary=summary)
    return await _revised(service, chosen, caller, based_on=owned.revision)


@router.post(
    '/api/v1/kits/{kit_id}/revisions/{number}/restore',
    tags=['kits'],
    responses={**NOT_FOUND, **NOT_YOURS, 422: ERROR_RESPONSES[422]},
)
async def restore_kit_revision(
    kit_id: KitId, number: RevisionPathNumber, service: Service, caller: ApiCaller
) -> RevisedKit:
    """Make revision `number` the kit again, as a new revision (its owner or the admin)."""
    try:
        restored = await restore_revision(service.store, kit_id, number, owner=None if caller.admin else caller.owner)
    except NotOwnerError:
        raise ApiError(403, 'forbidden', 'This kit belongs to another caller: only its owner can change it.') from None
    if restored is None:
        raise ApiError(404, 'not_found', f'No revision {number} of a saved kit with id {kit_id}.')
    return RevisedKit(revision=_revision_out(restored.revision), kit=restored.kit)


@router.post(
    '/api/v1/kits/{kit_id}/logos/{index}/repaint',
    tags=['kits'],
    responses={
        **NOT_FOUND,
        **NOT_YOURS,
        409: {'model': ErrorBody, 'description': 'No image provider is configured'},
        502: {'model': ErrorBody, 'description': 'The image providers did not paint it (the detail says why)'},
        **{code: ERROR_RESPONSES[code] for code in (422, 429)},
    },
)
async def repaint_logo(
    kit_id: KitId, index: Annotated[int, Path(ge=0, le=99)], request: Request, service: Service, caller: ApiCaller
) -> LogoConcept:
    """Paint one logo concept of the caller's kit again with a new seed (kept as a new revision); its new painting is
    served at the same image path."""
    await admit(service, request)
    try:
        painting = await service.repaint(kit_id, index, owner=None if caller.admin else caller.owner)
    except NotOwnerError:
        raise ApiError(403, 'forbidden', 'This kit belongs to another caller: only its owner can change it.') from None
    except ImagesOffError:
        raise ApiError(409, 'images_off', 'No image provider is configured on this server.') from None
    if painting is None:
        raise ApiError(404, 'not_found', f'No saved kit with id {kit_id} and a logo concept {index}.')
    if painting.png is None:
        raise ApiError(502, 'not_painted', f'Not painted: {painting.provenance.note}.')
    kit = await _saved_kit(service, kit_id)
    return kit.logos[index]


@router.get(
    '/api/v1/kits/{kit_id}/logos/{index}/image.png',
    tags=['kits'],
    response_class=Response,
    responses={
        200: {'content': {'image/png': {}}, 'description': "The logo concept's painting, kept with the kit"},
        404: {'model': ErrorBody, 'description': 'No such kit, or the concept has no painting'},
        422: ERROR_RESPONSES[422],
    },
)
async def logo_painting(
    kit_id: KitId,
    index: Annotated[int, Path(ge=0, le=99)],
    service: Service,
    request: Request,
    rev: RevisionNumber | None = None,
) -> Response:
    """The painting of logo concept `index`, as soon as it is painted (ids are capabilities, as for the kit); with
    `rev`, the painting the kit had at that revision (a concept painted again keeps its older paintings)."""
    fresh = service.fresh_painting(kit_id, index) if rev is None else None
    if fresh is not None:
        return _painting_response(fresh, request)
    kit = await _saved_kit(service, kit_id)
    if rev is not None:
        then = await _kit_revision(service, kit_id, rev)
        if (kept := await painting_of(service.store, then, index, current=kit)) is None:
            raise ApiError(404, 'not_found', f'This logo concept had no painting at revision {rev}.')
        return _painting_response(kept, request)
    if index >= len(kit.logos) or kit.logos[index].image_url != image_path(kit_id, index):
        raise ApiError(404, 'not_found', 'This logo concept has no painting.')
    png = await service.store.get_image(kit_id, index)
    if png is None:
        raise ApiError(404, 'not_found', 'This logo concept has no painting.')
    return _painting_response(png, request)


def _painting_response(png: bytes, request: Request) -> Response:
    """The PNG, revalidated on every use by its ETag (painting a concept again keeps its path)."""
    etag = f'"{hashlib.sha256(png).hexdigest()[:32]}"'
    headers = {'Cache-Control': 'private, no-cache', 'ETag': etag}
    if etag in request.headers.get('if-none-match', ''):
        return Response(status_code=304, headers=headers)
    return Response(png, media_type='image/png', headers=headers)


@router.get(
    '/api/v1/kits/{kit_id}/in-use/{name}.png',
    tags=['kits'],
    response_class=Response,
    responses={
        200: {'content': {'image/png': {}}, 'description': 'The brand board or a mockup, drawn from the saved kit'},
        404: {'model': ErrorBody, 'description': 'No such kit or drawing'},
        422: ERROR_RESPONSES[422],
    },
)
async def in_use_image(
    kit_id: KitId,
    name: Annotated[str, Path(max_length=40)],
    service: Service,
    request: Request,
    *,
    thumbnail: bool = False,
    rev: RevisionNumber | None = None,
    v: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """The brand board ('brand-board', 'link-preview') or a mockup ('business-card-front', 'website-dark', ...) as
    PNG, full size or `thumbnail` (480 px wide); drawn from the kit as saved now (or at revision `rev`), so it
    follows every change. Like the kit, readable by anyone holding its id. The pages' URLs carry the drawing's
    revision as `v`: while it names the kit as drawn, the image is cached for good (immutable); an ETag per revision
    answers a revalidation with 304 without drawing."""
    if name not in IN_USE:
        raise ApiError(404, 'not_found', f'No drawing called that; choose one of: {", ".join(IN_USE)}.')
    kit = await _saved_kit(service, kit_id) if rev is None else await _kit_revision(service, kit_id, rev)
    drawn = drawing_revision(kit)
    etag = f'"{drawn}-{name}{"-thumbnail" if thumbnail else ""}-{__version__}"'  # a new release may draw anew
    lifetime = 'public, max-age=31536000, immutable' if v == drawn else 'public, max-age=300'
    headers = {'Cache-Control': lifetime, 'ETag': etag}
    if etag in request.headers.get('if-none-match', ''):
        return Response(status_code=304, headers=headers)
    png = await asyncio.to_thread(drawing_png, kit, service.fonts, name, thumbnail=thumbnail)
    return Response(png, media_type='image/png', headers=headers)


@router.delete(
    '/api/v1/kits/{kit_id}',
    tags=['kits'],
    status_code=204,
    responses={**NOT_FOUND, **NOT_YOURS, 422: ERROR_RESPONSES[422]},
)
async def delete_kit(kit_id: KitId, service: Service, caller: ApiCaller) -> Response:
    """Delete one of the caller's kits (any kit for the admin token)."""
    try:
        deleted = await service.store.delete(kit_id, owner=None if caller.admin else caller.owner)
    except NotOwnerError:
        raise ApiError(403, 'forbidden', 'This kit belongs to another caller: only its owner can delete it.') from None
    if not deleted:
        raise ApiError(404, 'not_found', f'No saved kit with id {kit_id}.')
    return Response(status_code=204)


@router.get(
    '/api/v1/kits/{kit_id}/export/{export_format}',
    tags=['kits'],
    response_class=Response,
    responses={
        200: {'description': 'The exported file'},
        404: {'model': ErrorBody, 'description': 'No such kit or format'},
        422: ERROR_RESPONSES[422],
    },
)
async def export_saved_kit(
    kit_id: KitId,
    export_format: Annotated[str, Path(max_length=32)],
    service: Service,
    rev: RevisionNumber | None = None,
) -> Response:
    """The kit as a file, as it is now or as it was at revision `rev`."""
    if export_format not in EXPORTS:
        raise ApiError(404, 'unknown_format', f'Unknown export format; choose one of: {", ".join(EXPORTS)}.')
    current = await _saved_kit(service, kit_id)
    kit = current if rev is None else await _kit_revision(service, kit_id, rev)
    paintings = await paintings_of(service.store, kit, current=current)  # each revision's own paintings
    with service.metrics.export_timer(export_format):
        content, filename, media_type = await asyncio.to_thread(
            export_kit,
            kit,
            export_format,
            fonts=service.fonts,
            icons=service.icons,
            paintings=paintings,
            renders=service.renders,
            public_url=service.settings.public_url,  # BRANDSMITH_PUBLIC_URL: the email signature's logo
            rev=rev,
        )
    return Response(
        content, media_type=media_type, headers={'Content-Disposition': f'attachment; filename="{filename}"'}
    )


API_DESCRIPTION = (
    'Describe a company and get a brand kit: logo concepts with rendered SVG marks and image-model prompts, taglines, '
    'an accessible colour palette, typography and brand guidelines. Every section records where it came from. '
    'No API key is needed: the offline design engine is the last link of every provider chain.'
)
DOCS_ASSETS_URL = '/_api-docs'
# Swagger UI and ReDoc as installed by the fastapi-offline package: no CDN needed
DOCS_ASSETS = str(files('fastapi_offline') / 'static')


def openapi_schema() -> dict[str, Any]:
    """The API's own schema: the studio's page routes on the same app are not part of the API."""
    return get_openapi(title='Brandsmith API', version=__version__, description=API_DESCRIPTION, routes=router.routes)


def _docs_routes(app: FastAPI) -> None:
    """Swagger UI and ReDoc served from files installed with the app, so the docs work offline and under our CSP."""
    schema = openapi_schema()
    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=DOCS_ASSETS), name='api-docs-assets')

    @app.get('/openapi.json', include_in_schema=False)
    async def openapi_json() -> dict[str, Any]:
        return schema

    @app.get('/docs', include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url='/openapi.json',
            title='Brandsmith API',
            swagger_js_url=f'{DOCS_ASSETS_URL}/swagger-ui-bundle.js',
            swagger_css_url=f'{DOCS_ASSETS_URL}/swagger-ui.css',
            swagger_favicon_url=f'{DOCS_ASSETS_URL}/favicon.png',
        )

    @app.get('/redoc', include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url='/openapi.json',
            title='Brandsmith API',
            redoc_js_url=f'{DOCS_ASSETS_URL}/redoc.standalone.js',
            redoc_favicon_url=f'{DOCS_ASSETS_URL}/favicon.png',
            with_google_fonts=False,
        )


def mount(app: FastAPI, service: KitService, *, page_not_found: PageNotFound | None = None) -> None:
    """The API routes, their docs and the guard rails, on the studio's own app (or any FastAPI app, as in the tests),
    answering with `service`."""
    settings = service.settings
    app.state.kit_service = service
    app.include_router(router)
    _docs_routes(app)
    install_guards(app, max_body_bytes=settings.max_body_bytes, page_not_found=page_not_found)
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=['GET', 'POST', 'PATCH', 'DELETE'],
            allow_headers=['content-type', 'x-request-id', 'authorization', CALLER_HEADER],
            expose_headers=['x-request-id', 'retry-after', CALLER_HEADER],
        )
