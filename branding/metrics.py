"""What an operator watches, in Prometheus' format: one registry per service, so each instance serves its own numbers
(Prometheus scrapes every instance and adds them up; nothing here is shared between processes).

`GET /metrics` answers only the admin token; `BRANDSMITH_METRICS_PORT` serves the same numbers on a port of their own
(for a scraper on a private network). The service's provider chain reports to it as its ChainObserver.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from time import perf_counter
from typing import Protocol

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from branding.models import SectionProvenance
from branding.providers.errors import ProviderError

logger = logging.getLogger(__name__)

CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'
# Sections take from milliseconds (the offline engine) to the 45 s budget (slow providers).
SECTION_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 45.0, 60.0)
# A painting takes seconds (FLUX.1 [schnell]) to a minute (BRANDSMITH_IMAGE_TIMEOUT, a retry, the trace).
PAINTING_BUCKETS = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)
EXPORT_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BREAKER_STATES = ('closed', 'half_open', 'open')


class BreakerView(Protocol):
    """What the metrics read of the provider chain's circuit breakers at each scrape."""

    def breaker_states(self) -> Iterable[tuple[str, str]]:
        """(provider, state) for every provider."""
        ...


class _BreakerCollector(Collector):
    def __init__(
        self,
        read: Callable[[], Iterable[tuple[str, str]]],
        *,
        name: str = 'brandsmith_breaker_state',
        what: str = "Each provider's circuit breaker",
    ) -> None:
        self._read = read
        self._name = name
        self._what = what

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            self._name, f'{self._what}: 1 for the state it is in, 0 for the others', labels=['provider', 'state']
        )
        for provider, state in self._read():
            for candidate in BREAKER_STATES:
                family.add_metric([provider, candidate], 1.0 if candidate == state else 0.0)
        yield family


class Metrics:
    """The service's counters, gauges and histograms, on a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self.kits = Counter(
            'brandsmith_kits', 'Kits handed out, by where they came from', ['source'], registry=registry
        )
        self.sections = Histogram(
            'brandsmith_section_seconds',
            'Time to make one section, by who wrote it and whether the first provider did',
            ['section', 'provider', 'status'],
            buckets=SECTION_BUCKETS,
            registry=registry,
        )
        self.fallbacks = Counter(
            'brandsmith_fallbacks',
            'Times a section moved on from a provider, by why',
            ['provider', 'reason'],
            registry=registry,
        )
        self.provider_errors = Counter(
            'brandsmith_provider_errors',
            'Failed provider calls, by HTTP status (or error kind when there was none)',
            ['provider', 'status'],
            registry=registry,
        )
        self.in_flight = Gauge(
            'brandsmith_provider_calls_in_flight', 'Provider calls under way', ['provider'], registry=registry
        )
        self.rate_limited = Counter(
            'brandsmith_rate_limited', 'Requests refused by a budget per client', ['budget'], registry=registry
        )
        self.page_loads = Counter(
            'brandsmith_page_loads',
            'Page loads (studio and share pages), served or refused',
            ['outcome'],
            registry=registry,
        )
        self.exports = Histogram(
            'brandsmith_export_seconds',
            'Time to export a kit (rendering included), by format',
            ['format'],
            buckets=EXPORT_BUCKETS,
            registry=registry,
        )
        self.paintings = Counter(
            'brandsmith_paintings',
            'Logo concepts painted or not, by who painted them (none: no painting) and status (ok, fallback, error)',
            ['provider', 'status'],
            registry=registry,
        )
        self.painting_seconds = Histogram(
            'brandsmith_painting_seconds',
            'Time to paint one logo concept (every provider tried, retries, verification and trace)',
            ['provider', 'status'],
            buckets=PAINTING_BUCKETS,
            registry=registry,
        )

    def watch_breakers(self, chain: BreakerView) -> None:
        self.registry.register(_BreakerCollector(chain.breaker_states))

    def watch_image_breakers(self, painter: BreakerView) -> None:
        self.registry.register(
            _BreakerCollector(
                painter.breaker_states,
                name='brandsmith_image_breaker_state',
                what="Each image provider's circuit breaker",
            )
        )

    def painting_done(self, provenance: SectionProvenance) -> None:
        """The painter's observer: one logo concept painted (or not)."""
        labels = (provenance.provider, provenance.status.value)
        self.paintings.labels(*labels).inc()
        self.painting_seconds.labels(*labels).observe(provenance.latency_ms / 1000)

    # --- the provider chain's observer ----------------------------------------------------------------------------

    def call_started(self, provider: str) -> None:
        self.in_flight.labels(provider).inc()

    def call_ended(self, provider: str, error: ProviderError | None) -> None:
        self.in_flight.labels(provider).dec()
        if error is not None:
            status = str(error.status_code) if error.status_code is not None else error.kind.value
            self.provider_errors.labels(provider, status).inc()

    def passed_over(self, provider: str, reason: str) -> None:
        self.fallbacks.labels(provider, reason).inc()

    # --- the service ----------------------------------------------------------------------------------------------

    def section_done(self, section: str, provenance: SectionProvenance) -> None:
        self.sections.labels(section, provenance.provider, provenance.status.value).observe(
            provenance.latency_ms / 1000
        )

    def kit_done(self, *, reused: bool) -> None:
        self.kits.labels('reused' if reused else 'new').inc()

    @contextmanager
    def export_timer(self, export_format: str) -> Iterator[None]:
        started = perf_counter()
        try:
            yield
        finally:
            self.exports.labels(export_format).observe(perf_counter() - started)

    def render(self) -> bytes:
        return generate_latest(self.registry)


def serve_metrics(metrics: Metrics, *, host: str, port: int) -> None:
    """The numbers on a port of their own (BRANDSMITH_METRICS_PORT), answered by a thread of prometheus_client's
    that ends with the process."""
    start_http_server(port, addr=host, registry=metrics.registry)
    logger.info('metrics served on http://%s:%d/metrics', host, port)
