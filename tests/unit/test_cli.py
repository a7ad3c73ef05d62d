"""The command line makes a kit with the same core and writes it in the asked format, and refines a saved kit with the
API's levers, saying what is wrong with an option by its name."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from branding.cli import format_for, main
from branding.export import json_bytes
from branding.models import EXAMPLE_PROFILE, BrandKit


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / 'profile.json'
    path.write_text(EXAMPLE_PROFILE.model_dump_json())
    return path


def test_generate_writes_a_zip_bundle(profile_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / 'kit.zip'
    assert main(['generate', str(profile_file), '--out', str(out), '--seed', '3']) == 0
    with zipfile.ZipFile(out) as bundle:
        names = bundle.namelist()
        kit = json.loads(bundle.read(next(name for name in names if name.endswith('brand-kit.json'))))
    assert kit['company_name'] == EXAMPLE_PROFILE.name and kit['seed'] == 3
    assert any(name.endswith('.pdf') for name in names)
    assert 'LICENSES/fonts.txt' in names
    assert 'kit.zip' in capsys.readouterr().out


def test_a_whole_request_file_and_an_explicit_format(tmp_path: Path) -> None:
    request = tmp_path / 'request.json'
    request.write_text(json.dumps({'company_profile': EXAMPLE_PROFILE.model_dump(mode='json'), 'focus': 'palette'}))
    out = tmp_path / 'palette.css'
    assert main(['generate', str(request), '--out', str(out)]) == 0
    css = out.read_text()
    assert ':root' in css and 'prefers-color-scheme: dark' in css


def test_an_invalid_profile_names_each_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / 'bad.json'
    bad.write_text(json.dumps({**EXAMPLE_PROFILE.model_dump(mode='json'), 'name': '', 'company_type': 'bakery'}))
    assert main(['generate', str(bad), '--out', str(tmp_path / 'x.zip')]) == 2
    errors = capsys.readouterr().err
    assert 'company_profile.name: Required' in errors
    assert 'company_profile.company_type: Choose one of' in errors
    assert not (tmp_path / 'x.zip').exists()


def test_the_format_follows_the_file_name() -> None:
    assert format_for(Path('a.tokens.json'), None) == 'tokens'
    assert format_for(Path('a.pdf'), None) == 'pdf'
    assert format_for(Path('a.bin'), None) == 'zip'
    assert format_for(Path('a.pdf'), 'json') == 'json'


# --- refine ----------------------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope='module')
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a kit written by `brandsmith generate ... --out kit.json`, the profile it was made from)."""
    folder = tmp_path_factory.mktemp('refine')
    profile = folder / 'profile.json'
    profile.write_text(EXAMPLE_PROFILE.model_dump_json())
    kit = folder / 'kit.json'
    assert main(['generate', str(profile), '--out', str(kit), '--seed', '4']) == 0
    return kit, profile


def read_kit(path: Path) -> BrandKit:
    return BrandKit.model_validate_json(path.read_text(encoding='utf-8'))


def resolve_token(tokens: dict[str, Any], reference: str) -> Any:
    """'{color.primary.500}' -> that token's value."""
    node: Any = tokens
    for part in reference.strip('{}').split('.'):
        node = node[part]
    return node['$value']


