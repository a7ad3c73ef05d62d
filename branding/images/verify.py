"""An image a server sent, checked before anything keeps it: a PNG, JPEG or WebP of the size asked for, decoded whole;
a still PNG is kept as sent, anything else re-encoded as a plain PNG (first frame only), or ImageRejected with a
reason a user can read."""

from __future__ import annotations

import io
import warnings

from PIL import Image

ACCEPTED_FORMATS = frozenset({'PNG', 'JPEG', 'WEBP'})


class ImageRejected(ValueError):
    """The bytes are not an image we keep."""


def verified_png(data: bytes, size: int) -> bytes:
    """`data` as a PNG of `size` x `size` pixels, or ImageRejected."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('error', Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                kind = probe.format or 'unknown'
                if kind not in ACCEPTED_FORMATS:
                    raise ImageRejected(f'the server sent a {kind} file, not a PNG, JPEG or WebP')
                if probe.size != (size, size):
                    width, height = probe.size
                    raise ImageRejected(f'the image is {width}x{height}, not the {size}x{size} asked for')
                frames = getattr(probe, 'n_frames', 1)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                pixels = image.convert(
                    'RGBA' if image.mode in ('RGBA', 'LA', 'PA') or 'transparency' in image.info else 'RGB'
                )
    except ImageRejected:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ImageRejected('the server sent bytes that are not an image') from None
    if kind == 'PNG' and frames == 1:
        return data  # decoded whole above: kept as sent, which saves a re-encode per painting
    out = io.BytesIO()
    pixels.save(out, format='PNG', optimize=False)
    return out.getvalue()
