/* fuzz_cron.c - libFuzzer target: the cron parser on arbitrary bytes, and
 * for expressions it accepts, next firing times in zones with unusual
 * daylight saving rules: each must be later than the one before. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cron.h"
#include "tz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tz_zone *zones[3];
    static int loaded;
    if (!loaded) {
        char err[256];
        const char *names[3] = {"UTC", "America/New_York", "Australia/Lord_Howe"};
        for (int i = 0; i < 3; i++)
            zones[i] = tz_load(names[i], err, sizeof err);
        loaded = 1;
    }
    if (size > 512)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    cron_expr e;
    cron_error err;
    if (cron_parse(text, &e, &err) == 0) {
        for (int z = 0; z < 3; z++) {
            if (!zones[z])
                continue;
            int64_t t = 1711846800; /* 2024-03-31, around several changes */
            for (int k = 0; k < 4; k++) {
                int64_t next;
                if (cron_next(&e, zones[z], t, &next) != 0)
                    break;
                if (next <= t)
                    abort(); /* time must move forward */
                t = next;
            }
        }
    } else if (err.message[0] == '\0') {
        abort(); /* every refusal says why */
    }
    free(text);
    return 0;
}
