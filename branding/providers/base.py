"""What every chat provider offers the chain: one JSON-producing chat call, whole or streamed."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

# Replies are a few KB of JSON; anything this big is a runaway model or a broken server, not a brand kit section.
MAX_REPLY_CHARS = 256 * 1024
# Raw HTTP bodies may be larger than the text they carry (JSON escaping, envelope, SSE framing).
MAX_BODY_BYTES = 4 * MAX_REPLY_CHARS
# The rejected reply is quoted back in a repair re-ask; the model only needs enough of it to see its mistake.
MAX_QUOTED_REPLY_CHARS = 8000


@dataclass(kw_only=True, slots=True, frozen=True)
class Repair:
    previous_reply: str
    problem: str


@dataclass(kw_only=True, slots=True, frozen=True)
class ChatRequest:
    """One chat call that must answer with a JSON document matching `json_schema`.

    `system` holds our instructions. `user` carries the brief built from the company profile: that is untrusted,
    user-supplied data. Providers send it only as a user-role message, never merged into the system prompt, and the
    reply is only ever parsed as data (never executed or rendered as HTML by this layer).
    """

    system: str
    user: str
    json_schema: dict[str, Any]
    schema_name: str
    max_tokens: int = 2048
    temperature: float = 0.7
    repair: Repair | None = None

    def with_repair(self, previous_reply: str, problem: str) -> ChatRequest:
        return dataclasses.replace(self, repair=Repair(previous_reply=previous_reply, problem=problem))

    @property
    def response_format_name(self) -> str:
        """`schema_name` made safe for OpenAI-style `json_schema.name` (a-z, A-Z, 0-9, _ and -, at most 64)."""
        return re.sub(r'[^A-Za-z0-9_-]', '_', self.schema_name)[:64] or 'reply'

    def messages(self) -> list[dict[str, str]]:
        messages = [{'role': 'system', 'content': self.system}, {'role': 'user', 'content': self.user}]
        if self.repair is not None:
            quoted = self.repair.previous_reply[:MAX_QUOTED_REPLY_CHARS]
            messages += [
                {'role': 'assistant', 'content': quoted},
                {
                    'role': 'user',
                    'content': (
                        f'Your previous reply could not be used: {self.repair.problem}\n'
                        f'Reply again with only the corrected JSON document for "{self.schema_name}", '
                        'matching the schema exactly: no prose, no code fences, no comments.'
                    ),
                },
            ]
        return messages


class Provider(Protocol):
    """A chat model behind an HTTP API. Implementations raise only `ProviderError` (plus `CancelledError`)."""

    name: str
    model: str

    async def complete(self, request: ChatRequest, *, timeout_s: float) -> str:
        """The raw text of the reply."""
        ...

    def stream(self, request: ChatRequest, *, timeout_s: float) -> AsyncIterator[str]:
        """The reply as text deltas."""
        ...

    async def aclose(self) -> None: ...
