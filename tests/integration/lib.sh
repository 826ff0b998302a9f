# lib.sh - shared helpers for the shell integration tests (sourced).
# make check sets TP_SRCDIR, TP_BUILDDIR and the TEXTPIPE_* paths.
set -u
TEXTPIPE="${TP_BUILDDIR:?run through make check}/textpipe"
PY="${PYTHON3:-python3}"
SRC="$TP_SRCDIR"
CHECK_OUTPUT="$PY $SRC/tests/integration/check_output.py"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tp-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_exit CODE DESCRIPTION -- COMMAND...: run, keep stdout/stderr in
# $WORK/out and $WORK/err, check the exit status.
expect_exit() {
    want=$1; what=$2; shift 3
    "$@" >"$WORK/out" 2>"$WORK/err"
    got=$?
    if [ "$got" -eq "$want" ]; then pass "$what (exit $got)"; else
        fail "$what: exit $got, want $want"; sed 's/^/  stderr: /' "$WORK/err" | head -5 >&2; fi
}

# expect_in FILE TEXT DESCRIPTION: FILE contains TEXT (fixed string).
expect_in() {
    if grep -qF -- "$2" "$1"; then pass "$3"; else
        fail "$3: '$2' not in $1"; head -5 "$1" | sed 's/^/  /' >&2; fi
}

finish() {
    if [ "$failures" -gt 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
    exit 0
}
