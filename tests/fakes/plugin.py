"""Fixtures for the fake provider server, loaded by test modules with `pytest_plugins = ['tests.fakes.plugin']`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.provider_server import FakeProviderServer


@pytest.fixture(scope='session')
def provider_server_instance() -> Iterator[FakeProviderServer]:
    server = FakeProviderServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def provider_server(provider_server_instance: FakeProviderServer) -> FakeProviderServer:
    """The shared server with empty scripts and no recorded requests."""
    provider_server_instance.reset()
    return provider_server_instance
