/* cmd_new_plugin.c - `textpipe new-plugin NAME`: a skeleton plugin that
 * builds and runs as written, for a newcomer to change. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* @NAME@ is the plugin name, @IDENT@ the same with '-' as '_'. */
static const char template_c[] =
    "/* @NAME@.c - a textpipe plugin (made by `textpipe new-plugin @NAME@`).\n"
    " *\n"
    " * It counts the words of each document and how many are at least\n"
    " * `min_length` bytes long, and stores both in a document attribute:\n"
    " *   \"@NAME@\": {\"words\": 120, \"long_words\": 31}\n"
    " * Change process() to do what your stage should do; see\n"
    " * docs/plugin-guide.md in textpipe's sources for the whole API. */\n"
    "#include <ctype.h>\n"
    "#include <stdlib.h>\n"
    "\n"
    "#include <textpipe/plugin.h>\n"
    "\n"
    "/* Options: checked by the core against this table, shown by\n"
    " * `textpipe describe @NAME@`. */\n"
    "static const tp_option options[] = {\n"
    "    TP_OPTION_INT(\"min_length\", \"7\", 1, 1000, \"Words at least this long (in bytes) count as long.\"),\n"
    "    TP_OPTION_END,\n"
    "};\n"
    "\n"
    "/* What create() prepares once and process() only reads. */\n"
    "typedef struct state {\n"
    "    long long min_length;\n"
    "} state;\n"
    "\n"
    "static int create(const tp_config *cfg, void **out, tp_error *err)\n"
    "{\n"
    "    state *s = malloc(sizeof *s);\n"
    "    if (!s)\n"
    "        return tp_error_set(err, TP_ERR_NOMEM, \"out of memory\");\n"
    "    s->min_length = tp_config_int(cfg, \"min_length\");\n"
    "    *out = s;\n"
    "    return TP_OK;\n"
    "}\n"
    "\n"
    "static int process(void *st, tp_doc *doc, tp_error *err)\n"
    "{\n"
    "    const state *s = st;\n"
    "    size_t len, words = 0, long_words = 0;\n"
    "    const char *text = tp_doc_text(doc, &len); /* the newest text view */\n"
    "    for (size_t i = 0; i < len;) {\n"
    "        while (i < len && !isalnum((unsigned char)text[i]) && (unsigned char)text[i] < 0x80)\n"
    "            i++;\n"
    "        size_t start = i;\n"
    "        while (i < len && (isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80))\n"
    "            i++;\n"
    "        if (i > start) {\n"
    "            words++;\n"
    "            long_words += (long long)(i - start) >= s->min_length;\n"
    "        }\n"
    "    }\n"
    "    json_t *value = json_pack(\"{s:I,s:I}\", \"words\", (json_int_t)words, \"long_words\", (json_int_t)long_words);\n"
    "    if (!value)\n"
    "        return tp_error_set(err, TP_ERR_NOMEM, \"out of memory\");\n"
    "    /* The attribute must be among `provides`; the document takes over the value. */\n"
    "    return tp_doc_set_attr(doc, \"@NAME@\", tp_value_json(value), err);\n"
    "}\n"
    "\n"
    "static void destroy(void *st)\n"
    "{\n"
    "    free(st);\n"
    "}\n"
    "\n"
    "TEXTPIPE_PLUGIN(@IDENT@,\n"
    "    .name = \"@NAME@\",\n"
    "    .version = \"0.1\",\n"
    "    .license = \"MIT\",\n"
    "    .description = \"Counts words and long words (a skeleton to change).\",\n"
    "    .requires = NULL,\n"
    "    .provides = TP_NAMES(\"@NAME@\"),\n"
    "    .options = options,\n"
    "    .flags = TP_PLUGIN_THREAD_SAFE,\n"
    "    .create = create,\n"
    "    .process = process,\n"
    "    .destroy = destroy);\n";

static const char template_makefile[] =
    "# Build the @NAME@ plugin against an installed textpipe (found with\n"
    "# pkg-config; set PKG_CONFIG_PATH if textpipe is installed elsewhere).\n"
    "PKG_CONFIG ?= pkg-config\n"
    "CFLAGS ?= -O2 -Wall -Wextra\n"
    "\n"
    "@NAME@.so: @NAME@.c\n"
    "\t$(CC) $(CFLAGS) -shared -fPIC -o $@ @NAME@.c $$($(PKG_CONFIG) --cflags --libs textpipe)\n"
    "\n"
    "check: @NAME@.so\n"
    "\ttextpipe run --plugin-path . -p @NAME@.json -f jsonl README.md\n"
    "\n"
    "clean:\n"
    "\trm -f @NAME@.so\n"
    "\n"
    ".PHONY: check clean\n";

