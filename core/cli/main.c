/* main.c - the textpipe program: dispatch to a command. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "../schedule/cmd_schedule.h"

const char *cli_program = "textpipe";

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: textpipe COMMAND [OPTION]... [ARG]...\n"
            "A plugin-based text-processing pipeline.\n"
            "\n"
            "Commands:\n"
            "  run [FILE]...         run a pipeline (default: news) over documents\n"
            "  validate PIPELINE...  check pipelines and report every problem\n"
            "  plugins               list the plugins that can be loaded, and from where\n"
            "  describe PLUGIN       show a plugin's options and what it needs and makes\n"
            "  new-plugin NAME       write a skeleton plugin that builds and runs as written\n"
            "  schedule COMMAND      run pipelines on schedules (run, check, next, list, trigger)\n"
            "\n"
            "  textpipe COMMAND --help   help for one command\n"
            "  textpipe --version        print the version\n"
            "\n"
            "Exit status: 0 ok, 1 other failure (memory, output), 2 usage error,\n"
            "3 invalid pipeline, 4 input error, 5 stage failure.\n");
}

void print_version(void)
{
    printf("textpipe %s (libtextpipe %s, plugin ABI %d.%d)\n", TEXTPIPE_VERSION, tp_version(), TP_ABI_MAJOR,
           TP_ABI_MINOR);
}

int exit_code_for(int status)
{
    switch (status) {
    case TP_OK: return EXIT_OK;
    case TP_ERR_INVALID:
    case TP_ERR_PIPELINE:
    case TP_ERR_PLUGIN: return EXIT_PIPELINE;
    case TP_ERR_INPUT: return EXIT_INPUT;
    case TP_ERR_STAGE:
    case TP_ERR_DATA:
    case TP_ERR_DENIED: return EXIT_STAGE;
    default: return EXIT_FAILURE_OTHER;
    }
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } commands[] = {
        {"run", cmd_run},
        {"validate", cmd_validate},
        {"plugins", cmd_plugins},
        {"describe", cmd_describe},
        {"new-plugin", cmd_new_plugin},
        {"schedule", cmd_schedule},
    };
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0 || strcmp(cmd, "version") == 0) {
        print_version();
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "textpipe: unknown command '%s'; see 'textpipe --help'\n", cmd);
    return EXIT_USAGE;
}
