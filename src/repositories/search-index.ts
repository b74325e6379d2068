/**
 * How profiles and queries look to PostgreSQL full-text search. Pure functions, no I/O: the search
 * and member repositories send what they build here as bind parameters.
 *
 * One tsvector per member (`member_search.doc`) holds everything a query or a filter can ask for,
 * so a whole search is one GIN index scan:
 *
 * - every token of the profile's text (field `any`), with positions;
 * - the same tokens again per scoped field, behind a field code: `~t:manager` (title), `~c:` company,
 *   `~s:` skill, `~e:` school, `~l:` location, `~i:` industry, `~g:` language, `~T:` current title only.
 *   Tokens start with a letter, a digit or `.`, so a code can never be confused with a token or
 *   prefix-match one (`titl*` does not find `~t:...`);
 * - each two consecutive tokens of a value as one lexeme (`'~t:portfolio manager'`, `'portfolio
 *   manager'`), and in the short scoped fields (not in `any`, which holds summaries) each three
 *   (`'~t:site reliability engineer'`): phrases of two words, and scoped phrases of three, are
 *   answered by the index alone, without re-reading documents (DOC_FORMAT 2);
 * - filter facts without positions, one per exact value: `~sk=risk management` (skill),
 *   `~cc=`/`~pc=` current/past company, `~in=` industry, `~cy=us` country, `~rg=` region, `~ci=` city,
 *   `~sn=senior`, `~yx=7` years of experience, `~gy=2014` graduation year, `~lg=` language, `~ow`
 *   open to work.
 *
 * Tokens come from `normalizeText`, exactly as `matchesProfile` sees them, and each field's values
 * are numbered with a gap of one position between values, so `a <-> b` never spans two titles.
 * That is why the SQL search returns what the in-memory reference matcher returns (tested on a
 * corpus). PostgreSQL limits that the reference matcher does not have, and what we do about them:
 * a lexeme longer than MAX_LEXEME_BYTES is left out of the document (and a query term containing one
 * matches nothing); positions stop at 16,383 and a lexeme keeps its first 256 positions. Profiles
 * edited through the API are bounded far below these limits.
 */
import { normalizeText, profileSearchValues, FIELD_VALUE_SEPARATOR } from '../domain/search-query.ts';
import type { QueryNode, SearchField, TermNode } from '../domain/search-query.ts';
import { currentPosition, type MemberProfile } from '../domain/profile.ts';

/** Field codes of scoped lexemes; `any` has none. `currentTitle` is used by the title filter. */
export type IndexField = SearchField | 'currentTitle';
const FIELD_CODE: Record<IndexField, string> = {
  any: '',
  title: '~t:',
  company: '~c:',
  skill: '~s:',
  school: '~e:',
  location: '~l:',
  industry: '~i:',
  language: '~g:',
  currentTitle: '~T:',
};

/** Filter facts: `~<code>=<normalized value>`. */
export const FACT = {
  skill: '~sk=',
  currentCompany: '~cc=',
  pastCompany: '~pc=',
  industry: '~in=',
  country: '~cy=',
  region: '~rg=',
  city: '~ci=',
  seniority: '~sn=',
  years: '~yx=',
  graduationYear: '~gy=',
  language: '~lg=',
} as const;
export const OPEN_TO_WORK_FACT = '~ow';
/** A lexeme no document contains: what a term that cannot match compiles to. */
const NEVER = '~none';
/** A tsquery that matches no member. */
export const NOTHING = `'${NEVER}'`;

/**
 * The layout of the documents written now. 2 added the three-token lexemes of short scoped fields.
 * `member_search.doc_format` records each row's; rows of an older layout are rebuilt in the
 * background after an upgrade (SearchService.reindexStale), and queries use what every row has
 * until none is left (a query compiled for format 1 is right on both).
 */
export const DOC_FORMAT = 2;

/** PostgreSQL refuses lexemes over 2,047 bytes; stay clear of the bound. */
export const MAX_LEXEME_BYTES = 2000;
/** Largest tsvector position (PostgreSQL clamps larger ones to it). */
const MAX_POSITION = 16383;
/** Positions PostgreSQL keeps per lexeme. */
const MAX_POSITIONS_PER_LEXEME = 256;
/** Years of experience are indexed up to this value (more counts as this). */
export const MAX_INDEXED_YEARS = 80;

