/**
 * Candidate-search policy: how many results are viewable, how results are ranked, and the "likely to
 * respond" boost. Pure numbers and formulas; the SQL ranking and the breakdown shown with each
 * result both use them.
 */

/** At most this many results of a search can be paged through (LinkedIn Recruiter's limit too). */
export const VIEWABLE_RESULTS = 1000;
/** Largest page of results. */
export const MAX_PAGE_SIZE = 100;
/** Values listed per facet. */
export const FACET_SIZE = 10;

/**
 * Weights of ts_rank over the ranking vector, in PostgreSQL's order {D, C, B, A}: a term found in a
 * title (A) counts 1.0, in skills or platforms (B) 0.6. A term found only elsewhere (headline,
 * summary, schools ...) still matches but adds no relevance.
 */
export const RANK_WEIGHTS = [0, 0, 0.6, 1.0] as const;
/**
 * ts_rank gives a lone term found once at weight 1.0 a score of 1/1.6449 (it divides by pi^2/6);
 * scaling by that constant makes such a title match worth 1.0 relevance.
 */
export const RELEVANCE_SCALE = 1.6449340668;

/** Boost for members who say they are open to work. */
export const OPEN_TO_WORK_BOOST = 0.15;
/** Boost at a response rate of 100%: answered / (received + 2), so one answer out of one is not 100%. */
export const RESPONSE_RATE_BOOST = 0.25;

export interface ResponseBoost {
  openToWork: boolean;
  /** answered / received, or null when the member never received an InMail. */
  responseRate: number | null;
  /** Points added to the relevance (0 when the boost is switched off). */
  boost: number;
}

/**
 * The "likely to respond" boost of one member, exactly as the SQL ranking adds it.
 * @example
 * likelyToRespond(true, 4, 2, true); // { openToWork: true, responseRate: 0.5, boost: 0.15 + 0.25 * 2/6 }
 */
export function likelyToRespond(
  openToWork: boolean,
  received: number,
  answered: number,
  enabled: boolean,
): ResponseBoost {
  const boost = (openToWork ? OPEN_TO_WORK_BOOST : 0) + (RESPONSE_RATE_BOOST * answered) / (received + 2);
  return {
    openToWork,
    responseRate: received > 0 ? answered / received : null,
    boost: enabled ? boost : 0,
  };
}
