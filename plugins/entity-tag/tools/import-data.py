#!/usr/bin/env python3
"""import-data.py - copy the gazetteers entity-tag uses from shared/ into the
project, trimmed to what the stage needs (run by hand when the sources
change; the build never reads shared/).

    plugins/entity-tag/tools/import-data.py ../shared plugins/entity-tag/data/src

Every output is UTF-8, one entry a line, "entry" or "entry<TAB>canonical".
Attribution of every source is in plugins/entity-tag/NOTICE.
"""
import collections
import os
import re
import sys


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def write(out_dir, name, rows, header):
    rows = sorted(set(rows), key=lambda r: (r.lower(), r))
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
        f.write("# " + header + "\n")
        for r in rows:
            f.write(r + "\n")
    print("%-22s %6d entries" % (name, len(rows)))


WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def common_words(shared):
    """Words that public-domain prose writes in lower case more often than
    capitalized inside a sentence: at a sentence start they are no name."""
    lower, cap = collections.Counter(), collections.Counter()
    for name in ("books.txt",):  # speeches capitalize Nation, Government, Union
        with open(os.path.join(shared, "corpus", name), encoding="utf-8") as f:
            for line in f:
                start = True
                for m in re.finditer(r"[A-Za-z]+(?:'[a-z]+)?|[.!?:;\"“”]", line):
                    w = m.group(0)
                    if not w[0].isalpha():
                        start = w in ".!?:\"“”"
                        continue
                    if not start:
                        if w.islower():
                            lower[w] += 1
                        elif w[0].isupper() and (len(w) == 1 or w[1:].islower()):
                            cap[w.lower()] += 1
                    start = False
    return {w for w, n in lower.items() if n >= 3 and n > 2 * cap[w]}


