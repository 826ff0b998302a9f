# plugins/sentiment/local.mk - the sentiment stage (VADER, news rules,
# entity sentiment).

pkglib_LTLIBRARIES += plugins/sentiment/sentiment.la
plugins_sentiment_sentiment_la_SOURCES = plugins/sentiment/sentiment.c \
	plugins/sentiment/vader.c plugins/sentiment/vader.h plugins/sentiment/vader_internal.h \
	plugins/sentiment/news.c plugins/sentiment/entity.c plugins/sentiment/entity.h \
	plugins/sentiment/entity_words.c plugins/sentiment/entity_words.h \
	plugins/sentiment/lexicon.c plugins/sentiment/lexicon.h plugins/sentiment/datafile.c plugins/sentiment/datafile.h \
	plugins/sentiment/wordtable.c plugins/sentiment/wordtable.h \
	plugins/sentiment/utf8util.c plugins/sentiment/utf8util.h
plugins_sentiment_sentiment_la_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
plugins_sentiment_sentiment_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_sentiment_sentiment_la_LIBADD = $(PLUGIN_LIBADD) $(UTF8PROC_LIBS) -lm

sentimentdatadir = $(pkgdatadir)/plugins/sentiment/data
dist_sentimentdata_DATA = plugins/sentiment/data/vader_lexicon.tsv \
	plugins/sentiment/data/emoji_lexicon.tsv \
	plugins/sentiment/data/news-domain.tsv \
	plugins/sentiment/data/entity-words.tsv

EXTRA_DIST += plugins/sentiment/NOTICE plugins/sentiment/import-lexicons.sh
