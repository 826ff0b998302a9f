#!/bin/sh
# SIGHUP reloads the jobs file; a broken file (syntax or meaning) keeps
# the old jobs running and logs where the problem is; the log file is
# reopened (rotation).  SIGTERM lets the running run finish, then exits 0.
. "$TP_SRCDIR/tests/schedule/lib.sh"

mkdir in in2 slow
cat >misbehave.json <<'JSON'
{"name": "misbehave", "stages": [{"plugin": "misbehave"}]}
JSON
cat >jobs.json <<'JSON'
{"jobs": [{"name": "a", "schedule": "@every 1s", "pipeline": "clean", "input": "in/*.txt",
           "output": "out/{job}-{time}.jsonl"}]}
JSON
LOG=$WORK/daemon.log
"$TEXTPIPE" schedule run jobs.json --log "$LOG" --plugin-path "$TEST_PLUGINS" --stop-grace 20s 2>stderr.txt &
DAEMON_PID=$!
wait_for 5 grep -q '"event":"started"' "$LOG" || fail "did not start"
printf 'one\n' >in/1.txt
wait_for 5 documents_out 1 || fail "1.txt not processed"

# A syntax error: refused with its position; job a goes on.
cat >jobs.json <<'JSON'
{"jobs": [{"name": "a", "schedule": "@every 1s", "pipeline": "clean", "input": "in/*.txt",
           "output": "out/{job}-{time}.jsonl"},
]}
JSON
kill -HUP "$DAEMON_PID"
wait_for 5 log_has '"event":"reload-failed"' 'jobs.json:3:' 'old jobs keep running' || fail "no reload-failed with position"
printf 'two\n' >in/2.txt
wait_for 5 documents_out 2 || fail "the old job stopped after a failed reload"

# A mistake in meaning: refused, pointing into the cron expression.
cat >jobs.json <<'JSON'
{"jobs": [{"name": "a", "schedule": "61 * * * *", "pipeline": "clean", "input": "in/*.txt",
           "output": "out/{job}-{time}.jsonl"}]}
JSON
kill -HUP "$DAEMON_PID"
wait_for 5 log_has '"event":"reload-failed"' 'jobs.json:1:38: error: jobs[0].schedule: minute field: 61 is out of range' \
    || fail "no reload-failed pointing at the field"
printf 'three\n' >in/3.txt
wait_for 5 documents_out 3 || fail "the old job stopped after the second failed reload"

# A good file: new job b, and job c that takes a while.  The log was
# rotated meanwhile: the reload reopens it.
cat >jobs.json <<'JSON'
{"jobs": [{"name": "a", "schedule": "@every 1s", "pipeline": "clean", "input": "in/*.txt",
           "output": "out/{job}-{time}.jsonl"},
          {"name": "b", "schedule": "@every 1s", "pipeline": "clean", "input": "in2/*.txt",
           "output": "out/{job}-{time}.jsonl"},
          {"name": "c", "schedule": "@every 1s", "pipeline": "misbehave.json", "input": "slow/*.txt",
           "output": "out/{job}-{time}.jsonl"}]}
JSON
mv "$LOG" "$LOG.1"
kill -HUP "$DAEMON_PID"
wait_for 5 log_has '"event":"reloaded"' '"jobs":3' '"added":2' || fail "the good file was not loaded"
[ -s "$LOG.1" ] || fail "the rotated log is empty"
printf 'four\n' >in2/4.txt
wait_for 5 log_has '"event":"finish"' '"job":"b"' '"status":"ok"' || fail "new job b did not run"

# SIGTERM during a run: no new runs, the run finishes, exit 0.
printf 'SLOW five\n' >slow/5.txt
printf 'SLOW six\n' >slow/6.txt
wait_for 5 log_has '"event":"start"' '"job":"c"' || fail "job c did not start"
kill -TERM "$DAEMON_PID"
printf 'seven\n' >in/7.txt
wait "$DAEMON_PID"
STOP_STATUS=$?
DAEMON_PID=
[ "$STOP_STATUS" -eq 0 ] || fail "SIGTERM: exit status $STOP_STATUS"
log_has '"event":"stopping"' '"running":1' || fail "no stopping event"
log_has '"event":"finish"' '"job":"c"' '"status":"ok"' '"documents":2' || fail "the running run was not let finish"
log_has '"event":"stopped"' || fail "no stopped event"
exactly_once 6
no_leftovers
[ -s stderr.txt ] && fail "with --log, nothing goes to standard error: $(cat stderr.txt)"
exit 0
