"""Fuzz ``scriptlint check`` through its click entry point, in-process.

    python tests/robustness/fuzz_cli.py --count 100000 [--seed 1] [--timeout 10] [--save DIR]

Each input is generated from its own seed (``seed + i``), so any failure can be replayed with
``--seed S --start I --count 1``.  Inputs: random bytes, random text (Chinese, rule trigger
phrases, full-width and traditional characters, evasion noise, zero-width characters), Markdown
with suppression directives, JSON / JSONL / CSV / YAML libraries and transcripts built from the
field names the readers accept, SRT / WebVTT and role-prefixed transcripts; a third of them are
then mutated byte-wise (flips, truncation, splices), and each is encoded as UTF-8, GB18030 or
UTF-16.  They reach the CLI as a file with a matching suffix or on standard input, with a random
output format and options (``--output``, ``--group-by``, ``--statistics``, ``--profile``).

A run fails on: an exception out of the CLI, a traceback on stderr, an exit status other than
0/1/2, an input that takes longer than ``--timeout`` seconds (SIGALRM), unparsable JSON / SARIF /
JUnit / JSONL output, or a planted ID-card, bank-card or mobile number appearing unmasked in
stdout, stderr or the ``--output`` file.

The rule packs are loaded and compiled once per profile (``Linter`` construction is cached);
everything else — option parsing, configuration, reading, batching, linting, rendering, exit
status — is the real CLI code path.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import string
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from scriptlint import api
from scriptlint.cli import main
from scriptlint.documents.library import ID_FIELDS, LIST_KEYS, TEXT_FIELDS
from scriptlint.packs import load_packs
from scriptlint.transcripts.call import CALL_FIELDS
from scriptlint.transcripts.records import BEGIN_KEYS, CALL_LIST_KEYS, END_KEYS, ROLE_KEYS, TEXT_KEYS, TURN_LIST_KEYS

# -- personal numbers to plant ------------------------------------------------------------------
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def cn_id(rng: random.Random) -> str:
    body = (f"{rng.randint(110000, 659000)}{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}"
            f"{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}")
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def bank_card(rng: random.Random) -> str:
    body = "62" + "".join(rng.choice(string.digits) for _ in range(rng.choice((13, 14, 16))))
    total = 0
    for i, digit in enumerate(reversed(body)):
        value = int(digit) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


def mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice(string.digits) for _ in range(9))


# -- text material ------------------------------------------------------------------------------
COMMON = ("您好请尽快还款我们是银行信用卡中心的工作人员关于您的账单已经逾期天了希望能够协商一个还款计划谢谢配合"
          "你再不还钱就去单位找领导家人朋友老赖法院起诉坐牢通讯录曝光網絡銀行還錢欠款律师函")
NOISE = " \t*.-_~·•#@+|/\\^`'\"\u200b\u200d\ufeff\u00ad"
PUNCT = "，。！？；：、,.!?;:…“”‘’（）()【】[]《》<>"
WIDE = "ＡＢＣａｂｃ０１２３４５６７８９！？，　"
ROLE_LABELS = ("坐席", "客户", "催收员", "A", "B", "agent", "debtor", "系统", "第三方", "客户家属", "未知", "")
EXOTIC = "\U0001f600\u202e\u0301\ud7ff\ue000\U00020000\x7f\x1b[31m\r"


@dataclass
class Material:
    triggers: list[str]


@dataclass
class Sample:
    suffix: str  # ".txt", ".jsonl" …; "-" for standard input
    data: bytes
    planted: list[str] = field(default_factory=list)


def _sentence(rng: random.Random, material: Material, planted: list[str]) -> str:
    pieces: list[str] = []
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        if roll < 0.3:
            pieces.append(rng.choice(material.triggers))
        elif roll < 0.4:
            number = rng.choice((cn_id, bank_card, mobile))(rng)
            planted.append(number)
            # a number glued to other digits is another number: plant it between non-digits
            before, after = rng.choice(("身份证", "卡号", "电话", " ", "：", "，")), rng.choice(("。", " ", "，"))
            pieces.append(before + number + after)
        elif roll < 0.55:
            word = "".join(rng.choice(COMMON) for _ in range(rng.randint(1, 8)))
            pieces.append(rng.choice(NOISE).join(word) if rng.random() < 0.3 else word)
        elif roll < 0.65:
            pieces.append("".join(rng.choice(WIDE) for _ in range(rng.randint(1, 5))))
        elif roll < 0.7:
            pieces.append("".join(rng.choice(EXOTIC) for _ in range(rng.randint(1, 3))))
        elif roll < 0.8:
            pieces.append("".join(rng.choice(string.printable) for _ in range(rng.randint(1, 12))))
        else:
            pieces.append("".join(rng.choice(COMMON + PUNCT) for _ in range(rng.randint(1, 20))))
    return "".join(pieces) + rng.choice(("。", "！", "？", "", "\n", "…", "；"))


def gen_text(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    text = "".join(_sentence(rng, material, planted) for _ in range(rng.randint(0, 12)))
    return rng.choice((".txt", ".md", ".text", ".rst", "-")), text


def gen_markdown(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    lines = []
    for _ in range(rng.randint(1, 15)):
        roll = rng.random()
        if roll < 0.2:
            lines.append("#" * rng.randint(1, 4) + " " + _sentence(rng, material, planted))
        elif roll < 0.35:
            action = rng.choice(("disable", "enable", "disable-next-line", "disable-line", "counter-example-start",
                                 "counter-example-end", "bogus"))
            rule = rng.choice(("THREAT-001", "THREAT", "ALL", "NOPE-999", ""))
            reason = rng.choice(("", " -- 反面教材", " —— 培训", " --"))
            lines.append(rng.choice((f"<!-- scriptlint-{action} {rule}{reason} -->", f"# scriptlint: {action} {rule}")))
        elif roll < 0.45:
            lines.append("```\n" + _sentence(rng, material, planted) + "\n```")
        else:
            lines.append(rng.choice(("", "- ", "> ", "1. ")) + _sentence(rng, material, planted))
    return ".md", "\n".join(lines)


def _scalar(rng: random.Random, material: Material, planted: list[str]) -> Any:
    roll = rng.random()
    if roll < 0.45:
        return _sentence(rng, material, planted)
    if roll < 0.6:
        return rng.choice((0, -1, 1, 2300, 10**6, 10**13, 2**63, 1e400, -1e400, 0.5, 1e-9, 17_000_000_000_000))
    if roll < 0.7:
        return rng.choice(("2026-03-02 21:59:00+08:00", "2026-03-02T22:30:00", "1709390000", "1709390000000",
                           "9999-12-31T23:59:59", "0001-01-01", "not a date", "", "00:01:02.5", "12:34", "-5"))
    if roll < 0.8:
        return rng.choice((True, False, None))
    if roll < 0.9:
        number = rng.choice((cn_id, bank_card, mobile))(rng)
        planted.append(number)
        return number
    return rng.choice(ROLE_LABELS)


def _keys() -> list[str]:
    names = [*ROLE_KEYS, *TEXT_KEYS, *BEGIN_KEYS, *END_KEYS, *TURN_LIST_KEYS, *CALL_LIST_KEYS, *ID_FIELDS,
             *TEXT_FIELDS, *LIST_KEYS, "type", "call", "meta"]
    for spellings in CALL_FIELDS.values():
        names.extend(spellings)
    return names


KEYS = _keys()


def _value(rng: random.Random, material: Material, planted: list[str], depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 4 or roll < 0.5:
        return _scalar(rng, material, planted)
    if roll < 0.75:
        return {rng.choice(KEYS): _value(rng, material, planted, depth + 1) for _ in range(rng.randint(0, 6))}
    return [_value(rng, material, planted, depth + 1) for _ in range(rng.randint(0, 5))]


def _utterance(rng: random.Random, material: Material, planted: list[str], call_id: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {rng.choice(ROLE_KEYS[:3]): rng.choice(ROLE_LABELS),
                              rng.choice(TEXT_KEYS[:3]): _sentence(rng, material, planted)}
    if rng.random() < 0.7:
        begin = rng.randint(0, 600_000)
        record["begin"], record["end"] = begin, begin + rng.randint(-100, 20_000)
    if call_id is not None:
        record["call_id"] = call_id
    if rng.random() < 0.2:
        record[rng.choice(KEYS)] = _scalar(rng, material, planted)
    return record


def _call(rng: random.Random, material: Material, planted: list[str]) -> dict[str, Any]:
    call: dict[str, Any] = {"call_id": rng.choice((f"C{rng.randint(0, 99)}", mobile(rng), str(rng.randint(0, 10**18))))}
    if call["call_id"][0] == "1" and len(call["call_id"]) == 11:
        planted.append(call["call_id"])
    for name in rng.sample(list(CALL_FIELDS), rng.randint(0, 5)):
        call[rng.choice(CALL_FIELDS[name])] = _scalar(rng, material, planted)
    turns: list[Any] = [_utterance(rng, material, planted, None) for _ in range(rng.randint(0, 6))]
    if rng.random() < 0.2:
        turns.append([rng.choice(ROLE_LABELS), _sentence(rng, material, planted)])
    call[rng.choice(TURN_LIST_KEYS[:4])] = turns
    return call


def gen_json(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.25:
        data: Any = _call(rng, material, planted)
    elif roll < 0.45:
        data = {rng.choice(CALL_LIST_KEYS): [_call(rng, material, planted) for _ in range(rng.randint(0, 4))]}
    elif roll < 0.65:
        data = [{rng.choice(ID_FIELDS): _scalar(rng, material, planted),
                 rng.choice(TEXT_FIELDS): _sentence(rng, material, planted)} for _ in range(rng.randint(0, 6))]
        if rng.random() < 0.5:
            data = {rng.choice(LIST_KEYS): data}
    else:
        data = _value(rng, material, planted)
    text = json.dumps(data, ensure_ascii=rng.random() < 0.3, indent=rng.choice((None, 2)))
    if rng.random() < 0.05:  # deep nesting
        depth = rng.choice((63, 65, 1000, 20_000))
        text = "[" * depth + text + "]" * depth
    return rng.choice((".json", ".json", ".txt", "-")), text


def gen_jsonl(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    lines = []
    call_id = "C0"
    for _ in range(rng.randint(0, 20)):
        roll = rng.random()
        if roll < 0.1:
            call_id = f"C{rng.randint(0, 5)}"
            lines.append(json.dumps({"type": "call", "call_id": call_id,
                                     rng.choice(CALL_FIELDS["start"]): _scalar(rng, material, planted)},
                                    ensure_ascii=False))
        elif roll < 0.2:
            lines.append(json.dumps(_call(rng, material, planted), ensure_ascii=False))
        elif roll < 0.25:
            lines.append(json.dumps(_value(rng, material, planted), ensure_ascii=False))
        elif roll < 0.3:
            lines.append(rng.choice(("", "{", "[1,2", '{"call_id": "C9", "role": "坐席", "text": "', "null", "\"x\"")))
        elif roll < 0.38:
            lines.append(json.dumps({rng.choice(ID_FIELDS): str(rng.randint(1, 99)),
                                     rng.choice(TEXT_FIELDS): _sentence(rng, material, planted)}, ensure_ascii=False))
        else:
            if rng.random() < 0.15:
                call_id = f"C{rng.randint(0, 5)}"
            lines.append(json.dumps(_utterance(rng, material, planted, call_id), ensure_ascii=False))
    return rng.choice((".jsonl", ".jsonl", ".ndjson", ".txt", "-")), rng.choice(("\n", "\r\n")).join(lines)


def gen_csv(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    import csv
    import io

    columns = rng.sample([*ID_FIELDS, *TEXT_FIELDS, "note", "备注", ""], rng.randint(0, 4))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=rng.choice((",", ",", "\t")), quoting=rng.choice((0, 1, 2, 3)),
                        escapechar="\\")
    rows = [columns] + [[_scalar(rng, material, planted) for _ in range(rng.randint(0, len(columns) + 2))]
                        for _ in range(rng.randint(0, 8))]
    for row in rows:
        try:
            writer.writerow(row)
        except csv.Error:  # a row QUOTE_NONE cannot write
            continue
    text = buffer.getvalue()
    if rng.random() < 0.1:
        text += '"unterminated,' + _sentence(rng, material, planted)
    return rng.choice((".csv", ".tsv")), text


def gen_yaml(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.6:
        entries = [{rng.choice(ID_FIELDS): _scalar(rng, material, planted),
                    rng.choice(TEXT_FIELDS): _sentence(rng, material, planted)} for _ in range(rng.randint(0, 6))]
        data: Any = {rng.choice(LIST_KEYS): entries} if rng.random() < 0.6 else entries
        text = yaml.safe_dump(data, allow_unicode=rng.random() < 0.7, default_flow_style=rng.random() < 0.3)
    elif roll < 0.8:
        text = yaml.safe_dump(_value(rng, material, planted), allow_unicode=True)
    else:
        text = rng.choice((
            "!!python/object/apply:os.system ['echo pwned']\n",
            "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nscripts: [*c, *c, *c, *c]\n",
            "[" * rng.choice((10, 70, 5000)) + "x",
            "key: value\n  bad indent: [\n",
            f"scripts:\n  - id: 1\n    text: |\n      {_sentence(rng, material, planted)}\n  - id: 1\n    text: x\n",
            "? [complex, key]\n: value\n",
            "--- a\n--- b\n",
            "scripts: !!binary aGVsbG8=\n",
        ))
    return rng.choice((".yaml", ".yml")), text


def _stamp(rng: random.Random, srt: bool) -> str:
    def clock() -> str:
        ms = rng.randint(0, 4_000_000)
        sep = "," if srt else "."
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"

    return rng.choice((f"{clock()} --> {clock()}", "garbage --> 00:00", "99:99:99,999 --> 1", "00:00:01,000"))


def gen_subtitles(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    vtt = rng.random() < 0.5
    blocks = ["WEBVTT"] if vtt else []
    if rng.random() < 0.3:
        blocks.append(("NOTE " if vtt else "# ") + f"call_id: {rng.choice(('C1', mobile(rng)))}")
    for number in range(1, rng.randint(1, 8)):
        label = rng.choice(ROLE_LABELS)
        prefix = rng.choice((f"{label}：", f"{label}: ", f"[{label}] ", f"<v {label}>", ""))
        blocks.append("\n".join(filter(None, (None if vtt else str(number), _stamp(rng, not vtt),
                                              prefix + _sentence(rng, material, planted)))))
    return (".vtt" if vtt else ".srt"), "\n\n".join(blocks) + "\n"


def gen_text_transcript(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, str]:
    lines = []
    for _ in range(rng.randint(1, 15)):
        roll = rng.random()
        if roll < 0.15:
            name = rng.choice(list(CALL_FIELDS))
            lines.append(f"# {rng.choice(CALL_FIELDS[name])}: {_scalar(rng, material, planted)}")
        else:
            stamp = rng.choice(("", "[00:00:01] ", "[00:01-00:05] ", "[bad] ", "[12:34:56.789 --> 12:35:00] "))
            colon = rng.choice(("：", ":", ""))
            lines.append(f"{stamp}{rng.choice(ROLE_LABELS)}{colon}{_sentence(rng, material, planted)}")
    return rng.choice((".txt", ".txt", "", "-")), "\n".join(lines)


def gen_bytes(rng: random.Random, material: Material, planted: list[str]) -> tuple[str, bytes]:
    size = rng.choice((0, 1, 2, 3, 16, 200, 3000))
    data = bytes(rng.getrandbits(8) for _ in range(size))
    if rng.random() < 0.5:
        data = data.replace(b"\x00", b"")
    return rng.choice((".txt", ".md", ".json", ".jsonl", ".csv", ".yaml", ".srt", ".vtt", "-")), data


GENERATORS: list[tuple[float, Callable[..., tuple[str, Any]]]] = [
    (0.12, gen_bytes), (0.16, gen_text), (0.08, gen_markdown), (0.16, gen_json), (0.16, gen_jsonl),
    (0.08, gen_csv), (0.08, gen_yaml), (0.08, gen_subtitles), (0.08, gen_text_transcript),
]


def _encode(rng: random.Random, text: str) -> bytes:
    roll = rng.random()
    if roll < 0.8:
        data = text.encode("utf-8", "surrogatepass")
        return (b"\xef\xbb\xbf" + data) if rng.random() < 0.05 else data
    if roll < 0.93:
        return text.encode("gb18030", "replace")
    return text.encode(rng.choice(("utf-16", "utf-16-le")), "surrogatepass")


def _mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        roll = rng.random()
        if roll < 0.3 and out:
            out[rng.randrange(len(out))] = rng.getrandbits(8)
        elif roll < 0.5 and out:
            del out[rng.randrange(len(out)):]
        elif roll < 0.7:
            position = rng.randrange(len(out) + 1)
            out[position:position] = rng.choice((b"\x00", b"\xff\xfe", b"\n", b"{", b"]", b'"', b"\\", b"\xe4\xbd",
                                                 b"\r\n", b"\t", "坐席：".encode(), b"-->", b"#"))
        elif out:
            start = rng.randrange(len(out))
            piece = out[start:start + rng.randint(1, 64)]
            position = rng.randrange(len(out) + 1)
            out[position:position] = piece * rng.randint(1, 4)
    return bytes(out)


def generate(seed: int, material: Material) -> Sample:
    rng = random.Random(seed)
    planted: list[str] = []
    weights = [w for w, _g in GENERATORS]
    generator = rng.choices([g for _w, g in GENERATORS], weights)[0]
    suffix, content = generator(rng, material, planted)
    data = content if isinstance(content, bytes) else _encode(rng, content)
    if generator is not gen_bytes and rng.random() < 0.3:
        data = _mutate(rng, data)
    return Sample(suffix, data, planted)


# -- running ------------------------------------------------------------------------------------
class Hang(BaseException):
    """Raised by SIGALRM; a BaseException so that no ``except Exception`` in the code swallows it."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(_signum: int, _frame: Any) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_REAL_LINTER = api.Linter
