"""Reading inputs into Scripts: drafts (text, Markdown) and 话术 libraries (YAML, JSON, JSONL, CSV).

A reader is chosen by file suffix; readers registered in ``SNIFFERS`` (call transcripts) look at
the parsed content first and may claim a file.  Every Segment keeps a map to raw line/column.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from scriptlint.documents.decode import decode, looks_binary
from scriptlint.documents.library import read_csv, read_json, read_jsonl, read_yaml
from scriptlint.documents.positions import LineIndex, linear
from scriptlint.errors import InputError
from scriptlint.model import Script, Segment

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".rst", ""}
LIBRARY_READERS: dict[str, Callable[[str, str], list[Script]]] = {
    ".yaml": read_yaml, ".yml": read_yaml, ".json": read_json, ".jsonl": read_jsonl,
    ".ndjson": read_jsonl, ".csv": read_csv, ".tsv": read_csv,
}
# Content sniffers run before the suffix reader: (path, text) -> list[Script] | None.
SNIFFERS: list[Callable[[str, str], list[Script] | None]] = []
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | set(LIBRARY_READERS) | {".srt", ".vtt"}


def text_script(text: str, path: str) -> Script:
    index = LineIndex(text)
    segment = Segment(text=text, locate=linear(index, 0), raw_line=index.line_text)
    return Script(path=path, segments=[segment])


def read_text(text: str, path: str, kind: str | None = None) -> list[Script]:
    """Scripts from already-decoded text; ``kind`` is a suffix like ".jsonl" (default: by path)."""
    suffix = kind if kind is not None else Path(path).suffix.lower()
    for sniff in SNIFFERS:
        scripts = sniff(path, text)
        if scripts is not None:
            return scripts
    reader = LIBRARY_READERS.get(suffix)
    if reader is not None:
        # An empty library holds no entries; that is not a parse error.
        return reader(text, path) if text.strip() else []
    return [text_script(text, path)]


def read_bytes(data: bytes, path: str, encoding: str | None = None, kind: str | None = None) -> list[Script]:
    if looks_binary(data):
        raise InputError(path, "binary file, skipped")
    return read_text(decode(data, path, encoding), path, kind)


def read_path(path: str, encoding: str | None = None) -> list[Script]:
    return load_path(path, encoding)[1]


def load_path(path: str, encoding: str | None = None) -> tuple[str, list[Script]]:
    """The decoded text of ``path`` (for inline directives) and its Scripts."""
    if path == "-":
        shown, kind, data = "<stdin>", ".txt", sys.stdin.buffer.read()
    else:
        shown, kind = path, None
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(path, "no such file or directory") from None
        except IsADirectoryError:
            raise InputError(path, "is a directory") from None
        except OSError as err:
            raise InputError(path, f"cannot read: {err.strerror or err}") from None
    if looks_binary(data):
        raise InputError(shown, "binary file, skipped")
    text = decode(data, shown, encoding)
    return text, read_text(text, shown, kind)


def expand_paths(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Files to lint: files as given, directories walked recursively for supported suffixes."""
    files: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        if given == "-":
            files.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            files.extend(_walk(path, errors))
        elif path.exists():
            files.append(given)
        else:
            errors.append(InputError(given, "no such file or directory"))
    return files, errors


def _walk(root: Path, errors: list[InputError]) -> list[str]:
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            stat = directory.stat()
            if (stat.st_dev, stat.st_ino) in seen:
                continue  # a symlink loop
            seen.add((stat.st_dev, stat.st_ino))
            entries = sorted(directory.iterdir())
        except OSError as err:
            errors.append(InputError(str(directory), f"cannot list directory: {err.strerror or err}"))
            continue
        for entry in reversed(entries):
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append(entry)
                elif entry.suffix.lower() not in SUPPORTED_SUFFIXES - {""}:
                    continue
                elif entry.is_file():
                    found.append(str(entry))
                elif entry.is_symlink() and not entry.exists():
                    errors.append(InputError(str(entry), "broken symbolic link, skipped"))
                else:  # a FIFO or device would block or never end: never read one found by a walk
                    errors.append(InputError(str(entry), "not a regular file, skipped"))
            except OSError as err:
                errors.append(InputError(str(entry), f"cannot stat: {err.strerror or err}"))
    return sorted(found)


def _sniff_transcript(path: str, text: str) -> list[Script] | None:
    # Imported on use: transcripts build on this package's decode/positions helpers.
    from scriptlint.transcripts import sniff_text

    return sniff_text(path, text)


SNIFFERS.append(_sniff_transcript)
