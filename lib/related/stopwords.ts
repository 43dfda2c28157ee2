/**
 * English stopwords for story matching: a standard function-word list plus words every news story
 * uses (reporting verbs, calendar words, generic news nouns), which say nothing about the story.
 */
const FUNCTION_WORDS = `a about above after again against all almost along already also although always am among an
and another any anybody anyone anything are around as at be became because become been before being below
between both but by can cannot could did do does doing done down during each either else enough etc even ever
every few for from further get gets getting got had has have having he her here hers herself him himself his
how however i if in into is it its itself just least less like ll made make makes many may me might mine more
most much must my myself neither no nor not now of off often on once one only onto or other others otherwise
our ours ourselves out over own per perhaps quite rather re really same several shall she should since so
some somebody someone something sometimes still such than that the their theirs them themselves then there
these they this those though through thus to together too toward towards under until up upon us ve very via
was we well were what whatever when whenever where whether which while who whoever whom whose why will with
within without would yet you your yours yourself yourselves s t d m don didn doesn isn wasn weren won wouldn
couldn shouldn hasn haven hadn aren ain let lets`;

const NEWS_WORDS = `said says say saying told tell tells according reported reports reporting report added
asked statement statements news article articles story stories update updated updates editor editors
mr mrs ms dr jr sr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
tonight week weeks weekend month months year years day days hour hours minute minutes time times ago
last next first second third new old recent recently later earlier early late since including include
includes included people person thing things way ways part lot lots number numbers percent
two three four five six seven eight nine ten hundred thousand million billion
january february march april june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec am pm et gmt utc photo photos image images video videos caption getty ap afp
reuters copyright rights reserved read click share comments comment subscribe newsletter advertisement
via source sources told says called call calls going go goes went come comes came take takes took
want wants wanted see seen know known think thought make made put puts back big small good bad best
whose among around another yet`;

export const STOPWORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${NEWS_WORDS}`.split(/\s+/));
