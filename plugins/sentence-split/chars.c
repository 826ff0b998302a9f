/* chars.c - character classes (see chars.h). */
#include <config.h>

#include <utf8proc.h>

#include "chars.h"

#define S CC_SPACE
#define N CC_NEWLINE
#define U CC_UPPER
#define L CC_LOWER
#define D CC_DIGIT
#define F CC_FORMAT
#define P CC_PUNCT
#define Y CC_SYMBOL
const uint8_t ss_ascii_cc[128] = {
    /* 0x00 */ F, F, F, F, F, F, F, F, F, S, N, N, N, N, F, F,
    /* 0x10 */ F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F,
    /*  !"#$%&'()*+,-./ */
    S, P, P, Y, CC_CURRENCY, Y, Y, P, CC_OPEN, CC_CLOSE, Y, Y, P, CC_DASH, P, Y,
    /* 0-9:;<=>? */
    D, D, D, D, D, D, D, D, D, D, P, P, Y, Y, Y, P,
    /* @A-O */
    Y, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    /* P-Z[\]^_ */
    U, U, U, U, U, U, U, U, U, U, U, CC_OPEN, Y, CC_CLOSE, Y, P,
    /* `a-o */
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    /* p-z{|}~DEL */
    L, L, L, L, L, L, L, L, L, L, L, CC_OPEN, Y, CC_CLOSE, Y, F,
};
#undef S
#undef N
#undef U
#undef L
#undef D
#undef F
#undef P
#undef Y

/* Pictographic ranges whose characters are emoji tokens (the Extended
 * Pictographic blocks most text uses; others stay symbols). */
static int is_pictograph(int32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B05 && cp <= 0x2B07) ||
           cp == 0x2B1B || cp == 0x2B1C || cp == 0x2B50 || cp == 0x2B55 || cp == 0x231A || cp == 0x231B ||
           (cp >= 0x23E9 && cp <= 0x23FA) || cp == 0x2328 || cp == 0x23CF || cp == 0x3030 || cp == 0x303D ||
           cp == 0x3297 || cp == 0x3299;
}

int ss_cc_of(int32_t cp)
{
    if (cp < 0x80)
        return cp < 0 ? CC_OTHER : ss_ascii_cc[cp];
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return CC_NEWLINE;
    if (cp == 0x200B || cp == 0xFEFF)
        return CC_FORMAT;
    if (ss_is_regional_indicator(cp))
        return CC_EMOJI;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return CC_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return CC_NEWLINE;
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
        return CC_FORMAT;
    case UTF8PROC_CATEGORY_PS:
        return CC_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return CC_CLOSE;
    case UTF8PROC_CATEGORY_PI:
        return CC_QUOTE_OPEN;
    case UTF8PROC_CATEGORY_PF:
        return CC_QUOTE_CLOSE;
    case UTF8PROC_CATEGORY_PD:
        return CC_DASH;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
        return CC_PUNCT;
    case UTF8PROC_CATEGORY_SC:
        return CC_CURRENCY;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SK:
        return CC_SYMBOL;
    case UTF8PROC_CATEGORY_SO:
        return is_pictograph(cp) ? CC_EMOJI : CC_SYMBOL;
    default:
        return CC_OTHER;
    }
}
