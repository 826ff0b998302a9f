#!/bin/sh
# The schedule subcommands: check, next (jobs file and --cron), list,
# trigger without a running scheduler, and a corrupt state file.
. "$TP_SRCDIR/tests/schedule/lib.sh"

expect_out() { # expect_out "EXPECTED" COMMAND...
    want=$1
    shift
    got=$("$@" 2>&1) || fail "$*: status $?: $got"
    [ "$got" = "$want" ] || fail "$*:
got:
$got
expected:
$want"
}

"$TEXTPIPE" --help | grep -q '^  schedule COMMAND' || fail "textpipe --help does not list schedule"
"$TEXTPIPE" schedule --help | grep -q 'trigger JOBS.json JOB' || fail "schedule --help"
"$TEXTPIPE" schedule --version | grep -q 'plugin ABI' || fail "schedule --version"
"$TEXTPIPE" schedule next --version | grep -q 'plugin ABI' || fail "schedule next --version"
"$TEXTPIPE" schedule frobnicate x 2>/dev/null
[ $? -eq 2 ] || fail "an unknown subcommand is not a usage error"

# next --cron: ISO 8601 with the UTC offset, one per line, DST rules.
expect_out "2024-03-10T03:00:00-04:00
2024-03-11T02:30:00-04:00" "$TEXTPIPE" schedule next --cron "30 2 * * *" --tz America/New_York \
    --from 2024-03-09T12:00:00-05:00 -n 2
expect_out "2024-11-03T01:00:00-04:00
2024-11-03T01:30:00-04:00
2024-11-03T01:00:00-05:00
2024-11-03T01:30:00-05:00" "$TEXTPIPE" schedule next --cron "*/30 * * * *" --tz America/New_York \
    --from "2024-11-03 00:45" -n 4
expect_out "2024-09-08T01:00:00-03:00" "$TEXTPIPE" schedule next --cron "0 0 * * *" --tz America/Santiago \
    --from 2024-09-07T12:00:00-04:00 -n 1
expect_out "2024-10-06T02:30:00+11:00" "$TEXTPIPE" schedule next --cron "15 2 * * *" --tz Australia/Lord_Howe \
    --from 2024-10-05T12:00:00+10:30 -n 1
expect_out "2104-02-29T00:00:00+00:00" "$TEXTPIPE" schedule next --cron "0 0 29 2 *" --tz UTC --from 2096-03-01 -n 1
expect_out "1970-01-01T00:01:30+00:00
1970-01-01T00:03:00+00:00" "$TEXTPIPE" schedule next --cron "@every 90s" --tz UTC --from @0 -n 2

"$TEXTPIPE" schedule next --cron "0 0 30 2 *" >err.txt 2>&1
[ $? -eq 3 ] || fail "an impossible date is not refused"
grep -q "column 5: day-of-month field: the expression never fires" err.txt || fail "never fires: $(cat err.txt)"
grep -q '^      \^$' err.txt || fail "no caret under the field: $(cat err.txt)"
"$TEXTPIPE" schedule next --cron "@hourly" --tz Mars/Base >err.txt 2>&1
[ $? -eq 2 ] && grep -q "unknown time zone" err.txt || fail "a bad zone: $(cat err.txt)"
"$TEXTPIPE" schedule next --cron "@hourly" --tz America/New_York --from "2024-03-10 02:30" >err.txt 2>&1
[ $? -eq 2 ] && grep -q "does not exist" err.txt || fail "a skipped --from time: $(cat err.txt)"

