"""A realistic JSONL transcript corpus for the benchmark, built from ``corpora/``.

Calls look like the bundled transcripts: a header line (``"type": "call"``) and then one utterance
per line.  Agent turns are compliant lines (the bundled calls' agent turns and the compliant lines
of ``corpora/labelled/corpus.jsonl``); a few percent are violating lines of the labelled corpus.
Debtor turns come from the bundled calls and from compliant corpus lines.  Generation is seeded,
so two runs with the same size build the same corpus.

Only ``corpus.jsonl`` of the labelled corpus is read (never the held-out set).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
LABELS = {"agent": "坐席", "debtor": "客户", "third_party": "第三方", "system": "系统"}


@dataclass
class Pools:
    openings: list[str]
    agent_ok: list[str]
    debtor: list[str]
    violating: list[str]


def load_pools() -> Pools:
    from scriptlint.errors import InputError
    from scriptlint.transcripts import open_calls

    openings: list[str] = []
    agent_ok: list[str] = []
    debtor: list[str] = []
    for path in sorted((CORPORA / "transcripts").iterdir()):
        source = open_calls(str(path))
        if source is None:
            continue
        for call in source:
            if isinstance(call, InputError):
                continue
            agent_turns = [t.text for t in call.turns if t.role == "agent"]
            # Openings (自报家门 …) from calls whose expected findings are none.
            if agent_turns and path.name in ("compliant_calls.jsonl", "compliant_call.srt", "debtor_hostility.vtt"):
                openings.append(agent_turns[0])
                agent_ok.extend(agent_turns[1:])
            debtor.extend(t.text for t in call.turns if t.role == "debtor" and path.name != "debtor_hostility.vtt")
    violating: list[str] = []
    with open(CORPORA / "labelled" / "corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            (violating if record["label"] == "violating" else agent_ok).append(record["text"])
    debtor.extend(["好的。", "嗯，知道了。", "我这个月手头紧，下个月一定还。", "你们能不能宽限几天？",
                   "我已经在App上还了一部分了。", "好，我晚上再看一下账单。"])
    return Pools(openings, agent_ok, debtor, violating)


def write_corpus(path: Path, size_mb: float, violating_share: float = 0.03, seed: int = 7) -> dict[str, int]:
    """Write calls to ``path`` until it holds ``size_mb`` MB; return counts (bytes, calls, utterances,
    text characters, violating utterances)."""
    pools = load_pools()
    rng = random.Random(seed)
    limit = int(size_mb * 1_000_000)
    day = datetime(2026, 3, 2, 9, 0)
    counts = {"bytes": 0, "calls": 0, "utterances": 0, "chars": 0, "violating": 0}
    with open(path, "w", encoding="utf-8") as out:
        while counts["bytes"] < limit:
            number = counts["calls"]
            start = day + timedelta(days=number // 40000, seconds=(number % 40000) * 1)
            header = {"type": "call", "call_id": f"B{number:07d}", "agent_id": f"A{rng.randrange(1000, 1400)}",
                      "agent_name": "坐席", "team": f"{rng.randrange(1, 9)}组", "debtor_id": f"D{number:07d}",
                      "number": f"1{rng.randrange(3, 9)}{number:09d}", "start": start.isoformat() + "+08:00",
                      "direction": "outbound", "connected": True}
            lines = [json.dumps(header, ensure_ascii=False)]
            clock = 0
            turns = rng.randrange(8, 17)
            for turn in range(turns):
                role = "agent" if turn % 2 == 0 else "debtor"
                if turn == 0:
                    text = rng.choice(pools.openings)
                elif role == "agent" and rng.random() < violating_share:
                    text = rng.choice(pools.violating)
                    counts["violating"] += 1
                else:
                    text = rng.choice(pools.agent_ok if role == "agent" else pools.debtor)
                length = len(text) * 180
                lines.append(json.dumps({"call_id": header["call_id"], "role": LABELS[role], "text": text,
                                         "begin": clock, "end": clock + length}, ensure_ascii=False))
                clock += length + 200
                counts["utterances"] += 1
                counts["chars"] += len(text)
            block = "\n".join(lines) + "\n"
            out.write(block)
            counts["bytes"] += len(block.encode("utf-8"))
            counts["calls"] += 1
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--size-mb", type=float, default=20)
    args = parser.parse_args()
    print(write_corpus(args.output, args.size_mb))
