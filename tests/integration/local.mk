# tests/integration/local.mk - the textpipe program end to end.
TESTS += tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh tests/integration/sdk.sh
EXTRA_DIST += tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh tests/integration/sdk.sh \
	tests/integration/check_output.py
EXTRA_DIST += examples/plugins/keywords/keywords.c examples/plugins/keywords/Makefile \
	examples/plugins/keywords/keywords.json examples/plugins/keywords/README.md
