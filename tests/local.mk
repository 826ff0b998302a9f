# tests/local.mk - the test suite (make check).  Each area keeps its tests
# in its own folder with a local.mk included below.

# Tests use the build tree only: plugins built here (and the test-only
# plugins in tests/plugins), data from the build and source trees.
AM_TESTS_ENVIRONMENT = \
	TEXTPIPE_PLUGIN_PATH='$(abs_top_builddir)/plugins:$(abs_top_builddir)/tests/plugins'; \
	TEXTPIPE_DATA_PATH='$(abs_top_builddir)/plugins:$(abs_top_srcdir)/plugins'; \
	TEXTPIPE_PIPELINE_PATH='$(abs_top_srcdir)/pipelines'; \
	TP_SRCDIR='$(abs_top_srcdir)'; TP_BUILDDIR='$(abs_top_builddir)'; \
	UNICODE_DATA_DIR='$(UNICODE_DATA_DIR)'; PYTHON3='$(PYTHON3)'; BZIP2='$(BZIP2)'; MAKE='$(MAKE)'; TP_TEXTPIPE='$(TP_TEXTPIPE)'; TP_SANITIZED='$(TP_SANITIZED)'; \
	CK_DEFAULT_TIMEOUT=120; \
	export TEXTPIPE_PLUGIN_PATH TEXTPIPE_DATA_PATH TEXTPIPE_PIPELINE_PATH TP_SRCDIR TP_BUILDDIR \
	       UNICODE_DATA_DIR PYTHON3 BZIP2 MAKE TP_TEXTPIPE TP_SANITIZED CK_DEFAULT_TIMEOUT;

if SANITIZERS
TP_SANITIZED = yes
else
TP_SANITIZED = no
endif

TEST_EXTENSIONS = .sh
SH_LOG_COMPILER = $(SHELL)

# Shared by the Check programs.
check_LTLIBRARIES += tests/libharness.la
tests_libharness_la_SOURCES = tests/harness.c tests/harness.h
tests_libharness_la_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TEST_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
TEST_LDADD = tests/libharness.la core/libtextpipe.la $(CHECK_LIBS) $(JANSSON_LIBS)
# Test-only plugins are modules that are never installed.
TEST_PLUGIN_LDFLAGS = -module -avoid-version -no-undefined -shared -rpath /nowhere
EXTRA_DIST += tests/integration/lib.sh tests/valgrind-textpipe

# The integration tests with the program under valgrind memcheck.
VALGRIND_TESTS = tests/integration/cli.sh tests/integration/run.sh tests/integration/threads.sh
check-valgrind: all
	$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(VALGRIND_TESTS)' TP_TEXTPIPE='$(abs_top_srcdir)/tests/valgrind-textpipe'
.PHONY: check-valgrind

include $(srcdir)/tests/core/local.mk
include $(srcdir)/tests/normalize/local.mk
include $(srcdir)/tests/plugins/local.mk
include $(srcdir)/tests/sentiment/local.mk
include $(srcdir)/tests/integration/local.mk
include $(srcdir)/tests/sentence-split/local.mk
include $(srcdir)/tests/entity-tag/local.mk
include $(srcdir)/tests/schedule/local.mk
