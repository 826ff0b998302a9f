#!/bin/sh
# article.sh - entity-tag end to end through `textpipe run` on the sample
# article: every person, country, city, nationality and organization is
# found with the right label, and mentions share a canonical name.
. "$TP_SRCDIR/tests/integration/lib.sh"
ARTICLE="$SRC/examples/article.txt"

expect_exit 0 "entities pipeline on the sample article" -- \
    "$TEXTPIPE" run -p "$SRC/pipelines/entities.json" -f jsonl "$ARTICLE"
cp "$WORK/out" "$WORK/article.jsonl"
$CHECK_OUTPUT "$WORK/article.jsonl" --text "$ARTICLE" >/dev/null && pass "every entity slices to its text" ||
    fail "entity offsets"

# label, text, how many times (mentions in the article)
$PY - "$WORK/article.jsonl" <<'PY' && pass "sample article: people, places, groups and organizations" || fail "sample article entities"
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
got = {}
canon = {}
for e in doc["entities"]:
    got[(e["label"], e["text"])] = got.get((e["label"], e["text"]), 0) + 1
    canon.setdefault(e["text"], set()).add(e["canonical"])
want = {
    ("PERSON", "Fidel Gutiérrez"): 1, ("PERSON", "Heather Chen"): 1, ("PERSON", "Jorge Glas"): 1,
    ("PERSON", "Glas"): 5, ("PERSON", "Rafael Correa"): 1, ("PERSON", "Andrés Manuel López Obrador"): 1,
    ("PERSON", "Lopez Obrador"): 1, ("PERSON", "Roberto Canseco"): 1, ("PERSON", "Canseco"): 2,
    ("PERSON", "Alicia Bárcena"): 1, ("PERSON", "Bárcena"): 1, ("PERSON", "Fernando Villavicencio"): 1,
    ("GPE", "Mexico"): 6, ("GPE", "Ecuador"): 10, ("GPE", "Quito"): 1,
    ("NORP", "Mexican"): 5, ("NORP", "Ecuadorian"): 4, ("NORP", "Latin American"): 1,
    ("ORG", "CNN"): 2, ("ORG", "CNN en Español"): 1, ("ORG", "CNNE"): 1,
    ("ORG", "International Court of Justice"): 1,
    ("DATE", "Friday"): 1, ("DATE", "between 2013 and 2017"): 1, ("DATE", "this week"): 1,
    ("TIME", "tonight"): 1,
}
bad = 0
for k, n in want.items():
    if got.get(k, 0) != n:
        print("want %d x %s %s, got %d" % (n, k[0], k[1], got.get(k, 0)), file=sys.stderr)
        bad += 1
# nothing tagged as a person that is not one
people = {t for (l, t) in got if l == "PERSON"}
extra = people - {t for (l, t) in want if l == "PERSON"}
if extra:
    print("unexpected PERSON: %s" % sorted(extra), file=sys.stderr)
    bad += 1
for short, full in (("Glas", "Jorge Glas"), ("Lopez Obrador", "Andrés Manuel López Obrador"),
                    ("Canseco", "Roberto Canseco"), ("Bárcena", "Alicia Bárcena")):
    if canon.get(short) != {full}:
        print("canonical of %s: %s, want %s" % (short, canon.get(short), full), file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY

# options reach the stage from a pipeline file; user lists resolve next to it
cat >"$WORK/mine.txt" <<'LIST'
Canseco	Roberto Canseco (diplomat)
LIST
cat >"$WORK/p.json" <<'JSON'
{"name": "p", "stages": [{"plugin": "sentence-split"},
  {"plugin": "entity-tag", "options": {"labels": ["PERSON"], "gazetteers": [{"label": "PERSON", "file": "mine.txt"}]}}]}
JSON
expect_exit 0 "labels and a user list relative to the pipeline" -- "$TEXTPIPE" run -p "$WORK/p.json" -f jsonl "$ARTICLE"
expect_in "$WORK/out" '"canonical":"Roberto Canseco (diplomat)"' "the user's canonical name is used"
if grep -q '"label":"GPE"' "$WORK/out"; then fail "labels option: GPE written"; else pass "labels option keeps only PERSON"; fi
finish
