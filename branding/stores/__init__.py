"""Saved brand kits: the KitStore protocol and one module per backend, chosen by DATABASE_URL.

`sqlite:///<path>` (or no DATABASE_URL: kits.db in the data directory) is the embedded default; `postgresql://...`
is for several instances sharing one database.
"""

from __future__ import annotations

from branding.settings import Settings
from branding.stores.base import (
    KitPage,
    KitStore,
    KitSummary,
    NotOwnerError,
    SchemaTooNewError,
    StoreClosedError,
    StoredKit,
    UnsupportedDatabaseError,
    request_key,
    url_scheme,
)
from branding.stores.sqlite import SQLITE_URL_PREFIX, SqliteKitStore, open_sqlite_store, sqlite_path

__all__ = [
    'KitPage',
    'KitStore',
    'KitSummary',
    'NotOwnerError',
    'SchemaTooNewError',
    'SqliteKitStore',
    'StoreClosedError',
    'StoredKit',
    'UnsupportedDatabaseError',
    'open_store',
    'request_key',
]


def open_store(settings: Settings) -> KitStore:
    """The store DATABASE_URL names (sqlite:///<path> or postgresql://...), else kits.db in the data directory.

    Opens and migrates the database synchronously: call it at startup, or through asyncio.to_thread."""
    url = settings.database_url
    if url is None:
        return open_sqlite_store(settings.data_dir / 'kits.db')
    if url.startswith(SQLITE_URL_PREFIX):
        return open_sqlite_store(sqlite_path(url))
    # imported here: an instance on SQLite never loads the Postgres driver
    from branding.stores.postgres import PostgresKitStore, is_postgres_url  # noqa: PLC0415

    if is_postgres_url(url):
        return PostgresKitStore(url, pool_size=settings.database_pool_size)
    raise UnsupportedDatabaseError(
        f'DATABASE_URL: unsupported database {url_scheme(url)!r}; this version supports sqlite:///<path> and '
        'postgresql://user:password@host:port/database'
    )
