"""`brandsmith generate profile.json --out kit.zip`: a brand kit from the command line, made by the same core; and
`brandsmith refine kit.json --primary '#0a7' --heading Fraunces --out kit2.zip`: the refine levers of the API
(colours and fonts picked, the logo chosen, locks, an instruction, regenerate the rest) on a kit saved as JSON.

A kit the command line writes as JSON carries the request it was made from under `request` (the server keeps it beside
the kit in its store, and its own JSON export leaves it out: a shared kit's file does not show the company's brief), so
refining needs nothing else; `--profile` gives it for a kit saved from the studio."""

from __future__ import annotations

import argparse
import asyncio
import difflib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from branding.chain import ProviderChain
from branding.design.font_files import FontLibrary
from branding.design.symbols.icon_set import IconLibrary
from branding.design.typography import catalogue, find_font
from branding.export import EXPORTS, export_kit
from branding.exports.common import script_safe_json
from branding.models import BrandingRequest, BrandKit, Focus, SectionName
from branding.orchestrator import generate_kit
from branding.providers.registry import build_providers
from branding.refine.choices import ChoiceError, KitChoices, apply_choices
from branding.refine.instructions import OFFLINE_SECTIONS, Asked, NotUnderstood, instruction_table, matched_rules
from branding.refine.picks import FONT_ROLES, PickContext
from branding.refine.prompted import Chain, NeedsProvider, ProvidersFailed, refine_section
from branding.refine.rest import Rest, elements, regenerate_rest
from branding.seeding import fresh_seed
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
HEX_COLOUR = re.compile(r'#?(?:[0-9a-fA-F]{3}){1,2}')
COLOUR_OPTIONS = {
    'primary': '--primary',
    'secondary': '--secondary',
    'accent': '--accent-colour',
    'neutral': '--neutral',
}
FONT_OPTIONS = {role: f'--{role}' for role in FONT_ROLES}
# the option a field of a choice came from, for ChoiceError's problems (the API names the same fields in its 422s)
FIELD_OPTIONS = {
    'chosen_logo': '--choose-logo',
    'starred_taglines': '--star',
    'taglines': '--tagline',
    'locks': '--lock',
    **{f'palette.{role}': option for role, option in COLOUR_OPTIONS.items()},
    **{f'typography.{role}': option for role, option in FONT_OPTIONS.items()},
}
CLOSE_MATCHES = 4
REQUEST_KEY = 'request'  # where a kit file the command line writes keeps the request the kit was made from


class CliError(Exception):
    """What the user got wrong, one line a problem, said on stderr with exit status 2 (never a traceback)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__('; '.join(problems))
        self.problems = problems


def format_for(out: Path, explicit: str | None) -> str:
    if explicit:
        return explicit
    name = out.name.lower()
    for suffix, format_name in SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return format_name
    return 'zip'


def build_request(document: dict[str, Any], **options: object) -> BrandingRequest:
    """The file holds a company profile, or a whole request; options given (not None) override the request's."""
    request: dict[str, Any] = dict(document) if 'company_profile' in document else {'company_profile': document}
    request |= {name: value for name, value in options.items() if value is not None}
    return BrandingRequest.model_validate(request)


def _generate_parser(commands: Any) -> None:
    generate = commands.add_parser('generate', help='make a brand kit from a company profile (JSON)')
    generate.add_argument('profile', type=Path, help='JSON file: a company profile, or a whole request')
    generate.add_argument('--out', type=Path, required=True, help='where to write the kit (e.g. kit.zip, kit.pdf)')
    generate.add_argument('--format', choices=sorted(EXPORTS), help='export format (default: from --out)')
    generate.add_argument('--variations', type=int, help='logo concepts and taglines, 1-10')
    generate.add_argument('--focus', choices=[focus.value for focus in Focus])
    generate.add_argument('--seed', type=int, help='same seed and profile give the same kit')