_LINTERS: dict[tuple, Any] = {}
_OUTPUT_ONLY = frozenset({"format", "fail-on", "fail-under", "mask-pii", "skip-non-scripts", "baseline"})


def _cached_linter(*args: Any, **kwargs: Any) -> Any:
    """Packs are compiled once per profile; runs with a baseline or positional arguments are real."""
    if args or kwargs.get("baseline") is not None or kwargs.get("config") is None:
        return _REAL_LINTER(*args, **kwargs)
    config = kwargs["config"]
    settings = {k: v for k, v in config.values.items() if k not in _OUTPUT_ONLY}
    key = (tuple(map(str, kwargs.get("packs", ()))), kwargs.get("builtin", True), kwargs.get("profile"),
           tuple(sorted((kwargs.get("role_aliases") or {}).items())), repr(sorted(settings.items())), config.root)
    if key not in _LINTERS:
        _LINTERS[key] = _REAL_LINTER(*args, **kwargs)
    return _LINTERS[key]


@contextmanager
def cached_linters() -> Iterator[None]:
    api.Linter = _cached_linter  # type: ignore[misc]
    try:
        yield
    finally:
        api.Linter = _REAL_LINTER  # type: ignore[misc]


def material() -> Material:
    triggers = [text for rule in load_packs().rules for text in rule.fire]
    return Material(triggers or ["你这个老赖"])


