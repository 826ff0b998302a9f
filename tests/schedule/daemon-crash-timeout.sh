#!/bin/sh
# A plugin that crashes, or hangs past the timeout (even ignoring
# SIGTERM), kills only its run: the daemon goes on with the other jobs,
# records the signal, reaps every child, retries, and leaves the input
# unmarked and no partial output.
. "$TP_SRCDIR/tests/schedule/lib.sh"

mkdir crash hang good
cat >misbehave.json <<'JSON'
{"name": "misbehave", "stages": [{"plugin": "misbehave"}]}
JSON
cat >jobs.json <<'JSON'
{
  "defaults": {"schedule": "@every 1s", "pipeline": "misbehave.json", "output": "out/{job}-{time}.jsonl"},
  "jobs": [
    {"name": "crashy", "schedule": "@every 3s", "input": "crash/*.txt", "retries": 1, "retry_delay": "1s"},
    {"name": "hangy", "input": "hang/*.txt", "timeout": "1s", "kill_grace": "1s", "retries": 0},
    {"name": "good", "input": "good/*.txt", "pipeline": "clean"}
  ]
}
JSON
printf 'this one will CRASH\n' >crash/x.txt
printf 'STUBBORN: ignores SIGTERM and never returns\n' >hang/y.txt
start_daemon jobs.json --plugin-path "$TEST_PLUGINS" --stop-grace 1s

wait_for 8 log_has '"job":"crashy"' '"status":"crashed"' '"signal":"SIGSEGV"' || fail "no crash recorded"
wait_for 8 log_has '"event":"retry"' '"job":"crashy"' '"attempt":2' || fail "the crash was not retried"
wait_for 8 log_has '"event":"finish"' '"job":"crashy"' '"attempt":2' '"status":"crashed"' || fail "no second attempt"
wait_for 8 log_has '"event":"terminate"' '"job":"hangy"' '"reason":"timeout"' || fail "no timeout"
wait_for 8 log_has '"event":"kill"' '"job":"hangy"' '"signal":"SIGKILL"' || fail "SIGTERM was ignored, but no SIGKILL followed"
wait_for 8 log_has '"event":"finish"' '"job":"hangy"' '"status":"timeout"' '"signal":"SIGKILL"' || fail "no timeout finish"

# The daemon is alive and still works for the other jobs.
kill -0 "$DAEMON_PID" || fail "the scheduler died"
printf 'a good document\n' >good/z.txt
wait_for 5 log_has '"event":"finish"' '"job":"good"' '"status":"ok"' '"documents":1' || fail "the good job did not run"

# The hung run and everything in its process group are gone, and reaped.
hang_pid=$(grep '"event":"finish".*"job":"hangy"' "$LOG" | head -1 | sed 's/.*"pid":\([0-9]*\).*/\1/')
[ -n "$hang_pid" ] || fail "no pid in the finish event"
kill -0 "$hang_pid" 2>/dev/null && fail "the hung run $hang_pid is still there"
kill -0 -- "-$hang_pid" 2>/dev/null && fail "its process group is still there"
[ -z "$(zombies)" ] || fail "zombie children: $(zombies)"

stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "SIGTERM: exit status $STOP_STATUS"
# Inputs of failed runs are not marked as processed; no partial outputs.
grep -qF "\"$WORK/crash/x.txt\":{" jobs.state.json && fail "the crashed input was marked processed"
grep -qF "\"$WORK/hang/y.txt\":{" jobs.state.json && fail "the timed-out input was marked processed"
grep -qF "\"$WORK/good/z.txt\":{" jobs.state.json || fail "the good input was not marked processed"
ls out/crashy-* out/hangy-* 2>/dev/null && fail "a failed run left output"
no_leftovers
exactly_once 1
grep -q '"status":"crashed"' jobs.state.json || fail "the history lacks the crash"
exit 0
