"""Build `briefing/search/paraphrases.tsv`, the general English paraphrases search falls back on,
from Princeton WordNet 3.0 (Debian's `wordnet-base`: `apt-get install wordnet-base`).

    python scripts/build_paraphrases.py [WORDNET_DICT_DIR]   # default /usr/share/wordnet

Run by hand when the rule below changes; the output is committed and shipped inside the package,
so nothing is downloaded or parsed from WordNet at run time. The rule, for every one-word lemma
(noun, verb, adjective, adverb) that is not a question word or filler:

* its senses: the ones WordNet's sense counts show in use (at most `SENSES`), else its first;
* *same*: the other one-word members of those senses' synsets ("hit" → strike);
* *broader*: the members of their direct hypernyms ("trade" → exchange, "bomb" → attack),
  unless the hypernym is a general one with more than `GENERAL` hyponyms ("change", "act"); and
  for a national capital, the country it is part of ("Tehran" → Iran, "Moscow" → Russia): a
  reader names the capital for its country or government ("what did they agree about Tehran").

One line per stem (the Snowball stem search uses): `stem<TAB>same words<TAB>broader words`, for
every one-word lemma, even with no other words: a word the table does not list is most likely a
name (`ParaphraseTable.knows`).

It also writes `briefing/search/kinds.tsv`, the kind of thing a word names, for questions that ask
for one ("who" a person, "where" a place, "which country" a country):
`word<TAB>person|place|country|city` for every noun of one or two words whose
most common sense is a person (envoy, secretary, Putin) or a location (region, town, Moscow) and
that is nothing but a noun ("Russian" is also an adjective, "begin" a verb before it is Menachem
Begin, "end" a verb before it is a place). A place is a country when its sense is one
(`COUNTRY_SYNSETS`, a few hypernyms up: Saudi Arabia, Ukraine; not Jeddah, Washington), a
city when it is a municipality (Jeddah, Washington, Kursk).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.search.language import is_stop_word, stem  # noqa: E402

OUTPUT = ROOT / "briefing" / "search" / "paraphrases.tsv"
KINDS_OUTPUT = ROOT / "briefing" / "search" / "kinds.tsv"
#: WordNet's lexicographer files of noun senses (`lex_filenum`) that answer "who" and "where".
LEXICON_KINDS = {18: "person", 15: "place"}
#: WordNet 3.0's senses of "country" / "nation" / "state" as a polity, its people or its land: a
#: place that is one of them, within `COUNTRY_DEPTH` hypernyms ("Saudi Arabia" → Asian country →
#: country), is a `country` ("which country" wants Saudi Arabia, not Jeddah or Washington).
COUNTRY_SYNSETS = frozenset({"n08168978", "n08544813", "n08166552"})
COUNTRY_DEPTH = 3
#: WordNet 3.0's "municipality" (above city and town): a place under it, within `CITY_DEPTH`
#: hypernyms, is a `city` (Jeddah, Washington, Kursk), which "which country" does not want. A
#: place that is neither country nor city (Serbia, a region in WordNet 3.0 of 2006; Taiwan, an
#: island) may still be a country: "which country" takes it, as it takes any place.
CITY_SYNSETS = frozenset({"n08626283"})
CITY_DEPTH = 4
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SENSES = 3
GENERAL = 25
MOST_SAME, MOST_BROADER = 8, 6

#: WordNet 3.0's "national capital": a place that is an instance of it stands for its country.
NATIONAL_CAPITAL = "n08691669"

#: words, hypernyms (and what it is part of, marked "#p"), hyponym count, lex file
Synset = tuple[list[str], list[tuple[str, str]], int, int]


def _plain(word: str) -> bool:
    return word.isalpha() and word.isascii() and 3 <= len(word) <= 20


def read_wordnet(folder: Path) -> tuple[dict[tuple[str, str], list[str]], dict[str, Synset]]:
    senses: dict[tuple[str, str], list[str]] = {}
    synsets: dict[str, Synset] = {}
    for pos, name in FILES.items():
        for line in (folder / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            rest = fields[4 + pointers :]
            count, tagged = int(rest[0]), int(rest[1])
            offsets = rest[2 : 2 + count]
            used = offsets[: min(SENSES, tagged)] if tagged else offsets[:1]
            senses[(fields[0], pos)] = [f"{pos}{offset}" for offset in used]
        for line in (folder / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, lexicon = fields[0], int(fields[1])
            count = int(fields[3], 16)
            words = [fields[4 + 2 * number].lower() for number in range(count)]
            at = 4 + 2 * count
            hypernyms, hyponyms = [], 0
            for number in range(int(fields[at])):
                symbol, target, target_pos = fields[at + 1 + 4 * number : at + 4 + 4 * number]
                target_pos = "a" if target_pos == "s" else target_pos
                if symbol in ("@", "@i", "#p"):  # "#p": what it is part of (the country of a capital)
                    hypernyms.append((symbol, f"{target_pos}{target}"))
                elif symbol in ("~", "~i"):
                    hyponyms += 1
            synsets[f"{pos}{offset}"] = (words, hypernyms, hyponyms, lexicon)
    return senses, synsets


def build(folder: Path) -> list[str]:
    senses, synsets = read_wordnet(folder)
    same: dict[str, dict[str, None]] = {}
    broader: dict[str, dict[str, None]] = {}
    for (lemma, _), keys in senses.items():
        if not _plain(lemma) or is_stop_word(lemma):
            continue
        key = stem(lemma)
        same.setdefault(key, {})  # every lemma has a line: a word not listed is taken for a name
        for synset in keys:
            words, hypernyms, _, _ = synsets[synset]
            for word in words:
                if _plain(word) and stem(word) != key:
                    same.setdefault(key, {})[word] = None
            capital = ("@i", NATIONAL_CAPITAL) in hypernyms
            for symbol, target in hypernyms:
                found = synsets.get(target)
                if found is None or found[2] > GENERAL or (symbol == "#p" and not capital):
                    continue
                for word in found[0]:
                    if _plain(word) and stem(word) != key:
                        broader.setdefault(key, {})[word] = None
    lines = []
    for key in sorted(set(same) | set(broader)):
        near = _by_stem(same.get(key, {}), MOST_SAME)
        wider = [word for word in _by_stem(broader.get(key, {}), MOST_BROADER + len(near)) if word not in near]
        lines.append(f"{key}\t{' '.join(near)}\t{' '.join(wider[:MOST_BROADER])}")
    return lines


def build_kinds(folder: Path) -> list[str]:
    senses, synsets = read_wordnet(folder)
    # Inflected forms of other words ("fed" is feed's past before it is an agent of the FBI).
    inflected = {
        line.split()[0] for name in FILES.values() for line in (folder / f"{name}.exc").read_text().splitlines()
    }
    kinds: dict[str, str] = {}
    for (lemma, pos), keys in senses.items():
        words = lemma.split("_")
        if pos != "n" or not keys or len(words) > 2 or not all(_plain(word) for word in words):
            continue
        if is_stop_word(lemma) or lemma in inflected or any((lemma, other) in senses for other in "var"):
            continue
        kind = LEXICON_KINDS.get(synsets[keys[0]][3])
        if kind == "place" and _is_country(keys[0], synsets):
            kind = "country"
        elif kind == "place" and _is_city(keys[0], synsets):
            kind = "city"
        if kind:
            kinds.setdefault(" ".join(words), kind)  # two words: "middle east", "saudi arabia"
    return [f"{key}\t{kind}" for key, kind in sorted(kinds.items())]


def _is_country(synset: str, synsets: dict[str, Synset]) -> bool:
    """Whether a noun sense is a country: one of `COUNTRY_SYNSETS` within `COUNTRY_DEPTH` steps up."""
    return _is_under(synset, synsets, COUNTRY_SYNSETS, COUNTRY_DEPTH)


def _is_city(synset: str, synsets: dict[str, Synset]) -> bool:
    """Whether a noun sense is a city or a town: a municipality within `CITY_DEPTH` steps up."""
    return _is_under(synset, synsets, CITY_SYNSETS, CITY_DEPTH)


def _is_under(synset: str, synsets: dict[str, Synset], wanted: frozenset[str], depth: int) -> bool:
    level = {synset}
    for _ in range(depth):
        level = {target for key in level if key in synsets for symbol, target in synsets[key][1] if symbol != "#p"}
        if level & wanted:
            return True
    return False


def _by_stem(words: dict[str, None], most: int) -> list[str]:
    """One word per stem ("strike", not also "strikes"), in WordNet's order, at most `most`."""
    kept: dict[str, str] = {}
    for word in words:
        kept.setdefault(stem(word), word)
    return list(kept.values())[:most]


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("/usr/share/wordnet")
    if not (folder / "index.noun").is_file():
        print(f"build_paraphrases: no WordNet dictionary in {folder} (apt-get install wordnet-base)", file=sys.stderr)
        return 2
    lines = build(folder)
    header = "# General English paraphrases for search, built by scripts/build_paraphrases.py from WordNet 3.0.\n"
    header += "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved (licence: WORDNET-LICENSE).\n"
    OUTPUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(lines)} stems, {OUTPUT.stat().st_size // 1024} KiB")
    kinds = build_kinds(folder)
    KINDS_OUTPUT.write_text(header.replace("paraphrases", "word kinds") + "\n".join(kinds) + "\n", encoding="utf-8")
    print(f"{KINDS_OUTPUT.relative_to(ROOT)}: {len(kinds)} stems, {KINDS_OUTPUT.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
