# tests/integration/local.mk - the textpipe program end to end.
TESTS += tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh
EXTRA_DIST += tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh tests/integration/check_output.py
