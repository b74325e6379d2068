/**
 * The Boolean query language of candidate search, in the style of LinkedIn Recruiter: parse a query
 * into an AST, print the AST back canonically, and evaluate it against a profile in memory.
 *
 * Grammar (a hand-written recursive-descent parser; recursion happens only at parentheses, so its
 * depth is bounded by MAX_QUERY_DEPTH):
 *
 *   query   := or EOF
 *   or      := and ( "OR" and )*
 *   and     := unary ( ["AND"] unary )*        adjacent operands mean AND (implicit AND)
 *   unary   := ( "NOT" | field ":" )* primary
 *   primary := word | "phrase" | "(" or ")"
 *
 * Precedence, tightest first: parentheses, quotes, NOT (and field scopes), AND, OR. So
 * `a OR b AND c` is `a OR (b AND c)` and `a NOT b` is `a AND (NOT b)`.
 *
 * Semantics, precisely (the SQL implementation is tested against `matchesProfile`):
 * - Operators are exactly `AND`, `OR`, `NOT` in upper case. `and`, `Or`, `not` are ordinary words.
 * - A scope `title:` (field names are case-insensitive) applies to the word, phrase or group after
 *   it; whitespace may follow the colon. Scopes do not nest: inside a scoped group a term with its
 *   own scope keeps it (the innermost scope wins), so `title:(pm OR skill:python)` is
 *   `title:pm OR skill:python`. A scope before NOT scopes the negated operand:
 *   `title:NOT intern` is `NOT title:intern`. Unscoped terms search field `any` (all profile text).
 * - `NOT x` on its own is allowed and means "everyone except those matching x"; `NOT NOT x` is `x`.
 * - Words and phrases are normalized with `normalizeText`. A word that normalizes to several tokens
 *   (`ci/cd`, `12:30`) must match them consecutively, exactly like the phrase `"ci cd"`; a word made
 *   only of punctuation (`-`, `&`, `*`) is ignored. A trailing `*` makes the (last) word a prefix:
 *   `python*`, `"portfolio manag*"`. A `*` anywhere else is punctuation.
 * - Only letters directly followed by `:` form a field prefix; an unknown one is an error. Put text
 *   containing a colon in quotes. Curly quotes (“ ”) work like straight ones.
 * - Positions and lengths are JavaScript string offsets (UTF-16 code units), 0-based.
 */

import { DomainError } from './errors.ts';
import type { MemberProfile } from './profile.ts';

/** Longest accepted query, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 1000;
/** Deepest accepted parenthesis nesting: `((a))` has depth 2. */
export const MAX_QUERY_DEPTH = 10;
/** Most words and phrases a query may hold (a phrase counts once). */
export const MAX_QUERY_TERMS = 100;

/** Fields a term can be scoped to with `field:`. */
export const SCOPED_FIELDS = [
  'title',
  'company',
  'skill',
  'school',
  'location',
  'industry',
  'language',
] as const;
export type ScopedField = (typeof SCOPED_FIELDS)[number];
/** `any` is the field of unscoped terms: all of a profile's text. */
export type SearchField = 'any' | ScopedField;
export const SEARCH_FIELDS: readonly SearchField[] = ['any', ...SCOPED_FIELDS];

export interface TermNode {
  kind: 'term';
  field: SearchField;
  /** Normalized tokens joined by one space: `portfolio manager`, `c++`. Never empty. */
  value: string;
  /** True when `value` has several tokens, which must appear consecutively. */
  phrase: boolean;
  /** True when the last token matches any word starting with it (`python*`). */
  prefix: boolean;
  /** The term exactly as typed, without its field scope: `input.slice(position, position + raw.length)`. */
  raw: string;
  /** Offset of `raw` in the input. */
  position: number;
}
/** Parser output always has at least two children and never an `and` child (it is flattened). */
export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}
/** Parser output always has at least two children and never an `or` child (it is flattened). */
export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}
/** Parser output never has a `not` directly under a `not` (double negation cancels). */
export interface NotNode {
  kind: 'not';
  child: QueryNode;
}
export type QueryNode = TermNode | AndNode | OrNode | NotNode;

/**
 * The text of each field of a profile. A field holds several values separated by `\n` (one title per
 * line, say); a phrase never matches across a line break, so two titles never run together.
 */
export type SearchDocument = Record<SearchField, string>;

