"""Who is asking: the client address behind trusted reverse proxies, the key rate limits count against.

Forwarded headers are believed only from the proxies an operator names (BRANDSMITH_TRUSTED_PROXIES): anyone else could
send `X-Forwarded-For: <a new address>` with every request and never meet the rate limit. Behind a trusted proxy the
client is the right-most address in X-Forwarded-For that is not itself a trusted proxy (proxies append, so the
left-most entries are whatever the client chose to send).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

UNKNOWN_CLIENT = 'unknown'


class InvalidProxyListError(ValueError):
    """BRANDSMITH_TRUSTED_PROXIES holds something that is not an address or a network."""


def parse_networks(text: str) -> tuple[IpNetwork, ...]:
    """'10.0.0.0/8, 192.168.1.7, ::1' as networks; a bare address is a network of one."""
    networks = []
    for item in (part.strip() for part in text.split(',')):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise InvalidProxyListError(
                f'BRANDSMITH_TRUSTED_PROXIES: {item[:60]!r} is not an IP address or network (e.g. 10.0.0.0/8)'
            ) from None
    return tuple(networks)


def _address(text: str) -> IpAddress | None:
    text = text.strip()
    if text.startswith('[') and ']' in text:  # [v6]:port
        text = text[1 : text.index(']')]
    elif text.count(':') == 1:  # v4:port
        text = text.split(':', 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


@dataclass(kw_only=True, slots=True, frozen=True)
class ClientResolver:
    """Turns a connection's peer address and headers into the client's address."""

    trusted: tuple[IpNetwork, ...] = field(default=())

    @classmethod
    def from_setting(cls, text: str) -> ClientResolver:
        return cls(trusted=parse_networks(text))

    def is_trusted(self, address: IpAddress | None) -> bool:
        return address is not None and any(address in network for network in self.trusted)

    def client(self, peer: str | None, headers: Mapping[str, str]) -> str:
        """The client's address: the peer itself, unless the peer is a trusted proxy that says whom it forwards."""
        if not peer:
            return UNKNOWN_CLIENT
        if not self.trusted or not self.is_trusted(_address(peer)):
            return peer
        forwarded = [part for part in headers.get('x-forwarded-for', '').split(',') if part.strip()]
        for hop in reversed(forwarded):
            address = _address(hop)
            if address is None:
                return peer  # a hop we cannot read: the proxy's own address is the most we can vouch for
            if not self.is_trusted(address):
                return str(address)
        return peer


def header_map(raw: Iterable[tuple[bytes, bytes]]) -> dict[str, str]:
    """ASGI headers as a dict of lower-case names; repeated headers are joined with commas, as HTTP allows."""
    joined: dict[str, str] = {}
    for name, value in raw:
        key = name.decode('latin-1').lower()
        text = value.decode('latin-1')
        joined[key] = f'{joined[key]}, {text}' if key in joined else text
    return joined