static const char template_pipeline[] =
    "{\n"
    "  \"name\": \"@NAME@-test\",\n"
    "  \"description\": \"Runs the @NAME@ plugin alone.\",\n"
    "  \"stages\": [\n"
    "    {\"plugin\": \"@NAME@\", \"options\": {\"min_length\": 7}}\n"
    "  ]\n"
    "}\n";

static const char template_readme[] =
    "# @NAME@\n"
    "\n"
    "A textpipe plugin. Build it and try it:\n"
    "\n"
    "    make                 # builds @NAME@.so with pkg-config's flags for textpipe\n"
    "    make check           # runs @NAME@.json over this README\n"
    "    textpipe describe --plugin-path . @NAME@\n"
    "\n"
    "Use it in your pipelines with `--plugin-path` pointing here, or copy\n"
    "@NAME@.so into a directory on TEXTPIPE_PLUGIN_PATH.\n";

static int name_ok(const char *name)
{
    size_t n = 0;
    for (const char *p = name; *p; p++, n++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (n > 0 && (c == '-' || c == '_'))) || n >= 64)
            return 0;
    }
    return n > 0;
}

/* Write @p tmpl to DIR/FILE with the placeholders filled in. */
static int write_file(const char *dir, const char *file, const char *tmpl, const char *name, const char *ident)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "%s: cannot create %s: %s\n", cli_program, path, strerror(errno));
        return -1;
    }
    for (const char *p = tmpl; *p;) {
        if (strncmp(p, "@NAME@", 6) == 0) {
            fputs(name, f);
            p += 6;
        } else if (strncmp(p, "@IDENT@", 7) == 0) {
            fputs(ident, f);
            p += 7;
        } else {
            fputc(*p++, f);
        }
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "%s: cannot write %s: %s\n", cli_program, path, strerror(errno));
        return -1;
    }
    return 0;
}

static void usage(FILE *out)
{
    fprintf(out, "Usage: textpipe new-plugin [--dir DIR] NAME\n"
                 "Write a skeleton plugin into DIR (default: ./NAME): NAME.c with the descriptor,\n"
                 "an option table and create/process/destroy; a Makefile that builds it with\n"
                 "pkg-config; NAME.json, a pipeline that runs it; and a README.  It builds and\n"
                 "runs as written.  NAME: lowercase letters, digits, '-' and '_'.\n");
}

int cmd_new_plugin(int argc, char **argv)
{
    const char *dir = NULL, *name = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--version") == 0) {
            print_version();
            return EXIT_OK;
        } else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (argv[i][0] == '-' || name) {
            usage(stderr);
            return EXIT_USAGE;
        } else {
            name = argv[i];
        }
    }
    if (!name) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!name_ok(name)) {
        fprintf(stderr, "%s: '%s' cannot be a plugin name: use lowercase letters, digits, '-' and '_'\n",
                cli_program, name);
        return EXIT_USAGE;
    }
    if (!dir)
        dir = name;
    if (mkdir(dir, 0777) != 0) {
        fprintf(stderr, "%s: cannot create directory %s: %s%s\n", cli_program, dir, strerror(errno),
                errno == EEXIST ? " (choose another --dir; nothing is overwritten)" : "");
        return EXIT_FAILURE_OTHER;
    }
    char ident[80], cfile[96], json[96];
    size_t i = 0;
    for (; name[i]; i++)
        ident[i] = (char)(name[i] == '-' ? '_' : name[i]);
    ident[i] = '\0';
    snprintf(cfile, sizeof cfile, "%s.c", name);
    snprintf(json, sizeof json, "%s.json", name);
    if (write_file(dir, cfile, template_c, name, ident) || write_file(dir, "Makefile", template_makefile, name, ident) ||
        write_file(dir, json, template_pipeline, name, ident) ||
        write_file(dir, "README.md", template_readme, name, ident))
        return EXIT_FAILURE_OTHER;
    printf("wrote %s/: %s, Makefile, %s, README.md\nnext: cd %s && make && make check\n", dir, cfile, json, dir);
    return EXIT_OK;
}
