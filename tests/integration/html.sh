#!/bin/sh
# html.sh - the HTML report of the sample article in a real browser:
# headless Chromium loads it, takes a screenshot, and its DOM holds the
# entity marks with their labels.  Skipped (exit 77) without Chromium;
# tools/install-deps --test installs it, so CI runs it.
. "$TP_SRCDIR/tests/integration/lib.sh"

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: no chromium on PATH (Debian: apt-get install chromium; tools/install-deps --test does)"
    exit 77
fi
# The flags the machine needs: no sandbox as root, no GPU, and no
# background networking (the machine has no network to talk to).
chrome() { # PROFILE-NAME ARGS...
    profile=$1; shift
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$WORK/profile-$profile" --enable-logging=stderr --v=0 "$@"
}

expect_exit 0 "render the sample article as HTML" -- "$TEXTPIPE" run -f html -o "$WORK/report.html" "$SRC/examples/article.txt"
chrome shot --window-size=1280,2000 --screenshot="$WORK/shot.png" "file://$WORK/report.html" >"$WORK/shot.out" 2>"$WORK/shot.err" \
    && pass "chromium loaded the page" || fail "chromium failed: $(tail -3 "$WORK/shot.err")"
size=$(wc -c <"$WORK/shot.png" 2>/dev/null || echo 0)
[ "$size" -gt 50000 ] && head -c 8 "$WORK/shot.png" | od -c | grep -q 'P   N   G' \
    && pass "a screenshot was taken ($size bytes)" || fail "no screenshot ($size bytes)"
grep -q "CONSOLE" "$WORK/shot.err" && fail "the page logged console messages: $(grep CONSOLE "$WORK/shot.err" | head -3)" \
    || pass "no console errors"
chrome dom --dump-dom "file://$WORK/report.html" >"$WORK/dom.html" 2>/dev/null || fail "dump-dom failed"
marks=$(grep -o '<mark class="ent"' "$WORK/dom.html" | wc -l)
[ "$marks" -ge 40 ] && pass "$marks entity marks in the DOM" || fail "only $marks entity marks in the DOM"
for label in PERSON GPE NORP ORG DATE; do
    grep -q "<mark class=\"ent\" data-label=\"$label\"" "$WORK/dom.html" && pass "$label marks present" || fail "no $label mark"
done
expect_in "$WORK/dom.html" 'Jorge Glas<span class="lbl">PERSON</span></mark>' "labels are written out, not shown by color alone"
expect_in "$WORK/dom.html" '<th scope="col">Entity</th>' "the entity table has column headers"
grep -q '<script' "$WORK/dom.html" && fail "the report has a script" || pass "no scripts"
finish
