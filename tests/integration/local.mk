# tests/integration/local.mk - the textpipe program end to end.
