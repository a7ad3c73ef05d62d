"""The several-instances deployment (deploy/compose.yaml) holds together: what the app replicas are told matches what
the load balancer, Prometheus and the settings expect. (tests/e2e/test_scale_out_e2e.py runs the load balancer's
nginx file for real; this machine has no Docker to run the compose file itself.)"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml

from branding.chain import ProviderChain
from branding.metrics import Metrics
from branding.settings import Settings
from tests.conftest import ROOT

DEPLOY = ROOT / 'deploy'
# read by NiceGUI or the providers' SDKs rather than by Settings
OTHER_READERS = {'NICEGUI_REDIS_URL'}


@pytest.fixture(scope='module')
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / 'compose.yaml').read_text())
    return loaded


def app_environment(compose: dict[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in compose['services']['app']['environment'].items()}


def setting_names() -> set[str]:
    names: set[str] = set()
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        names.update(getattr(alias, 'choices', None) or [alias])  # AliasChoices or a plain name
    return {str(name) for name in names}


def test_three_app_replicas_share_postgres_redis_and_one_storage_secret(compose: dict[str, Any]) -> None:
    app = compose['services']['app']
    env = app_environment(compose)
    assert app['deploy']['replicas'] == 3
    assert env['DATABASE_URL'].startswith('postgresql://') and '@postgres:5432/' in env['DATABASE_URL']
    assert env['REDIS_URL'].startswith('redis://redis:6379/')
    assert env['NICEGUI_REDIS_URL'].startswith('redis://redis:6379/')
    assert env['NICEGUI_REDIS_URL'] != env['REDIS_URL'], 'browser storage and budgets keep to databases of their own'
    assert '${BRANDSMITH_STORAGE_SECRET:?' in env['BRANDSMITH_STORAGE_SECRET'], (
        'one secret, required, for every replica'
    )
    assert {name: condition['condition'] for name, condition in app['depends_on'].items()} == {
        'postgres': 'service_healthy',
        'redis': 'service_healthy',
    }


def test_a_stopping_replica_drains_before_docker_kills_it(compose: dict[str, Any]) -> None:
    grace = compose['services']['app']['stop_grace_period']
    assert grace.endswith('s')
    assert int(app_environment(compose)['BRANDSMITH_DRAIN_S']) < int(grace.removesuffix('s'))


def test_every_app_setting_in_the_compose_file_is_one_the_app_reads(compose: dict[str, Any]) -> None:
    unknown = set(app_environment(compose)) - setting_names() - OTHER_READERS
    assert unknown == set()


def test_the_app_believes_only_the_load_balancers_forwarded_address(compose: dict[str, Any]) -> None:
    nginx = compose['services']['nginx']
    assert app_environment(compose)['BRANDSMITH_TRUSTED_PROXIES'] == nginx['networks']['brandsmith']['ipv4_address']
    assert './nginx/load-balancer.conf:/etc/nginx/conf.d/default.conf:ro' in nginx['volumes']
    assert nginx['depends_on'] == {'app': {'condition': 'service_healthy'}}


def test_the_load_balancer_is_sticky_and_passes_websockets_to_the_app_service() -> None:
    site = (DEPLOY / 'nginx' / 'load-balancer.conf').read_text()
    assert re.search(r'upstream brandsmith \{\s*hash \$brandsmith_route consistent;', site)
    assert 'server app:8080' in site
    assert 'proxy_set_header Upgrade $http_upgrade;' in site
    assert 'proxy_set_header Connection $connection_upgrade;' in site


def test_prometheus_scrapes_every_replica_on_the_metrics_port(compose: dict[str, Any]) -> None:
    config = yaml.safe_load((DEPLOY / 'prometheus' / 'prometheus.yml').read_text())
    [job] = config['scrape_configs']
    [discovery] = job['dns_sd_configs']
    assert discovery['names'] == ['app'] and discovery['type'] == 'A'
    assert str(discovery['port']) == app_environment(compose)['BRANDSMITH_METRICS_PORT']


def test_every_service_that_others_wait_for_has_a_health_check(compose: dict[str, Any]) -> None:
    services = compose['services']
    awaited = {name for service in services.values() for name in service.get('depends_on', {})}
    # the app's health check is the image's own HEALTHCHECK (Dockerfile)
    assert {name for name in awaited if 'healthcheck' not in services[name]} == {'app'}
    assert 'HEALTHCHECK' in (ROOT / 'Dockerfile').read_text()
    assert 'nginx' in services and services['nginx']['healthcheck']


def test_the_example_environment_names_every_required_secret(compose: dict[str, Any]) -> None:
    required = set(re.findall(r'\$\{(\w+):\?', (DEPLOY / 'compose.yaml').read_text()))
    example = {line.split('=', 1)[0] for line in (DEPLOY / '.env.example').read_text().splitlines() if '=' in line}
    assert required and required <= example


def exposed_series() -> set[str]:
    """Every series name an instance's /metrics can carry (those of counters and histograms with their suffixes)."""
    metrics = Metrics()
    metrics.watch_breakers(ProviderChain([], Settings()))
    suffixes = {'counter': ['_total'], 'histogram': ['_bucket', '_count', '_sum'], 'gauge': ['']}
    return {family.name + suffix for family in metrics.registry.collect() for suffix in suffixes.get(family.type, [''])}


def test_the_dashboard_charts_only_series_the_app_exposes_and_every_one_of_them() -> None:
    dashboard = json.loads((DEPLOY / 'grafana' / 'dashboards' / 'brandsmith.json').read_text())
    queries = [target['expr'] for panel in dashboard['panels'] for target in panel['targets']]
    charted = {name for query in queries for name in re.findall(r'\bbrandsmith_\w+', query)}
    families = {re.sub(r'_(total|bucket|count|sum)$', '', name) for name in exposed_series()}

    assert charted <= exposed_series()
    assert {re.sub(r'_(total|bucket|count|sum)$', '', name) for name in charted} == families
    assert {target['datasource']['uid'] for panel in dashboard['panels'] for target in panel['targets']} == {
        yaml.safe_load((DEPLOY / 'grafana' / 'provisioning' / 'datasources' / 'prometheus.yaml').read_text())[
            'datasources'
        ][0]['uid']
    }


def test_grafana_is_provisioned_with_the_dashboard_folder(compose: dict[str, Any]) -> None:
    grafana = compose['services']['grafana']
    provider = yaml.safe_load((DEPLOY / 'grafana' / 'provisioning' / 'dashboards' / 'brandsmith.yaml').read_text())
    path = provider['providers'][0]['options']['path']
    assert f'./grafana/dashboards:{path}:ro' in grafana['volumes']
    assert './grafana/provisioning:/etc/grafana/provisioning:ro' in grafana['volumes']
