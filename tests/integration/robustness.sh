#!/bin/sh
# robustness.sh - bad and extreme input: each case either works (valid
# output whose every span slices to its text) or fails with a clear message
# naming where and what to do, and nothing good is lost.
. "$TP_SRCDIR/tests/integration/lib.sh"

gen() { code=$1 file=$2; shift 2; "$PY" -c "$code" "$WORK/$file" "$@"; }
# Under the sanitizers (CI's distcheck) memory and time grow several times:
# the two heaviest cases are scaled down there, and run in full otherwise.
BIG_MB=100 TINY_DOCS=1000000
[ "${TP_SANITIZED:-no}" = yes ] && BIG_MB=20 TINY_DOCS=200000

# --- invalid UTF-8 of every kind: refused with the offset, or repaired
for case in "truncated:abc \342\202" "overlong:abc \300\257 x" "surrogate:abc \355\240\200 x" \
            "too-large:abc \364\220\200\200 x" "stray-continuation:abc \200 x"; do
    name=${case%%:*}
    printf "${case#*:}" >"$WORK/$name.txt"
    expect_exit 4 "invalid UTF-8 ($name) refused" -- "$TEXTPIPE" run "$WORK/$name.txt"
    expect_in "$WORK/err" "invalid UTF-8 at byte offset 4 (line 1)" "$name: the byte offset is named"
    expect_exit 0 "invalid UTF-8 ($name) replaced" -- "$TEXTPIPE" run --invalid-utf8 replace "$WORK/$name.txt"
    $CHECK_OUTPUT "$WORK/out" >/dev/null && pass "$name: spans slice after repair" || fail "$name: output"
    expect_in "$WORK/out" "$(printf '\357\277\275')" "$name: U+FFFD in the text"
done

# --- NUL bytes, white space only, punctuation only
printf 'before\000after. A second sentence with\000a NUL.' >"$WORK/nul.txt"
expect_exit 0 "NUL bytes" -- "$TEXTPIPE" run "$WORK/nul.txt"
$CHECK_OUTPUT "$WORK/out" >/dev/null && pass "NUL: spans slice" || fail "NUL output"
expect_in "$WORK/out" 'before\u0000after' "NUL kept and escaped"
printf ' \t\n\n   \r\n \342\200\203 ' >"$WORK/space.txt"
expect_exit 0 "white space only" -- "$TEXTPIPE" run "$WORK/space.txt"
expect_in "$WORK/out" '"sentences": []' "no sentences in white space"
printf '...!!! ??? --- ((( ))) ,,, ;;; \342\200\234\342\200\235 \342\200\246' >"$WORK/punct.txt"
expect_exit 0 "punctuation only" -- "$TEXTPIPE" run "$WORK/punct.txt"
$CHECK_OUTPUT "$WORK/out" >/dev/null && pass "punctuation: spans slice" || fail "punctuation output"

# --- deep nesting, long tokens, scripts, combining marks, emoji
gen "import sys; open(sys.argv[1],'w').write('('*100000 + 'deep' + ')'*100000 + ' ' + '\u201c\u2018\u00ab'*20000 + 'quoted' + '\u00bb\u2019\u201d'*20000 + '.')" nested.txt
expect_exit 0 "deeply nested brackets and quotes" -- "$TEXTPIPE" run "$WORK/nested.txt"
$CHECK_OUTPUT "$WORK/out" >/dev/null && pass "nesting: spans slice" || fail "nesting output"
gen "import sys; open(sys.argv[1],'w').write('start ' + 'x'*10000000 + ' end.')" longtoken.txt
expect_exit 0 "a 10 MB token" -- "$TEXTPIPE" run --tokens -f jsonl "$WORK/longtoken.txt"
"$PY" -c "
import json,sys
d=json.loads(open(sys.argv[1]).read())
assert any(t['end']-t['start']==10000000 for t in d['tokens']), 'no 10 MB token'
" "$WORK/out" && pass "the 10 MB token is one token" || fail "10 MB token"
gen "import sys; open(sys.argv[1],'w').write('\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645. \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd! Z' + '\u0301\u0302\u0303\u0304'*500 + ' x. \u202eevil\u202c text. e\u0301\u0323 A\u030a.')" scripts.txt
expect_exit 0 "right-to-left and combining-heavy text" -- "$TEXTPIPE" run --tokens "$WORK/scripts.txt"
$CHECK_OUTPUT "$WORK/out" >/dev/null && pass "scripts: spans slice" || fail "scripts output"
gen "import sys; open(sys.argv[1],'w').write('Family \U0001F468\u200d\U0001F469\u200d\U0001F467 and \U0001F1F2\U0001F1FD and \U0001F44D\U0001F3FD keycap 1\ufe0f\u20e3 \U0001F3F3\ufe0f\u200d\U0001F308 end.')" emoji.txt
expect_exit 0 "emoji sequences" -- "$TEXTPIPE" run --tokens "$WORK/emoji.txt"
$CHECK_OUTPUT "$WORK/out" >/dev/null && pass "emoji: spans slice" || fail "emoji output"
expect_in "$WORK/out" "\"text\": \"$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')\", \"kind\": \"emoji\"" "a ZWJ family is one token"

