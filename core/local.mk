# core/local.mk - libtextpipe (the shared library) and the textpipe program.

lib_LTLIBRARIES += core/libtextpipe.la
core_libtextpipe_la_SOURCES = \
	core/src/arena.c core/src/arena.h \
	core/src/buf.c core/src/buf_internal.h \
	core/src/diagnostics.c \
	core/src/document.c core/src/document_internal.h \
	core/src/error.c \
	core/src/json_locate.c core/src/json_locate.h \
	core/src/json_text.c core/src/json_text.h \
	core/src/offset_map.c core/src/offset_map.h \
	core/src/options.c core/src/options_internal.h \
	core/src/output.c \
	core/src/output_html.c \
	core/src/pipeline.c \
	core/src/runtime.c core/src/runtime_internal.h \
	core/src/suggest.c core/src/suggest.h \
	core/src/utf8.c core/src/utf8.h \
	core/src/util.c core/src/util.h
core_libtextpipe_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTP_PKGLIBDIR='"$(pkglibdir)"' -DTP_PKGDATADIR='"$(pkgdatadir)"'
core_libtextpipe_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
core_libtextpipe_la_LIBADD = $(JANSSON_LIBS) $(LTDL_LIBS)
# Only the public tp_ API is exported.
core_libtextpipe_la_LDFLAGS = -version-info 1:0:1 -no-undefined -export-symbols-regex '^tp_'

pkginclude_HEADERS += \
	core/include/textpipe/textpipe.h \
	core/include/textpipe/error.h \
	core/include/textpipe/document.h \
	core/include/textpipe/plugin.h \
	core/include/textpipe/pipeline.h \
	core/include/textpipe/output.h
nodist_pkginclude_HEADERS += core/include/textpipe/version.h
EXTRA_DIST += core/include/textpipe/version.h.in

# The program's own modules, in a convenience library so tests can use them.
noinst_LTLIBRARIES += core/libtextpipe-cli.la
core_libtextpipe_cli_la_SOURCES = \
	core/cli/cli.h \
	core/cli/input.c core/cli/input.h \
	core/cli/jsonl_fast.c core/cli/jsonl_fast.h \
	core/cli/locations.c core/cli/locations.h \
	core/cli/cmd_run.c \
	core/cli/runner.c core/cli/runner.h \
	core/cli/cmd_info.c \
	core/cli/cmd_new_plugin.c
core_libtextpipe_cli_la_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTP_ABS_BUILDDIR='"$(abs_top_builddir)"' -DTP_ABS_SRCDIR='"$(abs_top_srcdir)"'
core_libtextpipe_cli_la_LIBADD = core/libtextpipe.la $(JANSSON_LIBS)

bin_PROGRAMS += textpipe
textpipe_SOURCES = core/cli/main.c
textpipe_LDADD = core/libtextpipe-cli.la core/libtextpipe.la $(JANSSON_LIBS)
