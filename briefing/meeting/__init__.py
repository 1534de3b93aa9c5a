"""The meeting tools' pure core: a claim with its citation for the clipboard, and every figure and
every quotation of a briefing, found in the claims themselves. No Textual here."""
