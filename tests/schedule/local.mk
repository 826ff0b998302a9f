# tests/schedule/local.mk - `textpipe schedule`: unit tests of the cron
# parser, next-time computation, time zones, jobs file, state and inputs
# (Check), and short end-to-end runs of the daemon (shell).

SCHEDULE_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/schedule -I$(top_srcdir)/tests
SCHEDULE_TEST_LDADD = core/libtextpipe-cli.la $(TEST_LDADD)

check_PROGRAMS += tests/schedule/test_cron tests/schedule/test_next tests/schedule/test_tz \
	tests/schedule/test_jobs tests/schedule/test_state tests/schedule/test_plan
TESTS += tests/schedule/test_cron tests/schedule/test_next tests/schedule/test_tz \
	tests/schedule/test_jobs tests/schedule/test_state tests/schedule/test_plan

tests_schedule_test_cron_SOURCES = tests/schedule/test_cron.c
tests_schedule_test_cron_CPPFLAGS = $(SCHEDULE_TEST_CPPFLAGS)
tests_schedule_test_cron_CFLAGS = $(TEST_CFLAGS)
tests_schedule_test_cron_LDADD = $(SCHEDULE_TEST_LDADD)

tests_schedule_test_next_SOURCES = tests/schedule/test_next.c
tests_schedule_test_next_CPPFLAGS = $(SCHEDULE_TEST_CPPFLAGS)
tests_schedule_test_next_CFLAGS = $(TEST_CFLAGS)
tests_schedule_test_next_LDADD = $(SCHEDULE_TEST_LDADD)

tests_schedule_test_tz_SOURCES = tests/schedule/test_tz.c
tests_schedule_test_tz_CPPFLAGS = $(SCHEDULE_TEST_CPPFLAGS)
tests_schedule_test_tz_CFLAGS = $(TEST_CFLAGS)
tests_schedule_test_tz_LDADD = $(SCHEDULE_TEST_LDADD)

tests_schedule_test_jobs_SOURCES = tests/schedule/test_jobs.c
tests_schedule_test_jobs_CPPFLAGS = $(SCHEDULE_TEST_CPPFLAGS)
tests_schedule_test_jobs_CFLAGS = $(TEST_CFLAGS)
tests_schedule_test_jobs_LDADD = $(SCHEDULE_TEST_LDADD)

tests_schedule_test_state_SOURCES = tests/schedule/test_state.c
tests_schedule_test_state_CPPFLAGS = $(SCHEDULE_TEST_CPPFLAGS)
tests_schedule_test_state_CFLAGS = $(TEST_CFLAGS)
tests_schedule_test_state_LDADD = $(SCHEDULE_TEST_LDADD)

tests_schedule_test_plan_SOURCES = tests/schedule/test_plan.c
tests_schedule_test_plan_CPPFLAGS = $(SCHEDULE_TEST_CPPFLAGS)
tests_schedule_test_plan_CFLAGS = $(TEST_CFLAGS)
tests_schedule_test_plan_LDADD = $(SCHEDULE_TEST_LDADD)

# A stage that crashes, hangs or dawdles on request (never installed).
check_LTLIBRARIES += tests/schedule/plugins/misbehave.la
tests_schedule_plugins_misbehave_la_SOURCES = tests/schedule/plugins/misbehave.c
tests_schedule_plugins_misbehave_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_schedule_plugins_misbehave_la_LIBADD = core/libtextpipe.la

# The daemon end to end: a few seconds each.
SCHEDULE_SHELL_TESTS = tests/schedule/daemon-exactly-once.sh tests/schedule/daemon-crash-timeout.sh \
	tests/schedule/daemon-kill9.sh tests/schedule/daemon-reload-stop.sh tests/schedule/daemon-concurrency.sh \
	tests/schedule/cli.sh
TESTS += $(SCHEDULE_SHELL_TESTS)
EXTRA_DIST += tests/schedule/lib.sh $(SCHEDULE_SHELL_TESTS)
