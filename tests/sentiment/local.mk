# tests/sentiment/local.mk - the sentiment stage.

# A stand-in for sentence-split and entity-tag (test pipelines only).
check_LTLIBRARIES += tests/sentiment/test-layers.la
tests_sentiment_test_layers_la_SOURCES = tests/sentiment/test-layers.c
tests_sentiment_test_layers_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_sentiment_test_layers_la_LIBADD = core/libtextpipe.la $(JANSSON_LIBS)

check_PROGRAMS += tests/sentiment/test_sentiment
TESTS += tests/sentiment/test_sentiment
tests_sentiment_test_sentiment_SOURCES = tests/sentiment/test_sentiment.c
tests_sentiment_test_sentiment_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_sentiment_test_sentiment_CFLAGS = $(TEST_CFLAGS)
tests_sentiment_test_sentiment_LDADD = $(TEST_LDADD) -lm

TESTS += tests/sentiment/sentiment.sh
EXTRA_DIST += tests/sentiment/sentiment.sh
