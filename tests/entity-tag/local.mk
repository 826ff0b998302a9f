# tests/entity-tag/local.mk - the entity-tag stage: unit tests of its rules
# (over the toy tokenizer below, so that they do not depend on
# sentence-split's choices) and the program on the sample article.

check_LTLIBRARIES += tests/plugins/toy-tokens.la
tests_plugins_toy_tokens_la_SOURCES = tests/entity-tag/toy-tokens.c
tests_plugins_toy_tokens_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_toy_tokens_la_LIBADD = core/libtextpipe.la

check_PROGRAMS += tests/entity-tag/test_entity_tag tests/entity-tag/test_gazetteer tests/entity-tag/test_tokens
TESTS += tests/entity-tag/test_entity_tag tests/entity-tag/test_gazetteer tests/entity-tag/test_tokens

tests_entity_tag_test_entity_tag_SOURCES = tests/entity-tag/test_entity_tag.c
tests_entity_tag_test_entity_tag_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_entity_tag_test_entity_tag_CFLAGS = $(TEST_CFLAGS)
tests_entity_tag_test_entity_tag_LDADD = $(TEST_LDADD)

# The compiled-list format and the folding, linked in directly.
tests_entity_tag_test_gazetteer_SOURCES = tests/entity-tag/test_gazetteer.c plugins/entity-tag/gazetteer.c \
	plugins/entity-tag/fold.c
tests_entity_tag_test_gazetteer_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/entity-tag -I$(top_srcdir)/tests
tests_entity_tag_test_gazetteer_CFLAGS = $(TEST_CFLAGS) $(UTF8PROC_CFLAGS)
tests_entity_tag_test_gazetteer_LDADD = $(TEST_LDADD) $(UTF8PROC_LIBS)

# How a token is read: the ASCII reader against the general one (the test
# includes tokens.c to reach its static functions).
tests_entity_tag_test_tokens_SOURCES = tests/entity-tag/test_tokens.c plugins/entity-tag/gazetteer.c \
	plugins/entity-tag/fold.c
tests_entity_tag_test_tokens_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/entity-tag -I$(top_srcdir)/tests
tests_entity_tag_test_tokens_CFLAGS = $(TEST_CFLAGS) $(UTF8PROC_CFLAGS)
tests_entity_tag_test_tokens_LDADD = $(TEST_LDADD) $(UTF8PROC_LIBS)

# The program end to end on the sample article.
TESTS += tests/entity-tag/article.sh
EXTRA_DIST += tests/entity-tag/article.sh
