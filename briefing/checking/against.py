"""`briefing check --against DIR`: every quote and figure of a claim is in an outlet it cites.

Authors keep the articles they wrote from, one plain-text file per outlet, and each source file
names its own (`text_file: 004_7c12636239844e68.txt`). For every claim, and for each side of a
"Where reports differ" entry separately (a side is checked against the outlets cited right after
it), this module checks:

* **Quotes.** A passage in quotation marks ("…", “…”, or ‘…’/'…' opened before a letter) must
  appear verbatim in the text of at least one cited outlet, else an error. Matching ignores case,
  the kind of quotation mark, apostrophe and dash, runs of whitespace (line breaks included) and
  the spaces around quotation marks and dashes, and punctuation at either end of the quote. An
  ellipsis (… or ...) or an editor's insertion in [brackets] splits a quote into pieces that must
  appear in that order. A damaged text whose curly punctuation shows as the Thai letter "โ" (a
  misread character set; only where it touches no other Thai letter) matches any quotation mark,
  apostrophe or dash there.
* **Figures.** Every figure must appear in at least one cited outlet, in digits or in words, else
  a warning. A figure is a number in digits (175, 2,000, 2.5, 2016, the 28 of "28 February", the
  30 of "30-day", 11th) or in words: two to twenty, the tens, hundred, thousand, million, billion
  and their compounds ("twenty-three", "a hundred"), ordinals ("eleventh"), "half", "a third",
  "a quarter", "three quarters", "dozen". Figures are compared by value, so "11th" is found as
  "11 years" and "three" as "3". Not figures: digits glued after a letter (a name such as "G7"),
  digits inside web addresses, the bare words "one" and "first" (nearly always "one report",
  "a first step" rather than a count; "1" and "1st" are still figures), and plurals such as
  "dozens" or "thousands", which count nothing exactly.

An outlet's text is its file plus, where its front matter marks them confirmed, its headline and
web address, which are published parts of the same page. Only the bullets of topics and the
overview are checked: the bottom line, summaries and outlet descriptions carry no citations.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from briefing.checking.closeness import MIN_RUN, OutletSentences, closest, names_in
from briefing.model import Briefing, Claim, Problem, Severity, Source
from briefing.recognise import Figure, QuoteScan, figures_in, find_quotes, values_in

__all__ = [
    "AgainstError",
    "Figure",
    "QuoteScan",
    "check_against",
    "figures_in",
    "find_quotes",
    "normalise",
    "values_in",
]

#: Larger outlet texts are refused: a news report is a few kilobytes.
MAX_TEXT_BYTES = 2_000_000


class AgainstError(Exception):
    """The folder of outlet texts cannot be used at all (missing, not a folder, unreadable)."""


# --- normalising text for quote matching -------------------------------------------------------

_WILD = "\x00"  # stands for a damaged character that may be any quotation mark, apostrophe or dash
_FLEX = "'\"—" + _WILD  # characters a damaged one can stand for, and the spaces around them go
_TRANSLATE = str.maketrans(
    {
        **{c: "'" for c in "‘’‚‛′`´"},
        **{c: '"' for c in "“”„‟″«»"},
        **{c: "—" for c in "–—‒―−"},
        "…": "...",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
# "โ" between non-Thai characters: curly punctuation read as ISO-8859-11 (see the seeds README).
_DAMAGED = re.compile(r"(?<![\u0e00-\u0e7f])\u0e42(?![\u0e00-\u0e7f])")
_SPACED_HYPHEN = re.compile(r"\s+-{1,2}\s+|--")
_SPACE = re.compile(r"\s+")
_SPACE_AROUND_FLEX = re.compile(rf"\s*([{re.escape(_FLEX)}])\s*")
_END_PUNCTUATION = " .,;:!?" + _FLEX
_QUOTE_GAP = re.compile(r"\s*(?:\.\.\.|\[[^\]]*\])\s*")


def normalise(text: str) -> str:
    """Text as quotes are compared: one kind of quote, apostrophe and dash, one space, no case."""
    text = _DAMAGED.sub(_WILD, text).translate(_TRANSLATE)
    text = _SPACED_HYPHEN.sub("—", text)
    text = _SPACE.sub(" ", text.casefold())
    return _SPACE_AROUND_FLEX.sub(r"\1", text).strip()


def _piece_pattern(piece: str) -> re.Pattern[str]:
    parts = []
    for char in piece:
        if char == _WILD:
            parts.append(f"[{re.escape(_FLEX)}]")
        elif char in _FLEX:
            parts.append(f"[{re.escape(char + _WILD)}]")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    # A quote never starts or ends in the middle of a word of the source.
    start = r"(?<!\w)" if piece[0].isalnum() else ""
    end = r"(?!\w)" if piece[-1].isalnum() else ""
    return re.compile(start + body + end)


def quote_found(quote: str, normalised_text: str) -> bool:
    """Whether `quote` (as written in a claim) appears in a text already passed to `normalise`."""
    position = 0
    pieces = [piece.strip(_END_PUNCTUATION) for piece in _QUOTE_GAP.split(normalise(quote))]
    pieces = [piece for piece in pieces if piece]
    if not pieces:
        return True
    for piece in pieces:
        match = _piece_pattern(piece).search(normalised_text, position)
        if match is None:
            return False
        position = match.end()
    return True


# --- the check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _OutletText:
    prose: str  # the article and its headline: what its sentences are read from
    normalised: str
    values: frozenset[Fraction]


def check_against(briefing: Briefing, folder: Path | str) -> list[Problem]:
    """Every problem found checking `briefing`'s quotes and figures against the outlet texts in
    `folder`. Raises `AgainstError` only when `folder` itself cannot be read."""
    folder = Path(folder)
    _require_folder(folder)
    problems: list[Problem] = []
    texts: dict[str, _OutletText] = {}
    for source in briefing.sources:
        text = _outlet_text(source, folder, problems)
        if text is not None:
            texts[source.id] = text
    # A name is a word that neither the outlets nor the claims write in lower case.
    claims = [claim.text for claim in briefing.claims()]
    names = names_in("\n".join([*(text.prose for text in texts.values()), *claims]))
    sentences = {source_id: OutletSentences.of(text.prose, names) for source_id, text in texts.items()}
    for claim in briefing.claims():
        problems.extend(_check_claim(claim, texts))
        problems.extend(_check_own_words(claim, sentences))
    problems.sort(key=lambda p: (p.path, p.line))
    return problems


def _require_folder(folder: Path) -> None:
    try:
        if not folder.exists():
            raise AgainstError(f"{folder}: folder of outlet texts not found")
        if not folder.is_dir():
            raise AgainstError(f"{folder}: not a folder; give the folder that holds the outlet texts")
        os.listdir(folder)
    except PermissionError as exc:
        raise AgainstError(f"{folder}: cannot read the folder ({exc.strerror})") from None
    except OSError as exc:
        raise AgainstError(f"{folder}: cannot read the folder ({exc.strerror or exc})") from None


def _outlet_text(source: Source, folder: Path, problems: list[Problem]) -> _OutletText | None:
    if not source.text_file:
        problems.append(
            Problem(
                source.path,
                1,
                Severity.WARNING,
                f"no `text_file`: claims citing @{source.id} are not checked against {folder}",
            )
        )
        return None

    def error(message: str) -> None:
        problems.append(Problem(source.path, source.text_file_line, Severity.ERROR, message))

    path = folder / source.text_file
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            error(f"`text_file` {source.text_file} in {folder} is not a plain file")
            return None
        if info.st_size > MAX_TEXT_BYTES:
            error(f"`text_file` {source.text_file} is {info.st_size:,} bytes; the limit is {MAX_TEXT_BYTES:,}")
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        error(f"`text_file` {source.text_file} not found in {folder}")
        return None
    except OSError as exc:
        error(f"cannot read `text_file` {source.text_file} ({exc.strerror or exc.__class__.__name__})")
        return None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        error(f"`text_file` {source.text_file} is not UTF-8 text")
        return None
    if "\x00" in text:
        error(f"`text_file` {source.text_file} is not plain text")
        return None
    headline = [source.headline] if source.is_confirmed("headline") else []
    address = [source.address] if source.is_confirmed("address") else []
    prose = "\n".join([text, *headline])
    text = "\n".join([prose, *address])
    return _OutletText(prose, normalise(text), values_in(text))


def _check_claim(claim: Claim, texts: dict[str, _OutletText]) -> list[Problem]:
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    for text, cited in _segments(claim):
        if any(source_id not in texts for source_id in cited):
            continue  # an outlet without a text: its `text_file` problem is already reported
        outlets = [texts[source_id] for source_id in cited]
        names = _either(cited)
        scan = find_quotes(text)
        if scan.unclosed and ("unclosed", "") not in reported:
            reported.add(("unclosed", ""))
            problems.append(
                Problem(
                    claim.path,
                    claim.line,
                    Severity.WARNING,
                    "unclosed quotation mark: close it so the quote can be checked",
                )
            )
        for quote in scan.quotes:
            if not any(quote_found(quote, outlet.normalised) for outlet in outlets):
                key = ("quote", normalise(quote))
                if key not in reported:
                    reported.add(key)
                    problems.append(
                        Problem(claim.path, claim.line, Severity.ERROR, f"quote {_shown(quote)} not found in {names}")
                    )
        for figure in figures_in(text):
            if not any(figure.values & outlet.values for outlet in outlets):
                key = ("figure", figure.shown.casefold())
                if key not in reported:
                    reported.add(key)
                    problems.append(
                        Problem(claim.path, claim.line, Severity.WARNING, f"{figure.shown} not found in {names}")
                    )
    return problems


def _check_own_words(claim: Claim, sentences: dict[str, OutletSentences]) -> list[Problem]:
    """A warning for each cited outlet one of whose sentences the claim follows too closely."""
    problems: list[Problem] = []
    reported: set[str] = set()
    for text, cited in _segments(claim):
        for source_id in cited:
            outlet = sentences.get(source_id)
            found = closest(text, outlet) if outlet is not None and source_id not in reported else None
            if found is None:
                continue
            reported.add(source_id)
            measure = (
                f"{found.run} words in a row"
                if found.run >= MIN_RUN
                else f"{found.in_order} of its {found.claim_words} words in the same order"
            )
            problems.append(
                Problem(
                    claim.path,
                    claim.line,
                    Severity.WARNING,
                    f"too close to {source_id} ({measure}); say it in our own words: {_shown(found.sentence, 120)}",
                )
            )
    return problems


def _segments(claim: Claim) -> list[tuple[str, tuple[str, ...]]]:
    """A claim's label and each of its parts, with the outlets each is checked against."""
    segments = [(claim.label, claim.source_ids)]
    segments += [(part.text, part.source_ids or claim.source_ids) for part in claim.parts]
    return [(text, cited) for text, cited in segments if text.strip() and cited]


def _either(source_ids: tuple[str, ...]) -> str:
    if len(source_ids) == 1:
        return source_ids[0]
    return f"{', '.join(source_ids[:-1])} or {source_ids[-1]}"


def _shown(quote: str, limit: int = 60) -> str:
    """`quote` in quotation marks, cut to `limit` characters at a space where it must be cut."""
    quote = " ".join(quote.split())
    if len(quote) > limit:
        cut = quote[: limit - 1]
        if " " in cut[limit // 2 :]:
            cut = cut[: cut.rindex(" ")]
        quote = cut.rstrip(" ,;:") + "…"
    return f'"{quote}"'
