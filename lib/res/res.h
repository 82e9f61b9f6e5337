/* res.h — the files a deck names (images, CSV files, the master's logo):
 * one path rule, opened without races, read whole, once per file.
 *
 * The rule: a name is relative to the deck's folder and must stay inside
 * it after every symbolic link is followed; only regular files are read
 * (never a FIFO, a device or a folder); every file is at most the
 * input-bytes limit. Absolute names, and links that lead out of the
 * folder, are allowed only when the options allow absolute paths; a name
 * that climbs out with ".." never is. A deck loaded from memory without a
 * folder reads no relative name at all. The folder is walked one name at a
 * time from an open handle of the deck's folder (openat with O_NOFOLLOW,
 * links followed by hand), so that renaming a folder or swapping a link
 * while the deck loads cannot lead outside.
 * SPDX-License-Identifier: MIT */
#ifndef ASHI_RES_H
#define ASHI_RES_H

#include "base/base.h"
#include "doc/doc.h"

/* A file read for the deck: its bytes (NUL-terminated, in the deck's
 * arena) and its identity on disk. */
typedef struct ashi_file {
    const char *name; /* as the deck first wrote it */
    const unsigned char *data;
    size_t len;
    unsigned long long dev, ino;
} ashi_file;

/* The resolver of one deck. Not thread-safe: files are read before the
 * slides are laid out on threads. */
typedef struct ashi_res {
    const char *base_dir; /* the deck's folder; NULL: none */
    int absolute;         /* absolute paths (and links out) allowed */
    size_t max_bytes;     /* per file */
    size_t max_total, total; /* all files read, together (0: no bound) */
    ashi_arena *a;
    /* names already resolved, each to its file (or to NULL: reported) */
    struct ashi_res_name {
        const char *name;
        const ashi_file *file;
        int kind;
    } *names;
    size_t nnames, capnames;
    ashi_file **files; /* distinct files read, in order */
    size_t nfiles, capfiles;
    /* files given in memory (ashi_deck_add_file), found before any on disk */
    ashi_file **mem;
    size_t nmem, capmem;
    /* files that must never be written over: the deck itself too */
    unsigned long long (*ids)[2];
    size_t nids, capids;
} ashi_res;

/* What a file is for: used in messages and diagnostic codes. */
typedef enum ashi_res_kind {
    ASHI_RES_IMAGE, /* "image": codes image-path, image */
    ASHI_RES_CSV,   /* "CSV": codes csv-path, csv */
    ASHI_RES_PROFILE, /* "output profile" (deck output-profile): codes
                         output-profile-path, output-profile */
} ashi_res_kind;

void ashi_res_init(ashi_res *r, const char *base_dir, int absolute, size_t max_bytes,
                   ashi_arena *a);

/* Reads the file a deck names. Returns 0 and the file in *out (the same
 * ashi_file for every name of one file: by device and inode), 1 when it
 * cannot be used (reported at loc, once per name), -1 when out of memory. */
int ashi_res_read(ashi_res *r, const char *name, ashi_res_kind kind, ashi_loc loc,
                  ashi_diags *d, const ashi_file **out);

/* Finds a file the deck names by the same rule without reading it (the
 * fonts of a theme, which the font reader reads itself): *path is its
 * canonical path (in the arena) and id its device and inode, for the
 * reader to check it opens the same file. Returns 0; 1 when there is no
 * such file, or it is no regular file (why says so); 2 when the path rule
 * refuses it (why); -1 when out of memory. The file is protected from
 * being written over. */
int ashi_res_locate(ashi_res *r, const char *name, char **path, unsigned long long id[2],
                    const char **why);

/* Reads, checks and decodes every file the deck's model names (deck.c):
 * images (each file decoded once, all within the image-pixels limit),
 * CSV files (parsed once; a table's rows made from its CSV) and the
 * master's logo, in document order, into the model's blocks (image, csv,
 * rows) and doc->logo. Problems go to d. Returns -1 only when out of
 * memory. */
int ashi_res_load_deck(ashi_res *r, ashi_doc *doc, const ashi_limits *lim, ashi_arena *a,
                       ashi_diags *d);

/* Does a relative name climb above its folder with ".."? */
int ashi_res_climbs(const char *name);

/* Opens path for reading only when it is a regular file, seen before it is
 * opened (a FIFO or a device is never opened: that could block or act) and
 * after (the same file by device and inode; *st is its status). Returns the
 * descriptor; -1 with errno when it cannot be looked at or opened, -2 when
 * it is no regular file (*st is what it is), -3 when it changed between. */
struct stat;
int ashi_res_open_regular(const char *path, struct stat *st);
/* Why ashi_res_open_regular returned fd (< 0), for a message: "it is a
 * folder, not a file" and the like (errno's text for -1). */
const char *ashi_res_open_why(int fd, const struct stat *st);
/* Reads up to size bytes of fd into buf, again after an interrupted read;
 * returns how many it read, and sets *failed when a read failed. */
size_t ashi_res_read_exact(int fd, unsigned char *buf, size_t size, int *failed);

/* Records a file that must not be written over (the deck's own file). */
int ashi_res_protect(ashi_res *r, unsigned long long dev, unsigned long long ino);

/* Is this file one the deck was read from (the deck, an image, a CSV)? */
/* Gives the deck a file in memory under name (copied into the arena): a
 * name the deck uses finds it before any file on disk. 0, or -1 when out of
 * memory. */
int ashi_res_add_memory(ashi_res *r, const char *name, const void *data, size_t len);
int ashi_res_is_input(const ashi_res *r, unsigned long long dev, unsigned long long ino);

/* Output to a path (output.c), opened once what goes in it is ready:
 * never over a file the deck was read from; a regular file (or none yet) is
 * replaced atomically by a new file written beside the file a link leads to
 * (mode 0666 less the umask, or the replaced file's mode) and renamed over
 * it when closed with commit; a FIFO or a character device is written into;
 * anything else is refused. Open returns 0, 1 when it could not (reported
 * in d), -1 when out of memory. */
typedef struct ashi_res_out {
    ashi_diags *d;
    const char *path;
    ashi_mem *m;
    int fd;
    char *tmp, *target; /* a regular file: the new one, and what it replaces */
    int failed;
} ashi_res_out;
int ashi_res_out_open(ashi_res_out *o, const ashi_res *r, const char *path, ashi_diags *d);
/* Writes the next bytes: 0, or 1 (said in d; nothing more is written). */
int ashi_res_out_write(ashi_res_out *o, const void *data, size_t len);
/* Ends the output: with commit, the new file replaces the old one (synced
 * first); without, it is removed and the old one stays. 0, or 1 when it
 * could not (said in d). */
int ashi_res_out_close(ashi_res_out *o, int commit);

#endif
