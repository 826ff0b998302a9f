# bench/local.mk - benchmark programs (they print figures; not tests).
noinst_PROGRAMS += bench/stage-bench
bench_stage_bench_SOURCES = bench/stage-bench.c
bench_stage_bench_LDADD = core/libtextpipe.la $(JANSSON_LIBS)
EXTRA_DIST += bench/run

# make bench: the figures of README.md's performance section, measured here.
bench: all
	$(PYTHON3) $(top_srcdir)/bench/run
.PHONY: bench