# A jobs file: check, next, list.
mkdir in bad
cat >misbehave.json <<'JSON'
{"name": "misbehave", "stages": [{"plugin": "misbehave"}]}
JSON
cat >jobs.json <<'JSON'
{
  "jobs": [
    {"name": "hourly", "schedule": "0 * * * *", "timezone": "Europe/Berlin", "pipeline": "clean",
     "input": "in/*.txt", "output": "out/{job}-{time}.jsonl"},
    {"name": "nightly", "schedule": "30 2 * * *", "timezone": "America/New_York", "pipeline": "clean",
     "input": "in/*.txt", "output": "out/{job}-{time}.jsonl"},
    {"name": "broken", "schedule": "@yearly", "pipeline": "misbehave.json", "input": "bad/*.txt",
     "output": "out/{job}-{time}.jsonl", "retries": 0}
  ]
}
JSON
"$TEXTPIPE" schedule check jobs.json --plugin-path "$TEST_PLUGINS" >check.out 2>&1 || fail "check: $(cat check.out)"
grep -q '^jobs.json: valid (3 jobs)$' check.out || fail "check: $(cat check.out)"
expect_out "2024-03-10T08:00:00+01:00 hourly
2024-03-10T03:00:00-04:00 nightly
2024-03-10T09:00:00+01:00 hourly" "$TEXTPIPE" schedule next jobs.json --from 2024-03-10T06:00:00Z -n 3
expect_out "2024-03-10T03:00:00-04:00" "$TEXTPIPE" schedule next jobs.json --job nightly \
    --from 2024-03-09T12:00:00-05:00 -n 1

cat >invalid.json <<'JSON'
{
  "jobs": [
    {"name": "x", "schedule": "0 25 * * *", "pipeline": "clean", "input": "in/*.txt",
     "output": "out/{job}-{time}.jsonl", "timout": "1m"}
  ]
}
JSON
"$TEXTPIPE" schedule check invalid.json >check.out 2>&1
[ $? -eq 3 ] || fail "an invalid jobs file passed check"
grep -q '^invalid.json:3:34: error: jobs\[0\].schedule: hour field: 25 is out of range 0-23$' check.out \
    || fail "check: $(cat check.out)"
grep -q '^invalid.json:4:42: error: jobs\[0\].timout: unknown key "timout" in a job; did you mean "timeout"?$' check.out \
    || fail "check: $(cat check.out)"
"$TEXTPIPE" schedule run invalid.json >/dev/null 2>&1
[ $? -eq 3 ] || fail "the scheduler started on an invalid file"

"$TEXTPIPE" schedule list jobs.json >list.out || fail "list"
grep -q '^hourly   -  *-  *20' list.out || fail "list before any run: $(cat list.out)"

# trigger without a scheduler: the same code path, in the foreground.
printf 'hello   there\n' >in/a.txt
printf 'and again\n' >in/b.txt
"$TEXTPIPE" schedule trigger jobs.json hourly >trigger.out 2>trigger.log || fail "trigger: $(cat trigger.out trigger.log)"
grep -q '^hourly: ok, 2 documents -> .*/out/hourly-.*\.jsonl$' trigger.out || fail "trigger: $(cat trigger.out)"
"$TEXTPIPE" schedule trigger jobs.json hourly >trigger.out 2>>trigger.log || fail "second trigger"
grep -q '^hourly: no new input, nothing to do$' trigger.out || fail "second trigger: $(cat trigger.out)"
printf 'CRASH\n' >bad/c.txt
"$TEXTPIPE" schedule trigger jobs.json broken --plugin-path "$TEST_PLUGINS" >trigger.out 2>>trigger.log
[ $? -eq 5 ] || fail "a failed triggered run does not exit 5"
grep -q '^broken: crashed: killed by SIGSEGV$' trigger.out || fail "failed trigger: $(cat trigger.out)"
"$TEXTPIPE" schedule trigger jobs.json nosuch >/dev/null 2>&1
[ $? -eq 3 ] || fail "trigger of an unknown job"
"$TEXTPIPE" schedule list jobs.json >list.out || fail "list"
grep -q '^hourly .* ok  ' list.out || fail "list after trigger: $(cat list.out)"
grep -q '^broken .* crashed  ' list.out || fail "list after trigger: $(cat list.out)"
grep -q 'no scheduler is running' list.out || fail "list: $(cat list.out)"

