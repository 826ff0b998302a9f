/* cli.h - the textpipe program's commands and exit codes. */
#ifndef TP_CLI_H
#define TP_CLI_H

#include <textpipe/textpipe.h>

/* Exit codes, documented in README.md and `textpipe --help`. */
enum {
    EXIT_OK = 0,
    EXIT_FAILURE_OTHER = 1, /* out of memory, cannot write output */
    EXIT_USAGE = 2,         /* bad command line */
    EXIT_PIPELINE = 3,      /* invalid pipeline or plugin that will not load */
    EXIT_INPUT = 4,         /* unreadable or invalid input */
    EXIT_STAGE = 5          /* a stage failed in create or process */
};

/* Map a tp_status to the exit code a command returns for it. */
int exit_code_for(int status);

int cmd_run(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_plugins(int argc, char **argv);
int cmd_describe(int argc, char **argv);
int cmd_new_plugin(int argc, char **argv);

/* Print "textpipe VERSION (...)" to standard output. */
void print_version(void);

/* The program name for messages ("textpipe"). */
extern const char *cli_program;

#endif
