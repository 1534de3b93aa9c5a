"""From content files to the model: reading and sanitising, front matter, Markdown, validation,
and where the content folder is. No Textual here.

Nothing is imported eagerly: `briefing --help` needs `paths` alone, and must not pay for the
Markdown and YAML parsers.
"""
