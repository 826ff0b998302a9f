/* lexicon-en.c - the built-in English word lists, written for textpipe.
 *
 * Each list is a space-separated string so that it reads like the word list
 * it is.  Abbreviations are written without their final period. */
#include <config.h>

#include <string.h>

#include "lexicon.h"

/* Titles and forms of address: a name follows, so they do not end a
 * sentence before a capitalized word. */
static const char titles[] =
    "mr mrs ms messrs mmes mme mlle msgr dr drs prof profs rev revd fr br hon rt pres supt "
    "gen gens lt col cols maj capt cmdr cdr comdr adm brig sgt cpl pvt pfc spc ens "
    "gov govs sen sens rep reps atty amb treas insp det dep asst assoc cllr";

/* Abbreviations that may end a sentence (Inc. at the end of one), so a
 * period after them ends it when a typical first word follows. */
static const char general[] =
    "inc ltd co corp cos bros plc llp pty intl natl assn dept depts div est govt "
    "jr sr esq phd mba etc al ave blvd rd st mt ft hwy pkwy sq apt bldg ste univ inst "
    "misc approx ca cf ed eds ref refs tel ext dist jct ctr mfg mfrs mkt "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs fri "
    "ala ariz ark calif colo conn fla kan kans ky md mich minn mont neb nebr nev okla tenn tex "
    "vt wis wisc wyo penn";

/* State and place abbreviations that are also common lowercase words: an
 * abbreviation only when capitalized ("Springfield, Ill." but "was ill."). */
static const char caps_only[] = "ill ind del ore wash mass miss la pa ga va mo cal";

/* Only abbreviations before a number: No. 5, pp. 12-14, Vol. 3. */
static const char numeric[] = "no nos nr n\u00b0 n\u00ba pp vol vols ch chap art arts fig figs para paras sec secs op opp pt pts ex eq eqs";

/* Units that are abbreviations only after a number: 6 ft. tall, 3 in. of rain. */
static const char units[] = "ft in lb lbs oz yd yds mi sq cu hr hrs min mins sec secs gal qt pt tbsp tsp doz";

/* Never the end of a sentence. */
static const char noend[] = "e.g i.e vs v viz cf approx ca c.f";

/* Times of day. */
static const char times[] = "a.m p.m";

/* Words that often begin a sentence and are rarely part of a name, so a
 * capitalized one after an abbreviation is good evidence of a new sentence.
 * ("I" is left out: it is capitalized everywhere.) */
static const char starters[] =
    "the a an this that these those there here he she it they we you his her its their our my your "
    "but and or nor so yet however meanwhile moreover furthermore nevertheless nonetheless also still "
    "then now thus hence therefore instead indeed besides otherwise overall "
    "in on at for with as after before when whenever while if although though because since until "
    "unless whether once what who whom whose why how where which "
    "did do does is are was were has have had can could should would must might shall "
    "some many most all both each every no not none neither either several few other another "
    "such only even just yes oh well today yesterday tomorrow tonight last next first finally later "
    "earlier according during despite under over from to by of about among between into through "
    "without within against upon let please according officials critics analysts experts "
    "authorities police investigators witnesses residents people researchers scientists "
    "two three four five six seven eight nine ten one";

/* Prepositions that begin adverbial phrases ("At 5 a.m. Mr. Smith ..."). */
static const char preps[] = "at by until till before after around from since on in about near circa between during";

/* Words after which "X." is an initial rather than the end of a sentence. */
static const char linkers[] =
    "by and of to with from for said says told like as or including featuring between "
    "mr mrs ms dr prof";

static const char months[] =
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec";

static const char weekdays[] = "monday tuesday wednesday thursday friday saturday sunday";

static const char tlds[] = "com org net edu gov mil int info biz io";

/* Second-level labels that make a country domain: bbc.co.uk, abc.net.au. */
static const char cc_second[] = "co com org net gov ac edu";

/* Units written right after digits, split off as their own token. */
static const char num_suffixes[] =
    "am pm km kg mg cm mm ml m g mph kph kmh lb lbs oz ft bn mn tn k kb mb gb tb hz khz mhz ghz kw mw gw kwh "
    "hr hrs h min mins sec secs yr yrs";

/* Words that follow a time of day without starting a sentence. */
static const char zones[] =
    "eastern western central pacific mountain atlantic local gmt utc bst cet est edt cst cdt mst mdt pst pdt et pt";

/* Labels of picture and video credits. */
static const char credits[] = "image images photo photos photograph picture video credit illustration";

/* Capitalized first words that, right after a word without punctuation and
 * before a lowercase word, show a caption or headline running into the next
 * sentence ("... in any constituency In the New Territories ...").  Pronouns
 * are left out: older texts capitalize them for God ("imploring His blessing"). */
static const char runins[] = "the in on at according after during this there these those";

/* Verbs of saying, for attributions after a quoted question or cry. */
static const char speech[] =
    "said says asked asks added adds told tells replied replies shouted shouts wrote writes explained explains "
    "noted notes insisted insists cried exclaimed wondered answered answers recalled recalls declared argued "
    "warned warns joked quipped laughed whispered yelled screamed demanded demands pleaded tweeted posted";

static int add_list(ss_lexicon *lx, const char *list, unsigned flags, tp_error *err)
{
    const char *p = list;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (p > w) {
            int rc = ss_lexicon_add(lx, w, (size_t)(p - w), flags, err);
            if (rc)
                return rc;
        }
    }
    return TP_OK;
}

int ss_lexicon_add_english(ss_lexicon *lx, int abbreviations, tp_error *err)
{
    const struct {
        const char *list;
        unsigned flags;
        int is_abbreviation;
    } lists[] = {
        {titles, LX_ABBR | LX_TITLE, 1},
        {general, LX_ABBR, 1},
        {caps_only, LX_CAPS, 1},
        {numeric, LX_NUMERIC, 1},
        {units, LX_UNIT, 1},
        {noend, LX_ABBR | LX_NOEND, 1},
        {times, LX_ABBR | LX_TIME, 1},
        {starters, LX_STARTER, 0},
        {preps, LX_PREP, 0},
        {linkers, LX_LINKER, 0},
        {months, LX_MONTH, 0},
        {weekdays, LX_WEEKDAY, 0},
        {tlds, LX_TLD, 0},
        {cc_second, LX_CCTLD, 0},
        {num_suffixes, LX_NUMSUFFIX, 0},
        {zones, LX_ZONE, 0},
        {credits, LX_CREDIT, 0},
        {runins, LX_RUNIN, 0},
        {speech, LX_SPEECH, 0},
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        if (lists[i].is_abbreviation && !abbreviations)
            continue;
        int rc = add_list(lx, lists[i].list, lists[i].flags, err);
        if (rc)
            return rc;
    }
    return TP_OK;
}
