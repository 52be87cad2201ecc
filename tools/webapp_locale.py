#!/usr/bin/env python3
"""Builds the Japanese locale file of a Camunda webapp (cockpit, admin, tasklist, welcome).

Usage:
  python3 tools/webapp_locale.py APP ENGLISH_JSON TASKLIST_JA_JSON PART_JSON [PART_JSON ...] [--out FILE]

- ENGLISH_JSON: the webapp's en.json of the Camunda version in use (a UTF-8 BOM is accepted).
- TASKLIST_JA_JSON: the tasklist's Japanese locale; every dateLocales entry it has (months, weekdays, formats, first
  day of the week, ...) is taken from it, so all webapps share one Japanese calendar; parts need only the labels.
- PART_JSON: flat files "labels.KEY" / "dateLocales.a.b" -> Japanese text (or number), e.g. a prefilled part and a
  translated part. A key in two parts must have the same text in both.

Writes src/main/resources/META-INF/resources/webjars/camunda/app/APP/locales/ja.json (or --out) with exactly the
nested structure and key order of the English file. Refuses (exit 1, nothing written) when a key of the English file
has no translation, a part has a key the English file does not have, a value has the wrong type, or a {{placeholder}}
of the English text is missing from the Japanese one, or the vendor's banner (BANNER_CE_EOL_TEXT) is not empty.
"""
import argparse
import json
import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"\{\{[^}]*}}")
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
BANNER = "labels.BANNER_CE_EOL_TEXT"
DEFAULT_OUT = "src/main/resources/META-INF/resources/webjars/camunda/app/{app}/locales/ja.json"


def read_json(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def flatten(node, prefix="", out=None):
    """Flat view of a locale tree; lists are leaves (only dateLocales has lists)."""
    out = {} if out is None else out
    if isinstance(node, dict):
        for key, value in node.items():
            flatten(value, f"{prefix}.{key}" if prefix else key, out)
    else:
        out[prefix] = node
    return out


def merge_parts(paths, errors):
    merged = {}
    for path in paths:
        for key, value in read_json(path).items():
            if key in merged and merged[key] != value:
                errors.append(f"{key}: different translations in the parts ({merged[key]!r} / {value!r}, {path})")
            merged[key] = value
    return merged


def translate(english_flat, parts, tasklist_flat, errors, warnings):
    result = {}
    for key, english in english_flat.items():
        if isinstance(english, list):
            japanese = tasklist_flat.get(key)
            if not isinstance(japanese, list) or len(japanese) != len(english):
                errors.append(f"{key}: no list of {len(english)} entries in the tasklist's ja.json")
                continue
            result[key] = japanese
            continue
        if key.startswith("dateLocales.") and key in tasklist_flat:
            # one calendar for every webapp (weeks start on Sunday in Japan): the tasklist's wins over a part's
            japanese = tasklist_flat[key]
            if key in parts and parts[key] != japanese:
                warnings.append(f"{key}: {parts[key]!r} of the parts replaced by the tasklist's {japanese!r}")
            if type(japanese) is not type(english):
                errors.append(f"{key}: {type(english).__name__} expected in the tasklist's ja.json, got {japanese!r}")
                continue
            result[key] = japanese
            continue
        if key not in parts:
            errors.append(f"{key}: not translated (English: {english!r})")
            continue
        japanese = parts[key]
        if type(japanese) is not type(english):
            errors.append(f"{key}: {type(english).__name__} expected, got {japanese!r}")
            continue
        if isinstance(english, str):
            for placeholder in PLACEHOLDER.findall(english):
                if placeholder not in japanese:
                    errors.append(f"{key}: placeholder {placeholder} lost in {japanese!r}")
            if key == BANNER:
                if japanese != "":
                    errors.append(f"{key}: the vendor's banner must stay empty in Japanese")
            elif sorted(TAG.findall(english)) != sorted(TAG.findall(japanese)):
                warnings.append(f"{key}: HTML tags differ: {english!r} -> {japanese!r}")
        result[key] = japanese
    for key in sorted(set(parts) - set(english_flat)):
        errors.append(f"{key}: not a key of the English file")
    return result


def nest(english, flat, prefix=""):
    """Rebuilds the English tree (same key order) with the values of flat."""
    if isinstance(english, dict):
        return {key: nest(value, flat, f"{prefix}.{key}" if prefix else key) for key, value in english.items()}
    return flat[prefix]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("app", help="webapp name: cockpit, admin, tasklist or welcome")
    parser.add_argument("english", help="the webapp's en.json")
    parser.add_argument("tasklist_ja", help="the tasklist's ja.json (source of the dateLocales lists)")
    parser.add_argument("parts", nargs="+", help="flat Japanese part files")
    parser.add_argument("--out", help="output file (default: the app's locales/ja.json in the resources)")
    args = parser.parse_args(argv)

    english = read_json(args.english)
    errors, warnings = [], []
    parts = merge_parts(args.parts, errors)
    tasklist_flat = flatten(read_json(args.tasklist_ja))
    english_flat = flatten(english)
    flat = translate(english_flat, parts, tasklist_flat, errors, warnings)
    for warning in warnings:
        print(f"warning: {args.app}: {warning}", file=sys.stderr)
    if errors:
        for error in errors:
            print(f"error: {args.app}: {error}", file=sys.stderr)
        print(f"refused: {len(errors)} problem(s), nothing written", file=sys.stderr)
        return 1
    out = Path(args.out or DEFAULT_OUT.format(app=args.app))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(nest(english, flat), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{args.app}: {len(english_flat)} keys written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
