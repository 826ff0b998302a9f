#!/bin/sh
# kill -9 of the daemon in the middle of a run, then a restart: the run
# dies with the daemon, nothing is published half-done, the slot is run
# again into the same file name, and every input is processed exactly
# once.  Then the other crash window: output published but not yet
# recorded - the restart completes the record instead of running again.
. "$TP_SRCDIR/tests/schedule/lib.sh"

mkdir in
cat >misbehave.json <<'JSON'
{"name": "misbehave", "stages": [{"plugin": "misbehave"}]}
JSON
cat >jobs.json <<'JSON'
{"jobs": [{"name": "slow", "schedule": "@every 1s", "pipeline": "misbehave.json", "input": "in/*.txt",
           "output": "out/{job}-{epoch}.jsonl"}]}
JSON
for i in 1 2; do printf 'SLOW document %s\n' "$i" >in/$i.txt; done
start_daemon jobs.json --plugin-path "$TEST_PLUGINS"
wait_for 5 log_has '"event":"start"' '"inputs":2' || fail "the run did not start"
run_pid=$(grep '"event":"start"' "$LOG" | head -1 | sed 's/.*"pid":\([0-9]*\).*/\1/')
slot=$(grep '"event":"start"' "$LOG" | head -1 | sed 's/.*"output":"[^"]*slow-\([0-9]*\)\.jsonl".*/\1/')
sleep 0.5
kill -KILL "$DAEMON_PID"
wait "$DAEMON_PID" 2>/dev/null
DAEMON_PID=
# The run does not outlive the scheduler (PR_SET_PDEATHSIG).
wait_for 3 sh -c "! kill -0 $run_pid 2>/dev/null" || fail "the run $run_pid outlived the scheduler"
ls out/*.jsonl 2>/dev/null && fail "a killed run published output"
grep -q '"tmp":' jobs.state.json || fail "the state does not record the run in progress"

start_daemon jobs.json --plugin-path "$TEST_PLUGINS"
wait_for 5 log_has '"event":"recovered"' '"status":"interrupted"' || fail "the interrupted run was not recovered"
log_has '"event":"resume"' '"attempt":2' || fail "the interrupted slot is not run again"
wait_for 10 log_has '"event":"finish"' '"status":"ok"' '"documents":2' || fail "the slot was not run again"
[ -f "out/slow-$slot.jsonl" ] || fail "the rerun did not write the slot's own file out/slow-$slot.jsonl: $(ls out)"
sleep 1.2
stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "exit status $STOP_STATUS"
exactly_once 2
no_leftovers
[ "$(ls out/*.jsonl | wc -l)" -eq 1 ] || fail "more than one output: $(ls out)"

# Published but not recorded: a state that still lists the run, and its
# output in place.  The restart records it and runs nothing again.
mkdir b b/in b/out
printf 'late document\n' >b/in/4.txt
size=$(wc -c <b/in/4.txt)
mtime_ns=$(date -r b/in/4.txt +%s%N)
printf '{"id":"%s","text":"late document\\n"}\n' "$WORK/b/in/4.txt" >b/out/slow-1000.jsonl
cat >b/jobs.json <<'JSON'
{"jobs": [{"name": "slow", "schedule": "@every 1s", "pipeline": "misbehave.json", "input": "in/*.txt",
           "output": "out/{job}-{epoch}.jsonl"}]}
JSON
cp misbehave.json b/
cat >b/jobs.state.json <<JSON
{"version": 1, "jobs": {"slow": {"last_slot": 1000, "processed": {}, "history": [],
 "running": [{"slot": 1000, "attempt": 1, "manual": false, "started": 1000,
   "output": "$WORK/b/out/slow-1000.jsonl", "tmp": "$WORK/b/out/.slow-1000.jsonl.tmp-1-1",
   "inputs": [{"path": "$WORK/b/in/4.txt", "size": $size, "mtime_ns": $mtime_ns}]}]}}}
JSON
start_daemon b/jobs.json --plugin-path "$TEST_PLUGINS"
wait_for 5 log_has '"event":"recovered"' '"status":"ok"' || fail "the published run was not recorded"
sleep 1.5
stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "exit status $STOP_STATUS"
log_has '"event":"start"' '"job":"slow"' '"inputs":1' && fail "the recorded input was processed again"
grep -qF "\"$WORK/b/in/4.txt\":{" b/jobs.state.json || fail "4.txt is not marked processed"
[ "$(ls b/out/*.jsonl | wc -l)" -eq 1 ] || fail "unexpected outputs: $(ls b/out)"
exit 0
