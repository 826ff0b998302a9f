# tests/sentence-split/local.mk - the sentence-split stage: tokens and
# sentences in-process (Check), and through the textpipe program.

check_PROGRAMS += tests/sentence-split/test_tokens tests/sentence-split/test_sentences
TESTS += tests/sentence-split/test_tokens tests/sentence-split/test_sentences tests/sentence-split/run.sh
EXTRA_DIST += tests/sentence-split/run.sh

tests_sentence_split_test_tokens_SOURCES = tests/sentence-split/test_tokens.c
tests_sentence_split_test_tokens_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_sentence_split_test_tokens_CFLAGS = $(TEST_CFLAGS)
tests_sentence_split_test_tokens_LDADD = $(TEST_LDADD)

tests_sentence_split_test_sentences_SOURCES = tests/sentence-split/test_sentences.c
tests_sentence_split_test_sentences_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_sentence_split_test_sentences_CFLAGS = $(TEST_CFLAGS)
tests_sentence_split_test_sentences_LDADD = $(TEST_LDADD)
