# tests/normalize/local.mk - the normalize stage.
