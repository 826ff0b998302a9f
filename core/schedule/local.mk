# core/schedule/local.mk - `textpipe schedule`: pipelines run on schedules.
# Compiled into the program's convenience library, so the tests can link
# the modules.  json_locate.c and suggest.c are the core's internal
# helpers (hidden in libtextpipe), compiled in again for the jobs file.

core_libtextpipe_cli_la_SOURCES += \
	core/schedule/calendar.c core/schedule/calendar.h \
	core/schedule/tz.c core/schedule/tz.h \
	core/schedule/cron.c core/schedule/cron.h \
	core/schedule/timefmt.c core/schedule/timefmt.h \
	core/schedule/jobs.c core/schedule/jobs.h \
	core/schedule/plan.c core/schedule/plan.h \
	core/schedule/state.c core/schedule/state.h \
	core/schedule/inputs.c core/schedule/inputs.h \
	core/schedule/runner.c core/schedule/runner.h \
	core/schedule/eventlog.c core/schedule/eventlog.h \
	core/schedule/scheduler.c core/schedule/scheduler.h \
	core/schedule/cmd_schedule.c core/schedule/cmd_schedule.h \
	core/src/json_locate.c core/src/suggest.c