/** Separator of values inside a SearchDocument field. */
export const FIELD_VALUE_SEPARATOR = '\n';

export const QUERY_ERROR_CODES = [
  'unbalanced_parenthesis',
  'unterminated_quote',
  'dangling_operator',
  'empty_group',
  'unknown_field',
  'empty_query',
  'query_too_long',
  'too_deeply_nested',
  'too_many_terms',
  'empty_phrase',
] as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[number];

const ERROR_TITLES: Record<QueryErrorCode, string> = {
  unbalanced_parenthesis: 'Unbalanced parenthesis',
  unterminated_quote: 'Unterminated quote',
  dangling_operator: 'Operator without an operand',
  empty_group: 'Empty parentheses',
  unknown_field: 'Unknown field',
  empty_query: 'Empty query',
  query_too_long: 'Query too long',
  too_deeply_nested: 'Parentheses nested too deeply',
  too_many_terms: 'Too many terms',
  empty_phrase: 'Empty phrase',
};

/**
 * A query the user typed cannot be parsed. A DomainError of kind `invalid` (HTTP 400) whose `code`
 * is one of QUERY_ERROR_CODES; `position` and `hint` also travel in `details.extra` so the problem
 * document carries them without the HTTP layer knowing this class.
 * @example
 * try { parseQuery('(python'); } catch (e) {
 *   if (e instanceof QuerySyntaxError) console.log(e.code, e.position, e.hint);
 *   // unbalanced_parenthesis 0 Close the parenthesis opened at position 0.
 * }
 */
export class QuerySyntaxError extends DomainError {
  override name = 'QuerySyntaxError';
  declare readonly code: QueryErrorCode;
  constructor(
    code: QueryErrorCode,
    public readonly position: number,
    public readonly hint: string,
  ) {
    super('invalid', code, `${ERROR_TITLES[code]} at position ${position}. ${hint}`, {
      fields: [{ field: 'query', message: hint, code }],
      extra: { position, hint },
    });
  }
}

// --- normalization -----------------------------------------------------------------------------

