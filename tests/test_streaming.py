"""The report formats are written as the batch goes (issue #6): same bytes as the whole-list form."""

import io
import json
import types

from scriptlint import Linter
from scriptlint.report import json_format, render


def _reports(tmp_path):
    (tmp_path / "a.md").write_text("你再不还钱，我就去你单位找你领导\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("您好，请问您方便安排还款吗？\n", encoding="utf-8")
    reports = list(Linter().lint_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md"), str(tmp_path / "no.md")]))
    assert any(r.error for r in reports) and any(res.findings for r in reports for res in r.results)
    return reports


def test_streamed_json_is_the_same_document_byte_for_byte(tmp_path):
    reports = _reports(tmp_path)
    groups = {"by": "agent", "groups": {"(unknown)": {"calls": 2, "findings": 1}}}
    for extra in ({}, {"groups": groups}):
        expected = json.dumps({**json_format.document(reports), **extra}, ensure_ascii=False, indent=2) + "\n"
        out = io.StringIO()
        render("json", iter(reports), out, mask=False, **extra)
        assert out.getvalue() == expected


def test_empty_batch_json(tmp_path):
    out = io.StringIO()
    render("json", iter([]), out, mask=False)
    assert out.getvalue() == json.dumps(json_format.document([]), ensure_ascii=False, indent=2) + "\n"


def test_writer_keeps_no_report(tmp_path):
    reports = _reports(tmp_path)
    writer = json_format.Writer(io.StringIO())
    for report in reports:
        writer.add(report)
    held = [value for value in vars(writer).values() if isinstance(value, list | types.GeneratorType)]
    assert held == []
