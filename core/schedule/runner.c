/* runner.c - see runner.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "runner.h"
#include "state.h"

const char *signal_name(int sig)
{
    static const struct {
        int sig;
        const char *name;
    } names[] = {{SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
                 {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},
                 {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
                 {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGXCPU, "SIGXCPU"},
                 {SIGXFSZ, "SIGXFSZ"}, {SIGSYS, "SIGSYS"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].sig == sig)
            return names[i].name;
    return "signal";
}

/* In the child, between fork and exec (the scheduler is single-threaded,
 * so this is safe); never returns. */
static void child(char *const argv[], char *const env_add[], int err_write, pid_t parent)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent)
        _exit(127); /* the scheduler died before the line above */
    setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            signal(s, SIG_DFL);
    int null = open("/dev/null", O_RDWR);
    if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(err_write, 2) < 0)
        _exit(127);
    for (size_t i = 0; env_add && env_add[i]; i++)
        putenv(env_add[i]);
    execv(argv[0], argv);
    char msg[512];
    int n = snprintf(msg, sizeof msg, "cannot run %s: %s\n", argv[0], strerror(errno));
    if (n > 0 && write(2, msg, (size_t)n) < 0) {
        /* nothing more to do */
    }
    _exit(127);
}

pid_t runner_spawn(char *const argv[], char *const env_add[], int *err_fd, char *err, size_t errlen)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        snprintf(err, errlen, "cannot create a pipe: %s", strerror(errno));
        return -1;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "cannot start a process: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return -1;
    }
    if (pid == 0) {
        close(p[0]);
        child(argv, env_add, p[1], parent);
    }
    close(p[1]);
    /* Also from this side, so that signalling the group works at once. */
    setpgid(pid, pid);
    int fl = fcntl(p[0], F_GETFL);
    if (fl >= 0)
        fcntl(p[0], F_SETFL, fl | O_NONBLOCK);
    *err_fd = p[0];
    return pid;
}

void runner_signal(pid_t pid, int sig)
{
    if (pid <= 0)
        return;
    if (kill(-pid, sig) != 0)
        kill(pid, sig);
}

int publish_output(const char *tmp, const char *final, char *err, size_t errlen)
{
    int fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "the run wrote no output (%s): %s", tmp, strerror(errno));
        return -1;
    }
    if (fsync(fd) != 0) {
        snprintf(err, errlen, "cannot write %s to disk: %s", tmp, strerror(errno));
        close(fd);
        return -1;
    }
    close(fd);
    if (rename(tmp, final) != 0) {
        snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, final, strerror(errno));
        return -1;
    }
    if (fsync_parent_dir(final) != 0) {
        snprintf(err, errlen, "cannot sync the directory of %s: %s", final, strerror(errno));
        return -1;
    }
    return 0;
}

int make_dirs(const char *dir, char *err, size_t errlen)
{
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s", dir) >= sizeof path) {
        snprintf(err, errlen, "%s: path too long", dir);
        return -1;
    }
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(path, 0755) != 0 && errno != EEXIST) {
            snprintf(err, errlen, "cannot create directory %s: %s", path, strerror(errno));
            return -1;
        }
        *p = saved;
        if (!saved)
            break;
    }
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        snprintf(err, errlen, "%s is not a directory", path);
        return -1;
    }
    return 0;
}

long long count_lines(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buf[1 << 16];
    long long lines = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            lines = -1;
            break;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            lines += buf[i] == '\n';
    }
    close(fd);
    return lines;
}
