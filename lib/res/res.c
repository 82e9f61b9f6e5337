/* res.c — the one path rule for the files a deck names, and reading them
 * whole and once. SPDX-License-Identifier: MIT */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "res/res.h"

#define MAX_LINKS 40  /* symbolic links followed for one name, as Linux allows */
#define MAX_DEPTH 128 /* folders deep below the deck's */
#define MAX_NAME 4096

static const char *const what_of[] = {"image", "CSV", "output profile"};
static const char *const path_code[] = {"image-path", "csv-path", "output-profile-path"};
static const char *const read_code[] = {"image", "csv", "output-profile"};

void ashi_res_init(ashi_res *r, const char *base_dir, int absolute, size_t max_bytes,
                   ashi_arena *a)
{
    memset(r, 0, sizeof *r);
    r->base_dir = base_dir;
    r->absolute = absolute;
    r->max_bytes = max_bytes;
    r->a = a;
}

static int grow(ashi_arena *a, void **v, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 8;
    void *g = ashi_arena_grow(a, *v, n * elem, c * elem);
    if (!g)
        return -1;
    *v = g;
    *cap = c;
    return 0;
}

int ashi_res_protect(ashi_res *r, unsigned long long dev, unsigned long long ino)
{
    if (grow(r->a, (void **)&r->ids, r->nids, &r->capids, sizeof *r->ids))
        return -1;
    r->ids[r->nids][0] = dev;
    r->ids[r->nids++][1] = ino;
    return 0;
}

int ashi_res_is_input(const ashi_res *r, unsigned long long dev, unsigned long long ino)
{
    for (size_t i = 0; i < r->nids; i++)
        if (r->ids[i][0] == dev && r->ids[i][1] == ino)
            return 1;
    return 0;
}

/* What a thing that is not a regular file is, for the message. */
static const char *not_regular(mode_t m)
{
    if (S_ISDIR(m))
        return "is a folder, not a file";
    if (S_ISFIFO(m))
        return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "is a device, not a regular file";
    if (S_ISSOCK(m))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

static const char *errno_why(int e)
{
    switch (e) {
    case ENOENT:
        return "does not exist";
    case EACCES:
    case EPERM:
        return "cannot be read (permission denied)";
    case ENOTDIR:
        return "cannot be found: a part of its path is not a folder";
    case ELOOP:
        return "changed while it was being opened";
    case ENAMETOOLONG:
        return "is too long a name";
    default:
        return "cannot be read";
    }
}

/* Outcome of resolving a name: an open regular file, or why not. */
typedef struct opened {
    int fd;
    const char *why;  /* NULL when fd is open */
    int outside;      /* why is about the path rule (code *-path) */
    int oom;
} opened;

/* Opens the last component of a walk: only a regular file, checked before
 * opening (so that no device or FIFO is ever opened) and after (so that
 * nothing swapped in between is read). */
static opened open_last(int dirfd, const char *comp, const struct stat *seen)
{
    opened o = {-1, NULL, 0, 0};
    if (!S_ISREG(seen->st_mode)) {
        o.why = not_regular(seen->st_mode);
        return o;
    }
    int fd = openat(dirfd, comp, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        o.why = errno_why(errno);
        return o;
    }
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_dev != seen->st_dev ||
        st.st_ino != seen->st_ino) {
        close(fd);
        o.why = "changed while it was being opened";
        return o;
    }
    o.fd = fd;
    return o;
}

/* Walks name from the deck's folder one component at a time: folders
 * opened with O_NOFOLLOW, symbolic links read and followed by hand, ".."
 * never above the deck's folder. */