// Letters that Unicode decomposition leaves alone but PostgreSQL's unaccent folds; final sigma is
// folded so a word lower-cases the same wherever it stands.
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u2010': '-',
};
const FOLD_RE = /[ßæœøłđðþıς\u2018\u2019\u02bc\u2010]/gu;
const MARKS_RE = /\p{M}/gu;
// A word: letters/digits, inner joiners `-.'_&` between letters/digits, an optional leading `.`
// (`.net`) and trailing `+`/`#` (`c++`, `c#`). Everything else separates words.
const TOKEN_RE = /\.?[\p{L}\p{N}]+(?:[-.'_&][\p{L}\p{N}]+)*[+#]*/gu;
// eslint-disable-next-line no-control-regex -- any ASCII character, control characters included
const ASCII_RE = /^[\x00-\x7f]*$/;
const ASCII_TOKEN_RE = /\.?[a-z0-9]+(?:[-.'_&][a-z0-9]+)*[+#]*/g;

/**
 * Splits text into normalized search tokens; queries, profiles and the SQL index all use it.
 * Steps: Unicode NFKD, drop every combining mark (diacritics), lower-case (locale-independent),
 * fold ß→ss æ→ae œ→oe ø→o ł→l đ/ð→d þ→th ı→i ς→σ, curly apostrophes→' and U+2010→-; then take
 * every maximal match of `\.?[\p{L}\p{N}]+([-.'_&][\p{L}\p{N}]+)*[+#]*`. No stemming, no stop words.
 * Idempotent on its own output: `normalizeText(t)` is `[t]` for every token `t`.
 * @example
 * normalizeText("Zürich: C++, .NET & node.js; O’Brien's e-commerce."); // ['zurich', 'c++', '.net', 'node.js', "o'brien's", 'e-commerce']
 */
export function normalizeText(text: string): string[] {
  // Fast path: for ASCII text every step but lower-casing is the identity, and the word pattern
  // reduces to its ASCII letters and digits (most profile text; seeding spends its time here).
  if (ASCII_RE.test(text)) return text.toLowerCase().match(ASCII_TOKEN_RE) ?? [];
  const folded = text
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    // Lower-casing can produce decomposable letters again (İ → i + dot above).
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .replace(FOLD_RE, (c) => FOLDS[c] ?? c);
  return folded.match(TOKEN_RE) ?? [];
}

// --- lexer -------------------------------------------------------------------------------------

type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not'; position: number }
  | { type: 'field'; field: ScopedField; raw: string; position: number }
  | { type: 'term'; tokens: string[]; prefix: boolean; raw: string; position: number };

const QUOTES = new Set(['"', '\u201c', '\u201d']);
const SPACE_RE = /\s/u;
const FIELD_PREFIX_RE = /^(\p{L}+):/u;

function isWordBreak(ch: string): boolean {
  return SPACE_RE.test(ch) || ch === '(' || ch === ')' || QUOTES.has(ch);
}

/** Splits off a trailing prefix star (only when it directly follows text) and normalizes. */
function termText(text: string): { tokens: string[]; prefix: boolean } {
  const trimmed = text.trimEnd();
  const star = /(?<=[^\s*])\*+$/u.exec(trimmed);
  const body = star ? trimmed.slice(0, star.index) : trimmed;
  return { tokens: normalizeText(body), prefix: star !== null };
}

function closestField(name: string): ScopedField | undefined {
  let best: ScopedField | undefined;
  let bestDistance = 3;
  for (const field of SCOPED_FIELDS) {
    const d = editDistance(name, field);
    if (d < bestDistance) [best, bestDistance] = [field, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  const open: number[] = [];
  let terms = 0;
  const pushTerm = (token: Extract<Token, { type: 'term' }>): void => {
    terms += 1;
    if (terms > MAX_QUERY_TERMS) {
      throw new QuerySyntaxError(
        'too_many_terms',
        token.position,
        `A query can hold at most ${MAX_QUERY_TERMS} terms; this is term ${terms}. Split the search or drop synonyms.`,
      );
    }
    tokens.push(token);
  };

  const lexWord = (word: string, start: number): void => {
    let rest = word;
    let at = start;
    for (let m = FIELD_PREFIX_RE.exec(rest); m !== null; m = FIELD_PREFIX_RE.exec(rest)) {
      const name = (m[1] ?? '').toLowerCase();
      const field = SCOPED_FIELDS.find((f) => f === name);
      if (field === undefined) {
        const guess = closestField(name);
        throw new QuerySyntaxError(
          'unknown_field',
          at,
          `Known fields: ${SCOPED_FIELDS.join(', ')}.` +
            (guess ? ` Did you mean ${guess}:?` : '') +
            ' To search for text containing a colon, put it in quotes.',
        );
      }
      tokens.push({ type: 'field', field, raw: m[0], position: at });
      rest = rest.slice(m[0].length);
      at += m[0].length;
    }
    if (rest === '') return;
    if (rest === 'AND' || rest === 'OR' || rest === 'NOT') {
      tokens.push({ type: rest === 'AND' ? 'and' : rest === 'OR' ? 'or' : 'not', position: at });
      return;
    }
    const { tokens: words, prefix } = termText(rest);
    // Punctuation alone (`-`, `&`, `*`) carries nothing to search for; treat it like a space.
    if (words.length > 0) pushTerm({ type: 'term', tokens: words, prefix, raw: rest, position: at });
  };

  let i = 0;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (SPACE_RE.test(ch)) {
      i += 1;
    } else if (ch === '(') {
      if (open.length >= MAX_QUERY_DEPTH) {
        throw new QuerySyntaxError(
          'too_deeply_nested',
          i,
          `Parentheses can nest at most ${MAX_QUERY_DEPTH} levels deep; remove some of them.`,
        );
      }
      open.push(i);
      tokens.push({ type: 'lparen', position: i });
      i += 1;
    } else if (ch === ')') {
      if (open.pop() === undefined) {
        throw new QuerySyntaxError(
          'unbalanced_parenthesis',
          i,
          'This ) closes nothing; remove it or add a matching ( before it.',
        );
      }
      tokens.push({ type: 'rparen', position: i });
      i += 1;
    } else if (QUOTES.has(ch)) {
      let end = i + 1;
      while (end < input.length && !QUOTES.has(input.charAt(end))) end += 1;
      if (end >= input.length) {
        throw new QuerySyntaxError('unterminated_quote', i, `Close the quote opened at position ${i}.`);
      }
      const { tokens: words, prefix } = termText(input.slice(i + 1, end));
      if (words.length === 0) {
        throw new QuerySyntaxError(
          'empty_phrase',
          i,
          'Put at least one word between the quotes, or remove them.',
        );
      }
      pushTerm({ type: 'term', tokens: words, prefix, raw: input.slice(i, end + 1), position: i });
      i = end + 1;
    } else {
      let end = i + 1;
      while (end < input.length && !isWordBreak(input.charAt(end))) end += 1;
      lexWord(input.slice(i, end), i);
      i = end;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new QuerySyntaxError(
      'unbalanced_parenthesis',
      unclosed,
      `Close the parenthesis opened at position ${unclosed}.`,
    );
  }
  return tokens;
}

// --- parser ------------------------------------------------------------------------------------

function startsOperand(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (token.type === 'term' || token.type === 'lparen' || token.type === 'not' || token.type === 'field')
  );
}

function combine(kind: 'and' | 'or', parts: QueryNode[]): QueryNode {
  const children = parts.flatMap((p) => (p.kind === kind ? p.children : [p]));
  const [only] = children;
  return children.length === 1 && only !== undefined ? only : { kind, children };
}

function negate(node: QueryNode): QueryNode {
  return node.kind === 'not' ? node.child : { kind: 'not', child: node };
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode {
    const node = this.parseOr('any');
    const extra = this.peek();
    // The lexer balances parentheses and every other token starts or continues an expression,
    // so only a stray `)` could be left; keep the check so a grammar slip can't go unnoticed.
    if (extra !== undefined) {
      throw new QuerySyntaxError('unbalanced_parenthesis', extra.position, 'Remove this unexpected token.');
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private parseOr(scope: SearchField): QueryNode {
    const parts = [this.parseAnd(scope)];
    for (let op = this.peek(); op?.type === 'or'; op = this.peek()) {
      this.index += 1;
      this.requireOperand(op, 'OR');
      parts.push(this.parseAnd(scope));
    }
    return combine('or', parts);
  }

  private parseAnd(scope: SearchField): QueryNode {
    const parts = [this.parseUnary(scope)];
    for (;;) {
      const next = this.peek();
      if (next?.type === 'and') {
        this.index += 1;
        this.requireOperand(next, 'AND');
      } else if (!startsOperand(next)) {
        break;
      }
      parts.push(this.parseUnary(scope));
    }
    return combine('and', parts);
  }

  private requireOperand(op: Token, name: string): void {
    if (!startsOperand(this.peek())) {
      throw new QuerySyntaxError(
        'dangling_operator',
        op.position,
        `${name} needs a term after it; add one or remove ${name}.`,
      );
    }
  }

  // NOT and scopes are consumed in a loop, not by recursion, so `NOT NOT NOT ...` can't blow the stack.
  private parseUnary(scope: SearchField): QueryNode {
    let negations = 0;
    let field = scope;
    let last: Token | undefined;
    for (;;) {
      const t = this.peek();
      if (t?.type === 'not') negations += 1;
      else if (t?.type === 'field') field = t.field;
      else break;
      last = t;
      this.index += 1;
    }
    let node = this.parsePrimary(field, last);
    for (let n = 0; n < negations; n += 1) node = negate(node);
    return node;
  }

  private parsePrimary(field: SearchField, prefix: Token | undefined): QueryNode {
    const token = this.peek();
    if (token?.type === 'term') {
      this.index += 1;
      return {
        kind: 'term',
        field,
        value: token.tokens.join(' '),
        phrase: token.tokens.length > 1,
        prefix: token.prefix,
        raw: token.raw,
        position: token.position,
      };
    }
    if (token?.type === 'lparen') {
      if (this.tokens[this.index + 1]?.type === 'rparen') {
        throw new QuerySyntaxError(
          'empty_group',
          token.position,
          'Put a term inside the parentheses, or remove them.',
        );
      }
      this.index += 1;
      const inner = this.parseOr(field);
      const close = this.peek();
      if (close?.type !== 'rparen') {
        throw new QuerySyntaxError(
          'unbalanced_parenthesis',
          token.position,
          `Close the parenthesis opened at position ${token.position}.`,
        );
      }
      this.index += 1;
      return inner;
    }
    if (prefix?.type === 'not') {
      throw new QuerySyntaxError(
        'dangling_operator',
        prefix.position,
        'NOT needs the term to exclude after it; add one or remove NOT.',
      );
    }
    if (prefix?.type === 'field') {
      throw new QuerySyntaxError(
        'dangling_operator',
        prefix.position,
        `${prefix.raw} needs a word, a "phrase" or a (group) right after it.`,
      );
    }
    if (token?.type === 'and' || token?.type === 'or') {
      const name = token.type.toUpperCase();
      throw new QuerySyntaxError(
        'dangling_operator',
        token.position,
        `${name} needs a term before it; add one or remove ${name}.`,
      );
    }
    const position = token?.position ?? 0;
    throw new QuerySyntaxError('dangling_operator', position, 'Expected a term here.');
  }
}

/**
 * Parses a Boolean search query into an AST, or throws a QuerySyntaxError saying where and why.
 * @example
 * formatQuery(parseQuery('title:("portfolio manager" OR quant) AND skill:python NOT company:citadel'));
 * // '(title:"portfolio manager" OR title:quant) AND skill:python AND NOT company:citadel'
 */
export function parseQuery(input: string): QueryNode {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(
      'query_too_long',
      MAX_QUERY_LENGTH,
      `Shorten the query to at most ${MAX_QUERY_LENGTH} characters; it has ${input.length}.`,
    );
  }
  const tokens = tokenize(input);
  if (tokens.length === 0) {
    throw new QuerySyntaxError('empty_query', 0, 'Type at least one word to search for.');
  }
  return new Parser(tokens).parse();
}

// --- printing ----------------------------------------------------------------------------------

function formatTerm(term: TermNode): string {
  // Re-normalizing makes hand-built terms printable too; for parser output it is the identity.
  const tokens = normalizeText(term.value);
  const text = tokens.join(' ') + (term.prefix ? '*' : '');
  const scope = term.field === 'any' ? '' : `${term.field}:`;
  return scope + (tokens.length === 1 ? text : `"${text}"`);
}

function formatOperand(node: QueryNode): string {
  return node.kind === 'and' || node.kind === 'or' ? `(${formatQuery(node)})` : formatQuery(node);
}

/**
 * Prints an AST as a canonical query: normalized terms, each with its own scope, and explicit
 * parentheses around every nested AND/OR. `parseQuery(formatQuery(ast))` equals `ast` except for
 * `position` and `raw`, so two queries mean the same thing when their canonical forms are equal.
 * @example
 * formatQuery(parseQuery('Python OR Java AND "C++"')); // 'python OR (java AND c++)'
 */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return formatTerm(node);
    case 'not':
      return `NOT ${formatOperand(node.child)}`;
    case 'and':
      return node.children.map(formatOperand).join(' AND ');
    case 'or':
      return node.children.map(formatOperand).join(' OR ');
  }
}

// --- terms -------------------------------------------------------------------------------------

/**
 * The positive terms of a query (under an even number of NOTs), grouped by field in query order,
 * without duplicates: what to highlight in a result and what a saved-search alert looks for.
 * @example
 * const terms = queryTerms(parseQuery('skill:python* NOT (java OR NOT scala)'));
 * terms.skill.map((t) => t.value); // ['python']
 * terms.any.map((t) => t.value); // ['scala']
 */
export function queryTerms(node: QueryNode): Record<SearchField, TermNode[]> {
  const out = Object.fromEntries(SEARCH_FIELDS.map((f) => [f, [] as TermNode[]])) as Record<
    SearchField,
    TermNode[]
  >;
  const seen = new Set<string>();
  const visit = (n: QueryNode, negated: boolean): void => {
    switch (n.kind) {
      case 'term': {
        const key = `${n.field}\u0000${n.value}\u0000${n.prefix}`;
        if (!negated && !seen.has(key)) {
          seen.add(key);
          out[n.field].push(n);
        }
        return;
      }
      case 'not':
        return visit(n.child, !negated);
      case 'and':
      case 'or':
        for (const child of n.children) visit(child, negated);
    }
  };
  visit(node, false);
  return out;
}

// --- evaluation --------------------------------------------------------------------------------

function containsSequence(words: string[], wanted: string[], prefix: boolean): boolean {
  const last = wanted.length - 1;
  for (let start = 0; start + wanted.length <= words.length; start += 1) {
    let ok = true;
    for (let k = 0; k <= last && ok; k += 1) {
      const word = words[start + k] ?? '';
      const want = wanted[k] ?? '';
      ok = k === last && prefix ? word.startsWith(want) : word === want;
    }
    if (ok) return true;
  }
  return false;
}

/**
 * Evaluates a query against one document, with the semantics the SQL search must reproduce: a term
 * matches when its tokens occur consecutively (the last one as a word prefix when `prefix`) within
 * one line of its field's text, both sides tokenized by `normalizeText`; `any` uses `doc.any`.
 * @example
 * const doc = profileSearchDocument(profile);
 * matchesProfile(parseQuery('skill:python NOT company:citadel'), doc); // true or false
 */
export function matchesProfile(node: QueryNode, doc: SearchDocument): boolean {
  const lines = new Map<SearchField, string[][]>();
  const linesOf = (field: SearchField): string[][] => {
    let cached = lines.get(field);
    if (cached === undefined) {
      cached = doc[field].split(FIELD_VALUE_SEPARATOR).map(normalizeText);
      lines.set(field, cached);
    }
    return cached;
  };
  const evaluate = (n: QueryNode): boolean => {
    switch (n.kind) {
      case 'term': {
        const wanted = normalizeText(n.value);
        return (
          wanted.length > 0 && linesOf(n.field).some((words) => containsSequence(words, wanted, n.prefix))
        );
      }
      case 'not':
        return !evaluate(n.child);
      case 'and':
        return n.children.every(evaluate);
      case 'or':
        return n.children.some(evaluate);
    }
  };
  return evaluate(node);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

const countryNames = new Map<string, string>();
function countryName(code: string): string {
  let name = countryNames.get(code);
  if (name === undefined) {
    name = lookUpCountryName(code);
    if (countryNames.size < 1000) countryNames.set(code, name);
  }
  return name;
}

function lookUpCountryName(code: string): string {
  if (!/^[A-Za-z]{2}$/.test(code)) return '';
  try {
    const name = regionNames.of(code.toUpperCase()) ?? '';
    return name.toUpperCase() === code.toUpperCase() ? '' : name;
  } catch {
    return '';
  }
}

/**
 * The searchable values of a profile by field, blank ones left out. `title`/`company` hold current
 * and past positions, `skill` skills and platforms, `location` city, region, country code and its
 * English name (so `location:germany` finds "DE"). `any` holds all of that plus name, headline,
 * summary, position descriptions, degrees and fields of study, projects and publications.
 * @example
 * profileSearchValues(profile).skill; // ['Python', 'Risk Management', 'Bloomberg']
 */
export function profileSearchValues(profile: MemberProfile): Record<SearchField, string[]> {
  const present = (values: readonly (string | undefined)[]): string[] =>
    values.filter((v): v is string => v !== undefined && v.trim() !== '');
  const { location: loc } = profile;
  const fields: Record<ScopedField, string[]> = {
    title: profile.positions.map((p) => p.title),
    company: profile.positions.map((p) => p.company),
    skill: [...profile.skills, ...profile.platforms],
    school: profile.education.map((e) => e.school),
    location: [loc.city, loc.region, loc.country, countryName(loc.country)],
    industry: [profile.industry],
    language: profile.languages,
  };
  const any = [
    `${profile.firstName} ${profile.lastName}`,
    profile.headline,
    profile.summary,
    ...SCOPED_FIELDS.flatMap((f) => fields[f]),
    ...profile.positions.map((p) => p.description),
    ...profile.education.flatMap((e) => [e.degree, e.field]),
    ...profile.projects.flatMap((p) => [p.name, p.description]),
    ...profile.publications,
  ];
  return {
    any: present(any),
    title: present(fields.title),
    company: present(fields.company),
    skill: present(fields.skill),
    school: present(fields.school),
    location: present(fields.location),
    industry: present(fields.industry),
    language: present(fields.language),
  };
}

/**
 * The searchable text of a profile: `profileSearchValues`, one value per line.
 * @example
 * profileSearchDocument(profile).skill; // 'Python\nRisk Management\nBloomberg'
 */
export function profileSearchDocument(profile: MemberProfile): SearchDocument {
  const values = profileSearchValues(profile);
  const doc = {} as SearchDocument;
  for (const field of Object.keys(values) as SearchField[])
    doc[field] = values[field].join(FIELD_VALUE_SEPARATOR);
  return doc;
}
