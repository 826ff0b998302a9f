/* runner.h - one run as a child process, and publishing its output.
 *
 * The child gets a process group of its own, so that a timeout can signal
 * everything a plugin may have started, and a terminal's Ctrl-C reaches
 * only the scheduler.  It dies with the
 * scheduler (PR_SET_PDEATHSIG) so that a scheduler killed with -9 leaves
 * no run behind to race the one the restarted scheduler starts. */
#ifndef TP_SCHED_RUNNER_H
#define TP_SCHED_RUNNER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Start @p argv[0] (a path) with @p argv and, in addition to the
 * environment, the NAME=VALUE strings in @p env_add (NULL-terminated).
 * Standard input and output are /dev/null; standard error goes to a pipe
 * whose read end (non-blocking, close-on-exec) is returned in *err_fd.
 * Returns the pid (also the process group id), or -1 with a message. */
pid_t runner_spawn(char *const argv[], char *const env_add[], int *err_fd, char *err, size_t errlen);

/* Signal the run's whole process group (falls back to the pid). */
void runner_signal(pid_t pid, int sig);

/* The name of a signal: "SIGSEGV" (static). */
const char *signal_name(int sig);

/* fsync @p tmp, rename it to @p final and fsync the directory. */
int publish_output(const char *tmp, const char *final, char *err, size_t errlen);

/* Create @p dir and its parents (mode 0755). */
int make_dirs(const char *dir, char *err, size_t errlen);

/* Number of newline characters in @p path, or -1. */
long long count_lines(const char *path);

#endif
