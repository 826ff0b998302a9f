#!/bin/sh
# cli.sh - the program's commands, help, exit codes and messages.
. "$TP_SRCDIR/tests/integration/lib.sh"

expect_exit 0 "--version" -- "$TEXTPIPE" --version
expect_in "$WORK/out" "textpipe " "--version names the program"
expect_exit 0 "--help" -- "$TEXTPIPE" --help
expect_in "$WORK/out" "Exit status" "--help documents exit codes"
for cmd in run validate plugins describe; do
    expect_exit 0 "$cmd --help" -- "$TEXTPIPE" $cmd --help
    expect_in "$WORK/out" "Usage: textpipe $cmd" "$cmd --help shows its usage"
    expect_exit 0 "$cmd --version" -- "$TEXTPIPE" $cmd --version
    expect_in "$WORK/out" "plugin ABI 1.1" "$cmd --version"
done
expect_exit 2 "unknown command" -- "$TEXTPIPE" frobnicate
expect_in "$WORK/err" "unknown command 'frobnicate'" "unknown command is named"
expect_exit 2 "bad option" -- "$TEXTPIPE" run --no-such-option
expect_exit 2 "bad choice" -- "$TEXTPIPE" run --format xml
expect_in "$WORK/err" "--format must be one of json, jsonl, text" "bad choice lists the choices"

expect_exit 0 "plugins" -- env TEXTPIPE_PLUGIN_PATH= "$TEXTPIPE" plugins
expect_in "$WORK/out" "$TP_BUILDDIR/plugins/normalize/normalize.la" "plugins shows the build tree's normalize"
expect_exit 3 "plugins with broken modules on the path" -- "$TEXTPIPE" plugins
expect_in "$WORK/out" "bad-magic        BROKEN" "a broken module is listed with its problem"
expect_exit 0 "describe normalize" -- "$TEXTPIPE" describe normalize
expect_in "$WORK/out" 'form (one of NFC, NFD, NFKC, NFKD, none; default "NFC")' "describe shows option types and defaults"
expect_exit 3 "describe a path" -- "$TEXTPIPE" describe ../normalize
expect_in "$WORK/err" "is not a plugin name" "a path is never a plugin name"

for p in "$SRC"/pipelines/*.json; do
    expect_exit 0 "validate $(basename "$p")" -- "$TEXTPIPE" validate "$p"
done
expect_exit 0 "validate by name" -- "$TEXTPIPE" validate news

cat >"$WORK/bad.json" <<'JSON'
{
  "name": "bad",
  "stages": [
    {"plugin": "normalize", "options": {"from": "NFC", "collapse_whitespace": "yes"}},
    {"plugin": "nosuch"}
  ]
}
JSON
expect_exit 3 "invalid pipeline" -- "$TEXTPIPE" validate "$WORK/bad.json"
expect_in "$WORK/err" "bad.json:4:41: error: stages[0].options.from: plugin 'normalize' has no option 'from'; did you mean 'form'?" "unknown option: file:line:col, path, suggestion"
expect_in "$WORK/err" "bad.json:4:79: error: stages[0].options.collapse_whitespace: option 'collapse_whitespace' takes a boolean" "wrong type located"
expect_in "$WORK/err" "bad.json:5:16: error: stages[1].plugin: no plugin named 'nosuch'" "unknown plugin located"
expect_in "$WORK/err" "invalid (3 errors)" "every error is reported"
printf '{"stages": [\n  {"plugin": "normalize"}\n' >"$WORK/trunc.json"
expect_exit 3 "truncated pipeline" -- "$TEXTPIPE" run -p "$WORK/trunc.json" "$SRC/examples/article.txt"
expect_in "$WORK/err" "trunc.json:3:1: error: ']' expected near end of file" "syntax error has file:line:column"
expect_exit 3 "unknown pipeline name" -- "$TEXTPIPE" run -p newz "$SRC/examples/article.txt"
expect_in "$WORK/err" "no pipeline named 'newz' (available: " "unknown pipeline lists those available"
finish
