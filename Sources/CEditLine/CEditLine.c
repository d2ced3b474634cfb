#define _GNU_SOURCE // wcwidth

#include "CEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct tp_editline {
    EditLine *el;
    History *hist;
    int fd;     // what tp_read_char reads
    int own_fd; // fd was opened here (non-blocking) and must be closed
    wchar_t *prompt;
    tp_complete_fn complete;
    void *complete_context;
    wchar_t *line_copy;
};

static int codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// libedit decodes input with mbrtowc: under the "C" locale any non-ASCII
// byte is dropped, so fall back to a UTF-8 locale when the user has none.
static void tp_setup_locale(void) {
    const char *name = setlocale(LC_CTYPE, "");
    if (name != NULL && codeset_is_utf8()) return;
    if (name != NULL && strcmp(name, "C") != 0 && strcmp(name, "POSIX") != 0) return;
    const char *fallbacks[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"};
    for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
        if (setlocale(LC_CTYPE, fallbacks[i]) != NULL) return;
    }
}

// Marks a literal run in the prompt (EL_PROMPT_ESC): libedit prints what is between two
// of these, then the character after them, in the columns of that character alone.
#define TP_PROMPT_LITERAL L'\1'

static wchar_t *tp_prompt(EditLine *el) {
    tp_editline *t = NULL;
    el_get(el, EL_CLIENTDATA, &t);
    return (t != NULL && t->prompt != NULL) ? t->prompt : L"";
}

static unsigned char tp_complete(EditLine *el, int ch) {
    (void)ch;
    tp_editline *t = NULL;
    el_get(el, EL_CLIENTDATA, &t);
    if (t == NULL || t->complete == NULL) return CC_ERROR;
    return t->complete(t->complete_context);
}

// Ctrl-C: the handler sets a flag and writes to a self-pipe. The pipe wakes
// tp_read_char's poll() whichever thread the signal lands on, so there is
// no window between checking the flag and blocking in poll().
static volatile sig_atomic_t tp_interrupted;
static int tp_wake[2] = {-1, -1};

static void tp_on_sigint(int sig) {
    (void)sig;
    int saved = errno;
    tp_interrupted = 1;
    if (tp_wake[1] >= 0) {
        ssize_t ignored = write(tp_wake[1], "", 1);
        (void)ignored;
    }
    errno = saved;
}

// SIGHUP (the terminal closed), SIGTERM, SIGQUIT: the first one's number, kept for the
// REPL to save the session and history outside the handler, then exit 128 + it. The
// wake pipe ends a blocked read, as for Ctrl-C.
static volatile sig_atomic_t tp_ending;
// What stopped the command running now: SIGINT or an ending signal, the first to come.
static volatile sig_atomic_t tp_stop_cause;

static void tp_on_ending_signal(int sig) {
    int saved = errno;
    if (tp_ending == 0) tp_ending = sig;
    if (tp_stop_cause == 0) tp_stop_cause = sig;
    if (tp_wake[1] >= 0) {
        ssize_t ignored = write(tp_wake[1], "", 1);
        (void)ignored;
    }
    errno = saved;
}

