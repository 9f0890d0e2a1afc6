"""Checks that both translation catalogues are complete, current and compiled.

Run by `make lint`: it fails when a string in the code is missing from a catalogue, when a
catalogue has an empty or fuzzy translation, or when a committed .mo file is stale.
"""

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
LANGUAGES = ("id", "en")


def parse_po(path: Path) -> dict[str, tuple[list[str], bool]]:
    """msgid (with its context) -> (every msgstr form, fuzzy); the header is dropped."""
    entries: dict[str, tuple[list[str], bool]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        parts: dict[str, str] = {}
        key = ""
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                parts[key] += line[1:-1]
            else:
                key, value = line.split(" ", 1)
                parts[key] = value[1:-1]
        msgid = parts.get("msgid", "")
        if msgid:
            context = parts.get("msgctxt")
            entries[f"{context}\x04{msgid}" if context else msgid] = (
                [value for name, value in parts.items() if name.startswith("msgstr")],
                fuzzy,
            )
    return entries


def problems() -> list[str]:
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "jamsos"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        command = [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "--no-location",
            "--no-obsolete",
            *[arg for lang in LANGUAGES for arg in ("-l", lang)],
        ]
        subprocess.run(command, cwd=copy, check=True, capture_output=True)  # noqa: S603
        for lang in LANGUAGES:
            po = PACKAGE / "locale" / lang / "LC_MESSAGES" / "django.po"
            if not po.exists():
                found.append(f"{po} is missing: run `make messages`")
                continue
            committed = parse_po(po)
            fresh = parse_po(copy / "locale" / lang / "LC_MESSAGES" / "django.po")
            for msgid in sorted(set(fresh) - set(committed)):
                found.append(f"{lang}: not in the catalogue (run `make messages`): {msgid[:70]!r}")
            for msgid, (msgstrs, fuzzy) in committed.items():
                if fuzzy:
                    found.append(f"{lang}: fuzzy translation: {msgid[:70]!r}")
                elif not msgstrs or not all(msgstrs):
                    found.append(f"{lang}: untranslated: {msgid[:70]!r}")
            mo = po.with_suffix(".mo")
            compiled = Path(tmp) / f"{lang}.mo"
            subprocess.run(["msgfmt", "-o", str(compiled), str(po)], check=True)  # noqa: S603, S607
            if not mo.exists() or not filecmp.cmp(mo, compiled, shallow=False):
                found.append(f"{lang}: {mo.name} is stale or missing: run `make messages`")
    return found


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    print("translations: complete" if not found else f"translations: {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
