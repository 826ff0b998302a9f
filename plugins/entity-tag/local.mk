# plugins/entity-tag/local.mk - the entity-tag stage and its word lists.

pkglib_LTLIBRARIES += plugins/entity-tag/entity-tag.la
plugins_entity_tag_entity_tag_la_SOURCES = plugins/entity-tag/entity-tag.c plugins/entity-tag/tagger.h \
	plugins/entity-tag/tokens.c plugins/entity-tag/names.c plugins/entity-tag/timex.c \
	plugins/entity-tag/coref.c plugins/entity-tag/pronouns.c plugins/entity-tag/gazetteer.c plugins/entity-tag/gazetteer.h \
	plugins/entity-tag/fold.c plugins/entity-tag/fold.h plugins/entity-tag/words.c
plugins_entity_tag_entity_tag_la_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
plugins_entity_tag_entity_tag_la_LDFLAGS = $(PLUGIN_LDFLAGS)
plugins_entity_tag_entity_tag_la_LIBADD = $(PLUGIN_LIBADD) $(UTF8PROC_LIBS)

# gazc compiles the lists into the table the stage maps (gazetteer.h).
noinst_PROGRAMS += plugins/entity-tag/gazc
plugins_entity_tag_gazc_SOURCES = plugins/entity-tag/gazc.c plugins/entity-tag/gazetteer.c \
	plugins/entity-tag/gazetteer.h plugins/entity-tag/fold.c plugins/entity-tag/fold.h
plugins_entity_tag_gazc_CFLAGS = $(AM_CFLAGS) $(UTF8PROC_CFLAGS)
plugins_entity_tag_gazc_LDADD = $(UTF8PROC_LIBS)

# FLAGS=list pairs, in order: lists given first give a shared key its
# written form and canonical name.
ET_SRC = $(srcdir)/plugins/entity-tag/data/src
ET_OWN = $(srcdir)/plugins/entity-tag/data/lists
ET_GAZ_LISTS = \
	PERSON=$(ET_OWN)/people.txt \
	COUNTRY=$(ET_OWN)/countries-extra.txt \
	COUNTRY=$(ET_SRC)/countries.txt \
	CITY=$(ET_OWN)/cities-extra.txt \
	CITY=$(ET_SRC)/cities.txt \
	REGION=$(ET_SRC)/regions.txt \
	LOC=$(ET_OWN)/locations.txt \
	NORP=$(ET_SRC)/demonyms.txt \
	NORP=$(ET_OWN)/nationalities-extra.txt \
	ORG=$(ET_OWN)/organizations.txt \
	ORG=$(ET_SRC)/intl-acronyms.txt \
	ORG=$(ET_SRC)/companies.txt \
	ORG=$(ET_SRC)/parties.txt \
	ORG=$(ET_SRC)/universities.txt \
	FIRST=$(ET_SRC)/first-names.txt \
	FIRST,FIRST_STRONG=$(ET_SRC)/first-names-common.txt \
	FEMALE=$(ET_SRC)/first-names-female.txt \
	MALE=$(ET_SRC)/first-names-male.txt \
	SURNAME=$(ET_SRC)/surnames.txt \
	TITLE=$(ET_OWN)/titles.txt \
	HONORIFIC=$(ET_OWN)/honorifics.txt \
	TITLE_MOD=$(ET_OWN)/title-modifiers.txt \
	ORG_HEAD=$(ET_OWN)/org-heads.txt \
	LOC_HEAD=$(ET_OWN)/loc-heads.txt \
	LOC_PRE=$(ET_OWN)/loc-pre.txt \
	GPE_PRE=$(ET_OWN)/gpe-pre.txt \
	GPE_HEAD=$(ET_OWN)/gpe-heads.txt \
	PARTICLE=$(ET_OWN)/particles.txt \
	PLACE_MOD=$(ET_OWN)/place-modifiers.txt \
	MISC_HEAD=$(ET_OWN)/misc-heads.txt \
	COMMON=$(ET_SRC)/common-words.txt \
	FUNCTION=$(ET_OWN)/function-words.txt \
	NOT_ENTITY=$(ET_OWN)/not-entities.txt \
	MONTH=$(ET_OWN)/months.txt \
	WEEKDAY=$(ET_OWN)/weekdays.txt \
	DATE_UNIT=$(ET_OWN)/date-units.txt \
	DATE_WORD=$(ET_OWN)/date-words.txt \
	TIME_WORD=$(ET_OWN)/time-words.txt \
	TIME_UNIT=$(ET_OWN)/time-units.txt \
	CURRENCY=$(ET_OWN)/currencies.txt \
	SCALE=$(ET_OWN)/scales.txt \
	PERCENT_WORD=$(ET_OWN)/percent-words.txt \
	SAY=$(ET_OWN)/say-verbs.txt \
	TIMEX_START=$(ET_OWN)/timex-words.txt
