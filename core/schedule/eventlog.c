/* eventlog.c - see eventlog.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "eventlog.h"
#include "timefmt.h"

int eventlog_open(eventlog *l, const char *path, char *err, size_t errlen)
{
    l->fd = 2;
    l->path = NULL;
    if (!path)
        return 0;
    l->path = strdup(path);
    if (!l->path) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    l->fd = -1;
    return eventlog_reopen(l, err, errlen);
}

int eventlog_reopen(eventlog *l, char *err, size_t errlen)
{
    if (!l->path)
        return 0;
    int fd = open(l->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open the log file %s: %s", l->path, strerror(errno));
        return -1;
    }
    if (l->fd >= 0 && l->fd != 2)
        close(l->fd);
    l->fd = fd;
    return 0;
}

void eventlog_close(eventlog *l)
{
    if (l->fd >= 0 && l->fd != 2)
        close(l->fd);
    l->fd = -1;
    free(l->path);
    l->path = NULL;
}

void eventlog_write(eventlog *l, const char *event, const char *job, json_t *fields)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    char when[ISO_TIME_MAX];
    iso_format_utc_ms((int64_t)ts.tv_sec, (int)(ts.tv_nsec / 1000000), when);
    json_t *line = json_object();
    if (line) {
        json_object_set_new(line, "time", json_string(when));
        json_object_set_new(line, "event", json_string(event));
        if (job)
            json_object_set_new(line, "job", json_string(job));
        if (fields)
            json_object_update(line, fields);
    }
    json_decref(fields);
    char *text = line ? json_dumps(line, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(6)) : NULL;
    json_decref(line);
    if (!text) {
        static const char oom[] = "{\"event\":\"error\",\"message\":\"out of memory while logging\"}\n";
        if (write(l->fd, oom, sizeof oom - 1) < 0) {
            /* nowhere left to say it */
        }
        return;
    }
    size_t n = strlen(text);
    char *with_nl = realloc(text, n + 2);
    if (with_nl) {
        text = with_nl;
        text[n++] = '\n';
        text[n] = '\0';
    }
    for (size_t done = 0; done < n;) {
        ssize_t w = write(l->fd, text + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    free(text);
}

void notify_service_manager(const char *state)
{
    const char *sock = getenv("NOTIFY_SOCKET");
    if (!sock || (sock[0] != '/' && sock[0] != '@') || strlen(sock) >= sizeof(((struct sockaddr_un *)0)->sun_path))
        return;
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    size_t len = strlen(sock);
    memcpy(addr.sun_path, sock, len);
    if (addr.sun_path[0] == '@')
        addr.sun_path[0] = '\0'; /* abstract socket */
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    if (sendto(fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *)&addr,
               (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len)) < 0) {
        /* systemd will notice the missing notification by itself */
    }
    close(fd);
}
