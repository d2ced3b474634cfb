#ifndef CEDITLINE_H
#define CEDITLINE_H

// Non-variadic wrappers over libedit: el_set/el_get/history are variadic and
// cannot be called from Swift. histedit.h is kept out of this header so Swift
// only sees opaque handles and wchar_t.
#include <stddef.h>
#include <wchar.h>

typedef struct tp_editline tp_editline;

// Called for the bound completion key; returns a libedit CC_* code.
typedef unsigned char (*tp_complete_fn)(void *context);

enum {
    TP_CC_NORM = 0,
    TP_CC_REFRESH = 4,
    TP_CC_ERROR = 6,
    TP_CC_REDISPLAY = 8,
    TP_CC_REFRESH_BEEP = 9,
};

typedef enum {
    TP_READ_LINE = 0,
    TP_READ_INTERRUPTED = 1,
    TP_READ_EOF = 2,
    // SIGHUP, SIGTERM or SIGQUIT arrived (see tp_ending_signal).
    TP_READ_ENDED = 3,
} tp_read_status;

// Sets a UTF-8 LC_CTYPE, then el_init + history_init with the emacs editor
// and libedit's own signal handling off. NULL if libedit cannot start.
tp_editline *tp_el_open(const char *program_name);
void tp_el_close(tp_editline *t);

int tp_el_bind(tp_editline *t, const char *key, const char *command);
// Adds a named editor function that calls `fn(context)`; bind it afterwards.
int tp_el_add_completion(tp_editline *t, const char *name, const char *help,
                         tp_complete_fn fn, void *context);
// Reads $EDITRC or ~/.editrc (el_source(el, NULL)); -1 if absent.
int tp_el_source_editrc(tp_editline *t);
// The prompt as wide characters (no decoding under the locale); zero-width ones
// (combining marks) are kept with the character before them.
void tp_el_set_prompt(tp_editline *t, const wchar_t *text);

// History (narrow, UTF-8 under the locale set by tp_el_open).
int tp_el_history_set_size(tp_editline *t, int size);
int tp_el_history_set_unique(tp_editline *t, int unique);
int tp_el_history_enter(tp_editline *t, const char *utf8);
int tp_el_history_clear(tp_editline *t);

// el_wgets with a SIGINT handler installed only for the call: Ctrl-C
// abandons the line (TP_READ_INTERRUPTED) instead of ending the process.
// The result (without the trailing newline) is valid until the next call.
const wchar_t *tp_el_read_line(tp_editline *t, int *length, tp_read_status *status);

// The line being edited, for completion: buffer (not NUL-terminated), cursor
// and length in wide characters.
const wchar_t *tp_el_line(tp_editline *t, int *cursor, int *length);
int tp_el_insert(tp_editline *t, const wchar_t *text);
void tp_el_delete_before_cursor(tp_editline *t, int count);

// Writes to libedit's output stream and flushes it.
void tp_el_write(tp_editline *t, const char *utf8);
int tp_el_columns(tp_editline *t);
void tp_el_beep(tp_editline *t);

// Ctrl-C while a command runs: begin installs a handler that only sets a flag,
// pending reads it, end ignores SIGINT again.
void tp_interrupt_watch_begin(void);
int tp_interrupt_pending(void);
// The signal that made tp_interrupt_pending true first (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0.
int tp_interrupt_cause(void);
void tp_interrupt_watch_end(void);

// SIGHUP, SIGTERM and SIGQUIT (unless ignored) set a flag and wake the line reader;
// tp_ending_signal is the first one's number, 0 if none came.
void tp_ending_signals_catch(void);
int tp_ending_signal(void);

// Hands freed heap pages back to the system (glibc keeps them otherwise).
void tp_release_freed_memory(void);

#endif

