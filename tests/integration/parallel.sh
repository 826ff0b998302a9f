#!/bin/sh
# parallel.sh - the GNU parallel recipe of docs/cluster.md: JSON Lines split
# across several textpipe processes with `parallel --pipe` give the same
# documents as one process (up to order, which is restored by id).
. "$TP_SRCDIR/tests/integration/lib.sh"

if ! command -v parallel >/dev/null; then
    echo "SKIP: no GNU parallel (Debian: apt-get install parallel; tools/install-deps --test does)"
    exit 77
fi
"$PY" - "$WORK/in.jsonl" <<'PYEOF'
import json, random, sys
r = random.Random(3)
words = ["The", "minister", "said", "Mexico", "and", "Ecuador", "broke", "relations", "on", "Friday", "very", "badly"]
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        text = " ".join(r.choice(words) for _ in range(r.randint(3, 60))) + "."
        f.write(json.dumps({"id": "doc-%d" % i, "text": text}) + "\n")
PYEOF
expect_exit 0 "one process" -- "$TEXTPIPE" run -j 1 --input-format jsonl -f jsonl "$WORK/in.jsonl"
mv "$WORK/out" "$WORK/one.jsonl"
# the recipe: blocks of lines to 4 processes, each reading stdin
expect_exit 0 "parallel --pipe over 4 processes" -- sh -c \
    "parallel --pipe --block 40k -j 4 '$TEXTPIPE' run -j 1 --input-format jsonl -f jsonl <'$WORK/in.jsonl'"
mv "$WORK/out" "$WORK/many.jsonl"
"$PY" - "$WORK/one.jsonl" "$WORK/many.jsonl" <<'PYEOF' && pass "the same 3000 documents, restored by id" || fail "documents differ"
import json, sys
one = {json.loads(l)["id"]: l for l in open(sys.argv[1])}
many = {}
for l in open(sys.argv[2]):
    d = json.loads(l)
    assert d["id"] not in many, "duplicate " + d["id"]
    many[d["id"]] = l
assert len(one) == 3000 and one == many, "%d vs %d documents" % (len(one), len(many))
PYEOF
finish
