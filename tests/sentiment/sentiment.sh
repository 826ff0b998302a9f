#!/bin/sh
# sentiment.sh - the sentiment stage through the textpipe program: options,
# VADER figures in the JSON output, sentences and entities from a test
# pipeline, threads, and the errors a user sees.
. "$TP_SRCDIR/tests/integration/lib.sh"
TEST_PLUGINS="$TP_BUILDDIR/tests/sentiment"

expect_exit 0 "describe" -- "$TEXTPIPE" describe sentiment
for opt in document rules lexicon emoji_lexicon domain entity_words; do
    expect_in "$WORK/out" "$opt" "describe lists option $opt"
done

cat >"$WORK/vader.json" <<'JSON'
{"name": "vader", "stages": [{"plugin": "sentiment", "options": {"document": "whole", "rules": "vader"}}]}
JSON
printf 'The book was good.\n' >"$WORK/good.txt"
expect_exit 0 "VADER on a text file" -- "$TEXTPIPE" run -p "$WORK/vader.json" -f jsonl "$WORK/good.txt"
expect_in "$WORK/out" '"sentiment":{"compound":0.4404,"positive":0.492,"negative":0,"neutral":0.508}' \
    "the four figures in the output"

cat >"$WORK/layers.json" <<'JSON'
{"name": "layers", "stages": [
  {"plugin": "normalize"},
  {"plugin": "test-layers", "options": {"entities": [{"text": "Norland", "label": "GPE"}, {"text": "Sudria", "label": "GPE"}]}},
  {"plugin": "sentiment"}]}
JSON
cat >"$WORK/in.jsonl" <<'JSONL'
{"id": "a", "text": "Norland won a great victory. Sudria lost badly. \u201cIt was a terrible day,\u201d he said."}
{"id": "b", "text": "Nothing happened here."}
JSONL
expect_exit 0 "sentences and entities" -- "$TEXTPIPE" run --plugin-path "$TEST_PLUGINS" -p "$WORK/layers.json" "$WORK/in.jsonl"
cp "$WORK/out" "$WORK/layers.jsonl"
$CHECK_OUTPUT "$WORK/layers.jsonl" --jsonl "$WORK/in.jsonl" >/dev/null && pass "spans slice to their text" || fail "span offsets"
"$PY" - "$WORK/layers.jsonl" <<'PY' && pass "sentiment on sentences, entities and per entity" || fail "attributes"
import json, sys
docs = {d["id"]: d for d in map(json.loads, open(sys.argv[1]))}
a, b = docs["a"], docs["b"]
assert all(set(s["sentiment"]) == {"compound", "positive", "negative", "neutral"} for s in a["sentences"])
ents = {e["text"]: e["sentiment"]["compound"] for e in a["entities"]}
assert ents["Norland"] > 0.05 and ents["Sudria"] < -0.05, ents
agg = a["entity_sentiment"]
assert agg["Norland"]["mentions"] == 1 and agg["Norland"]["label"] == "GPE", agg
assert b["entity_sentiment"] == {} and b["sentiment"]["compound"] == 0, b
PY

expect_exit 0 "two threads give the same output" -- "$TEXTPIPE" run -j 2 --plugin-path "$TEST_PLUGINS" -p "$WORK/layers.json" "$WORK/in.jsonl"
cmp -s "$WORK/out" "$WORK/layers.jsonl" && pass "threads: identical output" || fail "threads: output differs"

cat >"$WORK/bad-option.json" <<'JSON'
{"name": "bad", "stages": [{"plugin": "sentiment", "options": {"document": "paragraphs"}}]}
JSON
expect_exit 3 "an unknown document mode" -- "$TEXTPIPE" run -p "$WORK/bad-option.json" "$WORK/good.txt"
expect_in "$WORK/err" "stages[0].options.document" "the option is named"

printf 'party\tvalence\n' >"$WORK/domain.tsv"
cat >"$WORK/bad-domain.json" <<JSON
{"name": "bad", "stages": [{"plugin": "sentiment", "options": {"domain": "$WORK/domain.tsv"}}]}
JSON
expect_exit 5 "a broken domain file" -- "$TEXTPIPE" run -p "$WORK/bad-domain.json" "$WORK/good.txt"
expect_in "$WORK/err" "domain.tsv:1:7: kind valence needs a number" "the file, line and column are named"
finish
