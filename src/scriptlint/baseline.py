"""Baselines: accept a legacy library's existing findings so that only new ones fail.

A finding is keyed by its file and a fingerprint of the rule id, the normalised matched text and
the normalised sentence around it — not by line numbers, so the baseline survives edits elsewhere
in the file.  Fingerprints are taken over masked text, so the baseline file (committed next to
the library) holds no personal numbers.  Equal fingerprints are counted: a second copy of a
baselined sentence is a new finding.  Rewriting the baseline drops findings that were fixed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scriptlint.errors import ConfigError
from scriptlint.model import Finding
from scriptlint.normalize import normalize
from scriptlint.redact import mask_text

BASELINE_VERSION = 1
REASON = "baseline"


def fingerprint(finding: Finding) -> str:
    # Mask before normalising: masking is idempotent, so a finding already redacted for output
    # gets the same fingerprint as the raw one.
    match = normalize(mask_text(finding.match) or "").text
    context = mask_text(finding.context) or normalize(mask_text(finding.excerpt) or "").text
    digest = hashlib.sha256("\x00".join((finding.rule, match, context)).encode("utf-8"))
    return digest.hexdigest()[:24]


class Baseline:
    def __init__(self, path: Path, entries: Iterable[dict[str, Any]] = ()) -> None:
        self.path = path
        self.counts: Counter[tuple[str, str, str]] = Counter(
            (e["path"], e["rule"], e["fingerprint"]) for e in entries)

    def key(self, file_path: str) -> str:
        """``file_path`` relative to the baseline's directory, with forward slashes."""
        if file_path.startswith("<"):
            return file_path
        try:
            return Path(os.path.relpath(Path(file_path).resolve(), self.path.resolve().parent)).as_posix()
        except ValueError:
            return Path(file_path).resolve().as_posix()

    @classmethod
    def read(cls, path: str | Path) -> Baseline:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: baseline file not found (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ConfigError(f"{path}: not a scriptlint baseline: {err}") from None
        entries = data.get("findings") if isinstance(data, dict) else None
        if data.get("version") != BASELINE_VERSION or not isinstance(entries, list) or not all(
                isinstance(e, dict) and {"path", "rule", "fingerprint"} <= set(e) for e in entries):
            raise ConfigError(f"{path}: not a scriptlint baseline (version {BASELINE_VERSION})")
        return cls(path, entries)

    def filter(self, file_path: str, findings: Iterable[Finding]) -> int:
        """Mark findings that the baseline accepts as suppressed (in place); returns how many."""
        key = self.key(file_path)
        remaining = self.counts.copy()
        accepted = 0
        for finding in findings:
            if finding.suppressed is not None:
                continue
            item = (key, finding.rule, fingerprint(finding))
            if remaining[item] > 0:
                remaining[item] -= 1
                finding.suppressed = REASON
                finding.extra["suppression"] = {"kind": "baseline", "reason": REASON}
                accepted += 1
        return accepted


def write(path: str | Path, reports: list) -> int:
    """Write every finding not suppressed by a directive; returns the number written."""
    path = Path(path)
    keyer = Baseline(path)
    entries = []
    for report in reports:
        for result in report.results:
            for finding in result.findings:
                kind = finding.extra.get("suppression", {}).get("kind")
                if finding.suppressed is not None and kind != "baseline":
                    continue
                entries.append({"path": keyer.key(result.path), "rule": finding.rule,
                                "fingerprint": fingerprint(finding), "entry": mask_text(finding.entry, strict=True),
                                "match": mask_text(finding.match)})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"], e["entry"] or ""))
    document = {"version": BASELINE_VERSION, "tool": "scriptlint", "findings": entries}
    from scriptlint.journal import atomic_write

    with atomic_write(path) as stream:  # an interrupted run leaves the old baseline whole
        stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return len(entries)
