#!/bin/sh
# Files dropped into an input directory are processed exactly once, by a
# daemon running @every 1s; a restart processes nothing again; a second
# daemon on the same state is refused; `trigger` reaches the running one.
. "$TP_SRCDIR/tests/schedule/lib.sh"

mkdir in manual
cat >jobs.json <<'JSON'
{
  "jobs": [
    {"name": "clean", "schedule": "@every 1s", "pipeline": "clean", "input": "in/*.txt",
     "output": "out/{job}-{time}.jsonl"},
    {"name": "by-hand", "schedule": "@yearly", "pipeline": "clean", "input": "manual",
     "output": "out/{job}-{time:%Y%m%d-%H%M%S}.jsonl"}
  ]
}
JSON
printf 'first   document\n' >in/a.txt
printf 'second\n' >in/b.txt
start_daemon jobs.json
wait_for 5 documents_out 2 || fail "a.txt and b.txt were not processed"

# More arrive while it runs: written elsewhere and renamed, as producers should.
printf 'third\n' >in/.c.part && mv in/.c.part in/c.txt
printf 'not a .txt\n' >in/d.md
wait_for 5 documents_out 3 || fail "c.txt was not processed"
sleep 1.5 # idle slots: nothing new

# A second scheduler on the same state is refused, and says by whom.
"$TEXTPIPE" schedule run jobs.json 2>second.err
rc=$?
[ "$rc" -eq 1 ] || fail "a second scheduler was not refused (status $rc)"
grep -q "in use by another textpipe scheduler (pid $DAEMON_PID)" second.err || fail "unclear refusal: $(cat second.err)"

# `trigger` asks the running scheduler to run a job now.
printf 'by hand\n' >manual/m.txt
"$TEXTPIPE" schedule trigger jobs.json by-hand >trigger.out || fail "trigger failed: $(cat trigger.out)"
grep -q "asked the running scheduler (pid $DAEMON_PID)" trigger.out || fail "trigger: $(cat trigger.out)"
wait_for 5 log_has '"event":"finish"' '"job":"by-hand"' '"status":"ok"' '"manual":true' || fail "the triggered run did not finish"

stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "SIGTERM: exit status $STOP_STATUS"
log_has '"event":"stopped"' || fail "no stopped event"
exactly_once 4
no_leftovers
runs=$(grep -c '"event":"finish".*"status":"ok"' "$LOG")
files=$(ls out/*.jsonl | wc -l)
[ "$runs" -eq "$files" ] || fail "$runs successful runs but $files output files"
log_has '"event":"finish"' '"job":"clean"' '"documents":2' '"duration":' || fail "finish events lack documents or duration"
log_has '"event":"skipped"' '"reason":"no new input"' || fail "idle slots are not logged"

# Restart: the state remembers; nothing is processed again.
start_daemon jobs.json
sleep 2.2
stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "second run: exit status $STOP_STATUS"
exactly_once 4

"$TEXTPIPE" schedule list jobs.json >list.out || fail "list failed"
grep -q '^clean .* ok ' list.out || fail "list: $(cat list.out)"
grep -q '^by-hand .* ok ' list.out || fail "list: $(cat list.out)"
exit 0
