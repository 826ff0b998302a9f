# tests/sentiment/local.mk - the sentiment stage.

# A stand-in for sentence-split and entity-tag (test pipelines only).
check_LTLIBRARIES += tests/sentiment/test-layers.la
tests_sentiment_test_layers_la_SOURCES = tests/sentiment/test-layers.c
tests_sentiment_test_layers_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_sentiment_test_layers_la_LIBADD = core/libtextpipe.la $(JANSSON_LIBS)
