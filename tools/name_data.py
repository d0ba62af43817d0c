"""Regenerate lwsite/data/: the ordinary-word lists and the look-alike letters of the roster matcher.

    python tools/name_data.py              # downloads the Debian packages with apt-get download
    python tools/name_data.py --debs DIR   # or takes the .deb files from DIR

Needs apt-get (after `apt-get update`) and dpkg-deb; nothing is installed. Run it from the
repository root with lwsite importable (the lists are folded by lwsite's own folding). Sources:

- wamerican: SCOWL's American English word list, size 50 (Kevin Atkinson; SCOWL license, see
  NOTICE.md). Only its lowercase entries are kept: capitalised ones are names.
- hunspell-es and hunspell-tools: the Spanish dictionary of the RLA-ES project (Santiago Bosio;
  GPL-3+ or LGPL-3+ or MPL-1.1+), expanded with hunspell's ``unmunch``, keeping the suffixes
  of plural, gender and derivation (flags A-Z but R, E, I and X) and leaving out conjugated
  verb forms, enclitic pronouns and prefixes, which are rarely surnames and would make the list
  ten times larger.
- python3-confusable-homoglyphs: the Unicode Consortium's confusables data (confusables.txt of
  Unicode Technical Standard #39, as JSON; Unicode License), for the letters of other scripts
  that look like a Latin letter.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PACKAGES = ("wamerican", "hunspell-es", "hunspell-tools", "python3-confusable-homoglyphs")
OUT = ROOT / "lwsite" / "data"
WORD_RE = re.compile(r"[a-z]+")


def fetch(debs: Path | None, work: Path) -> dict[str, tuple[Path, str]]:
    """package -> (its extracted tree, its version)."""
    if debs is None:
        debs = work / "debs"
        debs.mkdir()
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=debs, check=True)
    out = {}
    for package in PACKAGES:
        found = sorted(debs.glob(f"{package}_*.deb"))
        if not found:
            raise SystemExit(f"no {package}_*.deb in {debs}")
        tree = work / package
        subprocess.run(["dpkg-deb", "-x", str(found[-1]), str(tree)], check=True)
        version = subprocess.run(
            ["dpkg-deb", "-f", str(found[-1]), "Version"], check=True, capture_output=True, text=True
        ).stdout.strip()
        out[package] = (tree, version)
    return out


def folded(words: list[str]) -> set[str]:
    from lwsite.names import fold_words

    out = set()
    for word in words:
        if not word or not word[0].islower() or "'" in word:
            continue
        parts = fold_words(word)
        if len(parts) == 1 and WORD_RE.fullmatch(parts[0]):
            out.add(parts[0])
    return out


def english(tree: Path) -> set[str]:
    return folded((tree / "usr/share/dict/american-english").read_text(encoding="utf-8").splitlines())


def spanish(tree: Path, tools: Path, work: Path) -> set[str]:
    dic = (tree / "usr/share/hunspell/es_ES.dic").read_text(encoding="utf-8").splitlines()
    kept = [dic[0]]
    for line in dic[1:]:
        word, _, flags = line.partition("/")
        flags = "".join(f for f in flags if "A" <= f <= "Z" and f not in "REIX")
        kept.append(f"{word}/{flags}" if flags else word)
    filtered = work / "es.dic"
    filtered.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = subprocess.run(
        [str(tools / "usr/bin/unmunch"), str(filtered), str(tree / "usr/share/hunspell/es_ES.aff")],
        check=True,
        capture_output=True,
    )
    return folded([w.split("/")[0] for w in result.stdout.decode("utf-8").splitlines()])


def lookalikes(tree: Path) -> dict[str, str]:
    """Non-Latin letters that look like a Latin letter a-z: character -> letter."""
    data = json.loads(
        next(tree.glob("usr/lib/python3/dist-packages/confusable_homoglyphs/confusables.json")).read_text(
            encoding="utf-8"
        )
    )
    out: dict[str, str] = {}
    for target in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for glyph in data.get(target, []):
            ch = glyph["c"]
            if len(ch) != 1 or ch.isascii() or not unicodedata.category(ch).startswith("L"):
                continue
            if ch in out or _plain_fold(ch).isascii():
                continue  # the first target wins: lowercase ones come first
            # confusables.txt folds capital I into l (they look alike): a capital that looks like
            # an l is an I
            out[ch] = "i" if target == "l" and ch.isupper() else target.lower()
    return out


def _plain_fold(ch: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.category(c).startswith("M"))
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.category(c).startswith("M")
    )


def write_words(path: Path, words: set[str], notes: list[str]) -> None:
    """Notes (# lines), then one line per word length: the length, a space, the words of that
    length concatenated, sorted."""
    by_size: dict[int, list[str]] = {}
    for word in words:
        by_size.setdefault(len(word), []).append(word)
    text = "".join(f"# {note}\n" for note in notes)
    text += "".join(f"{size} {''.join(sorted(found))}\n" for size, found in sorted(by_size.items()))
    path.write_bytes(gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0))


NOTICE = """# lwsite/data: where the roster matcher's data comes from

Generated by `tools/name_data.py` (run it to regenerate them, from the Debian packages named
below); read by `lwsite/names.py`. The word lists are gzip text: `#` notes, then one line per
word length holding the length, a space and the words of that length run together, sorted.
Every word is folded as lwsite folds text (lowercase, accents removed, a-z only).

## words-en.txt.gz: ordinary English words ({en} words)

From Debian's `wamerican` {wamerican}: SCOWL (Spell Checker Oriented Word Lists, Kevin
Atkinson, <http://wordlist.aspell.net/>), American English, size 50. Only the entries that start
with a lowercase letter are kept (capitalised ones are names). License: the SCOWL copyright and
permission notice, which must accompany the list; it is `licenses/SCOWL.txt` (Debian's
copyright file of wamerican, which reproduces it with the notices of SCOWL's sources).

## words-es.txt.gz: ordinary Spanish words ({es} words)

From Debian's `hunspell-es` {hunspell_es}: the Spanish (Spain) Hunspell dictionary of the
RLA-ES project (Santiago Bosio, <https://github.com/sbosio/rla-es>, as shipped by LibreOffice),
expanded with `unmunch` from `hunspell-tools` {hunspell_tools}. Kept: the stems with the
suffixes of plural, gender and derivation (affix flags A-Z except R, E, I and X); left out:
conjugated verb forms, enclitic pronouns and prefixed forms. The dictionary is licensed GPL-3+ or
LGPL-3+ or MPL-1.1+; this derived list is distributed under the Mozilla Public License 2.0
(MPL-1.1 "or any later version"): This Source Code Form is subject to the terms of the Mozilla
Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can obtain
one at https://mozilla.org/MPL/2.0/. Its source is es_ES.dic and es_ES.aff of that package.

## lookalikes.txt: letters of other scripts that look like Latin letters ({looks} letters)

From Debian's `python3-confusable-homoglyphs` {homoglyphs}, whose `confusables.json` is the
Unicode Consortium's `confusables.txt` (Unicode Technical Standard #39, Unicode Security
Mechanisms) as JSON: every letter listed as confusable with a Latin letter a-z or A-Z whose
own folding is not already that letter. License: the Unicode License (data files), whose
notice is `licenses/Unicode.txt`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debs", type=Path, help="a folder holding the .deb files (default: apt-get download)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        got = fetch(args.debs.resolve() if args.debs else None, work)
        looks = lookalikes(got["python3-confusable-homoglyphs"][0])
        lines = [
            "# Letters of other scripts that look like a Latin letter, from Unicode's confusables data",
            "# (see NOTICE.md); generated by tools/name_data.py. Code point, letter, name.",
        ]
        lines += [f"U+{ord(ch):04X} {letter} {unicodedata.name(ch, '?')}" for ch, letter in sorted(looks.items())]
        (OUT / "lookalikes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        versions = {package: version for package, (_, version) in got.items()}
        en = english(got["wamerican"][0])
        es = spanish(got["hunspell-es"][0], got["hunspell-tools"][0], work)
        write_words(
            OUT / "words-en.txt.gz",
            en,
            [
                f"Ordinary English words: lowercase entries of SCOWL size 50 (Debian wamerican {versions['wamerican']}).",
                "License: the SCOWL copyright and permission notice, licenses/SCOWL.txt. See NOTICE.md.",
            ],
        )
        write_words(
            OUT / "words-es.txt.gz",
            es,
            [
                f"Ordinary Spanish words: RLA-ES es_ES (Debian hunspell-es {versions['hunspell-es']}) expanded with "
                "unmunch, without conjugated verbs, enclitics and prefixes.",
                "This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the "
                "MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.",
                "See NOTICE.md.",
            ],
        )
        licenses = OUT / "licenses"
        licenses.mkdir(exist_ok=True)
        copyright_file = got["wamerican"][0] / "usr/share/doc/wamerican/copyright"
        (licenses / "SCOWL.txt").write_text(copyright_file.read_text(encoding="utf-8"), encoding="utf-8")
        debian = got["python3-confusable-homoglyphs"][0] / "usr/share/doc/python3-confusable-homoglyphs/copyright"
        unicode_license = debian.read_text(encoding="utf-8").split("License: UnicodeDataFiles\n", 2)[-1]
        (licenses / "Unicode.txt").write_text(
            "\n".join(
                line[1:].replace(".", "", 1) if line.strip() == "." else line[1:]
                for line in unicode_license.splitlines()
                if line.startswith(" ")
            )
            + "\n",
            encoding="utf-8",
        )
    notice = NOTICE.format(
        en=f"{len(en):,}",
        es=f"{len(es):,}",
        looks=len(looks),
        wamerican=versions["wamerican"],
        hunspell_es=versions["hunspell-es"],
        hunspell_tools=versions["hunspell-tools"],
        homoglyphs=versions["python3-confusable-homoglyphs"],
    )
    (OUT / "NOTICE.md").write_text(notice, encoding="utf-8")
    print(f"lookalikes: {len(looks)}, English words: {len(en)}, Spanish words: {len(es)}; versions: {versions}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
