"""Lighthouse scores of the studio and of a bare NiceGUI page, desktop and mobile, offline: python -m bench.lighthouse.

A benchmark, not a test. It starts the app (and a one-label NiceGUI page as the baseline) as subprocesses on free
ports on 127.0.0.1, installs Lighthouse from the npm registry into a cache directory outside the repo when it is not
there yet, and runs it against a local Chromium for the desktop preset and Lighthouse's default mobile emulation.
Pages: `/` (the studio shell) and `/kit/<id>`, the shared page of a kit made through the API. Both Chrome
configurations are measured by default (Chrome's own features, and chrome-launcher's disabled features as the
Lighthouse CLI runs). It prints the median scores against the targets, each with its ratio to the baseline, the audits
that failed, any request that left 127.0.0.1 (there should be none), and the share page beside the studio: mobile
performance of `/kit/<id>` at least the studio's in both configurations is the target. The load average is printed
with each configuration: other work on the machine lowers the scores. The JSON reports are kept in
test-results/lighthouse/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from nicegui import ui

ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = ROOT / 'test-results' / 'lighthouse'
CACHE_DIR = Path(os.environ.get('XDG_CACHE_HOME', Path.home() / '.cache')) / 'brandsmith-lighthouse'
# Lighthouse 13 needs Node 22.19+; 12 runs on Node 18.16+, which is what Debian and most CI images have.
LIGHTHOUSE_PACKAGE = 'lighthouse@12'

CATEGORIES = ('performance', 'accessibility', 'best-practices', 'seo')
FORM_FACTORS = ('desktop', 'mobile')
# The targets; best practices and SEO have none there, so they are held to Lighthouse's own 'good' band.
TARGETS: dict[str, dict[str, int]] = {
    'desktop': {'performance': 95, 'accessibility': 95, 'best-practices': 90, 'seo': 90},
    'mobile': {'performance': 85, 'accessibility': 95, 'best-practices': 90, 'seo': 90},
}
# Lighthouse reports an audit scoring below 0.9 as failed (orange or red) and one at 0.9 or more as passed.
AUDIT_PASS = 0.9
METRICS = (
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
)

# The headless Chromium must not phone home: no component updates, sync, safe browsing, metrics or first-run fetches.
# chrome-launcher adds a similar set of its own; these are stated explicitly so the run does not depend on it.
CHROME_FLAGS = (
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--metrics-recording-only',
)
# Chrome keeps only the last --disable-features, so this list replaces chrome-launcher's own. It names the same
# background services but leaves RenderDocument on, as Chrome ships it (Puppeteer dropped the same override in 2026).
# chrome-launcher turns RenderDocument off to keep Lighthouse's own CI stable; with it off, headless Chromium under
# mobile emulation draws no frame until about 1.2 s or 2.3 s after navigation, whatever the page, so every page's first
# paint is observed after all of its scripts have loaded and Lantern counts them all against FCP and LCP.
# `--launcher-features` measures with chrome-launcher's list instead.
BACKGROUND_FEATURES = (
    'Translate',
    'OptimizationHints',
    'MediaRouter',
    'DialMediaRouteProvider',
    'CalculateNativeWinOcclusion',
    'InterestFeedContentSuggestions',
    'CertificateTransparencyComponentUpdater',
    'AutofillServerCommunication',
    'PrivacySandboxSettings4',
)

# The baseline: one label on a NiceGUI page, started with the same ui.run arguments as app.py (minus the storage).
BARE_PAGE_TITLE = 'Bare NiceGUI page'


@dataclass
class Page:
    name: str
    slug: str  # for report file names
    url: str


@dataclass
class Measurement:
    """The median of several Lighthouse runs of one page in one form factor, with what failed in the median run."""

    scores: dict[str, float | None]
    failing_audits: list[str] = field(default_factory=list)
    metrics: dict[str, str] = field(default_factory=dict)
    external_requests: list[str] = field(default_factory=list)
    performance_runs: list[float] = field(default_factory=list)  # every run's score, in the order they ran


@dataclass(kw_only=True, slots=True, frozen=True)
class ChromeConfig:
    """One way of starting Chrome: its label, the report files' suffix, and whether chrome-launcher's list stays."""

    label: str
    slug: str
    launcher_features: bool


CONFIGS = {
    'default': ChromeConfig(label="Chrome's default features", slug='default', launcher_features=False),
    'launcher': ChromeConfig(label="chrome-launcher's disabled features", slug='launcher', launcher_features=True),
}
STUDIO = 'studio /'
SHARE = 'shared kit /kit/<id>'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return int(sock.getsockname()[1])


def chromium_path() -> str | None:
    """$BRANDSMITH_CHROMIUM, then Debian's chromium, else None to let Lighthouse look for an installed Chrome."""
    configured = os.environ.get('BRANDSMITH_CHROMIUM')
    if configured:
        return configured
    return '/usr/bin/chromium' if Path('/usr/bin/chromium').exists() else None


