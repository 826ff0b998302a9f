# tests/integration/local.mk - the textpipe program end to end.
TESTS += tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh tests/integration/sdk.sh \
	tests/integration/robustness.sh tests/integration/html.sh tests/integration/parallel.sh
EXTRA_DIST += tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh tests/integration/sdk.sh \
	tests/integration/robustness.sh tests/integration/html.sh tests/integration/parallel.sh \
	tests/integration/check_output.py
EXTRA_DIST += examples/plugins/keywords/keywords.c examples/plugins/keywords/Makefile \
	examples/plugins/keywords/keywords.json examples/plugins/keywords/README.md

# sdk.sh runs `make install`, which relinks plugins in this build tree: a
# test loading them at that moment would find them missing.  Run it last.
tests/integration/sdk.log: $(filter-out tests/integration/sdk.log,$(TEST_LOGS))
