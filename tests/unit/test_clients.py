"""The client address behind reverse proxies: forwarded headers count only from proxies the operator trusts."""

from __future__ import annotations

import pytest

from branding.clients import ClientResolver, InvalidProxyListError, header_map, parse_networks


def test_without_trusted_proxies_the_peer_is_the_client_whatever_it_claims() -> None:
    resolver = ClientResolver.from_setting('')
    assert resolver.client('127.0.0.1', {'x-forwarded-for': '203.0.113.9'}) == '127.0.0.1'
    assert resolver.client('198.51.100.4', {'x-forwarded-for': '203.0.113.9'}) == '198.51.100.4'
    assert resolver.client(None, {}) == 'unknown'


def test_a_trusted_proxy_forwards_the_address_it_saw() -> None:
    resolver = ClientResolver.from_setting('10.0.0.0/8, 192.168.1.7')
    assert resolver.client('10.1.2.3', {'x-forwarded-for': '203.0.113.9'}) == '203.0.113.9'
    assert resolver.client('192.168.1.7', {'x-forwarded-for': '203.0.113.9'}) == '203.0.113.9'
    # an untrusted peer's header is its own claim
    assert resolver.client('192.168.1.8', {'x-forwarded-for': '203.0.113.9'}) == '192.168.1.8'


def test_what_the_client_prepends_is_ignored_behind_a_chain_of_trusted_proxies() -> None:
    resolver = ClientResolver.from_setting('10.0.0.0/8')
    # the client sent "X-Forwarded-For: 1.2.3.4"; the edge proxy appended the real address, the inner one the edge's
    headers = {'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.0.0.5'}
    assert resolver.client('10.0.0.6', headers) == '203.0.113.9'


def test_rotating_the_header_does_not_make_new_clients_of_an_untrusted_peer() -> None:
    resolver = ClientResolver.from_setting('10.0.0.0/8')
    keys = {resolver.client('127.0.0.1', {'x-forwarded-for': f'203.0.113.{n}'}) for n in range(50)}
    assert keys == {'127.0.0.1'}


def test_unreadable_hops_and_ports_and_ipv6() -> None:
    resolver = ClientResolver.from_setting('::1, 10.0.0.0/8')
    assert resolver.client('::1', {'x-forwarded-for': '[2001:db8::7]:4711'}) == '2001:db8::7'
    assert resolver.client('10.0.0.1', {'x-forwarded-for': '203.0.113.9:5555'}) == '203.0.113.9'
    assert resolver.client('10.0.0.1', {'x-forwarded-for': 'unknown'}) == '10.0.0.1'
    assert resolver.client('10.0.0.1', {'x-forwarded-for': '10.0.0.2, 10.0.0.3'}) == '10.0.0.1'


def test_a_proxy_list_that_is_not_addresses_is_refused_with_the_setting_named() -> None:
    with pytest.raises(InvalidProxyListError, match='BRANDSMITH_TRUSTED_PROXIES'):
        parse_networks('10.0.0.0/8, proxy.internal')


def test_repeated_headers_are_joined_as_http_allows() -> None:
    raw = [(b'X-Forwarded-For', b'1.1.1.1'), (b'x-forwarded-for', b'2.2.2.2'), (b'Host', b'a')]
    assert header_map(raw) == {'x-forwarded-for': '1.1.1.1, 2.2.2.2', 'host': 'a'}
