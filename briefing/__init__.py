"""briefing: a keyboard-first terminal briefing with every claim attributed."""

__version__ = "0.1.0"
