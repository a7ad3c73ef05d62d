"""`brandsmith generate profile.json --out kit.zip`: a brand kit from the command line, made by the same core."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from branding.chain import ProviderChain
from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.export import EXPORTS, export_kit
from branding.models import BrandingRequest, BrandKit, Focus
from branding.orchestrator import generate_kit
from branding.providers.registry import build_providers
from branding.settings import Settings
from branding.validation import friendly_message

SUFFIX_FORMATS = {
    '.tokens.json': 'tokens',
    '.json': 'json',
    '.zip': 'zip',
    '.pdf': 'pdf',
    '.css': 'css',
    '.md': 'markdown',
    '.js': 'tailwind-v3',
}


def format_for(out: Path, explicit: str | None) -> str:
    if explicit:
        return explicit
    name = out.name.lower()
    for suffix, format_name in SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return format_name
    return 'zip'


def build_request(document: dict[str, Any], args: argparse.Namespace) -> BrandingRequest:
    """The file holds a company profile, or a whole request; flags override the request's options."""
    request: dict[str, Any] = dict(document) if 'company_profile' in document else {'company_profile': document}
    if args.variations is not None:
        request['num_variations'] = args.variations
    if args.focus is not None:
        request['focus'] = args.focus
    if args.seed is not None:
        request['seed'] = args.seed
    return BrandingRequest.model_validate(request)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog='brandsmith', description='Brandsmith brand-identity studio')
    commands = main.add_subparsers(dest='command', required=True)
    generate = commands.add_parser('generate', help='make a brand kit from a company profile (JSON)')
    generate.add_argument('profile', type=Path, help='JSON file: a company profile, or a whole request')
    generate.add_argument('--out', type=Path, required=True, help='where to write the kit (e.g. kit.zip, kit.pdf)')
    generate.add_argument('--format', choices=sorted(EXPORTS), help='export format (default: from --out)')
    generate.add_argument('--variations', type=int, help='logo concepts and taglines, 1-10')
    generate.add_argument('--focus', choices=[focus.value for focus in Focus])
    generate.add_argument('--seed', type=int, help='same seed and profile give the same kit')
    return main


async def _generate(request: BrandingRequest, settings: Settings, fonts: FontLibrary, icons: IconLibrary) -> BrandKit:
    """The kit through the provider chain the settings describe (the offline engine when no provider is set)."""
    chain = ProviderChain(build_providers(settings), settings)
    try:
        return await generate_kit(request, chain=chain, fonts=fonts, icons=icons)
    finally:
        await chain.aclose()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        document = json.loads(args.profile.read_text(encoding='utf-8'))
    except (OSError, json.JSONDecodeError) as error:
        print(f'brandsmith: cannot read {args.profile}: {error}', file=sys.stderr)
        return 2
    if not isinstance(document, dict):
        print(f'brandsmith: {args.profile} must hold a JSON object', file=sys.stderr)
        return 2
    try:
        request = build_request(document, args)
    except ValidationError as error:
        print(f'brandsmith: {args.profile} is not a valid request:', file=sys.stderr)
        for item in error.errors():
            field = '.'.join(str(part) for part in item['loc'])
            print(f'  {field}: {friendly_message(item)}', file=sys.stderr)
        return 2
    settings = Settings()
    fonts = FontLibrary(root=settings.fonts_dir)  # the command is its own composition root, as app.py is the server's
    icons = IconLibrary(root=settings.icons_dir)
    kit = asyncio.run(_generate(request, settings, fonts, icons))
    content, _, _ = export_kit(kit, format_for(args.out, args.format), fonts=fonts, icons=icons)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(content)
    sources = ', '.join(f'{section}: {p.provider}' for section, p in kit.sections.items())
    print(f'{args.out} ({len(content):,} bytes), kit {kit.id}, seed {kit.seed}; {sources}')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
