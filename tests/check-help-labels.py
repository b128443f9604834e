#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The help names the buttons the interface really has, in every language.

For each (interface file, part of it, help page) below, every button label
of that part must appear as <gui>label</gui> in the English page, and its
translation from po/LL.po (mnemonic removed) as <gui>…</gui> in the page's
translation in help/LL/LL.po: help and interface must agree word for word.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CHECKS = [
    ("src/ui/pa-preferences-window.ui", "esco_page", "help/C/esco.page"),
]


def po_messages(path):
    """msgid → msgstr (without context) of a .po file."""
    messages = {}
    entry = {}
    key = None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            if "msgid" in entry and "msgctxt" not in entry:
                messages[entry["msgid"]] = entry.get("msgstr", "")
            entry, key = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            entry[key] += eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = eval(value) if value.startswith('"') else ""
    return messages


def gui_labels(text):
    return {" ".join(g.split()) for g in re.findall(r"<gui>(.*?)</gui>", text, re.S)}


def main(top):
    top = Path(top)
    languages = (top / "help" / "LINGUAS").read_text().split()
    failures = 0
    for ui, part_id, page in CHECKS:
        root = ET.parse(top / ui).getroot()
        part = root.find(f".//object[@id='{part_id}']")
        labels = [p.text for p in part.iter("property")
                  if p.get("name") == "label" and p.get("translatable") == "yes"]
        english = gui_labels((top / page).read_text(encoding="utf-8"))
        for label in labels:
            if label.replace("_", "") not in english:
                print(f"{page} does not name the button “{label.replace('_', '')}” of {ui}")
                failures += 1
        for lang in languages:
            ui_po = po_messages(top / "po" / f"{lang}.po")
            help_po = po_messages(top / "help" / lang / f"{lang}.po")
            translated = set()
            for text in help_po.values():
                translated |= gui_labels(text)
            for label in labels:
                name = ui_po.get(label, "").replace("_", "")
                if name and name not in translated:
                    print(f"help/{lang}/{lang}.po does not name the button “{name}” "
                          f"(po/{lang}.po for “{label}”)")
                    failures += 1
        print(f"{page}: {len(labels)} buttons, {len(languages)} translations checked")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
