"""The library of briefings and the shelf that shows it (pure: no Textual).

`folder` (where the library is, which folders it holds, adding one, the last one read),
`model` (what the shelf shows: entries and hits, plain data), `reading` (entries and search
read from each briefing's compiled store), `template` (the starter briefing of `briefing new`).
"""
