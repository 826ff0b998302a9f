# plugins/normalize/local.mk - the normalize stage.

pkglib_LTLIBRARIES += plugins/normalize/normalize.la
plugins_normalize_normalize_la_SOURCES = plugins/normalize/normalize.c
nodist_plugins_normalize_normalize_la_SOURCES = plugins/normalize/unsafe-starters.h
plugins_normalize_normalize_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_builddir)/plugins/normalize
plugins_normalize_normalize_la_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
plugins_normalize_normalize_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_normalize_normalize_la_LIBADD = $(PLUGIN_LIBADD) $(UTF8PROC_LIBS)

# The table of characters a chunk must not start at, computed from the
# utf8proc this is built against (see gen-unsafe-starters.c).
noinst_PROGRAMS += plugins/normalize/gen-unsafe-starters
plugins_normalize_gen_unsafe_starters_SOURCES = plugins/normalize/gen-unsafe-starters.c
plugins_normalize_gen_unsafe_starters_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
plugins_normalize_gen_unsafe_starters_LDADD = $(UTF8PROC_LIBS)

plugins/normalize/unsafe-starters.h: plugins/normalize/gen-unsafe-starters$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) plugins/normalize && \
	plugins/normalize/gen-unsafe-starters$(EXEEXT) > $@.tmp 2>/dev/null && mv $@.tmp $@
BUILT_SOURCES += plugins/normalize/unsafe-starters.h
CLEANFILES += plugins/normalize/unsafe-starters.h