# Output names are never reused: a second run on the same day gets "-2".
mkdir in2 f1 f2
cat >more.json <<'JSON'
{
  "jobs": [
    {"name": "daily", "schedule": "@daily", "pipeline": "clean", "input": "in2/*.txt",
     "output": "out/{job}-{time:%Y%m%d}.jsonl", "threads": 2},
    {"name": "stop", "schedule": "@daily", "pipeline": "failing.json", "input": "f1/*.txt",
     "output": "out/{job}-{time}.jsonl", "retries": 0},
    {"name": "skip", "schedule": "@daily", "pipeline": "failing.json", "input": "f2/*.txt",
     "output": "out/{job}-{time}.jsonl", "on_error": "skip"}
  ]
}
JSON
cat >failing.json <<'JSON'
{"name": "failing", "stages": [{"plugin": "fail-process"}]}
JSON
printf 'x\n' >in2/x.txt
"$TEXTPIPE" schedule trigger more.json daily >trigger.out 2>more.log || fail "daily: $(cat trigger.out more.log)"
printf 'y\n' >in2/y.txt
"$TEXTPIPE" schedule trigger more.json daily >trigger.out 2>>more.log || fail "daily again: $(cat trigger.out)"
grep -q -- '-2\.jsonl$' trigger.out || fail "the second run of the day reused the name: $(cat trigger.out)"
grep -q '"output_taken"' more.log || fail "the renamed output is not logged"
[ "$(ls out/daily-* | wc -l)" -eq 2 ] || fail "daily outputs: $(ls out)"

# A stage that fails: the run fails (exit 5) and the log carries its
# message; with on_error skip the run goes past the bad document.
printf 'please FAIL\n' >f1/a.txt
"$TEXTPIPE" schedule trigger more.json stop >trigger.out 2>>more.log
[ $? -eq 5 ] || fail "a failing stage did not fail the run"
grep -q '^stop: failed: textpipe run exited with status 5$' trigger.out || fail "stop: $(cat trigger.out)"
grep '"job":"stop"' more.log | grep '"event":"finish"' | grep -q '"stderr":"textpipe: ' || fail "no stderr in the log"
printf 'please FAIL\n' >f2/a.txt
printf 'fine\n' >f2/b.txt
"$TEXTPIPE" schedule trigger more.json skip >trigger.out 2>>more.log || fail "skip: $(cat trigger.out)"
grep -q '^skip: ok, 1 document -> ' trigger.out || fail "skip: $(cat trigger.out)"
grep '"job":"skip"' more.log | grep -q '1 document failed and was skipped' || fail "the skipped document is not logged"

# A job whose output would feed its own input is refused.
cat >loop.json <<'JSON'
{"jobs": [{"name": "loop", "schedule": "@hourly", "pipeline": "clean", "input": "in",
           "output": "in/{job}-{time}.jsonl"}]}
JSON
"$TEXTPIPE" schedule check loop.json >check.out 2>&1
[ $? -eq 3 ] && grep -q 'would be an input of the next run' check.out || fail "loop: $(cat check.out)"

# A corrupt state file: reported with its position, left alone, refused;
# --reset-state moves it aside and starts afresh.
printf '{"version": 1, "jobs": {\n  "hourly": {"last_slot": 1,,}}}\n' >jobs.state.json
cp jobs.state.json corrupt.copy
"$TEXTPIPE" schedule run jobs.json >/dev/null 2>err.txt
[ $? -eq 1 ] || fail "started on a corrupt state"
grep -q 'jobs.state.json:2:.*corrupt.*left as it is.*--reset-state' err.txt || fail "corrupt: $(cat err.txt)"
cmp -s jobs.state.json corrupt.copy || fail "the corrupt state was changed"
"$TEXTPIPE" schedule run jobs.json --reset-state >/dev/null 2>"$LOG" &
DAEMON_PID=$!
wait_for 5 grep -q '"event":"started"' "$LOG" || fail "--reset-state did not start"
stop_daemon
[ "$STOP_STATUS" -eq 0 ] || fail "exit status $STOP_STATUS"
ls jobs.state.json.corrupt-* >/dev/null 2>&1 || fail "the corrupt state was not kept aside"
cmp -s jobs.state.json.corrupt-* corrupt.copy || fail "the kept copy differs"
grep -q 'moved the corrupt state to' "$LOG" || fail "the move was not reported"
exit 0
