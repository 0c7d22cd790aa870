"""Bytes to text: BOMs, UTF-8, detected legacy encodings; binary content is refused."""

from __future__ import annotations

import codecs
import gzip
import io
import zlib

from charset_normalizer import from_bytes

from ..errors import InputError

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x7fELF", "executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data``, refusing output over ``limit`` bytes (gzip bombs)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError("E108", f"bad gzip data: {exc}") from exc
    if len(out) > limit:
        raise InputError("E104", f"more than {limit:,} bytes once decompressed")
    return out


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)


#: Ties between equally plausible legacy encodings go to the most common one on the web.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _detect(data: bytes) -> str | None:
    """The most plausible encoding of ``data`` (charset-normalizer), ties to cp1252."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    ties = {m.encoding for m in matches if m.chaos == best.chaos and m.coherence == best.coherence}
    for enc in _PREFERRED:
        if enc in ties:
            return enc
    return best.encoding


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text; raise :class:`InputError` for empty, binary or undecodable input.

    Order: byte-order mark, the declared charset (HTTP/HTML), strict UTF-8, then detection.
    """
    if not data or not data.strip():
        raise InputError("E101", stage="decode")
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError("E102", what, stage="decode")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(
                    "E103", f"{enc} BOM but invalid data: {exc.reason}", "decode"
                ) from exc
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    for enc in candidates:
        try:
            text = data.decode(enc)  # type: ignore[arg-type]
        except (UnicodeDecodeError, LookupError):
            continue
        if "\x00" in text or _control_ratio(text) > 0.05:
            raise InputError("E102", "control characters", stage="decode")
        return text
    if b"\x00" in data[:4096]:
        raise InputError("E102", "NUL bytes", stage="decode")
    encoding = _detect(data[:2_000_000])
    if encoding is None:
        raise InputError("E103", "no text encoding fits", stage="decode")
    text = data.decode(encoding, errors="replace")
    if _control_ratio(text) > 0.05 or text.count("\ufffd") > max(10, len(text) // 100):
        raise InputError("E102", f"looks binary even as {encoding}", stage="decode")
    return text
