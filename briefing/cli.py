"""The `briefing` command line. Each subcommand lives in `briefing.commands` and is imported
only when used, so `briefing check|print|search` never pay for (or import) Textual."""

from __future__ import annotations

import argparse
import importlib
import sys

from briefing import __version__
from briefing.loading.paths import ENV_VAR

# name -> (module under briefing.commands, one-line help)
COMMANDS = {
    "check": ("check", "validate a content folder and list every problem"),
    "print": ("print_summary", "print a one-page summary to hand out"),
    "search": ("search", "search the briefing from the command line"),
    "topics": ("topics", "list every topic's id and title (the ids `print --topics` takes)"),
    "add": ("add", "put a briefing on the shelf (linked, or copied with --copy)"),
    "list": ("list", "list the briefings of the library: title, dates, size, problems"),
    "new": ("new", "write a small briefing that passes `briefing check`, to start from"),
    "keys": ("keys", "list every key binding's id, keys and description (for keymap.toml)"),
}
#: Subcommands that read no content folder.
WITHOUT_CONTENT = {"keys", "add", "list", "new"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Get briefed fast: curated topics, every claim attributed to its outlet.",
        epilog=f"The content folder is --content, else ${ENV_VAR}, else the bundled briefing.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    _add_content_option(parser)
    parser.add_argument("--theme", metavar="NAME", help="a Textual theme, e.g. textual-light, nord")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=argparse.ArgumentParser)
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if name not in WITHOUT_CONTENT:
            _add_content_option(sub, default=argparse.SUPPRESS)
        _command_module(module_name).add_arguments(sub)
    return parser


def _add_content_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        default=default,
        help=f"content folder (default: ${ENV_VAR} or the bundled briefing)",
    )


def _command_module(module_name: str):
    return importlib.import_module(f"briefing.commands.{module_name}")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from briefing.commands import app

            return app.run(args)
        return _command_module(COMMANDS[args.command][0]).run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `briefing print | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return 0
