# tests/schedule/lib.sh - helpers for the scheduler's end-to-end tests
# (sourced).  Each test works in a fresh directory and leaves no process
# or file behind, whatever happens.

TEXTPIPE=$TP_BUILDDIR/textpipe
TEST_PLUGINS=$TP_BUILDDIR/tests/schedule/plugins
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tp-schedule-XXXXXX") || exit 99
LOG=$WORK/log
DAEMON_PID=

cleanup() {
    if [ -n "$DAEMON_PID" ]; then
        kill -KILL "$DAEMON_PID" 2>/dev/null
        wait "$DAEMON_PID" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 99

fail() {
    echo "FAIL: $*" >&2
    if [ -f "$LOG" ]; then
        echo "--- scheduler log:" >&2
        cat "$LOG" >&2
    fi
    exit 1
}

# wait_for SECONDS COMMAND...: true once COMMAND succeeds, polling.
wait_for() {
    limit=$(($1 * 10))
    shift
    tries=0
    until "$@"; do
        tries=$((tries + 1))
        [ "$tries" -ge "$limit" ] && return 1
        sleep 0.1
    done
    return 0
}

# start_daemon ARGS...: `textpipe schedule run ARGS` in the background,
# its log (standard error) appended to $LOG.
start_daemon() {
    "$TEXTPIPE" schedule run "$@" >>"$WORK/daemon.out" 2>>"$LOG" &
    DAEMON_PID=$!
    wait_for 10 grep -q '"event":"started"' "$LOG" || fail "the scheduler did not start"
}

# stop_daemon: SIGTERM, and the exit status in $STOP_STATUS.
stop_daemon() {
    kill -TERM "$DAEMON_PID"
    wait "$DAEMON_PID"
    STOP_STATUS=$?
    DAEMON_PID=
}

# log_has WORDS...: a log line contains every word (fixed strings).
log_has() {
    _lines=$(cat "$LOG")
    for _w in "$@"; do
        _lines=$(printf '%s\n' "$_lines" | grep -F -- "$_w") || return 1
    done
    return 0
}

# The ids of all documents written so far, one per line, sorted.
output_ids() {
    cat "$WORK"/out/*.jsonl 2>/dev/null | grep -o '"id":"[^"]*"' | sort
}

documents_out() {
    [ "$(output_ids | wc -l)" -ge "$1" ]
}

# Every document exactly once: no id twice, and exactly N ids.
exactly_once() {
    dups=$(output_ids | uniq -d)
    [ -z "$dups" ] || fail "processed twice: $dups"
    n=$(output_ids | wc -l)
    [ "$n" -eq "$1" ] || fail "expected $1 documents in the outputs, found $n: $(output_ids)"
}

# No temporary or partial files anywhere under out/.
no_leftovers() {
    left=$(find "$WORK/out" -name '.*' 2>/dev/null)
    [ -z "$left" ] || fail "left behind: $left"
}

# Zombie children of the scheduler.
zombies() {
    for s in /proc/[0-9]*/stat; do
        # fields after the command name: state ppid ...
        rest=$(sed 's/.*) //' "$s" 2>/dev/null) || continue
        set -- $rest
        [ "$1" = Z ] && [ "$2" = "$DAEMON_PID" ] && echo "$s"
    done
    return 0
}
