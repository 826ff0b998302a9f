#!/bin/sh
# import-lexicons.sh - make the plugin's data files from VADER's lexicons.
#
#   plugins/sentiment/import-lexicons.sh SRC_DIR [DEST_DIR]
#
# SRC_DIR holds vader_lexicon.txt and emoji_utf8_lexicon.txt as published by
# cjhutto/vaderSentiment (MIT; see NOTICE).  A developer's tool, run once by
# hand when the lexicons change; the build never runs it.  It keeps only what
# the scorer reads:
#   vader_lexicon.tsv  columns 1-2 (token, mean valence) of every line, in the
#                      original order (duplicates included: the loader lets the
#                      later line win, as the reference does);
#   emoji_lexicon.tsv  the entries whose key is one code point (the reference
#                      compares one code point at a time, so longer keys can
#                      never match).
set -eu
src=${1:?usage: import-lexicons.sh SRC_DIR [DEST_DIR]}
dest=${2:-$(dirname "$0")/data}
LC_ALL=C awk -F '\t' 'NF >= 2 { print $1 "\t" $2 }' "$src/vader_lexicon.txt" > "$dest/vader_lexicon.tsv"
# A code point is one UTF-8 lead byte followed by continuation bytes only.
LC_ALL=C awk -F '\t' 'NF >= 2 && $1 ~ /^[\300-\367][\200-\277]*$/ { print $1 "\t" $2 }' \
    "$src/emoji_utf8_lexicon.txt" > "$dest/emoji_lexicon.tsv"
