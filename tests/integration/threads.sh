#!/bin/sh
# threads.sh - `run -j N` writes the same bytes as `-j 1`, in input order,
# with failures reported in order too; stages whose plugin is not
# thread-safe (count-words) still run correctly.
. "$TP_SRCDIR/tests/integration/lib.sh"

"$PY" - "$WORK/many.jsonl" <<'PYEOF'
import json, random, sys
rnd = random.Random(7)
words = ["alpha", "b\u00e9ta", "gamma", "\u201cquoted\u201d", "delta-epsilon", "zeta", "\u00e9t\u00e9", "omega"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(600):
        n = rnd.choice([1, 5, 40, 400, 3000])  # skewed sizes make threads finish out of order
        text = " ".join(rnd.choice(words) for _ in range(n))
        if i in (101, 333):
            text = "FAIL " + text
        f.write(json.dumps({"id": "d%d" % i, "text": text}) + "\n")
        if i == 250:
            f.write("this line is not JSON\n")
PYEOF
cat >"$WORK/p.json" <<'JSON'
{"stages": [{"plugin": "normalize", "options": {"fold_punctuation": true}}, {"plugin": "words"},
            {"plugin": "count-words"}, {"plugin": "fail-process"}]}
JSON
for j in 1 2 5; do
    "$TEXTPIPE" run -j $j --on-error skip -p "$WORK/p.json" "$WORK/many.jsonl" >"$WORK/out.$j" 2>"$WORK/err.$j"
    echo $? >"$WORK/rc.$j"
done
for j in 2 5; do
    cmp -s "$WORK/out.1" "$WORK/out.$j" && pass "-j $j output identical to -j 1" || fail "-j $j output differs"
    cmp -s "$WORK/err.1" "$WORK/err.$j" && pass "-j $j messages identical and in order" || fail "-j $j messages differ"
    cmp -s "$WORK/rc.1" "$WORK/rc.$j" && pass "-j $j exit status" || fail "-j $j exit status differs"
done
n=$(wc -l <"$WORK/out.1")
[ "$n" -eq 598 ] && pass "598 of 600 documents written" || fail "$n documents written, want 598"
expect_in "$WORK/err.1" "3 documents failed and were skipped (${WORK}/many.jsonl:102, ${WORK}/many.jsonl:252, ${WORK}/many.jsonl:335); 598 written" "skip summary"
# stop mode: the output ends just before the first failure, whatever -j
"$TEXTPIPE" run -j 1 -p "$WORK/p.json" "$WORK/many.jsonl" >"$WORK/stop.1" 2>/dev/null
"$TEXTPIPE" run -j 4 -p "$WORK/p.json" "$WORK/many.jsonl" >"$WORK/stop.4" 2>/dev/null
cmp -s "$WORK/stop.1" "$WORK/stop.4" && pass "stop mode: same output with -j 4" || fail "stop mode output differs"
n=$(wc -l <"$WORK/stop.4")
[ "$n" -eq 101 ] && pass "stop mode writes the 101 documents before the failure" || fail "stop mode wrote $n"
expect_exit 2 "-j 0 is refused" -- "$TEXTPIPE" run -j 0 "$WORK/many.jsonl"
finish