def lighthouse_cli() -> Path:
    """The Lighthouse CLI in the cache directory, installed from the npm registry on first use."""
    cli = CACHE_DIR / 'node_modules' / '.bin' / 'lighthouse'
    if cli.exists():
        return cli
    npm = shutil.which('npm')
    if npm is None:
        raise SystemExit('npm is needed to install Lighthouse; install Node.js 18.16 or newer')
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    print(f'installing {LIGHTHOUSE_PACKAGE} into {CACHE_DIR} ...', flush=True)
    subprocess.run(
        [npm, 'install', '--prefix', str(CACHE_DIR), '--no-audit', '--no-fund', '--no-save', LIGHTHOUSE_PACKAGE],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return cli


def lighthouse_version(cli: Path) -> str:
    return subprocess.run([str(cli), '--version'], capture_output=True, text=True, check=True).stdout.strip()


def server_env(port: int, data_dir: Path) -> dict[str, str]:
    # A server started from inside pytest would otherwise pick NiceGUI's screen-test port (see tests/conftest.py).
    env = {key: value for key, value in os.environ.items() if key != 'PYTEST_CURRENT_TEST'}
    for key in ('TOGETHER_API_KEY', 'COHERE_API_KEY', 'CO_API_KEY', 'OPENAI_COMPAT_API_KEY', 'OPENAI_COMPAT_BASE_URL'):
        env.pop(key, None)  # the offline engine only: a benchmark must not spend anyone's quota
    env.update(
        {
            'HOST': '127.0.0.1',
            'PORT': str(port),
            'BRANDSMITH_DATA_DIR': str(data_dir),
            'BRANDSMITH_PROVIDERS': 'offline',
            'BRANDSMITH_RATE_LIMIT': '0',
        }
    )
    return env


@contextmanager
def serve(command: list[str], ready_path: str) -> Iterator[str]:
    """Run `command` as a server on a free port of 127.0.0.1 until the block ends; yields its base URL."""
    port = free_port()
    url = f'http://127.0.0.1:{port}'
    with tempfile.TemporaryDirectory(prefix='brandsmith-lighthouse-') as data:
        data_dir = Path(data)
        log_path = data_dir / 'server.log'
        with log_path.open('w') as log:
            process = subprocess.Popen(
                command, cwd=data_dir, env=server_env(port, data_dir), stdout=log, stderr=subprocess.STDOUT
            )
            try:
                wait_until_ready(process, f'{url}{ready_path}', log_path)
                yield url
            finally:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until_ready(process: subprocess.Popen[bytes], url: str, log_path: Path, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f'server exited with {process.returncode}:\n{log_path.read_text()}')
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f'server did not answer {url}:\n{log_path.read_text()}')


def make_kit(base_url: str) -> str:
    """The id of a finished kit, made through the API like any client would."""
    with httpx.Client(base_url=base_url, timeout=60) as client:
        profile = client.get('/api/v1/example-company-profile').raise_for_status().json()
        body = {'company_profile': profile, 'num_variations': 3, 'focus': 'all', 'seed': 7}
        kit = client.post('/api/v1/generate-branding', json=body).raise_for_status().json()
    return str(kit['id'])


def chrome_flags(*, launcher_features: bool) -> list[str]:
    if launcher_features:
        return list(CHROME_FLAGS)
    return [*CHROME_FLAGS, f'--disable-features={",".join(BACKGROUND_FEATURES)}']


def run_lighthouse(cli: Path, url: str, form_factor: str, report_path: Path, flags: list[str]) -> dict[str, Any]:
    command = [
        str(cli),
        url,
        '--output=json',
        f'--output-path={report_path}',
        f'--only-categories={",".join(CATEGORIES)}',
        f'--chrome-flags={" ".join(flags)}',
        '--disable-full-page-screenshot',
        '--no-enable-error-reporting',
        '--quiet',
    ]
    if form_factor == 'desktop':
        command.append('--preset=desktop')
    env = dict(os.environ, NO_UPDATE_NOTIFIER='1')
    chromium = chromium_path()
    if chromium is not None:
        env['CHROME_PATH'] = chromium
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    report: dict[str, Any] = json.loads(report_path.read_text())
    return report


def category_scores(report: dict[str, Any]) -> dict[str, float | None]:
    scores: dict[str, float | None] = {}
    for name in CATEGORIES:
        score = report['categories'].get(name, {}).get('score')
        scores[name] = None if score is None else round(score * 100, 1)
    return scores


