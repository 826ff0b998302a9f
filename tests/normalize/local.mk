# tests/normalize/local.mk - the normalize stage, including Unicode's own
# NormalizationTest.txt (from the unicode-data package) for all four forms.
check_PROGRAMS += tests/normalize/test_normalize
TESTS += tests/normalize/test_normalize
tests_normalize_test_normalize_SOURCES = tests/normalize/test_normalize.c
tests_normalize_test_normalize_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_normalize_test_normalize_CFLAGS = $(TEST_CFLAGS)
tests_normalize_test_normalize_LDADD = $(TEST_LDADD)
