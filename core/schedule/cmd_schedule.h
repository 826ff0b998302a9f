/* cmd_schedule.h - the `textpipe schedule` command (see cmd_schedule.c). */
#ifndef TP_SCHED_CMD_SCHEDULE_H
#define TP_SCHED_CMD_SCHEDULE_H

int cmd_schedule(int argc, char **argv);

#endif
