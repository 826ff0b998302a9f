# plugins/sentence-split/local.mk - the sentence-split stage: tokens and sentences.

pkglib_LTLIBRARIES += plugins/sentence-split/sentence-split.la
plugins_sentence_split_sentence_split_la_SOURCES = \
	plugins/sentence-split/sentence-split.c \
	plugins/sentence-split/tokenize.c plugins/sentence-split/tokenize.h \
	plugins/sentence-split/split.c plugins/sentence-split/split.h \
	plugins/sentence-split/lexicon.c plugins/sentence-split/lexicon.h \
	plugins/sentence-split/lexicon-en.c \
	plugins/sentence-split/chars.c plugins/sentence-split/chars.h
plugins_sentence_split_sentence_split_la_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
plugins_sentence_split_sentence_split_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_sentence_split_sentence_split_la_LIBADD = $(PLUGIN_LIBADD) $(UTF8PROC_LIBS)
EXTRA_DIST += plugins/sentence-split/NOTICE
