#!/bin/sh
# run.sh - sentence-split through the textpipe program: JSON output with
# code point offsets, JSON Lines input, the option table, and the error of a
# bad abbreviations file.  Uses python3 to read the JSON (skipped without it).
set -u
: "${TP_BUILDDIR:?run through make check}"
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
TP="$TP_BUILDDIR/textpipe"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # name, command...
    name=$1; shift
    if "$@"; then echo "ok - $name"; else echo "FAIL - $name"; fail=1; fi
}

# 1. Plain text in, JSON out: sentences and (asked for) tokens, with code
#    point offsets into the original text.
printf '%s' 'Perú’s Dr. Ávila won’t run. “It’s over,” she said.' > "$tmp/a.txt"
"$TP" run -p sentence-split --tokens "$tmp/a.txt" > "$tmp/a.json" 2> "$tmp/a.err"
check "run exits 0" test $? -eq 0
check "sentences and tokens" "$PY" - "$tmp/a.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
t = d["text"]
sents = [t[s["start"]:s["end"]] for s in d["sentences"]]
assert sents == ["Perú’s Dr. Ávila won’t run.", "“It’s over,” she said."], sents
assert all(s["text"] == t[s["start"]:s["end"]] for s in d["sentences"])
toks = [(t[k["start"]:k["end"]], k["kind"], k.get("norm")) for k in d["tokens"]]
assert toks[:6] == [("Perú", "word", None), ("’s", "word", "'s"), ("Dr.", "word", None),
                    ("Ávila", "word", None), ("wo", "word", "will"), ("n’t", "word", "n't")], toks[:6]
assert ("“", "punct", '"') in toks and (".", "punct", None) in toks
PYEOF

# 2. Without --tokens the hidden tokens layer is not written.
"$TP" run -p sentence-split "$tmp/a.txt" > "$tmp/b.json"
check "tokens hidden by default" "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert 'tokens' not in d and len(d['sentences'])==2" "$tmp/b.json"

# 3. JSON Lines in and out, one line per document, ids kept.
printf '%s\n' '{"id": 7, "text": "One. Two."}' '{"id": "x", "text": "Three"}' > "$tmp/c.jsonl"
"$TP" run -p sentence-split "$tmp/c.jsonl" > "$tmp/c.out"
check "jsonl" "$PY" - "$tmp/c.out" <<'PYEOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert [r["id"] for r in rows] == [7, "x"], rows
assert [[s["text"] for s in r["sentences"]] for r in rows] == [["One.", "Two."], ["Three"]], rows
PYEOF

# 4. describe documents the options.
"$TP" describe sentence-split > "$tmp/d.txt"
for opt in abbreviations titles abbreviations_file builtin_abbreviations newlines max_sentence_length \
           split_contractions datelines; do
    check "describe lists $opt" grep -q "^  $opt " "$tmp/d.txt"
done
check "describe says what it provides" grep -Eq "provides: *tokens, ?sentences" "$tmp/d.txt"

# 5. A bad abbreviations file: stage failure naming the file, line and column.
printf 'Sqn title\nRs money\n' > "$tmp/abbr.txt"
printf '{"name": "t", "stages": [{"plugin": "sentence-split", "options": {"abbreviations_file": "abbr.txt"}}]}\n' \
    > "$tmp/p.json"
echo "x" | "$TP" run -p "$tmp/p.json" - > /dev/null 2> "$tmp/e.txt"
rc=$?
check "bad file fails the stage (exit 5)" test $rc -eq 5
check "error names file:line:column" grep -q "abbr.txt:2:4" "$tmp/e.txt"

# 6. The relative path is taken from the pipeline's folder; options work.
printf 'Sqn title\nRs\n' > "$tmp/abbr.txt"
printf '%s' 'Sqn. Diaz paid Rs. 40.' | "$TP" run -p "$tmp/p.json" - > "$tmp/f.json"
check "abbreviations file used" "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert [s['text'] for s in d['sentences']]==['Sqn. Diaz paid Rs. 40.'], d" "$tmp/f.json"

exit $fail
