# tests/local.mk - the test suite (make check).
