"""Brandsmith's generation core: models, design engine, provider chain, orchestration. No UI imports here."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version('brandsmith')
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = '0.0.0+local'
