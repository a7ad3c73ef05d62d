"""The kit store's public names, kept at their old address: the code lives in branding.stores."""

from __future__ import annotations

from branding.stores import (
    KitPage,
    KitStore,
    KitSummary,
    NotOwnerError,
    SchemaTooNewError,
    SqliteKitStore,
    StoreClosedError,
    StoredKit,
    UnsupportedDatabaseError,
    open_store,
    request_key,
)

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