const encoder = new TextEncoder();
const tooLong = (lexeme: string): boolean =>
  lexeme.length * 3 > MAX_LEXEME_BYTES && encoder.encode(lexeme).length > MAX_LEXEME_BYTES;

/** Quotes a lexeme for tsvector/tsquery input: inside quotes only `'` and `\` are special. */
export function quoteLexeme(lexeme: string): string {
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The normalized form of a filter value or fact: `normalizeText(v).join(' ')`. */
export function valueKey(value: string): string {
  return normalizeText(value).join(' ');
}

type Weight = 'A' | 'B' | 'C' | 'D';

/**
 * normalizeText with a memo of short texts: names of titles, companies, skills and places repeat
 * within a profile (every field is also in `any`) and from profile to profile. Long texts
 * (summaries, descriptions) are rarely repeated and would only keep garbage alive.
 */
type Normalize = (text: string) => string[];
const MEMO_MAX_LENGTH = 64;
function memoNormalize(): Normalize {
  const memo = new Map<string, string[]>();
  return (text) => {
    if (text.length > MEMO_MAX_LENGTH) return normalizeText(text);
    let tokens = memo.get(text);
    if (tokens === undefined) {
      tokens = normalizeText(text);
      memo.set(text, tokens);
    }
    return tokens;
  };
}

/** Collects lexemes with positions (and optional weights) and prints a tsvector literal. */
class VectorBuilder {
  /** Lexeme -> its positions as tsvector text (`3`, `7A`), in order. */
  private readonly entries = new Map<string, string[]>();
  constructor(private readonly normalize: Normalize) {}

  /** Adds a lexeme, with a position when given (`position` is already the printed form). */
  add(lexeme: string, position?: string): void {
    if (tooLong(lexeme)) return;
    let positions = this.entries.get(lexeme);
    if (positions === undefined) {
      positions = [];
      this.entries.set(lexeme, positions);
    }
    if (position !== undefined && positions.length < MAX_POSITIONS_PER_LEXEME) positions.push(position);
  }

  /**
   * Adds each value's tokens behind `code`, numbering positions with a gap between values. With
   * `pairs`, each two consecutive tokens of a value also become one lexeme (`'~t:portfolio manager'`,
   * no positions), so a two-word phrase is answered by the index alone, without re-reading documents;
   * with `triples` each three do (`'~t:site reliability engineer'`).
   */
  addValues(
    code: string,
    values: readonly string[],
    opts: { weight?: Weight; start?: number; pairs?: boolean; triples?: boolean } = {},
  ): number {
    const suffix = opts.weight && opts.weight !== 'D' ? opts.weight : '';
    let position = opts.start ?? 1;
    for (const value of values) {
      const tokens = this.normalize(value);
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        this.add(code + token, Math.min(position++, MAX_POSITION) + suffix);
        if (opts.pairs && i > 0) {
          const pair = tokens[i - 1]! + ' ' + token;
          this.add(code + pair);
          if (opts.triples && i > 1) this.add(code + tokens[i - 2]! + ' ' + pair);
        }
      }
      position += 1;
    }
    return position;
  }

  toString(): string {
    const parts: string[] = [];
    for (const [lexeme, positions] of this.entries) {
      parts.push(
        positions.length > 0 ? quoteLexeme(lexeme) + ':' + positions.join(',') : quoteLexeme(lexeme),
      );
    }
    return parts.join(' ');
  }
}

/** What member_search stores for one member, ready to be sent as parameters. */
export interface SearchIndexRow {
  memberId: string;
  /** tsvector literal: text, scoped text and filter facts. */
  doc: string;
  /** tsvector literal for ranking: titles (A), skills and platforms (B). */
  rankDoc: string;
  /** Facet values, as displayed. */
  skills: string[];
  currentCompany: string;
  city: string;
  region: string;
  country: string;
  seniority: string;
  graduationYears: number[];
  yearsExperience: number;
  openToWork: boolean;
  /** Normalized texts for trigram (fuzzy) matching. */
  nameKey: string;
  titleKey: string;
  companyKey: string;
}

