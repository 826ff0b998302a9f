# plugins/local.mk - one include per plugin folder.
include $(srcdir)/plugins/normalize/local.mk
include $(srcdir)/plugins/sentence-split/local.mk
include $(srcdir)/plugins/entity-tag/local.mk
include $(srcdir)/plugins/sentiment/local.mk
