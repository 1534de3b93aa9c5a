"""The compiled briefing: every content file parsed once into a SQLite database, read lazily.

`open_briefing(folder)` brings the store up to date with the folder (re-parsing only the files
whose size, modification time and content changed) and returns a `Briefing` whose topics are
read from the store when asked for. Nothing here imports Textual, and nothing is imported
eagerly: a warm start loads neither the Markdown nor the YAML parser.
"""