def main():
    shared, out = sys.argv[1], sys.argv[2]
    g = os.path.join(shared, "data", "gazetteers")
    common = common_words(shared)
    write(out, "common-words.txt", common,
          "lower-case words of public-domain English prose (shared/corpus: Gutenberg books)")

    # Words that are a subdivision's or a city's whole name somewhere but
    # mostly a direction or a plain word in English news.
    vague = {"north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern",
             "western", "capital", "metro", "coast", "islands", "upper", "lower", "middle", "interior",
             "federal", "national", "north east", "north west", "south east", "south west", "midlands",
             "highland", "lakes", "plateau", "littoral", "mountain", "valley", "savanes", "oriental",
             "occidental", "sud", "nord", "est", "ouest", "centro", "norte", "sur", "este", "oeste"}

    def is_common(name):
        return name.lower() in vague or (" " not in name and name.lower() in common)

    # Countries: every English name, canonical = the common short name.
    rows = []
    for r in read_tsv(os.path.join(g, "countries", "countries_iso3166.tsv")):
        r += [""] * (5 - len(r))
        canon = r[3] or r[2]
        if "," in canon:
            continue
        for n in (r[2], r[3], r[4]):
            if n and "," not in n:
                rows.append(n + ("\t" + canon if n != canon else ""))
    for r in read_tsv(os.path.join(g, "countries", "country_names_factbook.tsv")):
        short, long_ = r[2], r[3]
        if short in ("", "none"):
            continue
        rows.append(short)
        if long_ and long_ != "none" and "(" not in long_ and ";" not in long_:
            rows.append(long_ + "\t" + short)
    write(out, "countries.txt", rows, "countries: iso-codes (LGPL-2.1+) and CIA World Factbook (public domain)")

    # Subdivisions that English news names as places: states, provinces,
    # regions and the like (not districts and municipalities, mostly
    # local-language names that collide with words).
    keep = {"State", "Province", "Region", "Autonomous region", "Autonomous republic", "Country", "Territory",
            "Prefecture", "Governorate", "Republic", "Autonomous province", "Emirate", "Federal district",
            "Autonomous community", "Nation", "Union territory", "Canton", "Oblast", "Autonomous city",
            "Administrative region", "Department", "County", "Outlying area", "Special administrative region",
            "Two-tier county", "Unitary authority", "Council area", "Metropolitan district", "London borough",
            "Autonomous district", "Krai", "Kray", "Autonomous okrug", "Metropolitan city", "Municipality"}
    type_words = re.compile(r"\s+(Oblast|oblast|Krai|kray|Kray|Province|Region|Prefecture|Governorate|County|"
                            r"District|State|Department|Republic|Autonomous Okrug|avtonomnyy okrug|Autonomous "
                            r"Region|Voivodeship|Canton|Municipality)$")
    rows = []
    for r in read_tsv(os.path.join(g, "countries", "subdivisions_iso3166-2.tsv")):
        name = re.sub(r"\s*\[.*?\]", "", r[1]).strip()
        if r[2] not in keep or not name or len(name) <= 2 or "," in name:
            continue
        if r[2] == "Municipality" and not r[0].startswith(("GB", "US", "CA", "IE", "AU", "NZ")):
            continue
        if not is_common(name):
            rows.append(name)
        short = type_words.sub("", name)
        if short != name and len(short) > 2 and not is_common(short):
            rows.append(short + "\t" + name)
    write(out, "regions.txt", rows, "first-level subdivisions: iso-codes ISO 3166-2 (LGPL-2.1+)")

    rows = []
    for r in read_tsv(os.path.join(g, "cities", "cities_pop100k_geonames.tsv")):
        if r[6] == "PPLX":
            continue
        for n in (r[1], r[2]):
            if n and not is_common(n):
                rows.append(n + ("\t" + r[1] if n != r[1] else ""))
    for r in read_tsv(os.path.join(g, "cities", "capitals_geonames.tsv")):
        if len(r) > 2 and r[2]:
            rows.append(r[2])
    write(out, "cities.txt", rows, "cities of 100,000 people or more and capitals: GeoNames (CC BY 4.0)")

    rows = [d for d in read_lines(os.path.join(g, "demonyms", "demonyms.txt"))]
    write(out, "demonyms.txt", rows, "nationalities: CIA World Factbook (public domain)")

    rows = read_lines(os.path.join(g, "first_names", "first_names.txt"))
    write(out, "first-names.txt", rows, "first names given 1,000 times or more: US SSA 1880-2023 (public domain)")

    rows = [r[0] for r in read_tsv(os.path.join(g, "first_names", "first_names_ssa_1880-2023.tsv"))
            if int(r[3]) >= 30000]
    write(out, "first-names-common.txt", rows,
          "first names given 30,000 times or more: US SSA 1880-2023 (public domain)")

    # the pronouns option checks he / she against these
    ssa = list(read_tsv(os.path.join(g, "first_names", "first_names_ssa_1880-2023.tsv")))
    for sex, col in (("female", 1), ("male", 2)):
        rows = [r[0] for r in ssa if int(r[3]) >= 1000 and int(r[col]) >= 0.95 * int(r[3])]
        write(out, "first-names-%s.txt" % sex, rows,
              "first names given 1,000 times or more, 95%% of them to %ss: US SSA 1880-2023 (public domain)"
              % ("girl" if sex == "female" else "boy"))

    rows = [s.title() for s in read_lines(os.path.join(g, "surnames", "surnames.txt"))]
    write(out, "surnames.txt", rows, "surnames: US Census 1990 (public domain)")

    rows = []
    for n in read_lines(os.path.join(g, "organizations", "political_parties.txt")):
        if len(n) > 3 and " " in n or (len(n) > 3 and not is_common(n) and not n.isupper()):
            rows.append(n)
    write(out, "parties.txt", rows, "political parties: CIA World Factbook (public domain)")

    rows = [a for a in read_lines(os.path.join(g, "organizations", "intl_org_acronyms_factbook.txt"))
            if len(a) >= 3 and not is_common(a)]
    write(out, "intl-acronyms.txt", rows, "international organisations: CIA World Factbook (public domain)")

    rows = []
    suffix = re.compile(r"(,? (Inc\.?|Corp\.?|Corporation|Co\.|Company|Ltd\.?|plc|PLC|LLC|Holdings|Group|"
                        r"Incorporated|N\.V\.|S\.A\.|AG|SE))+$")
    for r in read_tsv(os.path.join(g, "organizations", "companies_sp500.tsv")):
        name = r[1].replace(" (The)", "")
        name = re.sub(r"\s*\(.*?\)", "", name).strip()
        rows.append(name)
        short = suffix.sub("", name).strip()
        if short != name and (not is_common(short)) and len(short) > 2:
            rows.append(short + "\t" + name)
    write(out, "companies.txt", rows, "companies: S&P 500 constituents (ODC-PDDL-1.0)")

    rows = read_lines(os.path.join(g, "organizations", "universities.txt"))
    write(out, "universities.txt", rows, "universities: Hipo university-domains-list (MIT)")


if __name__ == "__main__":
    main()