# --- big documents: 100 MB without a newline (tokens and sentences), and
# 2 MB through the whole default pipeline
gen "
import random, sys
r = random.Random(1)
w = ['the','minister','said','Mexico','embassy','police','in','Quito','on','Friday','.',',','very','good','news']
with open(sys.argv[1], 'w') as f:
    n = 0
    while n < int(sys.argv[2]) * 1_000_000:
        chunk = ' '.join(r.choice(w) for _ in range(100000)) + ' '
        f.write(chunk); n += len(chunk)
" big.txt $BIG_MB
expect_exit 0 "a $BIG_MB MB document without a newline" -- "$TEXTPIPE" run -p sentence-split -f jsonl "$WORK/big.txt"
tail -c 2 "$WORK/out" | od -c | grep -q '}  \\n' && pass "$BIG_MB MB: one complete JSON object" || fail "$BIG_MB MB output incomplete"
head -c 2000000 "$WORK/big.txt" >"$WORK/big2.txt"
expect_exit 0 "2 MB through the default pipeline" -- "$TEXTPIPE" run -f jsonl "$WORK/big2.txt"
$CHECK_OUTPUT "$WORK/out" >/dev/null && pass "2 MB: spans slice" || fail "2 MB output"
rm -f "$WORK/big.txt" "$WORK/out"

# --- a million tiny documents, on two threads, in order
gen "
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(int(sys.argv[2])):
        f.write('{\"id\":%d,\"text\":\"Doc %d.\"}\n' % (i, i))
" tiny.jsonl $TINY_DOCS
expect_exit 0 "$TINY_DOCS tiny documents" -- "$TEXTPIPE" run -j 2 -p news "$WORK/tiny.jsonl"
n=$(wc -l <"$WORK/out")
[ "$n" -eq "$TINY_DOCS" ] && pass "$TINY_DOCS documents out" || fail "$n documents out"
"$PY" -c "
import sys
for n, line in enumerate(open(sys.argv[1])):
    if not line.startswith('{\"id\":%d,' % n): sys.exit('document %d out of order' % n)
" "$WORK/out" && pass "in input order" || fail "order"
rm -f "$WORK/tiny.jsonl" "$WORK/out"

# --- JSON Lines: repeated ids are reported, nothing is dropped
printf '{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n{"id":"a","text":"z"}\n{"id":1,"text":"q"}\n{"id":"1","text":"q"}\n' >"$WORK/dup.jsonl"
expect_exit 0 "repeated ids" -- "$TEXTPIPE" run -p clean "$WORK/dup.jsonl"
expect_in "$WORK/err" 'dup.jsonl:3: warning: id "a" was already used by line 1; both are processed' "a repeated id is named with both lines"
[ "$(wc -l <"$WORK/out")" -eq 5 ] && pass "every document is still written" || fail "documents dropped"
grep -q 'warning: id 1 ' "$WORK/err" && fail "the number 1 and the string \"1\" are different ids" || pass "1 and \"1\" are different ids"

# --- pipelines: deep nesting and huge numbers are located errors
"$PY" -c "import sys; open(sys.argv[1],'w').write('{\"stages\": [{\"plugin\": \"words\", \"options\": {\"extra\": ' + '['*5000 + ']'*5000 + '}}]}')" "$WORK/deep.json"
expect_exit 3 "a pipeline nested 5000 deep" -- "$TEXTPIPE" validate "$WORK/deep.json"
expect_in "$WORK/err" "deep.json:1:" "deep nesting: file and line"
printf '{"stages": [{"plugin": "words", "options": {"max_words": 99999999999999999999999}}]}' >"$WORK/huge.json"
expect_exit 3 "a huge integer" -- "$TEXTPIPE" validate "$WORK/huge.json"
expect_in "$WORK/err" "huge.json:1:" "huge integer: file and line"
printf '{"stages": [{"plugin": "words", "options": {"weight": 1e400}}]}' >"$WORK/huge2.json"
expect_exit 3 "a number too large for a double" -- "$TEXTPIPE" validate "$WORK/huge2.json"
expect_in "$WORK/err" "huge2.json:1:" "huge real: file and line"
printf '{"stages": [{"plugin": "words", "options": {"max_words": 1000000000}}]}' >"$WORK/range.json"
expect_exit 3 "a number out of the option's range" -- "$TEXTPIPE" validate "$WORK/range.json"
expect_in "$WORK/err" "range.json:1:58: error: stages[0].options.max_words: 1e+09 is out of range" "out of range: located"
finish
