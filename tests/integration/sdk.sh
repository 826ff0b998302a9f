#!/bin/sh
# sdk.sh - the plugin SDK as a user meets it: install into a staging
# directory (DESTDIR), build the out-of-tree example plugin and a
# `textpipe new-plugin` skeleton with nothing but pkg-config's flags, and
# run both with the installed program.
. "$TP_SRCDIR/tests/integration/lib.sh"

STAGE="$WORK/stage"
env -u MAKEFLAGS -u MFLAGS ${MAKE:-make} -s -C "$TP_BUILDDIR" install DESTDIR="$STAGE" >"$WORK/install.log" 2>&1 \
    && pass "make install DESTDIR" || { fail "make install"; tail -20 "$WORK/install.log" >&2; finish; }
pcfile="$TP_BUILDDIR/textpipe.pc"
prefix=$(pkg-config --variable=prefix "$pcfile")
libdir=$(pkg-config --variable=libdir "$pcfile")
pluginsdir=$(pkg-config --variable=pluginsdir "$pcfile")
for f in "$prefix/include/textpipe/plugin.h" "$prefix/include/textpipe/textpipe.h" "$libdir/pkgconfig/textpipe.pc" \
         "$pluginsdir/normalize.so" "$prefix/share/textpipe/pipelines/news.json" "$prefix/bin/textpipe" \
         "$prefix/share/doc/textpipe/NOTICE" "$prefix/share/doc/textpipe/LICENSE"; do
    [ -f "$STAGE$f" ] && pass "installed $f" || fail "not installed: $f"
done

# The installed attributions repeat each plugin's NOTICE in full.
for n in "$SRC"/plugins/*/NOTICE; do
    "$PY" -c 'import sys; sys.exit(open(sys.argv[1]).read() not in open(sys.argv[2]).read())' \
        "$n" "$STAGE$prefix/share/doc/textpipe/NOTICE" && pass "NOTICE repeats $n" || fail "NOTICE lacks $n: copy it in"
done

# What a user has: the installed program, library and plugins.
export PKG_CONFIG_PATH="$STAGE$libdir/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$STAGE"
export LD_LIBRARY_PATH="$STAGE$libdir"
export TEXTPIPE_PLUGIN_PATH="$STAGE$pluginsdir" TEXTPIPE_DATA_PATH="$STAGE$prefix/share/textpipe/plugins"
export TEXTPIPE_PIPELINE_PATH="$STAGE$prefix/share/textpipe/pipelines"
TP="$STAGE$prefix/bin/textpipe"
pkg-config --cflags --libs textpipe | grep -q -- "-I$STAGE$prefix/include" && pass "pkg-config finds the headers" \
    || fail "pkg-config --cflags: $(pkg-config --cflags textpipe)"

# textpipe new-plugin: a skeleton that builds and runs as written.
expect_exit 0 "new-plugin" -- "$TP" new-plugin --dir "$WORK/demo" demo-stage
expect_exit 0 "skeleton builds with its Makefile" -- make -C "$WORK/demo" CFLAGS="-O2 -Wall -Wextra -Werror"
expect_exit 0 "skeleton describes itself" -- "$TP" describe --plugin-path "$WORK/demo" demo-stage
expect_in "$WORK/out" "min_length (integer, 1 to 1000; default 7)" "the skeleton's option table"
printf 'Seven words, and two remarkably extraordinary ones here.' >"$WORK/seven.txt"
expect_exit 0 "skeleton runs in a pipeline" -- "$TP" run --plugin-path "$WORK/demo" -p "$WORK/demo/demo-stage.json" -f jsonl "$WORK/seven.txt"
expect_in "$WORK/out" '"demo-stage":{"words":8,"long_words":2}' "the skeleton's attribute"
expect_exit 1 "new-plugin never overwrites" -- "$TP" new-plugin --dir "$WORK/demo" demo-stage
expect_exit 2 "new-plugin refuses bad names" -- "$TP" new-plugin "Bad/Name"

# The example plugin, kept outside the build: one compile command.
cp -r "$SRC/examples/plugins/keywords" "$WORK/kw"
expect_exit 0 "example builds with one command" -- sh -c "cd '$WORK/kw' && cc -Wall -Wextra -Werror -shared -fPIC -o keywords.so keywords.c \$(pkg-config --cflags --libs textpipe)"
expect_exit 0 "example runs in its pipeline" -- "$TP" run --plugin-path "$WORK/kw" -p "$WORK/kw/keywords.json" "$SRC/examples/article.txt"
expect_in "$WORK/out" '"keywords": [{"word":"' "the example's keywords attribute"
expect_in "$WORK/out" '"word":"ecuador","count":' "the article's keywords include ecuador"
finish
