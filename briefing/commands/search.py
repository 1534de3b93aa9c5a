"""Placeholder: reserved subcommand, implemented in its own issue."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    print("briefing: this command is not available yet", file=sys.stderr)
    return 2
