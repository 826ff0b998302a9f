# tests/plugins/local.mk - plugins that exist only for the tests: broken
# descriptors for the loader, failing stages, and tiny stages for the
# validator.  Modules need an -rpath to be built as shared objects.

check_LTLIBRARIES += tests/plugins/bad-magic.la
tests_plugins_bad_magic_la_SOURCES = tests/plugins/bad-magic.c
tests_plugins_bad_magic_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_bad_magic_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/wrong-abi.la
tests_plugins_wrong_abi_la_SOURCES = tests/plugins/wrong-abi.c
tests_plugins_wrong_abi_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_wrong_abi_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/newer-minor.la
tests_plugins_newer_minor_la_SOURCES = tests/plugins/newer-minor.c
tests_plugins_newer_minor_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_newer_minor_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/bad-size.la
tests_plugins_bad_size_la_SOURCES = tests/plugins/bad-size.c
tests_plugins_bad_size_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_bad_size_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/no-symbol.la
tests_plugins_no_symbol_la_SOURCES = tests/plugins/no-symbol.c
tests_plugins_no_symbol_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_no_symbol_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/name-mismatch.la
tests_plugins_name_mismatch_la_SOURCES = tests/plugins/name-mismatch.c
tests_plugins_name_mismatch_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_name_mismatch_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/no-description.la
tests_plugins_no_description_la_SOURCES = tests/plugins/no-description.c
tests_plugins_no_description_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_no_description_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/fail-create.la
tests_plugins_fail_create_la_SOURCES = tests/plugins/fail-create.c
tests_plugins_fail_create_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_fail_create_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/fail-process.la
tests_plugins_fail_process_la_SOURCES = tests/plugins/fail-process.c
tests_plugins_fail_process_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_fail_process_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/undeclared-layer.la
tests_plugins_undeclared_layer_la_SOURCES = tests/plugins/undeclared-layer.c
tests_plugins_undeclared_layer_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_undeclared_layer_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/words.la
tests_plugins_words_la_SOURCES = tests/plugins/words.c
tests_plugins_words_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_words_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/count-words.la
tests_plugins_count_words_la_SOURCES = tests/plugins/count-words.c
tests_plugins_count_words_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_count_words_la_LIBADD = core/libtextpipe.la

check_LTLIBRARIES += tests/plugins/extras.la
tests_plugins_extras_la_SOURCES = tests/plugins/extras.c
tests_plugins_extras_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS)
tests_plugins_extras_la_LIBADD = core/libtextpipe.la
