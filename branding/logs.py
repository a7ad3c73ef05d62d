"""Log lines for people (the default) or for a log pipeline (BRANDSMITH_LOG_FORMAT=json): one JSON object a line,
with the id of the request being answered (the X-Request-ID the response carries), so a line finds its request."""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any, Literal

from uvicorn.config import LOGGING_CONFIG

LogFormat = Literal['text', 'json']
TEXT_FORMAT = '%(asctime)s %(levelname)s %(name)s: %(message)s'

# Set by the request middleware (branding.web) for the request's task and everything it awaits.
REQUEST_ID: ContextVar[str] = ContextVar('request_id', default='')


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, request_id, and exception when any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            'time': datetime.fromtimestamp(record.created, UTC).isoformat(timespec='milliseconds'),
            'level': record.levelname,
            'logger': record.name,
            'message': record.getMessage(),
        }
        request_id = REQUEST_ID.get()
        if request_id:
            entry['request_id'] = request_id
        if record.exc_info:
            entry['exception'] = self.formatException(record.exc_info)
        if record.stack_info:
            entry['stack'] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(log_format: LogFormat, *, level: int = logging.INFO) -> None:
    """The root logger's one handler, on stderr, in the chosen format."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if log_format == 'json' else logging.Formatter(TEXT_FORMAT))
    logging.basicConfig(level=level, handlers=[handler], force=True)


def uvicorn_log_config(log_format: LogFormat) -> dict[str, Any]:
    """For uvicorn's `log_config`: in JSON mode the server's own loggers write JSON to the same stream too; uvicorn's
    own configuration in text mode."""
    if log_format != 'json':
        return LOGGING_CONFIG
    return {
        'version': 1,
        'disable_existing_loggers': False,
        'formatters': {'json': {'()': JsonFormatter}},
        'handlers': {'json': {'class': 'logging.StreamHandler', 'formatter': 'json'}},
        'loggers': {
            name: {'handlers': ['json'], 'level': 'INFO', 'propagate': False}
            for name in ('uvicorn', 'uvicorn.error', 'uvicorn.access')
        },
    }
