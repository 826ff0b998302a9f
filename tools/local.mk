# tools/local.mk - `make lint`: cppcheck and clang-tidy over the C sources
# (tools/lint; the clang-tidy checks are in .clang-tidy).  Any finding
# fails.  LINT_JOBS clang-tidy processes run at once.
LINT_JOBS = 2
lint: config.h $(BUILT_SOURCES) core/include/textpipe/version.h
	$(AM_V_at)$(SHELL) $(top_srcdir)/tools/lint --srcdir $(top_srcdir) --builddir $(top_builddir) \
	  --jobs $(LINT_JOBS) -- $(JANSSON_CFLAGS) $(UTF8PROC_CFLAGS) $(CHECK_CFLAGS)
.PHONY: lint
EXTRA_DIST += tools/lint .clang-tidy tests/.clang-tidy
