"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, then GB18030 (a superset of GBK)."""

from __future__ import annotations

from scriptlint.errors import InputError

_BINARY_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16 BOM file mean a binary file, not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in data[:_BINARY_SAMPLE]


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise InputError(path, f"cannot decode as {encoding}: {err}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(path, f"invalid UTF-16 at byte {err.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(
                path, f"not valid UTF-8 (byte {utf8_error.start}) nor GB18030; pass --encoding"
            ) from None
