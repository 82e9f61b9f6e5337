/* output.c — writing the PDF to a path: never over the deck or a file it
 * read, atomically over a regular file (in the folder of the file a link
 * points to), straight into a FIFO or a device, with the permissions any
 * tool would give. SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "res/res.h"

#define MAX_LINKS 40

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The file a path names once its symbolic links are followed, as a path:
 * a link's target may not exist yet (then it is created). NULL when out of
 * memory; *err is set when the links cannot be followed. */
static char *final_path(ashi_mem *m, const char *path, int *err)
{
    char *cur = ashi_strdup(m, path);
    for (int i = 0; cur; i++) {
        struct stat st;
        if (lstat(cur, &st) || !S_ISLNK(st.st_mode))
            return cur;
        if (i == MAX_LINKS) {
            *err = ELOOP;
            free(cur);
            return NULL;
        }
        char target[4096];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n <= 0) {
            *err = n < 0 ? errno : ENOENT;
            free(cur);
            return NULL;
        }
        target[n] = 0;
        char *next;
        const char *slash = strrchr(cur, '/');
        if (target[0] == '/' || !slash) {
            next = ashi_strdup(m, target);
        } else {
            size_t dl = (size_t)(slash - cur) + 1;
            next = ashi_malloc(m, dl + (size_t)n + 1);
            if (next) {
                memcpy(next, cur, dl);
                memcpy(next + dl, target, (size_t)n + 1);
            }
        }
        free(cur);
        cur = next;
    }
    return NULL;
}

/* A new file beside `target`, with a short name (the target's own name
 * may already be as long as the file system allows), created as any tool
 * creates a file: mode 0666 less the umask. */
static int temp_beside(ashi_mem *m, const char *target, char **out)
{
    const char *slash = strrchr(target, '/');
    size_t dl = slash ? (size_t)(slash - target) + 1 : 0;
    char *tmp = ashi_malloc(m, dl + 32);
    if (!tmp)
        return -2;
    memcpy(tmp, target, dl);
    unsigned long seed = (unsigned long)getpid() * 2654435761u ^ (unsigned long)time(NULL) ^
                         (unsigned long)(size_t)&seed;
    for (int attempt = 0; attempt < 100; attempt++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        ashi_snprintf(tmp + dl, 32, ".ashi-%08lx.tmp", (seed >> 16) & 0xFFFFFFFFul);
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) {
            *out = tmp;
            return fd;
        }
        if (errno != EEXIST)
            break;
    }
    free(tmp);
    return -1;
}

static int cannot(ashi_res_out *o, int err)
{
    ashi_loc none = {0, 0};
    ashi_diag_add(o->d, ASHI_ERROR, "io", none, "cannot write '%s': %s", o->path, strerror(err));
    return 1;
}

int ashi_res_out_open(ashi_res_out *o, const ashi_res *r, const char *path, ashi_diags *d)
{
    memset(o, 0, sizeof *o);
    o->fd = -1;
    o->d = d;
    o->path = path;
    o->m = ashi_arena_mem(r->a);
    ashi_loc none = {0, 0};
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && ashi_res_is_input(r, (unsigned long long)st.st_dev,
                                    (unsigned long long)st.st_ino)) {
        ashi_diag_add(d, ASHI_ERROR, "io", none,
                      "cannot write '%s': it is the deck itself or a file the deck reads; "
                      "choose another output name",
                      path);
        return 1;
    }
    if (exists && S_ISDIR(st.st_mode)) {
        ashi_diag_add(d, ASHI_ERROR, "io", none, "cannot write '%s': it is a folder", path);
        return 1;
    }
    if (exists && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
        /* a pipe or a device is written into, never replaced */
        o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        return o->fd < 0 ? cannot(o, errno) : 0;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        ashi_diag_add(d, ASHI_ERROR, "io", none,
                      "cannot write '%s': it is not a regular file, a FIFO or a device", path);
        return 1;
    }
    /* a regular file (or none yet): written beside the file a link leads
     * to, then renamed over it, so that readers never see a partial file,
     * a failure leaves the old one as it was, and the link stays a link */
    int err = 0;
    o->target = final_path(o->m, path, &err);
    if (!o->target)
        return err ? cannot(o, err) : -1;
    o->fd = temp_beside(o->m, o->target, &o->tmp);
    if (o->fd == -2) {
        free(o->target);
        o->target = NULL;
        return -1;
    }
    if (o->fd < 0) {
        err = errno;
        free(o->target);
        o->target = NULL;
        return cannot(o, err);
    }
    /* replacing a file keeps its permissions */
    if (exists && fchmod(o->fd, st.st_mode & 07777)) {
        err = errno;
        ashi_res_out_close(o, 0);
        return cannot(o, err);
    }
    return 0;
}

int ashi_res_out_write(ashi_res_out *o, const void *data, size_t len)
{
    if (o->fd < 0 || o->failed)
        return 1;
    if (write_all(o->fd, data, len)) {
        o->failed = 1;
        return cannot(o, errno);
    }
    return 0;
}

int ashi_res_out_close(ashi_res_out *o, int commit)
{
    if (o->fd < 0)
        return 1;
    int bad = !commit || o->failed, err = 0;
    if (!bad && o->tmp && fsync(o->fd))
        bad = 1, err = errno;
    if (close(o->fd) && !bad)
        bad = 1, err = errno;
    o->fd = -1;
    if (!bad && o->tmp && rename(o->tmp, o->target))
        bad = 1, err = errno;
    if (bad && o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->target);
    o->tmp = o->target = NULL;
    /* a failed write said so already; a refused commit says nothing */
    return bad ? (err && !o->failed ? cannot(o, err) : 1) : 0;
}
