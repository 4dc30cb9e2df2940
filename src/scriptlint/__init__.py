"""scriptlint: a compliance linter for Chinese debt-collection scripts and call transcripts.

Data flow (one module each): documents → normalize → segment → tokenize → matchers → context
→ postprocess → scoring → report.  The public API lives in :mod:`scriptlint.api`.
"""

from scriptlint.api import Linter, lint_paths, lint_text, load_packs

__version__ = "0.1.0"
__all__ = ["Linter", "__version__", "lint_paths", "lint_text", "load_packs"]