def failing_audits(report: dict[str, Any]) -> list[str]:
    """'category: title (display value)' of each scored audit below Lighthouse's pass mark, once per audit."""
    audits = report['audits']
    failing: list[str] = []
    seen: set[str] = set()
    for name in CATEGORIES:
        for ref in report['categories'].get(name, {}).get('auditRefs', []):
            audit = audits.get(ref['id'], {})
            score = audit.get('score')
            if ref['id'] in seen or score is None or score >= AUDIT_PASS:
                continue
            if audit.get('scoreDisplayMode') not in {'binary', 'numeric', 'metricSavings'}:
                continue
            seen.add(ref['id'])
            shown = f' ({audit["displayValue"]})' if audit.get('displayValue') else ''
            failing.append(f'{name}: {audit["title"]}{shown}')
    return failing


def metric_values(report: dict[str, Any]) -> dict[str, str]:
    return {name: report['audits'][name].get('displayValue', '?') for name in METRICS if name in report['audits']}


def external_requests(report: dict[str, Any]) -> list[str]:
    """Every URL the page requested from anywhere but 127.0.0.1 (data: and blob: URLs never leave the browser)."""
    items = report['audits'].get('network-requests', {}).get('details', {}).get('items', [])
    outside = []
    for item in items:
        parts = urlsplit(item.get('url', ''))
        if parts.scheme in {'http', 'https', 'ws', 'wss'} and parts.hostname != '127.0.0.1':
            outside.append(item['url'])
    return outside


