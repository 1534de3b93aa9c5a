"""Checks that go beyond loading: does the briefing still say what its outlets said?

Pure logic, no Textual: `briefing check --against DIR` uses it, and so can anything else.
"""

from briefing.checking.against import AgainstError, check_against

__all__ = ["AgainstError", "check_against"]
