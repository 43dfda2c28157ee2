/**
 * Every editor-curated full record the seed expands (scripts/data-outlets-seed.ts): the first batch
 * in data-outlets-curated.ts (written 2026-11-25) and the second batch (written 2026-11-26) split by
 * kind, plus data-outlets-full-international.ts (2026-11-26). All of it is recall, cited to the outlet's Wikipedia article and Wikidata item (see the
 * PROVENANCE note in data-outlets-curated.ts); the seed refuses any QID that is not in the
 * outlets-wikidata-news-twitter corpus and any country that differs from the corpus.
 */
import { FULL_RECORDS as FIRST_BATCH, type FullSpec } from './data-outlets-curated';
import { AGENCIES } from './data-outlets-full-agencies';
import { BROADCASTERS } from './data-outlets-full-broadcasters';
import { WITH_QID, WITHOUT_QID, type UnresolvedSpec } from './data-outlets-full-international';
import { RSP_NEWS } from './data-outlets-rsp-news';
import { PAPERS } from './data-outlets-full-papers';

export const FULL_RECORDS: FullSpec[] = [
  ...FIRST_BATCH,
  ...AGENCIES,
  ...BROADCASTERS,
  ...PAPERS,
  ...WITH_QID,
];

/** Curated records whose QID no corpus gives (`qid: null`, keyed `local:<localId>`). */
export const UNRESOLVED_RECORDS: UnresolvedSpec[] = [...WITHOUT_QID, ...RSP_NEWS];
export type { UnresolvedSpec };
