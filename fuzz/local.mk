# fuzz/local.mk - libFuzzer targets (configure CC=clang --enable-fuzzing).
# `make fuzz` runs each for FUZZ_SECONDS (default 30); fuzz/run-fuzzers
# runs them for any time.

FUZZ_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/core/cli \
	-DTP_ABS_BUILDDIR='"$(abs_top_builddir)"' -DTP_ABS_SRCDIR='"$(abs_top_srcdir)"'
FUZZ_LDADD = core/libtextpipe.la $(JANSSON_LIBS)
EXTRA_DIST += fuzz/fuzz_common.h fuzz/fuzz_pipeline.c fuzz/fuzz_jsonl.c fuzz/fuzz_stage.c fuzz/fuzz_cron.c \
	fuzz/run-fuzzers fuzz/seeds

if FUZZING
noinst_PROGRAMS += fuzz/fuzz_pipeline fuzz/fuzz_jsonl fuzz/fuzz_normalize fuzz/fuzz_sentence_split \
	fuzz/fuzz_entity_tag fuzz/fuzz_sentiment fuzz/fuzz_cron

fuzz_fuzz_pipeline_SOURCES = fuzz/fuzz_pipeline.c fuzz/fuzz_common.h
fuzz_fuzz_pipeline_CPPFLAGS = $(FUZZ_CPPFLAGS)
fuzz_fuzz_pipeline_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_pipeline_LDADD = $(FUZZ_LDADD)

fuzz_fuzz_jsonl_SOURCES = fuzz/fuzz_jsonl.c
fuzz_fuzz_jsonl_CPPFLAGS = $(FUZZ_CPPFLAGS)
fuzz_fuzz_jsonl_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_jsonl_LDADD = core/libtextpipe-cli.la $(FUZZ_LDADD)

fuzz_fuzz_normalize_SOURCES = fuzz/fuzz_stage.c fuzz/fuzz_common.h
fuzz_fuzz_normalize_CPPFLAGS = $(FUZZ_CPPFLAGS) \
	-DFUZZ_PIPELINE='"{\"stages\":[{\"plugin\":\"normalize\",\"options\":{\"collapse_whitespace\":true,\"fold_punctuation\":true,\"case_fold\":true}}]}"'
fuzz_fuzz_normalize_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_normalize_LDADD = $(FUZZ_LDADD)

fuzz_fuzz_sentence_split_SOURCES = fuzz/fuzz_stage.c fuzz/fuzz_common.h
fuzz_fuzz_sentence_split_CPPFLAGS = $(FUZZ_CPPFLAGS) -DFUZZ_STRICT=1 \
	-DFUZZ_PIPELINE='"{\"stages\":[{\"plugin\":\"sentence-split\"}]}"'
fuzz_fuzz_sentence_split_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_sentence_split_LDADD = $(FUZZ_LDADD)

fuzz_fuzz_entity_tag_SOURCES = fuzz/fuzz_stage.c fuzz/fuzz_common.h
fuzz_fuzz_entity_tag_CPPFLAGS = $(FUZZ_CPPFLAGS) -DFUZZ_STRICT=1 \
	-DFUZZ_PIPELINE='"{\"stages\":[{\"plugin\":\"normalize\"},{\"plugin\":\"sentence-split\"},{\"plugin\":\"entity-tag\"}]}"'
fuzz_fuzz_entity_tag_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_entity_tag_LDADD = $(FUZZ_LDADD)

fuzz_fuzz_sentiment_SOURCES = fuzz/fuzz_stage.c fuzz/fuzz_common.h
fuzz_fuzz_sentiment_CPPFLAGS = $(FUZZ_CPPFLAGS) -DFUZZ_STRICT=1 \
	-DFUZZ_PIPELINE='"{\"stages\":[{\"plugin\":\"sentence-split\"},{\"plugin\":\"entity-tag\",\"options\":{\"pronouns\":true,\"guess_people\":true}},{\"plugin\":\"sentiment\"}]}"'
fuzz_fuzz_sentiment_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_sentiment_LDADD = $(FUZZ_LDADD)

fuzz_fuzz_cron_SOURCES = fuzz/fuzz_cron.c
fuzz_fuzz_cron_CPPFLAGS = $(FUZZ_CPPFLAGS) -I$(top_srcdir)/core/schedule
fuzz_fuzz_cron_LDFLAGS = -fsanitize=fuzzer
fuzz_fuzz_cron_LDADD = core/libtextpipe-cli.la $(FUZZ_LDADD)
endif

FUZZ_SECONDS = 30
fuzz: all
if FUZZING
	FUZZ_BUILDDIR='$(abs_top_builddir)' $(SHELL) $(top_srcdir)/fuzz/run-fuzzers $(FUZZ_SECONDS)
else
	@echo "make fuzz: configure with CC=clang --enable-fuzzing first"; exit 1
endif
.PHONY: fuzz
