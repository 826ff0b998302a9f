#!/bin/sh
# run.sh - `textpipe run` end to end: the sample article, JSON Lines in and
# out, input errors with their policies, stage failures.
. "$TP_SRCDIR/tests/integration/lib.sh"
ARTICLE="$SRC/examples/article.txt"

expect_exit 0 "default pipeline on the sample article" -- "$TEXTPIPE" run "$ARTICLE"
cp "$WORK/out" "$WORK/article.json"
$CHECK_OUTPUT "$WORK/article.json" --text "$ARTICLE" >/dev/null && pass "article: text kept, every span slices to its text" || fail "article output"
expect_in "$WORK/article.json" "\"id\": \"$ARTICLE\"" "the id of a text file is its name"
expect_exit 0 "text rendering" -- "$TEXTPIPE" run -f text "$ARTICLE"
expect_in "$WORK/out" "== $ARTICLE" "text rendering names the document"
printf 'Cafe\314\201 ok' >"$WORK/decomposed.txt"
expect_exit 0 "stdin" -- sh -c "'$TEXTPIPE' run -f jsonl <'$WORK/decomposed.txt'"
expect_in "$WORK/out" "$(printf '"normalized_text":"Caf\303\251 ok"')" "normalize composes and the view is output"
expect_in "$WORK/out" '"id":"stdin"' "standard input is called stdin"

# JSON Lines: ids of any kind kept, order kept, offsets in code points.
cat >"$WORK/in.jsonl" <<'JSONL'
{"id": "a", "text": "Caf\u00e9 \u201cquoted\u201d \ud83d\ude00 end"}

{"id": 7, "text": "second\r\ndocument"}
{"text": "no id here"}
{"id": "nul", "text": "a\u0000b"}
JSONL
expect_exit 0 "jsonl in, jsonl out" -- "$TEXTPIPE" run -p clean "$WORK/in.jsonl"
cp "$WORK/out" "$WORK/out.jsonl"
$CHECK_OUTPUT "$WORK/out.jsonl" --jsonl "$WORK/in.jsonl" >/dev/null && pass "jsonl: ids, order and texts kept" || fail "jsonl output"
expect_in "$WORK/out.jsonl" '"id":4,' "a missing id becomes the line number"
expect_in "$WORK/out.jsonl" '"normalized_text":"second\ndocument"' "clean unifies newlines"

# Bad lines: stop (default) names the line; skip outputs every good one.
printf '{"id":1,"text":"good"}\nnot json\n{"id":3}\n{"id":4,"text":5}\n{"id":5,"text":"also good"}\n{"id":6,"text":"cut' >"$WORK/bad.jsonl"
expect_exit 4 "bad line stops the run" -- "$TEXTPIPE" run "$WORK/bad.jsonl"
expect_in "$WORK/err" "bad.jsonl:2:3: not JSON" "the bad line and column are named"
expect_in "$WORK/out" '"id":1' "documents before the bad line are written"
expect_exit 0 "skip mode" -- "$TEXTPIPE" run --on-error skip "$WORK/bad.jsonl"
expect_in "$WORK/out" '"id":5' "skip mode still processes good documents after bad ones"
expect_in "$WORK/err" 'bad.jsonl:3: the object has no "text"' "missing text named"
expect_in "$WORK/err" 'bad.jsonl:4: "text" is not a string' "wrong type named"
expect_in "$WORK/err" "4 documents failed and were skipped (${WORK}/bad.jsonl:2, ${WORK}/bad.jsonl:3, ${WORK}/bad.jsonl:4, ${WORK}/bad.jsonl:6); 2 written" "summary lists the failed lines"

# Invalid UTF-8: refused with the byte offset, or replaced on request.
printf 'ok\nthen \377 bad' >"$WORK/latin.txt"
expect_exit 4 "invalid UTF-8" -- "$TEXTPIPE" run "$WORK/latin.txt"
expect_in "$WORK/err" "invalid UTF-8 at byte offset 8 (line 2)" "the byte offset is named"
expect_in "$WORK/err" "--invalid-utf8 replace" "the message says what to do"
expect_exit 0 "--invalid-utf8 replace" -- "$TEXTPIPE" run --invalid-utf8 replace -f jsonl "$WORK/latin.txt"
expect_in "$WORK/out" "$(printf 'then \357\277\275 bad')" "bad bytes become U+FFFD"

# Stages that fail: create (exit 5, names the stage) and process (names the document).
printf '{"stages": [{"plugin": "fail-create"}]}' >"$WORK/fc.json"
expect_exit 5 "failing create" -- "$TEXTPIPE" run -p "$WORK/fc.json" "$ARTICLE"
expect_in "$WORK/err" "stages[0] (fail-create): create failed" "create failure names the stage"
printf '{"stages": [{"plugin": "fail-process"}]}' >"$WORK/fp.json"
printf '{"id":"x1","text":"fine"}\n{"id":"x2","text":"FAIL here"}\n{"id":"x3","text":"fine"}\n' >"$WORK/fp.jsonl"
expect_exit 5 "failing process" -- "$TEXTPIPE" run -p "$WORK/fp.json" "$WORK/fp.jsonl"
expect_in "$WORK/err" "fp.jsonl:2: stages[0] (fail-process) failed on document 'x2'" "process failure names line, stage and document"
expect_exit 0 "failing process, skip mode" -- "$TEXTPIPE" run --on-error skip -p "$WORK/fp.json" "$WORK/fp.jsonl"
expect_in "$WORK/out" '"id":"x3"' "skip mode goes on after a failing document"

# Several text files with -f json make one array; -o writes a file.
expect_exit 0 "two files, one array" -- "$TEXTPIPE" run -f json -o "$WORK/two.json" "$ARTICLE" "$WORK/latin.txt" --invalid-utf8 replace
"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == 2" "$WORK/two.json" \
    && pass "-f json with two files is an array of two" || fail "two-file array"
expect_exit 0 "empty input" -- sh -c "printf '' | '$TEXTPIPE' run -f jsonl"
expect_in "$WORK/out" '"text":""' "an empty document is still a document"
finish