ET_GAZ_FILES = \
	plugins/entity-tag/data/lists/cities-extra.txt \
	plugins/entity-tag/data/lists/countries-extra.txt \
	plugins/entity-tag/data/lists/currencies.txt \
	plugins/entity-tag/data/lists/date-units.txt \
	plugins/entity-tag/data/lists/date-words.txt \
	plugins/entity-tag/data/lists/function-words.txt \
	plugins/entity-tag/data/lists/gpe-heads.txt \
	plugins/entity-tag/data/lists/gpe-pre.txt \
	plugins/entity-tag/data/lists/honorifics.txt \
	plugins/entity-tag/data/lists/loc-heads.txt \
	plugins/entity-tag/data/lists/loc-pre.txt \
	plugins/entity-tag/data/lists/locations.txt \
	plugins/entity-tag/data/lists/months.txt \
	plugins/entity-tag/data/lists/nationalities-extra.txt \
	plugins/entity-tag/data/lists/not-entities.txt \
	plugins/entity-tag/data/lists/org-heads.txt \
	plugins/entity-tag/data/lists/organizations.txt \
	plugins/entity-tag/data/lists/particles.txt \
	plugins/entity-tag/data/lists/people.txt \
	plugins/entity-tag/data/lists/place-modifiers.txt \
	plugins/entity-tag/data/lists/misc-heads.txt \
	plugins/entity-tag/data/lists/percent-words.txt \
	plugins/entity-tag/data/lists/say-verbs.txt \
	plugins/entity-tag/data/lists/scales.txt \
	plugins/entity-tag/data/lists/time-units.txt \
	plugins/entity-tag/data/lists/time-words.txt \
	plugins/entity-tag/data/lists/timex-words.txt \
	plugins/entity-tag/data/lists/title-modifiers.txt \
	plugins/entity-tag/data/lists/titles.txt \
	plugins/entity-tag/data/lists/weekdays.txt \
	plugins/entity-tag/data/src/cities.txt \
	plugins/entity-tag/data/src/common-words.txt \
	plugins/entity-tag/data/src/companies.txt \
	plugins/entity-tag/data/src/countries.txt \
	plugins/entity-tag/data/src/demonyms.txt \
	plugins/entity-tag/data/src/first-names-common.txt \
	plugins/entity-tag/data/src/first-names.txt \
	plugins/entity-tag/data/src/first-names-female.txt \
	plugins/entity-tag/data/src/first-names-male.txt \
	plugins/entity-tag/data/src/intl-acronyms.txt \
	plugins/entity-tag/data/src/parties.txt \
	plugins/entity-tag/data/src/regions.txt \
	plugins/entity-tag/data/src/surnames.txt \
	plugins/entity-tag/data/src/universities.txt

plugins/entity-tag/data/entity-tag.gaz: plugins/entity-tag/gazc$(EXEEXT) $(ET_GAZ_FILES:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) plugins/entity-tag/data && \
	plugins/entity-tag/gazc$(EXEEXT) -o $@.tmp $(ET_GAZ_LISTS) && mv $@.tmp $@

entitytagdatadir = $(pkgdatadir)/plugins/entity-tag/data
entitytagdata_DATA = plugins/entity-tag/data/entity-tag.gaz
CLEANFILES += plugins/entity-tag/data/entity-tag.gaz
EXTRA_DIST += $(ET_GAZ_FILES) plugins/entity-tag/NOTICE plugins/entity-tag/tools/import-data.py