function distinctByKey(values: readonly string[], normalize: Normalize): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = normalize(v).join(' ');
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(v.trim());
  }
  return out;
}

/**
 * Builds the search index row of a profile.
 * @example
 * const row = searchIndexRow(profile); // row.doc: "'python':12 '~s:python':1 '~sk=python' ..."
 */
export function searchIndexRow(
  profile: MemberProfile,
  normalize: Normalize = memoNormalize(),
): SearchIndexRow {
  const values = profileSearchValues(profile);
  const doc = new VectorBuilder(normalize);
  for (const field of Object.keys(values) as SearchField[]) {
    // A value spanning lines counts as one value per line, as in profileSearchDocument's text.
    const lines = values[field].flatMap((v) =>
      v.includes(FIELD_VALUE_SEPARATOR) ? v.split(FIELD_VALUE_SEPARATOR) : [v],
    );
    doc.addValues(FIELD_CODE[field], lines, { pairs: true, triples: hasTriples(FIELD_CODE[field]) });
  }
  const current = currentPosition(profile);
  doc.addValues(FIELD_CODE.currentTitle, current ? [current.title] : [], { pairs: true, triples: true });

  const skills = distinctByKey([...profile.skills, ...profile.platforms], normalize);
  const fact = (code: string, value: string): void => {
    const key = normalize(value).join(' ');
    if (key !== '') doc.add(code + key);
  };
  for (const s of skills) fact(FACT.skill, s);
  for (const p of profile.positions)
    fact(p.endYear === null ? FACT.currentCompany : FACT.pastCompany, p.company);
  fact(FACT.industry, profile.industry);
  fact(FACT.country, profile.location.country);
  fact(FACT.region, profile.location.region);
  fact(FACT.city, profile.location.city);
  fact(FACT.seniority, profile.seniority);
  const years = Math.max(0, Math.min(MAX_INDEXED_YEARS, Math.floor(profile.yearsOfExperience)));
  doc.add(FACT.years + years);
  const graduationYears = [
    ...new Set(
      profile.education
        .map((e) => e.graduationYear)
        .filter((y): y is number => typeof y === 'number' && Number.isInteger(y)),
    ),
  ].sort((a, b) => a - b);
  for (const y of graduationYears) doc.add(FACT.graduationYear + y);
  for (const l of profile.languages) fact(FACT.language, l);
  if (profile.openToWork) doc.add(OPEN_TO_WORK_FACT);

  const rank = new VectorBuilder(normalize);
  const titles = distinctByKey(
    profile.positions.map((p) => p.title),
    normalize,
  );
  const next = rank.addValues('', titles, { weight: 'A' });
  rank.addValues('', skills, { weight: 'B', start: next });

  return {
    memberId: profile.id,
    doc: doc.toString(),
    rankDoc: rank.toString(),
    skills,
    currentCompany: current?.company ?? '',
    city: profile.location.city,
    region: profile.location.region,
    country: profile.location.country,
    seniority: profile.seniority,
    graduationYears,
    yearsExperience: years,
    openToWork: profile.openToWork,
    nameKey: normalize(`${profile.firstName} ${profile.lastName}`).join(' '),
    titleKey: normalize(current?.title ?? '').join(' '),
    companyKey: normalize(current?.company ?? '').join(' '),
  };
}

/**
 * The search index rows of many profiles. They share one normalization memo: titles, companies,
 * skills and places repeat from profile to profile.
 */
export function searchIndexRows(profiles: readonly MemberProfile[]): SearchIndexRow[] {
  const normalize = memoNormalize();
  return profiles.map((p) => searchIndexRow(p, normalize));
}

/** Whether a field's values are short enough to index every three consecutive tokens (not `any`). */
function hasTriples(code: string): boolean {
  return code !== FIELD_CODE.any;
}

// --- queries -----------------------------------------------------------------------------------

/**
 * One term. A phrase uses the token-pair lexemes: two words are exactly their pair (no positions, so
 * no re-check of documents); longer phrases AND all their pairs, which lets the index narrow the
 * candidates, with the positional phrase (`<->`) deciding. In a scoped field of a format-2
 * document, three words are exactly their triple, and longer phrases AND their triples. A prefix
 * star applies to the last token, and so to the last pair or triple: `'portfolio manag':*`.
 */