def _refine_parser(commands: Any) -> None:
    refine = commands.add_parser(
        'refine',
        help='change a saved kit (JSON): pick colours and fonts, choose the logo, lock, instruct, regenerate the rest',
    )
    refine.add_argument(
        'kit', type=Path, help='the kit as JSON (brandsmith generate ... --out kit.json, or saved from the studio)'
    )
    refine.add_argument('--out', type=Path, required=True, help='where to write the new kit (kit.zip, kit.json, ...)')
    refine.add_argument('--format', choices=sorted(EXPORTS), help='export format (default: from --out)')
    refine.add_argument(
        '--profile',
        type=Path,
        help='the company profile (or whole request) the kit was made from, for a kit saved from the studio (a kit '
        'the command line wrote carries it): needed to re-derive colours and fonts, refine by instruction and '
        'regenerate',
    )
    for role, option in COLOUR_OPTIONS.items():
        refine.add_argument(option, dest=f'colour_{role}', metavar='HEX', help=f'the {role} colour (#0a7 or #00aa77)')
    for role, option in FONT_OPTIONS.items():
        refine.add_argument(option, dest=f'font_{role}', metavar='FAMILY', help=f'the {role} font, from the catalogue')
    refine.add_argument('--choose-logo', type=int, metavar='N', help='the logo concept that is the logo (1 = first)')
    refine.add_argument('--star', action='append', metavar='TAGLINE_ID', help='star a tagline (repeatable)')
    refine.add_argument('--tagline', action='append', metavar='ID=TEXT', help="a tagline's new text (repeatable)")
    refine.add_argument(
        '--lock',
        action='append',
        metavar='PART',
        help='keep a section or element when regenerating: palette, typography.heading, logos.0, taglines.<id> '
        "(repeatable; replaces the kit's locks)",
    )
    refine.add_argument('--instruction', help="a change in words: 'warmer', 'more playful type'")
    refine.add_argument(
        '--section',
        choices=[str(name) for name in SectionName],
        help='the section the instruction is for (default: the ones the offline engine reads it for)',
    )
    refine.add_argument('--regenerate-rest', action='store_true', help='make everything not locked again')
    refine.add_argument('--seed', type=int, help='the seed for --regenerate-rest')


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog='brandsmith', description='Brandsmith brand-identity studio')
    commands = main.add_subparsers(dest='command', required=True)
    _generate_parser(commands)
    _refine_parser(commands)
    return main