void tp_ending_signals_catch(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tp_on_ending_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked read returns EINTR
    int signals[] = {SIGHUP, SIGTERM, SIGQUIT};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction previous;
        // A signal ignored when the REPL started (nohup) stays ignored.
        if (sigaction(signals[i], NULL, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
        sigaction(signals[i], &action, NULL);
    }
}

int tp_ending_signal(void) {
    return tp_ending;
}

static void tp_drain_wake_pipe(void) {
    char buffer[64];
    while (tp_wake[0] >= 0 && read(tp_wake[0], buffer, sizeof buffer) > 0) {}
}

static int tp_open_wake_pipe(void) {
    if (tp_wake[0] >= 0) return 0;
    if (pipe(tp_wake) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(tp_wake[i], F_SETFL, fcntl(tp_wake[i], F_GETFL) | O_NONBLOCK);
        fcntl(tp_wake[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

// Replaces libedit's read_char (EL_GETCFN): same UTF-8 decoding with
// mbrtowc, but returns -1/EINTR as soon as Ctrl-C was pressed. Ctrl-C also
// flushes pending input, so a byte poll() reported may be gone: reading
// from a private non-blocking descriptor then gives EAGAIN, not a hang.
static int tp_read_char(EditLine *el, wchar_t *out) {
    tp_editline *t = NULL;
    el_get(el, EL_CLIENTDATA, &t);
    int fd = t != NULL ? t->fd : STDIN_FILENO;
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        if (tp_interrupted || tp_ending) {
            errno = EINTR;
            return -1;
        }
        struct pollfd fds[2] = {{fd, POLLIN, 0}, {tp_wake[0], POLLIN, 0}};
        if (poll(fds, tp_wake[0] >= 0 ? 2 : 1, -1) < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (tp_wake[0] >= 0 && fds[1].revents != 0) tp_drain_wake_pipe();
        if (tp_interrupted || tp_ending) continue;
        ssize_t n = read(fd, bytes + count, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return -1;
        }
        if (n == 0) return 0;
        count++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t r = mbrtowc(out, bytes, count, &state);
        if (r == (size_t)-2 && count < sizeof bytes) continue; // incomplete
        if (r == (size_t)-1 || r == (size_t)-2) {               // invalid: drop
            count = 0;
            continue;
        }
        if (r == 0) *out = L'\0';
        return 1;
    }
}

tp_editline *tp_el_open(const char *program_name) {
    tp_setup_locale();
    tp_editline *t = calloc(1, sizeof *t);
    if (t == NULL) return NULL;
    t->hist = history_init();
    t->el = el_init(program_name, stdin, stdout, stderr);
    if (t->hist == NULL || t->el == NULL || tp_open_wake_pipe() != 0) {
        tp_el_close(t);
        return NULL;
    }
    // A second open file description of the terminal, so O_NONBLOCK does
    // not leak to the shell through the shared stdin description.
    const char *tty = ttyname(fileno(stdin));
    t->fd = tty != NULL ? open(tty, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;
    t->own_fd = t->fd >= 0;
    if (t->fd < 0) t->fd = fileno(stdin);
    el_set(t->el, EL_CLIENTDATA, (void *)t);
    // The editor must be chosen before any EL_BIND: it resets the key map.
    el_set(t->el, EL_EDITOR, "emacs");
    // libedit's handlers re-raise signals with kill(0, sig), which would
    // end the process on Ctrl-C; tp_el_read_line handles SIGINT instead.
    el_set(t->el, EL_SIGNAL, 0);
    el_wset(t->el, EL_GETCFN, tp_read_char);
    // A wide prompt: no decoding under the locale, and combining marks made literal
    // (tp_el_set_prompt) instead of each taking a cell the next character overwrites.
    el_wset(t->el, EL_PROMPT_ESC, tp_prompt, TP_PROMPT_LITERAL);
    el_set(t->el, EL_HIST, history, t->hist);
    return t;
}

void tp_el_close(tp_editline *t) {
    if (t == NULL) return;
    if (t->el != NULL) el_end(t->el);
    if (t->hist != NULL) history_end(t->hist);
    if (t->own_fd) close(t->fd);
    free(t->prompt);
    free(t->line_copy);
    free(t);
}

int tp_el_bind(tp_editline *t, const char *key, const char *command) {
    return el_set(t->el, EL_BIND, key, command, NULL);
}

int tp_el_add_completion(tp_editline *t, const char *name, const char *help,
                         tp_complete_fn fn, void *context) {
    t->complete = fn;
    t->complete_context = context;
    return el_set(t->el, EL_ADDFN, name, help, tp_complete);
}

int tp_el_source_editrc(tp_editline *t) {
    return el_source(t->el, NULL);
}

// libedit gives every prompt character a cell of its own, so a zero-width one (a
// combining mark: `Jose` + U+0301) was lost under the next. Each run of them goes out as a
// literal together with the visible character after it, which alone takes columns; the
// terminal then joins the marks to the character before them, as typed.
void tp_el_set_prompt(tp_editline *t, const wchar_t *text) {
    if (text == NULL) text = L"";
    size_t n = wcslen(text);
    // At worst every character is a mark before a visible one: mark, two delimiters.
    wchar_t *built = malloc((3 * n + 1) * sizeof *built);
    if (built == NULL) return;
    size_t out = 0;
    size_t pending = 0; // zero-width characters waiting for the next visible one
    for (size_t i = 0; i < n; i++) {
        wchar_t c = text[i];
        if (c == TP_PROMPT_LITERAL) continue;
        if (wcwidth(c) == 0) {
            pending++;
            continue;
        }
        if (pending > 0) {
            built[out++] = TP_PROMPT_LITERAL;
            for (size_t j = i - pending; j < i; j++) {
                if (text[j] != TP_PROMPT_LITERAL) built[out++] = text[j];
            }
            built[out++] = TP_PROMPT_LITERAL;
            pending = 0;
        }
        built[out++] = c;
    }
    built[out] = L'\0';
    free(t->prompt);
    t->prompt = built;
}

int tp_el_history_set_size(tp_editline *t, int size) {
    HistEvent ev;
    return history(t->hist, &ev, H_SETSIZE, size);
}

int tp_el_history_set_unique(tp_editline *t, int unique) {
    HistEvent ev;
    return history(t->hist, &ev, H_SETUNIQUE, unique);
}

int tp_el_history_enter(tp_editline *t, const char *utf8) {
    HistEvent ev;
    return history(t->hist, &ev, H_ENTER, utf8);
}

int tp_el_history_clear(tp_editline *t) {
    HistEvent ev;
    return history(t->hist, &ev, H_CLEAR);
}

const wchar_t *tp_el_read_line(tp_editline *t, int *length, tp_read_status *status) {
    struct sigaction action, previous;
    memset(&action, 0, sizeof action);
    action.sa_handler = tp_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: poll() must fail with EINTR
    tp_interrupted = 0;
    tp_drain_wake_pipe();
    int installed = sigaction(SIGINT, &action, &previous) == 0;

    int count = 0;
    const wchar_t *line = el_wgets(t->el, &count);

    if (installed) sigaction(SIGINT, &previous, NULL);
    *length = 0;
    if (tp_ending) {
        *status = TP_READ_ENDED;
        return NULL;
    }
    if (tp_interrupted) {
        el_reset(t->el);
        *status = TP_READ_INTERRUPTED;
        return NULL;
    }
    if (line == NULL || count <= 0) {
        *status = TP_READ_EOF;
        return NULL;
    }
    // Copy: the libedit buffer is reused by history recall and completion.
    size_t n = (size_t)count;
    if (line[n - 1] == L'\n') n--;
    wchar_t *copy = realloc(t->line_copy, (n + 1) * sizeof *copy);
    if (copy == NULL) {
        *status = TP_READ_EOF;
        return NULL;
    }
    wmemcpy(copy, line, n);
    copy[n] = L'\0';
    t->line_copy = copy;
    *length = (int)n;
    *status = TP_READ_LINE;
    return copy;
}

const wchar_t *tp_el_line(tp_editline *t, int *cursor, int *length) {
    const LineInfoW *info = el_wline(t->el);
    *cursor = (int)(info->cursor - info->buffer);
    *length = (int)(info->lastchar - info->buffer);
    return info->buffer;
}

int tp_el_insert(tp_editline *t, const wchar_t *text) {
    return el_winsertstr(t->el, text);
}

void tp_el_delete_before_cursor(tp_editline *t, int count) {
    el_deletestr(t->el, count);
}

void tp_el_write(tp_editline *t, const char *utf8) {
    FILE *out = NULL;
    if (el_get(t->el, EL_GETFP, 1, &out) != 0 || out == NULL) out = stdout;
    fputs(utf8, out);
    fflush(out);
}

int tp_el_columns(tp_editline *t) {
    int columns = 0;
    if (el_get(t->el, EL_GETTC, "co", &columns, NULL) != 0 || columns <= 0) return 80;
    return columns;
}

void tp_el_beep(tp_editline *t) {
    el_beep(t->el);
}

// Ctrl-C while a command runs (a long :reach): a flag the command polls, so it stops
// where it is and the session goes on. Between watches SIGINT is ignored, as before.
static volatile sig_atomic_t tp_command_interrupted;

static void tp_on_command_sigint(int sig) {
    tp_command_interrupted = 1;
    if (tp_stop_cause == 0) tp_stop_cause = sig;
}

void tp_interrupt_watch_begin(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = tp_on_command_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    tp_command_interrupted = 0;
    // An ending signal that came before the command stops it at once, and is its cause.
    tp_stop_cause = tp_ending;
    sigaction(SIGINT, &action, NULL);
}

int tp_interrupt_cause(void) {
    if (tp_stop_cause != 0) return tp_stop_cause;
    return tp_command_interrupted ? SIGINT : tp_ending;
}

int tp_interrupt_pending(void) {
    // A SIGTERM or SIGHUP stops a long command too, so the REPL can keep the session.
    return tp_command_interrupted != 0 || tp_ending != 0;
}

void tp_interrupt_watch_end(void) {
    signal(SIGINT, SIG_IGN);
    tp_command_interrupted = 0;
    tp_stop_cause = 0;
}

#ifdef __GLIBC__
#include <malloc.h>
#endif

void tp_release_freed_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
