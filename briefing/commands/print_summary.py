"""`briefing print`: the one-page handout, as text (default), Markdown, HTML or PDF, or sent to a printer.

Exit 0 printed (even when topics were left out: stderr says which); 1 the printer (`lp`) refused
the job; 2 cannot run (content folder unreadable, unknown topic, unwritable output, a PDF for a
terminal, no `lp`). Never imports Textual.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.model import ContentError

PROG = "briefing print"
# Spelled out here so building the parser imports nothing heavy (a test keeps them in step
# with briefing.summary's own lists).
FORMATS = ("text", "markdown", "html", "pdf")
PAPER_NAMES = ("a4", "letter")
LP_TIMEOUT = 60  # seconds; `lp` only queues the job

EPILOG = """\
formats (each carries the same topics, key points and differences; only the
layout differs):
  text      the default: 76 columns x 58 lines, prints as is on one sheet
            of A4 or Letter with plain `lp` (briefing print | lp)
  markdown  for notes and chat
  html      to print from a browser (the PDF's layout and type sizes)
  pdf       the handout: one page, body 9 pt or larger; what --printer sends

examples:
  briefing print --printer                    the PDF to the default printer
  briefing print --printer office --paper letter
  briefing print --format pdf -o briefing.pdf
  briefing print --topics overview,energy-truce
  briefing topics                             every topic id, with its title
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="output format (default: text; see below which is for what)"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: stdout; a PDF needs -o or a pipe)"
    )
    parser.add_argument("--paper", choices=PAPER_NAMES, default="a4", help="paper size for pdf/html (default: a4)")
    parser.add_argument(
        "--topics",
        metavar="IDS",
        help="comma-separated topic ids to include, in this order (e.g. overview,energy-truce; "
        "`briefing topics` lists them)",
    )
    parser.add_argument(
        "--printer",
        nargs="?",
        const="",
        metavar="NAME",
        help="send the one-page PDF to the printer NAME with `lp` (the default printer without NAME)",
    )


def _fail(message: str, code: int = 2) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from briefing.commands.content import open_content
    from briefing.summary import UnknownTopicError, make_handout

    printer = args.printer
    if printer is not None and args.format not in (None, "pdf"):
        return _fail(f"--printer sends the PDF; drop --format {args.format}")
    fmt = "pdf" if printer is not None else args.format or "text"
    topic_ids = None
    if args.topics is not None:
        topic_ids = [topic_id.strip() for topic_id in args.topics.split(",") if topic_id.strip()]
        if not topic_ids:
            return _fail("--topics needs at least one topic id, e.g. overview,energy-truce (see `briefing topics`)")
    to_stdout = printer is None and args.output in (None, "-")
    if fmt == "pdf" and to_stdout and sys.stdout.isatty():
        return _fail("a PDF is binary and stdout is a terminal: use -o FILE, --printer, or a pipe")
    lp = None
    if printer is not None and (lp := shutil.which("lp")) is None:
        return _fail("lp not found: install CUPS, or write the PDF with -o FILE and print it yourself")
    try:
        briefing, _store = open_content(args, PROG)
    except ContentError as exc:
        return _fail(str(exc))
    try:
        handout = make_handout(briefing, fmt, args.paper, topic_ids)
    except UnknownTopicError as exc:
        return _fail(str(exc))
    if not to_stdout and lp is None:
        # The file first: a write that fails says so alone, not after what selecting cut.
        try:
            write_atomic(Path(args.output).expanduser(), handout.data)
        except OSError as exc:
            return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    if problems := len(briefing.problems):
        print(f"{problems} problem{'s' * (problems != 1)} in content; run `briefing check`", file=sys.stderr)
    for note in handout.notes:
        print(f"{PROG}: {note}", file=sys.stderr)
    if to_stdout:
        _write_stdout(handout.data)
    elif lp is not None:
        return _send_to_printer(lp, printer or "", handout.data, args.output)
    return 0


def _send_to_printer(lp: str, printer: str, data: bytes, keep_as: str | None) -> int:
    """`lp [-d PRINTER] FILE`, with a list of arguments (never a shell); the PDF is kept at
    `keep_as` when given, else written to a temporary file for the call."""
    with tempfile.TemporaryDirectory(prefix="briefing-print-") as scratch:
        path = Path(keep_as).expanduser() if keep_as not in (None, "-") else Path(scratch) / "briefing-summary.pdf"
        try:
            write_atomic(path, data)
        except OSError as exc:
            return _fail(f"cannot write {path}: {exc.strerror or exc}")
        command = [lp, *(["-d", printer] if printer else []), str(path)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=LP_TIMEOUT, check=False)
        except OSError as exc:
            return _fail(f"cannot run lp: {exc.strerror or exc}")
        except subprocess.TimeoutExpired:
            return _fail(f"lp did not answer within {LP_TIMEOUT} s; the job may not have been queued", 1)
    if done.returncode != 0:
        said = " ".join(done.stderr.split()) or f"exit status {done.returncode}"
        return _fail(f"lp refused the job: {said}", 1)
    queued = " ".join(done.stdout.split())
    where = f"printer {printer}" if printer else "the default printer"
    print(f"{PROG}: sent to {where}" + (f" ({queued})" if queued else ""), file=sys.stderr)
    return 0


def _write_stdout(data: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:  # stdout replaced by a text stream (tests, embedding)
        sys.stdout.write(data.decode("utf-8", errors="replace"))
