"""Throughput and start-up figures for scriptlint (prints a table; not a timed test).

    python benchmarks/bench.py                  # 20 MB corpus, all figures
    python benchmarks/bench.py --size-mb 5      # quicker
    python benchmarks/bench.py --memory-mb 200  # only: peak RSS of the CLI on a 200 MB batch

Characters are characters of utterance text (what jieba would segment), not JSON bytes.  The
naive baseline (jieba on every sentence, every pattern on every sentence, no prefilter) is slow,
so it runs on a sample of the corpus (``--naive-mb``) and its findings are compared with the
prefiltered path on the same sample.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus

CLEAN = "您好，我是XX银行信用卡中心的客服专员，工号A1024，本次通话将被录音。\n请问您方便安排还款吗？\n"
VIOLATING = "你再不还钱，我就去你单位找你领导，让你身败名裂！\n"


def texts_of(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [record["text"] for record in map(json.loads, handle) if "text" in record]


def timed(function):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def findings(reports) -> list:
    return [dataclasses.asdict(r) for report in reports for r in report.results]


def child(command: list[str], cwd: str | None = None) -> tuple[float, float, int]:
    """(wall s, peak RSS MB, exit status) of a command, measured in a fresh wrapper process."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "w = time.perf_counter() - t\n"
             "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, r.returncode)\n")
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, cwd=cwd,
                         check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "scriptlint.cli", "check", *args]


def memory_mode(size_mb: float, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "batch.jsonl"
        counts = write_corpus(path, size_mb)
        wall, rss, status = child(cli("--jobs", str(jobs), "--format", "json", "--exit-zero", str(path)))
        print(f"{size_mb:g} MB JSONL batch ({counts['calls']} calls, {counts['chars']:,} chars), --jobs {jobs}: "
              f"{wall:.1f} s wall, peak RSS {rss:.0f} MB (largest single process), exit {status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--naive-mb", type=float, default=0.5, help="sample size for the naive baseline")
    parser.add_argument("--memory-mb", type=float, default=None, help="only measure peak RSS on a batch this big")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.memory_mb:
        memory_mode(args.memory_mb, args.jobs)
        return

    from scriptlint import Linter, tokenize
    from scriptlint.normalize import normalize
    from scriptlint.parallel import lint_parallel
    from scriptlint.segment import sentences

    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        counts = write_corpus(corpus, args.size_mb)
        sample = Path(tmp) / "sample.jsonl"
        sample_counts = write_corpus(sample, args.naive_mb, seed=11)
        print(f"corpus: {counts['bytes'] / 1e6:.1f} MB JSONL, {counts['calls']:,} calls, {counts['utterances']:,} "
              f"utterances, {counts['chars']:,} characters of text, {counts['violating']} violating utterances "
              f"({counts['violating'] / counts['utterances']:.1%})")
        chars = counts["chars"]

        linter, build, _ = timed(Linter)
        print(f"Linter() (load and compile packs): {build:.2f} s")
        one, wall, cpu = timed(lambda: list(linter.lint_paths([str(corpus)])))
        rows.append(("scriptlint, 1 job", chars / wall, f"{wall:.1f} s wall, {cpu:.1f} s CPU"))
        rows.append(("scriptlint, 1 job (per CPU second)", chars / cpu, "unaffected by other load"))
        many, wall_n, _ = timed(lambda: list(lint_parallel(linter.batch([str(corpus)]), linter.options, args.jobs)))
        rows.append((f"scriptlint, --jobs {args.jobs}", chars / wall_n, f"{wall_n:.1f} s wall"))
        same_jobs = findings(one) == findings(many)

        # Naive: every pattern on every sentence (no prefilter) and jieba on every sentence.
        naive = Linter(prefilter=False)
        def run_naive():
            for text in texts_of(sample):
                normalised = normalize(text).text
                for start, end in sentences(normalised):
                    tokenize.tokens(normalised[start:end])
            return list(naive.lint_paths([str(sample)]))
        slow, wall_naive, _ = timed(run_naive)
        rows.append((f"naive baseline ({args.naive_mb:g} MB sample)", sample_counts["chars"] / wall_naive,
                     f"{wall_naive:.1f} s wall"))
        fast_sample = list(linter.lint_paths([str(sample)]))
        same_naive = findings(fast_sample) == findings(slow)

        import jieba

        jieba.initialize()
        all_text = texts_of(corpus)
        _, wall_jieba, _ = timed(lambda: [list(jieba.cut(t)) for t in all_text])
        rows.append(("plain jieba.cut", chars / wall_jieba, f"{wall_jieba:.1f} s wall"))

        print(f"\n{'':42} {'chars/s':>12}")
        for name, rate, note in rows:
            print(f"{name:42} {rate / 1e6:9.3f} M   {note}")
        rate = {name: value for name, value, _ in rows}
        print("\nratios:")
        print(f"  1 job / plain jieba.cut       {wall_jieba / wall:8.1f}x   (target >= 25x)")
        print(f"  1 job / naive baseline        {rate['scriptlint, 1 job'] / rows[3][1]:8.1f}x")
        print(f"  --jobs {args.jobs} / 1 job            {wall / wall_n:8.2f}x   (target >= 1.8x)")
        print(f"  findings identical: prefiltered vs unfiltered (sample) {same_naive}; "
              f"--jobs {args.jobs} vs 1 job {same_jobs}")

        # Anchors: what the prefilter spends its time on.
        prefilter = linter.engine.prefilter
        print(f"\nprefilter: {len(prefilter.slots)} patterns, {len(prefilter.anchors)} anchors, "
              f"{len(prefilter.screens)} screens, unanchored: "
              + (", ".join(prefilter.slots[n].rule.id for n in prefilter.unanchored) or "none"))
        joined = "\n".join(normalize(t).text for t in all_text[:200_000])
        hits: Counter[str] = Counter()
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for anchor in prefilter.anchors:
            automaton.add_word(anchor, anchor)
        automaton.make_automaton()
        for _end, anchor in automaton.iter(joined):
            hits[anchor] += 1
        print(f"anchor hits: {sum(hits.values()):,} in {len(joined):,} characters; most frequent:")
        for anchor, count in hits.most_common(10):
            rules = sorted({prefilter.slots[n].rule.id for n in prefilter.anchors[anchor]})
            print(f"  {anchor!r:14} {count:7,}  {', '.join(rules)}")

        # The CLI on one small file (what a pre-commit hook pays).
        print()
        for name, text in (("clean", CLEAN), ("violating", VIOLATING)):
            path = Path(tmp) / f"{name}.md"
            path.write_text(text, encoding="utf-8")
            wall, rss, status = child(cli(str(path)), cwd=tmp)
            print(f"CLI on one {name} small file: {wall:.2f} s wall, peak RSS {rss:.0f} MB, exit {status}")
        env_note = os.getloadavg()
        print(f"\nload average during the run: {env_note[0]:.2f} (on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