def measure(cli: Path, page: Page, form_factor: str, runs: int, config: ChromeConfig) -> Measurement:
    """Run Lighthouse `runs` times; the run with the median performance score stands for the others."""
    flags = chrome_flags(launcher_features=config.launcher_features)
    reports = []
    for run in range(runs):
        report_path = REPORTS_DIR / f'{page.slug}-{form_factor}-{config.slug}-{run + 1}.json'
        reports.append(run_lighthouse(cli, page.url, form_factor, report_path, flags))
    performance_runs = [category_scores(report)['performance'] or 0.0 for report in reports]
    reports.sort(key=lambda report: category_scores(report)['performance'] or 0)
    median_report = reports[len(reports) // 2]
    scores: dict[str, float | None] = {}
    for name in CATEGORIES:
        values = [value for report in reports if (value := category_scores(report)[name]) is not None]
        scores[name] = statistics.median(values) if values else None
    outside = sorted({url for report in reports for url in external_requests(report)})
    return Measurement(scores, failing_audits(median_report), metric_values(median_report), outside, performance_runs)


def cell(score: float | None, target: int, baseline: float | None) -> str:
    if score is None:
        return 'n/a'
    verdict = 'ok' if score >= target else 'LOW'
    ratio = f' x{score / baseline:.2f}' if baseline else ''
    return f'{score:.0f}{ratio} {verdict}'


def print_table(results: dict[tuple[str, str], Measurement], pages: list[str]) -> None:
    width = 18
    for form_factor in FORM_FACTORS:
        print(f'\n{form_factor:<24}' + ''.join(f'{name:>{width}}' for name in CATEGORIES))
        targets = TARGETS[form_factor]
        print(f'{"  target":<24}' + ''.join(f'{">=" + str(targets[name]):>{width}}' for name in CATEGORIES))
        baseline = results[('baseline', form_factor)].scores
        for page in pages:
            scores = results[(page, form_factor)].scores
            cells = [
                cell(scores[name], targets[name], None if page == 'baseline' else baseline[name]) for name in CATEGORIES
            ]
            print(f'  {page:<22}' + ''.join(f'{text:>{width}}' for text in cells))


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f'load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores'


def target_met(results: dict[tuple[str, str], Measurement]) -> bool:
    """The issue's target: mobile performance of the share page at least the studio's (medians)."""
    studio = results[(STUDIO, 'mobile')].scores['performance']
    share = results[(SHARE, 'mobile')].scores['performance']
    return studio is not None and share is not None and share >= studio


def share_beside_studio(config: ChromeConfig, results: dict[tuple[str, str], Measurement]) -> list[str]:
    """One line per form factor: the share page's performance beside the studio's, their ratio and every run; the
    mobile line says whether the target is met."""
    lines = []
    for form_factor in FORM_FACTORS:
        studio, share = results[(STUDIO, form_factor)], results[(SHARE, form_factor)]
        studio_score, share_score = studio.scores['performance'], share.scores['performance']
        if studio_score is None or share_score is None:
            lines.append(f'  {config.label}, {form_factor}: no performance score')
            continue
        ratio = f'x{share_score / studio_score:.2f}' if studio_score else 'x-'
        runs = f'runs {format_runs(studio.performance_runs)} / {format_runs(share.performance_runs)}'
        verdict = ''
        if form_factor == 'mobile':
            verdict = '  target met' if target_met(results) else '  target NOT MET'
        label = f'{config.label}, {form_factor}'
        lines.append(f'  {label:<46}{studio_score:>7.0f}{share_score:>7.0f}{ratio:>8}  {runs}{verdict}')
    return lines


def format_runs(scores: list[float]) -> str:
    return ','.join(f'{score:.0f}' for score in scores)


def print_details(results: dict[tuple[str, str], Measurement]) -> None:
    for (page, form_factor), measurement in results.items():
        metrics = ', '.join(f'{name.replace("-", " ")} {value}' for name, value in measurement.metrics.items())
        print(f'\n{page}, {form_factor}: {metrics}')
        for audit in measurement.failing_audits:
            print(f'  failed  {audit}')
        for url in measurement.external_requests:
            print(f'  OUTSIDE {url}')


def serve_bare_page() -> None:
    """The baseline server (`--serve-bare`): one label, nothing else, the studio's ui.run arguments."""

    @ui.page('/')
    def index() -> None:
        ui.label('Hello from a bare NiceGUI page')

    ui.run(
        host=os.environ['HOST'],
        port=int(os.environ['PORT']),
        title=BARE_PAGE_TITLE,
        favicon='🎨',
        language='en-US',
        reload=False,
        show=False,
        show_welcome_message=False,
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--runs', type=int, default=5, help='Lighthouse runs per page and form factor (median)')
    parser.add_argument('--no-kit', action='store_true', help='skip the shared kit page')
    parser.add_argument(
        '--config',
        choices=[*CONFIGS, 'both'],
        default='both',
        help="Chrome's default features, chrome-launcher's --disable-features (RenderDocument off, as the Lighthouse "
        'CLI runs by default), or both (the default)',
    )
    parser.add_argument('--launcher-features', action='store_true', help='the same as --config launcher')
    parser.add_argument('--serve-bare', action='store_true', help=argparse.SUPPRESS)
    return parser.parse_args()


def measure_config(cli: Path, pages: list[Page], runs: int, config: ChromeConfig) -> dict[tuple[str, str], Measurement]:
    flags = chrome_flags(launcher_features=config.launcher_features)
    print(f'\n== {config.label}: {load_average()}')
    print(f'Chrome flags: {" ".join(flags)}', flush=True)
    results: dict[tuple[str, str], Measurement] = {}
    for page in pages:
        for form_factor in FORM_FACTORS:
            print(f'  {page.name}, {form_factor} ...', flush=True)
            results[(page.name, form_factor)] = measure(cli, page, form_factor, runs, config)
    print(f'   done, {load_average()}')
    return results


def print_config(config: ChromeConfig, results: dict[tuple[str, str], Measurement], pages: list[Page]) -> None:
    print(f'\n== {config.label}')
    print('Scores (0-100); xN.NN is the ratio to the bare NiceGUI page; ok/LOW against the target')
    print_table(results, [page.name for page in pages])
    print_details(results)


def print_comparison(measured: dict[str, dict[tuple[str, str], Measurement]]) -> None:
    print('\nThe share page beside the studio: performance (median), ratio share/studio, each run studio / share')
    print(f'  {"":<46}{"studio":>7}{"share":>7}{"ratio":>8}')
    for name, results in measured.items():
        print('\n'.join(share_beside_studio(CONFIGS[name], results)))
    met = all(target_met(results) for results in measured.values())
    print(
        f"Target (mobile performance of /kit/<id> >= the studio's, every configuration): {'MET' if met else 'NOT MET'}"
    )


def main() -> None:
    args = parse_args()
    if args.serve_bare:
        serve_bare_page()
        return
    chosen = 'launcher' if args.launcher_features else args.config
    names = list(CONFIGS) if chosen == 'both' else [chosen]

    cli = lighthouse_cli()
    REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    chromium = chromium_path() or 'Chrome found by Lighthouse'
    print(f'Lighthouse {lighthouse_version(cli)}, {chromium}, median of {args.runs} run(s), offline on 127.0.0.1')
    measured: dict[str, dict[tuple[str, str], Measurement]] = {}
    with (
        serve([sys.executable, str(Path(__file__).resolve()), '--serve-bare'], '/') as bare_url,
        serve([sys.executable, str(ROOT / 'app.py')], '/health') as studio_url,
    ):
        pages = [Page('baseline', 'baseline', f'{bare_url}/'), Page(STUDIO, 'studio', f'{studio_url}/')]
        if not args.no_kit:
            pages.append(Page(SHARE, 'kit', f'{studio_url}/kit/{make_kit(studio_url)}'))
        for name in names:
            measured[name] = measure_config(cli, pages, args.runs, CONFIGS[name])
    for name, results in measured.items():
        print_config(CONFIGS[name], results, pages)
    if not args.no_kit:
        print_comparison(measured)
    print(f'\nreports: {REPORTS_DIR}')


if __name__ == '__main__':
    main()
