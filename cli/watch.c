/* watch.c — `ashireport watch`: renders the deck again whenever it or a
 * file beside it changes, through inotify. SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)
#define QUIET_MS 150 /* an editor's save is several events: wait for them all */

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The folder of path, into buf. */
static void folder_of(const char *path, char *buf, size_t size)
{
    const char *s = strrchr(path, '/');
    if (!s)
        snprintf(buf, size, ".");
    else if (s == path)
        snprintf(buf, size, "/");
    else
        snprintf(buf, size, "%.*s", (int)(s - path), path);
}

/* Watches dir and the folders just below it (images/, data/). */
static void watch_folders(int fd, const char *dir)
{
    inotify_add_watch(fd, dir, EVENTS);
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char sub[PATH_MAX];
        struct stat st;
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            inotify_add_watch(fd, sub, EVENTS);
    }
    if (d)
        closedir(d);
}

/* Does an event concern the deck's sources (not the PDF written, nor a
 * temporary file of the write)? */
static int relevant(const struct inotify_event *ev, const char *out_name)
{
    if (!ev->len)
        return 1;
    if (out_name && strcmp(ev->name, out_name) == 0)
        return 0;
    return strncmp(ev->name, ".ashi-", 6) != 0;
}

/* Reads the events waiting on fd; 1 when one is relevant. */
static int drain(int fd, const char *out_name)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int any = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            return any;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            any |= relevant(ev, out_name);
            p += sizeof *ev + ev->len;
        }
    }
}

ashi_status cli_watch(const ashi_options *opt, const char *deck_path, const char *out_path,
                      diag_format fmt, const cli_output *img)
{
    if (strcmp(deck_path, "-") == 0) {
        fputs(cli_t("ashireport: watch needs a deck file, not standard input\n"), stderr);
        return ASHI_E_ARGUMENT;
    }
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, cli_t("ashireport: cannot watch for changes: %s\n"), strerror(errno));
        return ASHI_E_IO;
    }
    char dir[PATH_MAX];
    folder_of(deck_path, dir, sizeof dir);
    watch_folders(fd, dir);
    const char *out_name = out_path ? base_name(out_path) : NULL;
    char def_name[NAME_MAX + 1];
    if (!out_name) { /* DECK.pdf beside the deck */
        const char *b = base_name(deck_path), *dot = strrchr(b, '.');
        snprintf(def_name, sizeof def_name, "%.*s.pdf", (int)(dot ? dot - b : (long)strlen(b)), b);
        out_name = def_name;
    }
    fprintf(stderr, cli_t("watching %s and the files beside it (Ctrl+C stops)\n"), deck_path);
    cli_run(opt, deck_path, out_path, NULL, 1, fmt, img);
    fflush(stdout); /* each render's line now, not at exit */
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, -1) < 0 && errno != EINTR)
            break;
        if (!drain(fd, out_name))
            continue;
        /* until the folder is quiet */
        while (poll(&p, 1, QUIET_MS) > 0)
            drain(fd, out_name);
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        fprintf(stderr, cli_t("\n[%02d:%02d:%02d] changed: rendering again\n"), tm.tm_hour, tm.tm_min,
                tm.tm_sec);
        watch_folders(fd, dir); /* a folder made meanwhile */
        cli_run(opt, deck_path, out_path, NULL, 1, fmt, img);
        fflush(stdout);
    }
    close(fd);
    return ASHI_E_IO;
}
