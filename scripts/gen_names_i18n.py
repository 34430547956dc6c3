#!/usr/bin/env python3
"""Writes index-schema/gazetteer/names_i18n.tsv: countries, cities and key
people under their names in other languages and scripts, so that extraction
finds 巴西, Бразилию, والبرازيل or 폼페이오 and gives the canonical English name.

Sources:
- country names: CLDR territory names via the `babel` PyPI package (BSD;
  CLDR data under the Unicode licence), ISO codes of our canonical names via
  `pycountry` (LGPL-2.1);
- city names: CLDR exemplar cities of the IANA time zones (babel), matched to
  places.tsv by their English name;
- people: scripts/gazetteer_sources/people_i18n.tsv, a small HAND-CURATED list
  of key diplomatic figures' names in other scripts (general knowledge).

Forms added here (data, not code): Russian/Ukrainian case endings of names
ending in a vowel, -ия, or a consonant, and Arabic proclitics (و ب ل ف) on
names, Arabic and Persian country adjectives (nisba: البرازيلي), since both attach to the word and extraction matches whole words.
Latin-script names shorter than 4 letters, and names the gazetteer already
gives to something (Finnish "Brasilia" for Brazil is the city) are left out. Run: python3 scripts/gen_names_i18n.py
"""
import os
import zoneinfo

import babel
import pycountry
from babel import Locale
from babel.dates import get_timezone, get_timezone_location

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "index-schema", "gazetteer")
LOCALES = ["zh", "zh_Hant", "ja", "ko", "ru", "uk", "be", "ar", "fa", "he", "th", "hi",
           "fr", "pt", "es", "de", "it", "nl", "sv", "da", "nb", "fi", "el", "hu", "ro",
           "tr", "pl", "id", "ms", "vi", "ta", "cs", "bg", "sr"]


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def cyrillic_forms(name):
    """Nominative plus the common case endings (genitive, dative, accusative,
    instrumental, prepositional) of a one-word Russian/Ukrainian name."""
    if " " in name or "-" in name or len(name) < 4:
        return [name]
    if name.endswith("ия") or name.endswith("ія"):
        stem = name[:-1]
        ends = ["и", "ю", "ей", "ї", "єю"] if name.endswith("ія") else ["и", "ю", "ей"]
    elif name[-1] in "ая":
        stem = name[:-1]
        ends = ["ы", "и", "е", "у", "ю", "ой", "ей", "і"]
    elif name[-1] in "ьй":
        stem = name[:-1]
        ends = ["я", "ю", "ем", "е"]
    elif name[-1] in "еиоуэюыі":
        return [name]  # indeclinable (Чили, Перу, Того)
    else:
        stem = name
        ends = ["а", "у", "е", "ом", "і", "ові"]
    return [name] + [stem + e for e in ends]


def arabic_forms(name):
    out = [name]
    for p in ["و", "ب", "ف", "وب"]:
        out.append(p + name)
    # ل + ال contracts to لل
    out.append("ل" + (name[1:] if name.startswith("ال") else name))
    return out


def expand(name, lang, kind="person"):
    if lang in ("ru", "uk", "be", "bg", "sr") and any("\u0400" <= c <= "\u04ff" for c in name):
        return cyrillic_forms(name)
    if lang == "ar":
        # Country adjectives by nisba (البرازيل -> البرازيلي, البرازيلية).
        nisba = [name + e for e in ("ي", "ية", "يون", "يين")] if kind == "country" and " " not in name else []
        return [f for n in [name] + nisba for f in arabic_forms(n)]
    if lang == "fa" and kind == "country" and " " not in name:
        return [name, name + "ی"]
    return [name]


TAKEN = set()  # every English form the gazetteer already has, lower-cased


def keep(name, english):
    if name == english or not name.strip() or name.lower() in TAKEN:
        return False
    latin = all(ord(c) < 0x250 or not c.isalpha() for c in name)
    return not (latin and len(name) < 4)


def main():
    out = []
    for fname, cols in [("countries.tsv", (0, 1, 2)), ("places.tsv", (0, 3)), ("people.tsv", (0, 1))]:
        for r in rows(os.path.join(SCHEMA, fname)):
            for c in cols:
                if c < len(r):
                    TAKEN.update(v.lower() for v in r[c].split("|") if v)
    people = {r[0] for r in rows(os.path.join(SCHEMA, "people.tsv"))}
    countries = [(r[0], r[1].split("|") if len(r) > 1 else []) for r in rows(os.path.join(SCHEMA, "countries.tsv"))]
    locales = [Locale.parse(l) for l in LOCALES]
    for canonical, aliases in countries:
        code = None
        for name in [canonical] + aliases:  # "Russia" is pycountry's "Russian Federation"
            try:
                code = pycountry.countries.lookup(name).alpha_2
                break
            except LookupError:
                continue
        if code is None:
            continue
        for loc, tag in zip(locales, LOCALES):
            name = loc.territories.get(code)
            if name and keep(name, canonical):
                out.append(("country", canonical, tag, "|".join(dict.fromkeys(expand(name, tag, "country")))))
    places = {r[0] for r in rows(os.path.join(SCHEMA, "places.tsv"))}
    for tz in sorted(zoneinfo.available_timezones()):
        try:
            zone = get_timezone(tz)
            english = get_timezone_location(zone, locale="en", return_city=True)
        except Exception:
            continue
        if english not in places:
            continue
        for tag in LOCALES:
            name = get_timezone_location(zone, locale=tag, return_city=True)
            if name and keep(name, english):
                out.append(("place", english, tag, "|".join(dict.fromkeys(expand(name, tag)))))
    for r in rows(os.path.join(HERE, "gazetteer_sources", "people_i18n.tsv")):
        canonical, tag, names = r[0], r[1], r[2].split("|")
        if canonical not in people:
            print(f"skipped: {canonical} is not in people.tsv")
            continue
        forms = [f for n in names for f in expand(n, tag)]
        out.append(("person", canonical, tag, "|".join(dict.fromkeys(forms))))
    out = sorted(set(out))
    with open(os.path.join(SCHEMA, "names_i18n.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# source: CLDR via babel {babel.__version__} (territory names, time-zone exemplar cities; Unicode licence), "
                f"pycountry {pycountry.__version__} ISO codes (LGPL-2.1), hand-curated people "
                "(scripts/gazetteer_sources/people_i18n.tsv); generated by scripts/gen_names_i18n.py\n")
        f.write("# columns: kind\tcanonical\tlanguage\tnames (with case endings and Arabic proclitics added)\n")
        for row in out:
            f.write("\t".join(row) + "\n")
    print(f"{len(out)} rows")


if __name__ == "__main__":
    main()