def test_refine_picks_a_primary_and_a_heading_font_into_the_zip(
    saved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit_file, profile = saved
    before = read_kit(kit_file)
    assert before.color_palette is not None and before.typography is not None
    assert before.color_palette.primary != '#00aa77' and before.typography.heading_font != 'Fraunces'
    out = tmp_path / 'kit2.zip'
    argv = ['refine', str(kit_file), '--profile', str(profile), '--primary', '#0a7', '--heading', 'Fraunces']
    assert main([*argv, '--out', str(out)]) == 0
    assert 'Picked primary #0a7; picked heading font Fraunces' in capsys.readouterr().out
    with zipfile.ZipFile(out) as bundle:
        files = {name: bundle.read(name) for name in bundle.namelist()}
    tokens = json.loads(next(data for name, data in files.items() if name.endswith('.tokens.json')))
    assert resolve_token(tokens, resolve_token(tokens, '{brand.primary}'))['hex'] == '#00aa77'
    assert resolve_token(tokens, '{font.family.heading}')[0] == 'Fraunces'
    css = next(data for name, data in files.items() if name.endswith('-tokens.css')).decode()
    assert '--color-primary: #00aa77;' in css and f'--color-primary: {before.color_palette.primary};' not in css
    assert "--font-heading: 'Fraunces'" in css
    kit = BrandKit.model_validate_json(next(data for name, data in files.items() if name.endswith('brand-kit.json')))
    assert kit.id == before.id and kit.color_palette is not None and kit.typography is not None
    assert (kit.color_palette.primary, kit.typography.heading_font) == ('#00aa77', 'Fraunces')
    assert kit.typography.body_font == before.typography.body_font
    assert kit.taglines == before.taglines
    marks = [
        data.decode()
        for name, data in files.items()
        if name.startswith(('logos/svg/', 'logo-pack/')) and name.endswith('.svg')
    ]
    assert marks and not [mark for mark in marks if before.color_palette.primary in mark], 'a mark kept the old primary'


def test_refine_chooses_locks_and_follows_an_instruction(saved: tuple[Path, Path], tmp_path: Path) -> None:
    kit_file, profile = saved
    before = read_kit(kit_file)
    out = tmp_path / 'kit.json'
    argv = ['refine', str(kit_file), '--profile', str(profile), '--choose-logo', '2', '--lock', 'palette.primary']
    assert main([*argv, '--instruction', 'warmer', '--out', str(out)]) == 0
    kit = read_kit(out)
    assert (kit.chosen_logo, kit.locks) == (1, ['palette.primary'])
    assert kit.color_palette is not None and before.color_palette is not None
    assert kit.color_palette.primary == before.color_palette.primary, 'the locked primary moved'
    assert kit.color_palette.secondary != before.color_palette.secondary


def test_refine_regenerates_the_rest_around_the_locks(saved: tuple[Path, Path], tmp_path: Path) -> None:
    kit_file, profile = saved
    before = read_kit(kit_file)
    out = tmp_path / 'kit.json'
    argv = ['refine', str(kit_file), '--profile', str(profile), '--lock', 'palette', '--lock', 'logos.0']
    assert main([*argv, '--regenerate-rest', '--seed', '11', '--out', str(out)]) == 0
    kit = read_kit(out)
    assert kit.color_palette == before.color_palette and kit.logos[0] == before.logos[0]
    assert kit.logos[1:] != before.logos[1:] and kit.taglines != before.taglines


@pytest.mark.parametrize(
    ('options', 'said'),
    [
        (['--primary', '#0a'], "--primary: '#0a' is not a hex colour; give 3 or 6 hex digits"),
        (['--primary', 'teal'], "--primary: 'teal' is not a hex colour"),
        (
            ['--heading', 'Fraunce'],
            "--heading: 'Fraunce' is not in the open-licence font catalogue; close matches: Fraunces",
        ),
        (
            ['--body', 'Open Sanz'],
            "--body: 'Open Sanz' is not in the open-licence font catalogue; close matches: Open Sans",
        ),
        (['--choose-logo', '9'], '--choose-logo: This kit has 3 logo concepts: choose 1 to 3'),
        (['--choose-logo', '0'], '--choose-logo: count concepts from 1'),
        (['--lock', 'colours'], "--lock: 'colours': Unknown section 'colours'"),
        (['--star', 'nope'], "--star: 'nope': No tagline with this id"),
        (['--tagline', 'tagline-1'], "--tagline: 'tagline-1' is not ID=TEXT"),
        (['--seed', '3'], '--seed: goes with --regenerate-rest'),
        (['--instruction', 'zzz'], '--instruction: no change the offline engine understands; try warmer'),
        (
            ['--instruction', 'punchier', '--section', 'taglines'],
            '--instruction: The offline engine refines palette and typography by instruction; taglines needs a '
            'language model provider',
        ),
    ],
)
def test_a_bad_option_is_named_with_a_non_zero_exit(
    saved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    kit_file, profile = saved
    out = tmp_path / 'kit2.zip'
    assert main(['refine', str(kit_file), '--profile', str(profile), *options, '--out', str(out)]) == 2
    errors = capsys.readouterr().err
    assert f'brandsmith: {said}' in errors
    assert not out.exists()


def test_every_bad_option_is_said_at_once(saved: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    kit_file, _ = saved
    argv = ['refine', str(kit_file), '--primary', 'x', '--accent', 'Nope Sans', '--out', 'never.zip']
    assert main(argv) == 2
    errors = capsys.readouterr().err.splitlines()
    assert [line.split(':')[1].strip() for line in errors] == ['--primary', '--accent']


def test_the_kit_file_carries_its_request_so_refine_needs_nothing_else(
    saved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's command as written: no --profile, a CLI-written kit.json, picks that re-derive colours and fonts;
    and the refined kit.json carries the request on, so it can be refined again (regenerated) the same way."""
    kit_file, _ = saved
    document = json.loads(kit_file.read_text(encoding='utf-8'))
    before = BrandKit.model_validate(document)
    assert document['request']['company_profile'] == EXAMPLE_PROFILE.model_dump(mode='json')
    assert document['request']['seed'] == before.seed == 4
    refined = tmp_path / 'kit2.json'
    argv = ['refine', str(kit_file), '--primary', '#0a7', '--heading', 'Fraunces', '--out', str(refined)]
    assert main(argv) == 0
    assert 'Picked primary #0a7; picked heading font Fraunces' in capsys.readouterr().out
    kit = read_kit(refined)
    assert kit.color_palette is not None and kit.typography is not None
    assert (kit.color_palette.primary, kit.typography.heading_font) == ('#00aa77', 'Fraunces')
    assert json.loads(refined.read_text(encoding='utf-8'))['request'] == document['request']
    again = tmp_path / 'kit3.zip'
    argv = ['refine', str(refined), '--lock', 'palette', '--regenerate-rest', '--seed', '9', '--out', str(again)]
    assert main(argv) == 0
    with zipfile.ZipFile(again) as bundle:
        data = bundle.read(next(name for name in bundle.namelist() if name.endswith('brand-kit.json')))
    regenerated = BrandKit.model_validate_json(data)
    assert regenerated.color_palette == kit.color_palette and regenerated.taglines != kit.taglines
    assert b'"request"' not in data, 'the kit file inside an export shows the brief: the API export leaves it out'


@pytest.fixture
def studio_kit(saved: tuple[Path, Path], tmp_path: Path) -> Path:
    """The same kit as the studio's JSON download gives it: without the request."""
    kit_file, _ = saved
    path = tmp_path / 'studio-kit.json'
    path.write_bytes(json_bytes(read_kit(kit_file)))
    assert 'request' not in json.loads(path.read_text(encoding='utf-8'))
    return path


def test_levers_that_redraw_need_the_profile_for_a_kit_saved_from_the_studio(
    studio_kit: Path, saved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(['refine', str(studio_kit), '--heading', 'Fraunces', '--out', 'never.zip']) == 2
    said = capsys.readouterr().err
    assert 'picking fonts: give --profile, the company profile the kit was made from' in said
    assert 'a kit saved from the studio does not carry it' in said
    assert main(['refine', str(studio_kit), '--choose-logo', '2', '--out', str(tmp_path / 'chosen.json')]) == 0
    assert read_kit(tmp_path / 'chosen.json').chosen_logo == 1
    _, profile = saved
    argv = ['refine', str(studio_kit), '--profile', str(profile), '--heading', 'Fraunces']
    assert main([*argv, '--out', str(tmp_path / 'fonts.json')]) == 0
    written = json.loads((tmp_path / 'fonts.json').read_text(encoding='utf-8'))
    assert written['typography']['heading_font'] == 'Fraunces'
    assert written['request']['company_profile']['name'] == EXAMPLE_PROFILE.name, 'the given profile is carried on'


def test_a_carried_request_that_is_not_valid_is_named_by_field(
    saved: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit_file, _ = saved
    document = json.loads(kit_file.read_text(encoding='utf-8'))
    document['request']['company_profile']['name'] = ''
    broken = tmp_path / 'broken.json'
    broken.write_text(json.dumps(document), encoding='utf-8')
    assert main(['refine', str(broken), '--heading', 'Fraunces', '--out', str(tmp_path / 'never.zip')]) == 2
    said = capsys.readouterr().err
    assert f'{broken} carries a request that is not valid (give --profile instead)' in said
    assert 'request.company_profile.name: Required' in said


def test_a_file_that_is_not_a_kit_is_refused(profile_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(['refine', str(profile_file), '--choose-logo', '1', '--out', 'never.json']) == 2
    assert f'{profile_file} is not a brand kit' in capsys.readouterr().err


def test_the_command_as_a_user_runs_it_says_what_is_wrong_without_a_traceback(
    saved: tuple[Path, Path], tmp_path: Path
) -> None:
    kit_file, profile = saved
    out = tmp_path / 'kit2.zip'
    argv = ['refine', str(kit_file), '--profile', str(profile), '--heading', 'Fraunce', '--out', str(out)]
    done = subprocess.run(
        [sys.executable, '-m', 'branding.cli', *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "brandsmith: --heading: 'Fraunce' is not in the open-licence font catalogue" in done.stderr
    assert 'Traceback' not in done.stderr and not out.exists()
