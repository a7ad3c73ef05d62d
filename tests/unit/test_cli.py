"""The command line makes a kit with the same core and writes it in the asked format."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from branding.cli import format_for, main
from branding.models import EXAMPLE_PROFILE


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