def _options(rng: random.Random, workdir: Path) -> tuple[list[str], Path | None]:
    args = ["check", "--isolated", "--format", rng.choice(("text", "json", "sarif", "junit", "github"))]
    if "jobs" in {p.name for p in main.commands["check"].params}:
        args += ["--jobs", "1"]  # in-process: no worker pool per input
    output = None
    if rng.random() < 0.3:
        output = workdir / "out.jsonl"
        args += ["--output", str(output)]
    if rng.random() < 0.2:
        args += ["--group-by", rng.choice(("agent", "team", "day"))]
    if rng.random() < 0.1:
        args += ["--statistics"]
    if rng.random() < 0.2:
        args += ["--profile", "fdcpa"]
    if rng.random() < 0.1:
        args += ["--fail-under", "80", "--no-scores"]
    return args, output


@dataclass
class Outcome:
    kind: str  # ok | crash | traceback | status | hang | output | pii
    detail: str = ""
    exit_code: int | None = None


def run_one(seed: int, material: Material, runner: CliRunner, workdir: Path, timeout: float) -> tuple[Outcome, Sample,
                                                                                                      list[str]]:
    sample = generate(seed, material)
    rng = random.Random(seed ^ 0x5EED)
    args, output = _options(rng, workdir)
    for stale in workdir.iterdir():
        stale.unlink()
    stdin = None
    if sample.suffix == "-":
        args.append("-")
        stdin = sample.data
    else:
        path = workdir / f"input{sample.suffix}"
        path.write_bytes(sample.data)
        args.append(str(path))
    try:
        with time_limit(timeout):
            result = runner.invoke(main, args, input=stdin, catch_exceptions=True)
    except Hang:
        return Outcome("hang", f"over {timeout:g} s"), sample, args
    fmt = args[args.index("--format") + 1]
    if "--statistics" in args:
        fmt = "json" if fmt == "json" else "text"
    return check_result(result, sample, output, fmt), sample, args