def _read_object(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CliError([f'cannot read {path}: {error}']) from None
    if not isinstance(document, dict):
        raise CliError([f'{path} must hold a JSON object'])
    return document


def _field_problems(error: ValidationError, prefix: str = '') -> list[str]:
    return [
        f'  {prefix}{".".join(str(part) for part in item["loc"])}: {friendly_message(item)}' for item in error.errors()
    ]


def _request_from(path: Path, **options: object) -> BrandingRequest:
    try:
        return build_request(_read_object(path), **options)
    except ValidationError as error:
        raise CliError([f'{path} is not a valid request:', *_field_problems(error)]) from None


@dataclass(kw_only=True, slots=True)
class Engines:
    """The command's own composition root, as app.py is the server's: settings, fonts and icons."""

    settings: Settings = field(default_factory=Settings)
    fonts: FontLibrary = field(init=False)
    icons: IconLibrary = field(init=False)

    def __post_init__(self) -> None:
        self.fonts = FontLibrary(root=self.settings.fonts_dir)
        self.icons = IconLibrary(root=self.settings.icons_dir)

    def chain(self) -> ProviderChain:
        return ProviderChain(build_providers(self.settings), self.settings)


async def _generate(request: BrandingRequest, engines: Engines) -> BrandKit:
    """The kit through the provider chain the settings describe (the offline engine when no provider is set)."""
    chain = engines.chain()
    try:
        return await generate_kit(request, chain=chain, fonts=engines.fonts, icons=engines.icons)
    finally:
        await chain.aclose()


def kit_document(kit: BrandKit, request: BrandingRequest | None) -> bytes:
    """The kit as JSON, as the API returns it, with the request it was made from under REQUEST_KEY (its seed the
    kit's, so the request as written makes this kit again)."""
    document = kit.model_dump(mode='json')
    if request is not None:
        document[REQUEST_KEY] = request.model_copy(update={'seed': kit.seed}).model_dump(mode='json')
    return script_safe_json(json.dumps(document, indent=2, ensure_ascii=False)).encode('utf-8')


def _write(kit: BrandKit, args: argparse.Namespace, engines: Engines, request: BrandingRequest | None) -> int:
    format_name = format_for(args.out, args.format)
    if format_name == 'json':
        content = kit_document(kit, request)
    else:
        content, _, _ = export_kit(kit, format_name, fonts=engines.fonts, icons=engines.icons)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(content)
    except OSError as error:
        raise CliError([f'cannot write {args.out}: {error}']) from None
    return len(content)


def run_generate(args: argparse.Namespace) -> int:
    request = _request_from(args.profile, num_variations=args.variations, focus=args.focus, seed=args.seed)
    engines = Engines()
    kit = asyncio.run(_generate(request, engines))
    size = _write(kit, args, engines, request)
    sources = ', '.join(f'{section}: {p.provider}' for section, p in kit.sections.items())
    print(f'{args.out} ({size:,} bytes), kit {kit.id}, seed {kit.seed}; {sources}')
    return 0


# --- refine ----------------------------------------------------------------------------------------------------------


def colour_problem(option: str, text: str) -> str | None:
    if HEX_COLOUR.fullmatch(text.strip()):
        return None
    return f'{option}: {text!r} is not a hex colour; give 3 or 6 hex digits, such as #0a7 or #00aa77'


def font_problem(option: str, name: str) -> str | None:
    if find_font(name) is not None:
        return None
    families = [entry.family for entry in catalogue().families]
    by_folded = {family.casefold(): family for family in families}
    close = difflib.get_close_matches(name.casefold(), list(by_folded), n=CLOSE_MATCHES, cutoff=0.5)
    hint = f'; close matches: {", ".join(by_folded[match] for match in close)}' if close else ''
    return f'{option}: {name!r} is not in the open-licence font catalogue{hint}'


def _tagline_edits(args: argparse.Namespace) -> tuple[dict[str, str], list[str]]:
    edits: dict[str, str] = {}
    problems: list[str] = []
    for item in args.tagline or []:
        tagline_id, equals, text = item.partition('=')
        if not equals or not tagline_id.strip():
            problems.append(f"--tagline: {item!r} is not ID=TEXT, such as tagline-1='Money, made calm'")
            continue
        edits[tagline_id.strip()] = text
    return edits, problems


def _option_problems(args: argparse.Namespace) -> Iterator[str]:
    for role, option in COLOUR_OPTIONS.items():
        value = getattr(args, f'colour_{role}')
        if value is not None and (problem := colour_problem(option, value)) is not None:
            yield problem
    for role, option in FONT_OPTIONS.items():
        value = getattr(args, f'font_{role}')
        if value is not None and (problem := font_problem(option, value)) is not None:
            yield problem
    if args.choose_logo is not None and args.choose_logo < 1:
        yield f'--choose-logo: count concepts from 1 (got {args.choose_logo})'
    if args.seed is not None and not args.regenerate_rest:
        yield '--seed: goes with --regenerate-rest'
    if args.section is not None and args.instruction is None:
        yield '--section: goes with --instruction'
    if args.instruction is not None and not args.instruction.strip():
        yield '--instruction: write the change in words'


def _choices(args: argparse.Namespace, kit: BrandKit) -> tuple[KitChoices, KitChoices]:
    """(the locks, applied before regenerating; the picks and choices, applied after it)."""
    edits, problems = _tagline_edits(args)
    if problems:
        raise CliError(problems)
    locks = KitChoices(locks=args.lock) if args.lock is not None else KitChoices()
    parts: dict[str, Any] = {}
    if colours := {role: getattr(args, f'colour_{role}') for role in COLOUR_OPTIONS if getattr(args, f'colour_{role}')}:
        parts['palette'] = {role: f'#{value.strip().lstrip("#")}' for role, value in colours.items()}
    if fonts := {role: getattr(args, f'font_{role}') for role in FONT_OPTIONS if getattr(args, f'font_{role}')}:
        parts['typography'] = fonts
    if args.choose_logo is not None:
        parts['chosen_logo'] = args.choose_logo - 1
    if args.star is not None:
        parts['starred_taglines'] = args.star
    if edits:
        parts['taglines'] = edits
    try:
        choices = KitChoices.model_validate(parts)
    except ValidationError as error:
        raise CliError(['the choices do not fit:', *_field_problems(error)]) from None
    # every choice checked against the kit before anything slow runs (picked values are checked by then)
    _applied(
        kit, choices.model_copy(update={'palette': None, 'typography': None, 'locks': args.lock}), None, (args, [])
    )
    return locks, choices


def _said_for_option(problem_field: str, message: str, args: argparse.Namespace) -> str:
    """A choice's problem said of the option and the value it came from (--choose-logo counts from 1)."""
    section, _, element = problem_field.partition('.')
    if section == 'chosen_logo' and (count := re.search(r'(\d+) logo concepts', message)):
        message = f'{message}: choose 1 to {count.group(1)}'
    listed = {'starred_taglines': args.star, 'locks': args.lock}.get(section)
    if listed and element.isdigit() and int(element) < len(listed):
        message = f'{listed[int(element)]!r}: {message}'
    elif section == 'taglines':
        message = f'{element!r}: {message}'
    for prefix in sorted(FIELD_OPTIONS, key=len, reverse=True):
        if problem_field == prefix or problem_field.startswith(f'{prefix}.'):
            return f'{FIELD_OPTIONS[prefix]}: {message}'
    return f'{problem_field}: {message}'


def _applied(
    kit: BrandKit, choices: KitChoices, context: PickContext | None, run: tuple[argparse.Namespace, list[str]]
) -> BrandKit:
    if not choices.model_fields_set:
        return kit
    try:
        chosen = apply_choices(kit, choices, context)
    except ChoiceError as error:
        raise CliError(
            [_said_for_option(problem.field, problem.message, run[0]) for problem in error.problems]
        ) from None
    run[1].append(chosen.summary)
    return chosen.kit


def _instruction_sections(args: argparse.Namespace) -> list[str]:
    if args.section is not None:
        return [args.section]
    table = instruction_table()
    rules: dict[str, Any] = {SectionName.PALETTE: table.palette, SectionName.TYPOGRAPHY: table.typography}
    found = [section for section in OFFLINE_SECTIONS if matched_rules(args.instruction, rules[section])]
    if not found:
        names = [rule.name for section in OFFLINE_SECTIONS for rule in rules[section]]
        raise CliError([f'--instruction: no change the offline engine understands; try {", ".join(names)}'])
    return found


@dataclass(kw_only=True, slots=True)
class Refining:
    """One refine run: what it was asked, with what, and what it has said it did."""

    args: argparse.Namespace
    engines: Engines
    request: BrandingRequest | None
    said: list[str] = field(default_factory=list)

    def context(self) -> PickContext | None:
        if self.request is None:
            return None
        return PickContext(profile=self.request.company_profile, fonts=self.engines.fonts)

    def needs_request(self) -> BrandingRequest:
        assert self.request is not None  # checked before anything runs (_needs_profile)
        return self.request


async def _instructed(kit: BrandKit, run: Refining, chain: ProviderChain) -> BrandKit:
    request = run.needs_request()
    via = Chain(request=request, chain=chain, icons=run.engines.icons)
    for section in _instruction_sections(run.args):
        if section in kit.locks:
            raise CliError([f'--instruction: the {section} is locked; unlock it to change it'])
        asked = Asked(
            instruction=run.args.instruction,
            profile=request.company_profile,
            fonts=run.engines.fonts,
            locked=frozenset(elements(kit.locks, section)),
        )
        try:
            refined = await refine_section(kit, section, asked, via)
        except (NotUnderstood, NeedsProvider, ProvidersFailed) as error:
            raise CliError([f'--instruction: {error}']) from None
        kit = refined.kit
        run.said.append(f'{section}: {run.args.instruction!r} ({", ".join(refined.rules)})')
    return kit


async def _refined(kit: BrandKit, run: Refining) -> BrandKit:
    """The kit with the locks, a regeneration of the rest, the picks and choices, then the instruction."""
    locks, choices = _choices(run.args, kit)
    kit = _applied(kit, locks, None, (run.args, run.said))
    chain = run.engines.chain()
    try:
        if run.args.regenerate_rest:
            seed = fresh_seed() if run.args.seed is None else run.args.seed
            rest = Rest(
                request=run.needs_request(), seed=seed, fonts=run.engines.fonts, icons=run.engines.icons, chain=chain
            )
            kit = await regenerate_rest(kit, rest)
            run.said.append(f'regenerated everything but {", ".join(kit.locks)}' if kit.locks else 'regenerated all')
        kit = _applied(kit, choices, run.context(), (run.args, run.said))
        if run.args.instruction is not None:
            kit = await _instructed(kit, run, chain)
    finally:
        await chain.aclose()
    return kit


NEEDS_PROFILE: tuple[tuple[str, Callable[[argparse.Namespace], bool]], ...] = (
    ('picking colours', lambda args: any(getattr(args, f'colour_{role}') for role in COLOUR_OPTIONS)),
    ('picking fonts', lambda args: any(getattr(args, f'font_{role}') for role in FONT_OPTIONS)),
    ('--instruction', lambda args: args.instruction is not None),
    ('--regenerate-rest', lambda args: bool(args.regenerate_rest)),
)


KIT_KEYS = frozenset({'id', 'generated_at', 'sections'})  # what every kit written as JSON holds, and a profile does not


@dataclass(kw_only=True, slots=True, frozen=True)
class SavedKit:
    kit: BrandKit
    request: BrandingRequest | None  # what the kit was made from, where the file carries it


def _read_kit(path: Path) -> SavedKit:
    document = _read_object(path)
    if not KIT_KEYS.issubset(document):
        raise CliError([f'{path} is not a brand kit (write one with brandsmith generate ... --out kit.json)'])
    carried = document.pop(REQUEST_KEY, None)
    try:
        request = None if carried is None else BrandingRequest.model_validate(carried)
    except ValidationError as error:
        problems = _field_problems(error, prefix=f'{REQUEST_KEY}.')
        raise CliError([f'{path} carries a request that is not valid (give --profile instead):', *problems]) from None
    try:
        return SavedKit(kit=BrandKit.model_validate(document), request=request)
    except ValidationError as error:
        problems = _field_problems(error)
        more = [f'  ... and {len(problems) - 5} more'] if len(problems) > 5 else []
        raise CliError(
            [
                f'{path} is not a brand kit (write one with brandsmith generate ... --out kit.json):',
                *problems[:5],
                *more,
            ]
        ) from None


def _refine_request(args: argparse.Namespace, saved: SavedKit) -> BrandingRequest | None:
    kit = saved.kit
    if args.profile is None:
        needing = [lever for lever, needs in NEEDS_PROFILE if needs(args)]
        if needing and saved.request is None:
            raise CliError(
                [
                    f'{", ".join(needing)}: give --profile, the company profile the kit was made from (a kit saved '
                    'from the studio does not carry it; one written by brandsmith generate does)'
                ]
            )
        return saved.request
    # the request as the kit was made: its variations, focus and seed
    request = _request_from(args.profile, num_variations=kit.num_variations, focus=kit.focus, seed=kit.seed)
    if request.company_profile.name != kit.company_name:
        print(
            f'brandsmith: note: the profile is for {request.company_profile.name!r}, the kit for {kit.company_name!r}',
            file=sys.stderr,
        )
    return request


def run_refine(args: argparse.Namespace) -> int:
    problems = list(_option_problems(args))
    if problems:
        raise CliError(problems)
    saved = _read_kit(args.kit)
    engines = Engines()
    run = Refining(args=args, engines=engines, request=_refine_request(args, saved))
    refined = asyncio.run(_refined(saved.kit, run))
    size = _write(refined, args, engines, run.request)
    changes = '; '.join(run.said) or 'no change'
    print(f'{args.out} ({size:,} bytes), kit {refined.id}: {changes}')
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {'generate': run_generate, 'refine': run_refine}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CliError as error:
        for problem in error.problems:  # indented lines detail the problem above them
            print(problem if problem.startswith(' ') else f'brandsmith: {problem}', file=sys.stderr)
        return 2


if __name__ == '__main__':
    raise SystemExit(main())