function termQuery(code: string, term: Pick<TermNode, 'value' | 'prefix'>, format: number): string {
  const tokens = term.value.split(' ').filter((t) => t !== '');
  if (tokens.length === 0 || tokens.some((t) => tooLong(code + t))) return quoteLexeme(NEVER);
  const last = tokens.length - 1;
  const star = (i: number): string => (i === last && term.prefix ? ':*' : '');
  if (tokens.length === 1) return quoteLexeme(code + tokens[0]!) + star(0);
  const phrase = (): string => tokens.map((t, i) => quoteLexeme(code + t) + star(i)).join(' <-> ');
  const pairs = tokens.slice(1).map((t, i) => `${code}${tokens[i]!} ${t}`);
  if (pairs.some(tooLong)) return `(${phrase()})`;
  const pairQueries = pairs.map((p, i) => quoteLexeme(p) + star(i + 1));
  if (tokens.length === 2) return pairQueries[0]!;
  if (format >= 2 && hasTriples(code)) {
    const triples = tokens.slice(2).map((t, i) => `${code}${tokens[i]!} ${tokens[i + 1]!} ${t}`);
    if (!triples.some(tooLong)) {
      const tripleQueries = triples.map((p, i) => quoteLexeme(p) + star(i + 2));
      if (tokens.length === 3) return tripleQueries[0]!;
      return `(${tripleQueries.join(' & ')} & (${phrase()}))`;
    }
  }
  return `(${pairQueries.join(' & ')} & (${phrase()}))`;
}

/**
 * Compiles a query AST to tsquery text over `member_search.doc`. `scope` replaces the field of
 * every term (the current-title filter reuses the query language that way). `format` is the oldest
 * document layout the query must match (DOC_FORMAT when every row is current).
 * @example
 * compileTsquery(parseQuery('title:"portfolio manager" OR quant*'));
 * // "('~t:portfolio manager' | 'quant':*)"
 */
export function compileTsquery(node: QueryNode, scope?: IndexField, format: number = DOC_FORMAT): string {
  switch (node.kind) {
    case 'term':
      return termQuery(FIELD_CODE[scope ?? node.field], node, format);
    case 'not':
      return `!${compileTsquery(node.child, scope, format)}`;
    case 'and':
    case 'or':
      return `(${node.children.map((c) => compileTsquery(c, scope, format)).join(node.kind === 'and' ? ' & ' : ' | ')})`;
  }
}

/** `a | b | c` over exact fact values; null when the list is empty. */
export function anyFact(code: string, values: readonly (string | number)[]): string | null {
  const keys = [...new Set(values.map((v) => (typeof v === 'number' ? String(v) : valueKey(v))))];
  if (keys.length === 0) return null;
  const parts = keys.map((k) => (k === '' ? quoteLexeme(NEVER) : quoteLexeme(code + k)));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
}

/** `a & b & c` over exact fact values; null when the list is empty. */
export function allFacts(code: string, values: readonly string[]): string | null {
  const keys = [...new Set(values.map(valueKey))];
  if (keys.length === 0) return null;
  const parts = keys.map((k) => (k === '' ? quoteLexeme(NEVER) : quoteLexeme(code + k)));
  return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
}

export function openToWorkFact(open: boolean): string {
  return open ? quoteLexeme(OPEN_TO_WORK_FACT) : `!${quoteLexeme(OPEN_TO_WORK_FACT)}`;
}

/** AND of tsquery parts (null when there are none). */
export function andQueries(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : present.join(' & ');
}

/**
 * The ranking query: every positive term's tokens, unscoped, OR-ed (ts_rank ignores the operators
 * and only weighs where each token occurs in `rank_doc`). Null when nothing positive is asked for.
 */
export function rankTsquery(terms: readonly Pick<TermNode, 'value' | 'prefix'>[]): string | null {
  const parts = new Set<string>();
  for (const term of terms) {
    const tokens = term.value.split(' ').filter((t) => t !== '' && !tooLong(t));
    tokens.forEach((t, i) =>
      parts.add(quoteLexeme(t) + (i === tokens.length - 1 && term.prefix ? ':*' : '')),
    );
  }
  return parts.size ? [...parts].join(' | ') : null;
}