def check_result(result: Any, sample: Sample, output: Path | None, output_format: str) -> Outcome:
    code = result.exit_code
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(result.exception))
        return Outcome("crash", trace[-1500:], code)
    stdout, stderr = result.stdout, result.stderr
    if "Traceback" in stderr:
        return Outcome("traceback", stderr[-1500:], code)
    if code not in (0, 1, 2):
        return Outcome("status", f"exit status {code}", code)
    written = output.read_text(encoding="utf-8") if output is not None and output.exists() else ""
    problem = _parse_problem(output_format, stdout)
    for line in written.splitlines():
        try:
            json.loads(line)
        except json.JSONDecodeError:
            return Outcome("output", f"--output line is not JSON: {line[:200]!r}", code)
    if problem:
        return Outcome("output", problem, code)
    for number in sample.planted:
        for where, text in (("stdout", stdout), ("stderr", stderr), ("--output", written)):
            if number in text:
                return Outcome("pii", f"{number[:3]}… unmasked in {where}", code)
    return Outcome("ok", exit_code=code)


def _parse_problem(output_format: str, stdout: str) -> str | None:
    try:
        if output_format in ("json", "sarif"):
            json.loads(stdout)
        elif output_format == "junit":
            ET.fromstring(stdout.split("\n", 1)[1] if stdout.startswith("<?xml") else stdout)
    except (json.JSONDecodeError, ET.ParseError, IndexError) as err:
        return f"{output_format} output does not parse: {err}"
    return None


