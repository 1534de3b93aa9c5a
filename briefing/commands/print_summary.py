"""`briefing print`: a one-page summary to hand out, as text (default), Markdown, HTML or PDF.

Exit 0 printed (even when shortened: stderr says what), 2 cannot run (content folder unreadable,
unknown topic, unwritable output, a PDF for a terminal). Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.model import ContentError

PROG = "briefing print"
# Spelled out here so building the parser imports nothing heavy (a test keeps them in step
# with briefing.summary's own lists).
FORMATS = ("text", "markdown", "html", "pdf")
PAPER_NAMES = ("a4", "letter")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text, 80 columns x 60 lines)"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (default: stdout; a PDF needs -o or a pipe)"
    )
    parser.add_argument("--paper", choices=PAPER_NAMES, default="a4", help="paper size for pdf/html (default: a4)")
    parser.add_argument(
        "--topics", metavar="IDS", help="comma-separated topic ids to include, in this order (e.g. overview,energy)"
    )


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from briefing.commands.content import open_content
    from briefing.summary import UnknownTopicError, make_handout

    topic_ids = None
    if args.topics is not None:
        topic_ids = [topic_id.strip() for topic_id in args.topics.split(",") if topic_id.strip()]
        if not topic_ids:
            return _fail("--topics needs at least one topic id, e.g. --topics overview,energy")
    to_stdout = args.output in (None, "-")
    if args.format == "pdf" and to_stdout and sys.stdout.isatty():
        return _fail("a PDF is binary and stdout is a terminal: use -o FILE (or pipe it)")
    try:
        briefing, _store = open_content(args, PROG)
    except ContentError as exc:
        return _fail(str(exc))
    try:
        handout = make_handout(briefing, args.format, args.paper, topic_ids)
    except UnknownTopicError as exc:
        return _fail(str(exc))
    if problems := len(briefing.problems):
        print(f"{problems} problem{'s' * (problems != 1)} in content; run `briefing check`", file=sys.stderr)
    for action in handout.actions:
        print(f"{PROG}: {action}", file=sys.stderr)
    if to_stdout:
        _write_stdout(handout.data)
        return 0
    try:
        Path(args.output).expanduser().write_bytes(handout.data)
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}")
    return 0


def _write_stdout(data: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:  # stdout replaced by a text stream (tests, embedding)
        sys.stdout.write(data.decode("utf-8", errors="replace"))
