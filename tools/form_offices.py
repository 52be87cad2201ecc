"""Writes the counter (受付窓口) choices of the start forms from the municipalities configured in
src/main/resources/application.yml: each start form offers exactly the offices that accept its procedure, by name.
A start form in Tasklist cannot read process variables, so the list is written into the form. Run after changing
jukiflow.municipalities: python3 tools/form_offices.py (needs PyYAML: apt-get install python3-yaml)."""
import json
import os

import yaml

ROOT = os.path.join(os.path.dirname(__file__), "..")
# start form -> the procedure its process is (Procedure in jp.jukiflow.municipality)
FORMS = {
    "card-continuation-start": "CARD_CONTINUATION",
    "card-suspension-start": "CARD_SUSPENSION",
    "pin-reset-start": "PIN_RESET",
    "transfer-in-with-card-start": "TRANSFER_IN_WITH_CARD",
    "wide-area-copy-start": "WIDE_AREA_COPY",
}


def municipalities():
    with open(os.path.join(ROOT, "src", "main", "resources", "application.yml"), encoding="utf-8") as f:
        for document in yaml.safe_load_all(f):
            found = (document or {}).get("jukiflow", {}).get("municipalities")
            if found:
                return found
    raise SystemExit("no jukiflow.municipalities in application.yml")


def offices(procedure):
    return [{"label": o["name"], "value": o["id"]}
            for m in municipalities() for o in m.get("offices", []) if procedure in o.get("procedures", [])]


def components(form):
    for c in form["components"]:
        yield c
        yield from components(c) if "components" in c else ()


def main():
    for name, procedure in FORMS.items():
        path = os.path.join(ROOT, "forms", name + ".form")
        with open(path, encoding="utf-8") as f:
            form = json.load(f)
        field = next(c for c in components(form) if c.get("key") == "officeId")
        field["type"] = "select"
        field["values"] = offices(procedure)
        field.pop("valuesKey", None)
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(form, indent=2, ensure_ascii=False) + "\n")
        print("wrote forms/%s.form (%d offices)" % (name, len(field["values"])))


if __name__ == "__main__":
    main()