def fuzz(count: int, seed: int = 1, start: int = 0, timeout: float = 10.0, save: Path | None = None,
         progress: bool = False) -> dict[str, Any]:
    """Run ``count`` inputs; returns counts per outcome kind, failures (first 50) and timing."""
    stuff = material()
    runner = CliRunner()
    kinds: Counter[str] = Counter()
    exits: Counter[int] = Counter()
    failures: list[dict[str, Any]] = []
    slowest = (0.0, -1)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="scriptlint-fuzz-") as tmp, cached_linters():
        workdir = Path(tmp)
        for i in range(start, start + count):
            t0 = time.perf_counter()
            outcome, sample, args = run_one(seed + i, stuff, runner, workdir, timeout)
            elapsed = time.perf_counter() - t0
            slowest = max(slowest, (elapsed, seed + i))
            kinds[outcome.kind] += 1
            if outcome.exit_code is not None:
                exits[outcome.exit_code] += 1
            if outcome.kind != "ok":
                failure = {"seed": seed + i, "kind": outcome.kind, "detail": outcome.detail, "args": args[:-1],
                           "suffix": sample.suffix}
                if len(failures) < 50:
                    failures.append(failure)
                if save is not None:
                    save.mkdir(parents=True, exist_ok=True)
                    (save / f"{seed + i}{sample.suffix if sample.suffix != '-' else '.stdin'}").write_bytes(sample.data)
                    with open(save / "failures.jsonl", "a", encoding="utf-8") as log:
                        log.write(json.dumps(failure, ensure_ascii=False) + "\n")
            if progress and (i - start + 1) % 1000 == 0:
                rate = (i - start + 1) / (time.perf_counter() - began)
                print(f"{i - start + 1:,} inputs, {rate:,.0f}/s, {dict(kinds)}", file=sys.stderr, flush=True)
    return {"count": count, "seconds": round(time.perf_counter() - began, 1), "outcomes": dict(kinds),
            "exit_status": dict(sorted(exits.items())), "slowest": {"seconds": round(slowest[0], 3),
                                                                    "seed": slowest[1]},
            "failures": failures}


def main_cli(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input before it counts as a hang")
    parser.add_argument("--save", type=Path, default=None, help="write failing inputs and a failures.jsonl here")
    options = parser.parse_args(argv)
    summary = fuzz(options.count, options.seed, options.start, options.timeout, options.save, progress=True)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0 if set(summary["outcomes"]) <= {"ok"} else 1


if __name__ == "__main__":
    os.environ.setdefault("COLUMNS", "120")
    sys.exit(main_cli())
