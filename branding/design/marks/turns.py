"""A composition chosen by a turn of a wheel, so a style repeated in one kit moves on to its next option."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

_T = TypeVar('_T')


def _pick(options: Sequence[_T], turn: int) -> _T:
    return options[turn % len(options)]