static opened open_beneath(const ashi_res *r, const char *name)
{
    opened o = {-1, NULL, 0, 0};
    ashi_mem *m = ashi_arena_mem(r->a);
    char *path = ashi_malloc(m, 2 * MAX_NAME + 2), *target = ashi_malloc(m, MAX_NAME + 1);
    int stack[MAX_DEPTH];
    int depth = 0, links = 0;
    char *real = NULL; /* the deck's folder as an absolute path, when a link needs it */
    if (!path || !target) {
        o.oom = 1;
        goto done;
    }
    size_t n = strlen(name);
    if (n > MAX_NAME) {
        o.why = "is too long a name";
        goto done;
    }
    memcpy(path, name, n + 1);
    stack[0] = open(r->base_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (stack[0] < 0) {
        o.why = "cannot be read: the deck's folder cannot be opened";
        goto done;
    }
    depth = 1;
    size_t pos = 0;
    for (;;) {
        while (path[pos] == '/')
            pos++;
        if (!path[pos]) {
            o.why = "is a folder, not a file";
            goto done;
        }
        size_t end = pos;
        while (path[end] && path[end] != '/')
            end++;
        size_t next = end;
        while (path[next] == '/')
            next++;
        int last = !path[next];
        char saved = path[end];
        path[end] = 0;
        const char *comp = path + pos;
        if (!strcmp(comp, ".") || !strcmp(comp, "..")) {
            if (comp[1] == '.') {
                if (depth == 1) {
                    o.why = links ? "leads out of the deck's folder through a symbolic link"
                                  : "must be a relative path inside the deck's folder";
                    o.outside = 1;
                    goto done;
                }
                close(stack[--depth]);
            }
            if (last) {
                o.why = "is a folder, not a file";
                goto done;
            }
            pos = next;
            continue;
        }
        int top = stack[depth - 1];
        struct stat st;
        if (fstatat(top, comp, &st, AT_SYMLINK_NOFOLLOW)) {
            o.why = errno_why(errno);
            goto done;
        }
        if (S_ISLNK(st.st_mode)) {
            if (++links > MAX_LINKS) {
                o.why = "cannot be read: too many symbolic links";
                goto done;
            }
            ssize_t k = readlinkat(top, comp, target, MAX_NAME);
            if (k <= 0 || k >= MAX_NAME) {
                o.why = k < 0 ? errno_why(errno) : "is a symbolic link that cannot be followed";
                goto done;
            }
            target[k] = 0;
            const char *t = target;
            if (target[0] == '/') {
                /* an absolute link is followed only into the deck's own
                 * folder, walked again from its handle */
                if (!real)
                    real = realpath(r->base_dir, NULL);
                size_t rl = real ? strlen(real) : 0;
                if (!real || strncmp(target, real, rl) ||
                    (target[rl] != '/' && target[rl] != 0)) {
                    o.why = "leads out of the deck's folder through a symbolic link";
                    o.outside = 1;
                    goto done;
                }
                t = target + rl;
                while (depth > 1)
                    close(stack[--depth]);
            }
            /* the link's text takes its place in what is left to walk */
            size_t tl = strlen(t), rest = strlen(path + next);
            if (tl + 1 + rest > 2 * MAX_NAME) {
                o.why = "is too long a name";
                goto done;
            }
            memmove(path + tl + 1, path + next, rest + 1);
            memcpy(path, t, tl);
            path[tl] = '/';
            if (!rest)
                path[tl] = 0;
            pos = 0;
            continue;
        }
        if (last) {
            o = open_last(top, comp, &st);
            goto done;
        }
        path[end] = saved;
        if (!S_ISDIR(st.st_mode)) {
            o.why = "cannot be found: a part of its path is not a folder";
            goto done;
        }
        if (depth == MAX_DEPTH) {
            o.why = "is in folders nested too deep";
            goto done;
        }
        path[end] = 0;
        int fd = openat(top, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        path[end] = saved;
        if (fd < 0) {
            o.why = errno_why(errno);
            goto done;
        }
        stack[depth++] = fd;
        pos = next;
    }
done:
    while (depth > 0)
        close(stack[--depth]);
    free(real);
    free(path);
    free(target);
    return o;
}

int ashi_res_climbs(const char *name)
{
    int depth = 0;
    const char *p = name;
    while (*p) {
        while (*p == '/')
            p++;
        size_t k = strcspn(p, "/");
        if (k == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return 1;
        } else if (k && !(k == 1 && p[0] == '.')) {
            depth++;
        }
        p += k;
    }
    return 0;
}

const char *ashi_res_open_why(int fd, const struct stat *st)
{
    return fd == -1               ? strerror(errno)
           : fd == -3             ? "it changed while it was being opened"
           : S_ISDIR(st->st_mode) ? "it is a folder, not a file"
                                  : "it is not a regular file";
}

int ashi_res_open_regular(const char *path, struct stat *st)
{
    struct stat seen;
    if (stat(path, &seen))
        return -1;
    if (!S_ISREG(seen.st_mode)) {
        *st = seen;
        return -2;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (fstat(fd, st) || !S_ISREG(st->st_mode) || st->st_dev != seen.st_dev ||
        st->st_ino != seen.st_ino) {
        close(fd);
        return -3;
    }
    return fd;
}

size_t ashi_res_read_exact(int fd, unsigned char *buf, size_t size, int *failed)
{
    size_t got = 0;
    *failed = 0;
    while (got < size) {
        ssize_t k = read(fd, buf + got, size - got);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k < 0)
            *failed = 1;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    return got;
}

/* With absolute paths allowed: any path, links followed as the system
 * does; still only regular files, never opened when they are not. */
static opened open_anywhere(const ashi_res *r, const char *name)
{
    opened o = {-1, NULL, 0, 0};
    if (name[0] != '/' && ashi_res_climbs(name)) {
        o.why = "must not climb out of the deck's folder with '..'";
        o.outside = 1;
        return o;
    }
    ashi_mem *m = ashi_arena_mem(r->a);
    char *path = name[0] == '/' ? ashi_strdup(m, name) : NULL;
    if (name[0] != '/') {
        size_t bl = strlen(r->base_dir), nl = strlen(name);
        path = ashi_malloc(m, bl + nl + 2);
        if (path) {
            memcpy(path, r->base_dir, bl);
            path[bl] = '/';
            memcpy(path + bl + 1, name, nl + 1);
        }
    }
    if (!path) {
        o.oom = 1;
        return o;
    }
    struct stat st;
    int fd = ashi_res_open_regular(path, &st);
    if (fd >= 0)
        o.fd = fd;
    else
        o.why = fd == -1   ? errno_why(errno)
                : fd == -2 ? not_regular(st.st_mode)
                           : "changed while it was being opened";
    free(path);
    return o;
}

/* Reads an open regular file whole; the file must neither shrink nor grow
 * meanwhile. Returns NULL and why when it cannot. */
static unsigned char *read_whole(int fd, size_t size, ashi_arena *a, const char **why)
{
    unsigned char *buf = ashi_arena_alloc(a, size + 1);
    if (!buf) {
        *why = NULL; /* out of memory */
        return NULL;
    }
    int failed;
    unsigned char probe;
    size_t got = ashi_res_read_exact(fd, buf, size, &failed);
    if (!failed && got == size)
        got += ashi_res_read_exact(fd, &probe, 1, &failed); /* nothing more */
    if (failed || got != size) {
        *why = failed ? "could not be read" : "changed while it was being read";
        return NULL;
    }
    buf[size] = 0;
    return buf;
}

static int remember(ashi_res *r, const char *name, const ashi_file *f, int kind)
{
    if (grow(r->a, (void **)&r->names, r->nnames, &r->capnames, sizeof *r->names))
        return -1;
    const char *copy = ashi_arena_strdup(r->a, name);
    if (!copy)
        return -1;
    r->names[r->nnames++] = (struct ashi_res_name){copy, f, kind};
    return 0;
}

int ashi_res_locate(ashi_res *r, const char *name, char **path, unsigned long long id[2],
                    const char **why)
{
    *path = NULL;
    *why = NULL;
    opened o = {-1, NULL, 0, 0};
    if (!name[0])
        o.why = "is an empty name";
    else if (r->absolute && (name[0] == '/' || r->base_dir))
        o = open_anywhere(r, name);
    else if (name[0] == '/' || ashi_res_climbs(name))
        o.why = "must be a relative path inside the deck's folder (or a file name found in a "
                "font folder)";
    else if (!r->base_dir)
        o.why = "cannot be read: the deck was given without a folder to read files from";
    else
        o = open_beneath(r, name);
    if (o.oom)
        return -1;
    if (o.why) {
        *why = o.why;
        return o.outside ? 2 : 1;
    }
    /* the file opened, as a path the font reader opens again (and checks
     * to be this same file by its identity) */
    struct stat st;
    char link[64], *real = NULL;
    ashi_snprintf(link, sizeof link, "/proc/self/fd/%d", o.fd);
    if (fstat(o.fd, &st) == 0) {
        real = realpath(link, NULL);
        if (!real && r->base_dir && name[0] != '/') {
            /* no /proc: the path as the system resolves it, if it is the
             * very file the walk opened */
            size_t bl = strlen(r->base_dir), nl = strlen(name);
            char *joined = ashi_malloc(ashi_arena_mem(r->a), bl + nl + 2);
            struct stat again;
            if (joined) {
                memcpy(joined, r->base_dir, bl);
                joined[bl] = '/';
                memcpy(joined + bl + 1, name, nl + 1);
                real = realpath(joined, NULL);
                free(joined);
            }
            if (real && (stat(real, &again) || again.st_dev != st.st_dev ||
                         again.st_ino != st.st_ino)) {
                free(real);
                real = NULL;
            }
        }
    }
    close(o.fd);
    if (!real) {
        *why = "cannot be read";
        return 1;
    }
    *path = ashi_arena_strdup(r->a, real);
    free(real);
    if (!*path)
        return -1;
    id[0] = (unsigned long long)st.st_dev;
    id[1] = (unsigned long long)st.st_ino;
    return ashi_res_protect(r, id[0], id[1]) ? -1 : 0;
}

/* Is a file of size bytes over the per-file or the together limit? Says
 * which when it is (1), else counts it in the total (0). */
static int over_limits(ashi_res *r, const char *what, const char *name, unsigned long long size,
                       ashi_loc loc, ashi_diags *d)
{
    if (size > r->max_bytes) {
        ashi_diag_add(d, ASHI_ERROR, "limit", loc,
                      "%s '%s' is %llu bytes, over the input-bytes limit of %zu", what, name,
                      size, r->max_bytes);
        return 1;
    }
    if (r->max_total && size > r->max_total - r->total) {
        ashi_diag_add(d, ASHI_ERROR, "limit", loc,
                      "%s '%s' (%llu bytes) would bring the files the deck reads over the "
                      "files-bytes limit of %zu bytes together",
                      what, name, size, r->max_total);
        return 1;
    }
    r->total += (size_t)size;
    return 0;
}

int ashi_res_add_memory(ashi_res *r, const char *name, const void *data, size_t len)
{
    ashi_file *f = ashi_arena_alloc(r->a, sizeof *f);
    unsigned char *copy = ashi_arena_alloc(r->a, len + 1);
    if (!f || !copy || !(f->name = ashi_arena_strdup(r->a, name)) ||
        grow(r->a, (void **)&r->mem, r->nmem, &r->capmem, sizeof *r->mem))
        return -1;
    if (len)
        memcpy(copy, data, len);
    copy[len] = 0;
    f->data = copy;
    f->len = len;
    f->dev = f->ino = 0;
    r->mem[r->nmem++] = f;
    return 0;
}

int ashi_res_read(ashi_res *r, const char *name, ashi_res_kind kind, ashi_loc loc,
                  ashi_diags *d, const ashi_file **out)
{
    *out = NULL;
    for (size_t i = 0; i < r->nnames; i++)
        if (r->names[i].kind == (int)kind && !strcmp(r->names[i].name, name)) {
            *out = r->names[i].file;
            return *out ? 0 : 1;
        }
    const char *what = what_of[kind];
    /* a file given in memory: the same limits as one read from disk */
    for (size_t i = r->nmem; i-- > 0;)
        if (!strcmp(r->mem[i]->name, name)) {
            const ashi_file *f = r->mem[i];
            int over = over_limits(r, what, name, f->len, loc, d);
            if (remember(r, name, over ? NULL : f, kind))
                return -1;
            *out = over ? NULL : f;
            return over;
        }
    opened o = {-1, NULL, 0, 0};
    if (!name[0]) {
        o.why = "is an empty name";
    } else if (r->absolute && (name[0] == '/' || r->base_dir)) {
        o = open_anywhere(r, name);
    } else if (name[0] == '/' || ashi_res_climbs(name)) {
        o.why = "must be a relative path inside the deck's folder";
        o.outside = 1;
    } else if (!r->base_dir) {
        o.why = "cannot be read: the deck was given without a folder to read files from";
    } else {
        o = open_beneath(r, name);
    }
    if (o.oom)
        return -1;
    const ashi_file *file = NULL;
    struct stat st;
    if (!o.why && fstat(o.fd, &st))
        o.why = "could not be read";
    if (!o.why) {
        for (size_t i = 0; i < r->nfiles && !file; i++)
            if (r->files[i]->dev == (unsigned long long)st.st_dev &&
                r->files[i]->ino == (unsigned long long)st.st_ino)
                file = r->files[i]; /* one file under another name: read once */
    }
    int rc = 0;
    if (!o.why && !file) {
        if (over_limits(r, what, name, (unsigned long long)st.st_size, loc, d)) {
            close(o.fd);
            return remember(r, name, NULL, kind) ? -1 : 1;
        }
        ashi_file *f = ashi_arena_alloc(r->a, sizeof *f);
        const char *why = NULL;
        unsigned char *data = f ? read_whole(o.fd, (size_t)st.st_size, r->a, &why) : NULL;
        if (!data && !why) {
            close(o.fd);
            return -1;
        }
        if (!data) {
            o.why = why;
        } else {
            f->name = ashi_arena_strdup(r->a, name);
            f->data = data;
            f->len = (size_t)st.st_size;
            f->dev = (unsigned long long)st.st_dev;
            f->ino = (unsigned long long)st.st_ino;
            if (!f->name ||
                grow(r->a, (void **)&r->files, r->nfiles, &r->capfiles, sizeof *r->files) ||
                ashi_res_protect(r, f->dev, f->ino)) {
                close(o.fd);
                return -1;
            }
            r->files[r->nfiles++] = f;
            file = f;
        }
    }
    if (o.fd >= 0)
        close(o.fd);
    if (o.why) {
        ashi_diag_add(d, ASHI_ERROR, o.outside ? path_code[kind] : read_code[kind], loc,
                      "%s '%s' %s", what, name, o.why);
        rc = 1;
    }
    if (remember(r, name, file, kind))
        return -1;
    *out = file;
    return rc;
}
