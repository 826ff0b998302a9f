# bench/local.mk - benchmark programs (they print figures; not tests).
noinst_PROGRAMS += bench/stage-bench
bench_stage_bench_SOURCES = bench/stage-bench.c
bench_stage_bench_LDADD = core/libtextpipe.la $(JANSSON_LIBS)
EXTRA_DIST += bench/run bench/compare-peers/run bench/compare-peers/peers.js

# make bench: the figures of README.md's performance section, measured here.
bench: all
	$(PYTHON3) $(top_srcdir)/bench/run
.PHONY: bench

# VADER fidelity of the sentiment stage: run by hand with the shared data
# folder as argument (bench/vader-fidelity.py ../shared), and the sentiment
# figures on each half of a set (bench/sentiment-halves.py ../shared), and
# the entity sentiment figures on each half of NewsMTSC
# (bench/targets-halves.py ../shared).
EXTRA_DIST += bench/vader-fidelity.py bench/sentiment-halves.py bench/targets-halves.py
