#!/bin/sh
# The concurrency policies with runs longer than the period: queue runs
# the waiting slots one after the other, replace stops the running run
# for the new one, allow overlaps runs without giving them the same
# input, forbid skips.  Every document still goes out exactly once.
. "$TP_SRCDIR/tests/schedule/lib.sh"

mkdir q r a f
cat >misbehave.json <<'JSON'
{"name": "misbehave", "stages": [{"plugin": "misbehave"}]}
JSON
cat >jobs.json <<'JSON'
{
  "defaults": {"schedule": "@every 1s", "pipeline": "misbehave.json", "output": "out/{job}-{time}.jsonl",
               "retries": 0},
  "jobs": [
    {"name": "queue", "input": "q/*.txt", "concurrency": "queue", "max_queued": 1},
    {"name": "replace", "input": "r/*.txt", "concurrency": "replace", "kill_grace": "1s"},
    {"name": "allow", "input": "a/*.txt", "concurrency": "allow"},
    {"name": "forbid", "input": "f/*.txt"}
  ]
}
JSON
printf 'SLOW q1\n' >q/1.txt
printf 'SLOW q2\n' >q/2.txt
printf 'HANG r1\n' >r/1.txt
printf 'SLOW a1\n' >a/1.txt
printf 'SLOW f1\n' >f/1.txt
printf 'SLOW f2\n' >f/2.txt
start_daemon jobs.json --plugin-path "$TEST_PLUGINS" --stop-grace 5s
sleep 0.6
printf 'SLOW a2\n' >a/2.txt
sleep 1
printf 'a3\n' >a/3.txt
printf 'q3\n' >q/3.txt
wait_for 8 log_has '"event":"finish"' '"job":"replace"' '"status":"replaced"' || fail "replace: no run was replaced"
wait_for 8 log_has '"event":"finish"' '"job":"queue"' '"documents":1' || fail "queue: the waiting slot did not run"
wait_for 8 log_has '"event":"finish"' '"job":"allow"' '"documents":1' || fail "allow: no second run"
stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "exit status $STOP_STATUS"

# queue: slots waited and then ran; never two at once; extra slots beyond max_queued skipped
log_has '"event":"skipped"' '"job":"queue"' 'max_queued' || fail "queue: no slot was skipped past max_queued"
log_has '"job":"queue"' 'still running' && fail "queue: a slot was skipped as under forbid"
# replace: the hung run got SIGTERM with reason replaced
log_has '"event":"terminate"' '"job":"replace"' '"reason":"replaced"' || fail "replace: no terminate"
# allow: a run started while another was running
awk '/"job":"allow"/ && /"event":"start"/ {starts++; if (starts - finishes > 1) overlap = 1}
     /"job":"allow"/ && /"event":"finish"/ {finishes++}
     END {exit overlap ? 0 : 1}' "$LOG" || fail "allow: the runs never overlapped"
# forbid: slots during a run are skipped
log_has '"event":"skipped"' '"job":"forbid"' 'still running (concurrency forbid)' || fail "forbid: nothing skipped"

# every document once (the hung one never completes)
ids=$(output_ids | grep -c 'q/\|a/\|f/')
[ "$ids" -eq 8 ] || fail "expected 8 documents from queue, allow and forbid, found $ids: $(output_ids)"
[ -z "$(output_ids | uniq -d)" ] || fail "processed twice: $(output_ids | uniq -d)"
output_ids | grep -q 'r/1.txt' && fail "the hung document was published"
no_leftovers
exit 0
