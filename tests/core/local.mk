# tests/core/local.mk - unit tests of the core library.

check_PROGRAMS += tests/core/test_internals tests/core/test_document tests/core/test_pipeline \
	tests/core/test_loader
TESTS += tests/core/test_internals tests/core/test_document tests/core/test_pipeline tests/core/test_loader

# Internal modules are not exported from libtextpipe: compile them in.
tests_core_test_internals_SOURCES = tests/core/test_internals.c core/src/utf8.c core/src/offset_map.c \
	core/src/suggest.c core/src/json_locate.c
tests_core_test_internals_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/src -I$(top_srcdir)/tests
tests_core_test_internals_CFLAGS = $(TEST_CFLAGS)
tests_core_test_internals_LDADD = $(TEST_LDADD)

tests_core_test_document_SOURCES = tests/core/test_document.c
tests_core_test_document_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_core_test_document_CFLAGS = $(TEST_CFLAGS)
tests_core_test_document_LDADD = $(TEST_LDADD)

tests_core_test_pipeline_SOURCES = tests/core/test_pipeline.c
tests_core_test_pipeline_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_core_test_pipeline_CFLAGS = $(TEST_CFLAGS)
tests_core_test_pipeline_LDADD = $(TEST_LDADD)

tests_core_test_loader_SOURCES = tests/core/test_loader.c
tests_core_test_loader_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_core_test_loader_CFLAGS = $(TEST_CFLAGS)
tests_core_test_loader_LDADD = $(TEST_LDADD)

check_PROGRAMS += tests/core/test_html
TESTS += tests/core/test_html
tests_core_test_html_SOURCES = tests/core/test_html.c
tests_core_test_html_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_core_test_html_CFLAGS = $(TEST_CFLAGS)
tests_core_test_html_LDADD = $(TEST_LDADD)

check_PROGRAMS += tests/core/test_jsonl_fast
TESTS += tests/core/test_jsonl_fast
tests_core_test_jsonl_fast_SOURCES = tests/core/test_jsonl_fast.c core/cli/jsonl_fast.c
tests_core_test_jsonl_fast_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/cli -I$(top_srcdir)/tests
tests_core_test_jsonl_fast_CFLAGS = $(TEST_CFLAGS)
tests_core_test_jsonl_fast_LDADD = $(TEST_LDADD)
