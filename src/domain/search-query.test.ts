import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import { CORPUS as SEARCH_CORPUS } from '../../test/support/search-corpus-profiles.ts';
import {
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  QUERY_ERROR_CODES,
  QuerySyntaxError,
  SEARCH_FIELDS,
  formatQuery,
  matchesProfile,
  normalizeText,
  parseQuery,
  profileSearchDocument,
  queryTerms,
} from './search-query.ts';
import type { QueryErrorCode, QueryNode, SearchDocument, SearchField } from './search-query.ts';

// --- helpers -----------------------------------------------------------------------------------

type Stripped =
  | { kind: 'term'; field: SearchField; value: string; phrase: boolean; prefix: boolean }
  | { kind: 'and' | 'or'; children: Stripped[] }
  | { kind: 'not'; child: Stripped };

/** The AST without source information (position, raw): what a round trip must preserve. */
function strip(node: QueryNode): Stripped {
  switch (node.kind) {
    case 'term':
      return { kind: 'term', field: node.field, value: node.value, phrase: node.phrase, prefix: node.prefix };
    case 'not':
      return { kind: 'not', child: strip(node.child) };
    default:
      return { kind: node.kind, children: node.children.map(strip) };
  }
}

/** What the parser should make of an arbitrary AST: flattened AND/OR, no double NOT, normalized terms. */
function canonical(node: QueryNode): Stripped {
  switch (node.kind) {
    case 'term': {
      const tokens = normalizeText(node.value);
      return {
        kind: 'term',
        field: node.field,
        value: tokens.join(' '),
        phrase: tokens.length > 1,
        prefix: node.prefix,
      };
    }
    case 'not': {
      const child = canonical(node.child);
      return child.kind === 'not' ? child.child : { kind: 'not', child };
    }
    default: {
      const kind = node.kind;
      const children = node.children
        .map(canonical)
        .flatMap((c) => (c.kind === kind ? (c as { children: Stripped[] }).children : [c]));
      return { kind, children };
    }
  }
}

function expectError(input: string, code: QueryErrorCode, position: number): QuerySyntaxError {
  try {
    parseQuery(input);
  } catch (error) {
    assert.ok(error instanceof QuerySyntaxError, `expected QuerySyntaxError, got ${String(error)}`);
    assert.equal(error.code, code, `code for ${JSON.stringify(input)}: ${error.message}`);
    assert.equal(error.position, position, `position for ${JSON.stringify(input)}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code} for ${JSON.stringify(input)}`);
}

const canon = (query: string): string => formatQuery(parseQuery(query));

// --- corpus ------------------------------------------------------------------------------------

// The first eight profiles of the search tests' corpus (the last two only matter to the SQL filters).
const CORPUS = SEARCH_CORPUS.slice(0, 8);

const DOCS: [string, SearchDocument][] = CORPUS.map((p) => [p.id, profileSearchDocument(p)]);

function search(query: string): string[] {
  const ast = parseQuery(query);
  return DOCS.filter(([, doc]) => matchesProfile(ast, doc)).map(([id]) => id);
}

// --- normalizeText -----------------------------------------------------------------------------

describe('normalizeText', () => {
  const cases: [string, string[]][] = [
    ['Python', ['python']],
    ['C++, C#, .NET and F#.', ['c++', 'c#', '.net', 'and', 'f#']],
    ['node.js / Node.JS', ['node.js', 'node.js']],
    ['E-commerce; e‑commerce', ['e-commerce', 'e-commerce']],
    ["O'Brien O’Brien", ["o'brien", "o'brien"]],
    ['Zürich École Île-de-France', ['zurich', 'ecole', 'ile-de-france']],
    ['Straße Øresund Łódź', ['strasse', 'oresund', 'lodz']],
    ['AT&T R&D Tom & Jerry', ['at&t', 'r&d', 'tom', 'jerry']],
    ['CI/CD, 12:30, v2.5', ['ci', 'cd', '12', '30', 'v2.5']],
    ['  -- *** ()  ', []],
    ['I know Python. Java-', ['i', 'know', 'python', 'java']],
    ['ＡＢＣ ﬁnance', ['abc', 'finance']],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected.join(' ')}`, () => {
      assert.deepEqual(normalizeText(input), expected);
    });
  }

  test('is idempotent on its own tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        for (const token of normalizeText(text)) assert.deepEqual(normalizeText(token), [token]);
      }),
      { numRuns: 2000 },
    );
  });

  test('takes its ASCII shortcut without changing a token', () => {
    // The documented steps, spelled out once more: the ASCII fast path must agree with them.
    const reference = (text: string): string[] =>
      text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .match(/\.?[\p{L}\p{N}]+(?:[-.'_&][\p{L}\p{N}]+)*[+#]*/gu) ?? [];
    const ascii = fc.string({
      unit: fc.oneof(
        fc.constantFrom('a', 'Z', '0', '9', '.', '-', "'", '_', '&', '+', '#', ' ', '/', '*', ','),
        fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
      ),
      maxLength: 80,
    });
    fc.assert(
      fc.property(ascii, (text) => assert.deepEqual(normalizeText(text), reference(text))),
      { numRuns: 3000 },
    );
  });
});

// --- parsing: precedence and canonical form ----------------------------------------------------

describe('parseQuery + formatQuery', () => {
  const cases: [string, string][] = [
    // precedence
    ['a OR b AND c', 'a OR (b AND c)'],
    ['a AND b OR c', '(a AND b) OR c'],
    ['a AND b OR c AND d', '(a AND b) OR (c AND d)'],
    ['(a OR b) AND c', '(a OR b) AND c'],
    ['(a OR b) AND (c OR d)', '(a OR b) AND (c OR d)'],
    // implicit AND
    ['a b', 'a AND b'],
    ['a b OR c d', '(a AND b) OR (c AND d)'],
    ['a(b)c', 'a AND b AND c'],
    ['a"b c"d', 'a AND "b c" AND d'],
    // NOT binds tightest
    ['a NOT b', 'a AND NOT b'],
    ['NOT a OR b', 'NOT a OR b'],
    ['NOT a b', 'NOT a AND b'],
    ['NOT (a OR b) c', 'NOT (a OR b) AND c'],
    ['a OR NOT b AND c', 'a OR (NOT b AND c)'],
    ['NOT NOT a', 'a'],
    ['NOT NOT NOT a', 'NOT a'],
    ['NOT (NOT a)', 'a'],
    ['NOT java', 'NOT java'],
    // grouping and flattening
    ['((a))', 'a'],
    ['a AND (b AND c)', 'a AND b AND c'],
    ['a OR (b OR (c OR d))', 'a OR b OR c OR d'],
    ['(a b) (c d)', 'a AND b AND c AND d'],
    // phrases
    ['"portfolio manager"', '"portfolio manager"'],
    ['"Portfolio   Manager"', '"portfolio manager"'],
    ['"Python"', 'python'],
    ['“portfolio manager”', '"portfolio manager"'],
    ['ci/cd', '"ci cd"'],
    ['12:30', '"12 30"'],
    // prefix
    ['Python*', 'python*'],
    ['python**', 'python*'],
    ['"portfolio manag*"', '"portfolio manag*"'],
    ['"python *"', 'python'],
    ['py*thon', '"py thon"'],
    // case rules
    ['Python python PYTHON', 'python AND python AND python'],
    ['a and b', 'a AND and AND b'],
    ['a or b', 'a AND or AND b'],
    ['Not a', 'not AND a'],
    ['AND1 ORacle', 'and1 AND oracle'],
    // terms that must survive
    ["c++ c# .net node.js e-commerce o'brien", "c++ AND c# AND .net AND node.js AND e-commerce AND o'brien"],
    ['Café', 'cafe'],
    ['python - java', 'python AND java'],
    // field scopes
    [
      'title:("portfolio manager" OR quant) AND skill:python NOT company:citadel',
      '(title:"portfolio manager" OR title:quant) AND skill:python AND NOT company:citadel',
    ],
    ['TITLE:pm Skill:Python', 'title:pm AND skill:python'],
    ['title: python', 'title:python'],
    ['skill:"c++"', 'skill:c++'],
    ['title:(a OR skill:b)', 'title:a OR skill:b'],
    ['title:(a (b OR school:(c OR location:d)))', 'title:a AND (title:b OR school:c OR location:d)'],
    ['title:skill:python', 'skill:python'],
    ['title:NOT intern', 'NOT title:intern'],
    ['NOT title:(intern OR junior)', 'NOT (title:intern OR title:junior)'],
    [
      'language:(german OR "swiss german") industry:banking',
      '(language:german OR language:"swiss german") AND industry:banking',
    ],
  ];
  for (const [input, expected] of cases) {
    test(`${input}  =>  ${expected}`, () => {
      assert.equal(canon(input), expected);
    });
  }

  test('a term keeps its raw text and position for highlighting', () => {
    assert.deepEqual(parseQuery('Title:"Portfolio Manager" OR Python*'), {
      kind: 'or',
      children: [
        {
          kind: 'term',
          field: 'title',
          value: 'portfolio manager',
          phrase: true,
          prefix: false,
          raw: '"Portfolio Manager"',
          position: 6,
        },
        {
          kind: 'term',
          field: 'any',
          value: 'python',
          phrase: false,
          prefix: true,
          raw: 'Python*',
          position: 29,
        },
      ],
    });
  });

  test('NOT-only queries are allowed', () => {
    assert.deepEqual(strip(parseQuery('NOT java')), {
      kind: 'not',
      child: { kind: 'term', field: 'any', value: 'java', phrase: false, prefix: false },
    });
  });

  test('the limits are accepted exactly at the bound', () => {
    assert.doesNotThrow(() => parseQuery('a'.repeat(MAX_QUERY_LENGTH)));
    assert.doesNotThrow(() => parseQuery('('.repeat(MAX_QUERY_DEPTH) + 'a' + ')'.repeat(MAX_QUERY_DEPTH)));
    assert.doesNotThrow(() => parseQuery('a '.repeat(MAX_QUERY_TERMS)));
    assert.doesNotThrow(() => parseQuery('"a b c" '.repeat(MAX_QUERY_TERMS)));
    assert.equal(canon('NOT '.repeat(200) + 'a'), 'a');
  });

  test('the constants are the documented bounds', () => {
    assert.deepEqual([MAX_QUERY_LENGTH, MAX_QUERY_DEPTH, MAX_QUERY_TERMS], [1000, 10, 100]);
  });
});

// --- errors ------------------------------------------------------------------------------------

describe('syntax errors', () => {
  const cases: [string, QueryErrorCode, number][] = [
    ['(python', 'unbalanced_parenthesis', 0],
    ['a (b (c) d', 'unbalanced_parenthesis', 2],
    ['a (b (c d', 'unbalanced_parenthesis', 5],
    ['python)', 'unbalanced_parenthesis', 6],
    ['a) (b', 'unbalanced_parenthesis', 1],
    ['skill:)', 'unbalanced_parenthesis', 6],
    ['title:"portfolio manager', 'unterminated_quote', 6],
    ['a "b" "c', 'unterminated_quote', 6],
    ['“open', 'unterminated_quote', 0],
    ['a AND', 'dangling_operator', 2],
    ['AND a', 'dangling_operator', 0],
    ['OR', 'dangling_operator', 0],
    ['a OR OR b', 'dangling_operator', 2],
    ['a AND OR b', 'dangling_operator', 2],
    ['(a OR) b', 'dangling_operator', 3],
    ['(AND a)', 'dangling_operator', 1],
    ['a NOT', 'dangling_operator', 2],
    ['NOT NOT', 'dangling_operator', 4],
    ['title:', 'dangling_operator', 0],
    ['a skill:  ', 'dangling_operator', 2],
    ['(skill:)', 'dangling_operator', 1],
    ['title:AND x', 'dangling_operator', 0],
    ['()', 'empty_group', 0],
    ['a AND ( )', 'empty_group', 6],
    ['title:()', 'empty_group', 6],
    ['(-)', 'empty_group', 0],
    ['foo:bar', 'unknown_field', 0],
    ['a OR Skils:python', 'unknown_field', 5],
    ['title:foo:bar', 'unknown_field', 6],
    ['', 'empty_query', 0],
    ['   ', 'empty_query', 0],
    ['- & *', 'empty_query', 0],
    ['x'.repeat(MAX_QUERY_LENGTH + 1), 'query_too_long', MAX_QUERY_LENGTH],
    ['('.repeat(MAX_QUERY_DEPTH + 1) + 'a' + ')'.repeat(MAX_QUERY_DEPTH + 1), 'too_deeply_nested', 10],
    ['a (b ' + '('.repeat(MAX_QUERY_DEPTH), 'too_deeply_nested', 14],
    ['a '.repeat(MAX_QUERY_TERMS + 1), 'too_many_terms', 200],
    ['"x y" '.repeat(MAX_QUERY_TERMS) + 'z', 'too_many_terms', 600],
    ['""', 'empty_phrase', 0],
    ['a "  "', 'empty_phrase', 2],
    ['"!!" b', 'empty_phrase', 0],
  ];
  for (const [input, code, position] of cases) {
    const label = input.length > 40 ? `${input.slice(0, 30)}… (${input.length} chars)` : input;
    test(`${JSON.stringify(label)} -> ${code} at ${position}`, () => {
      expectError(input, code, position);
    });
  }

  test('every error code is covered above', () => {
    assert.deepEqual(new Set(cases.map(([, code]) => code)), new Set(QUERY_ERROR_CODES));
  });

  test('hints tell the user what to do', () => {
    assert.equal(
      expectError('skill:python AND (java', 'unbalanced_parenthesis', 17).hint,
      'Close the parenthesis opened at position 17.',
    );
    assert.equal(expectError('"abc', 'unterminated_quote', 0).hint, 'Close the quote opened at position 0.');
    const unknown = expectError('skils:python', 'unknown_field', 0);
    assert.match(
      unknown.hint,
      /^Known fields: title, company, skill, school, location, industry, language\./,
    );
    assert.match(unknown.hint, /Did you mean skill:\?/);
    assert.match(expectError('a AND', 'dangling_operator', 2).hint, /AND needs a term after it/);
    assert.match(expectError('NOT', 'dangling_operator', 0).hint, /NOT needs the term to exclude/);
  });

  test('a QuerySyntaxError is an invalid DomainError carrying position and hint', () => {
    const error = expectError('(a', 'unbalanced_parenthesis', 0);
    assert.ok(error instanceof DomainError);
    assert.equal(error.kind, 'invalid');
    assert.equal(error.name, 'QuerySyntaxError');
    assert.deepEqual(error.details.extra, { position: 0, hint: error.hint });
    assert.equal(
      error.message,
      'Unbalanced parenthesis at position 0. Close the parenthesis opened at position 0.',
    );
  });
});

// --- evaluation against the corpus -------------------------------------------------------------

describe('matchesProfile on the corpus', () => {
  const cases: [string, string[]][] = [
    ['python', ['p1', 'p3', 'p6', 'p7']],
    ['Python', ['p1', 'p3', 'p6', 'p7']],
    ['skill:python', ['p1', 'p3', 'p6', 'p7']],
    ['java', ['p4', 'p7']],
    ['skill:java', ['p4']],
    ['java NOT skill:java', ['p7']],
    ['c++', ['p1']],
    ['c#', ['p2', 'p4']],
    ['c', []],
    ['.net', ['p4']],
    ['net', []],
    ['node.js', ['p2']],
    ['node', []],
    ['e-commerce', ['p2']],
    ["o'brien", ['p2']],
    ['O’Brien', ['p2']],
    ['"portfolio manager"', ['p1']],
    ['"portfolio manag*"', ['p1', 'p5']],
    ['title:"portfolio manager"', ['p1']],
    ['title:portfolio', ['p1', 'p3', 'p6', 'p8']],
    ['title:"manager portfolio"', []],
    ['"manager portfolio"', ['p6']],
    ['manager portfolio', ['p1', 'p6', 'p8']],
    ['title:manager', ['p1', 'p6', 'p8']],
    ['title:manag*', ['p1', 'p6', 'p8']],
    ['quant', []],
    ['quant*', ['p1', 'p3']],
    ['company:citadel', ['p1', 'p3']],
    ['company:"citadel securities"', ['p3']],
    ['skill:python NOT company:citadel', ['p6', 'p7']],
    ['title:("portfolio manager" OR quant*) AND skill:python NOT company:citadel', []],
    ['title:("portfolio manager" OR quant*) AND skill:python NOT company:"citadel securities"', ['p1']],
    ['python OR java AND c#', ['p1', 'p3', 'p4', 'p6', 'p7']],
    ['(python OR java) AND c#', ['p4']],
    ['NOT python', ['p2', 'p4', 'p5', 'p8']],
    ['NOT java NOT python', ['p2', 'p5', 'p8']],
    ['NOT (python OR java)', ['p2', 'p5', 'p8']],
    ['title:NOT manager', ['p2', 'p3', 'p4', 'p5', 'p7']],
    ['title:(recruiter OR skill:python)', ['p1', 'p3', 'p5', 'p6', 'p7']],
    ['title:(software engineer)', ['p2', 'p7']],
    ['title:(senior OR lead) AND NOT company:sony', ['p2']],
    ['location:toronto', ['p2', 'p7']],
    ['location:canada', ['p2', 'p7']],
    ['location:CA', ['p2', 'p7']],
    ['location:"united states"', ['p4', 'p6']],
    ['location:zurich', ['p1']],
    ['school:"École Polytechnique"', ['p3']],
    ['school:ecole', ['p3']],
    ['school:university', ['p2', 'p4', 'p5', 'p6', 'p7', 'p8']],
    ['school:(toronto OR waterloo)', ['p2', 'p7']],
    ['industry:internet', ['p2', 'p5', 'p7']],
    ['industry:"investment management"', ['p1', 'p6']],
    ['language:french', ['p2', 'p3']],
    ['language:(german OR japanese)', ['p1', 'p8']],
    ['language:english NOT language:french', ['p1', 'p4', 'p5', 'p6', 'p7', 'p8']],
    ['skill:bloomberg OR skill:factset', ['p1', 'p3', 'p6']],
    ['skill:(bloomberg factset)', ['p1']],
    ['shopify', ['p2', 'p7']],
    ['company:shopify title:"data scientist"', ['p7']],
    ['"machine learning"', ['p7']],
    ['learn*', ['p7']],
    ['recruit*', ['p5']],
    ['and', ['p1', 'p4', 'p5', 'p6', 'p7']],
    ['"factor timing"', ['p1']],
    ['checkout', ['p2']],
    ['finance', ['p6']],
    ['financ*', ['p1', 'p3', 'p6']],
    ['"ana muller"', ['p1']],
    ['engineer*', ['p1', 'p2', 'p5', 'p7']],
    ['stat*', ['p3', 'p4', 'p6', 'p7']], // p4, p6: "United States" from the country code
    ['"risk management"', ['p1', 'p6']],
    ['skill:aws', ['p2', 'p7']],
    ['company:sony title:portfolio', ['p8']],
  ];
  for (const [query, expected] of cases) {
    test(`${query}  ->  [${expected.join(', ')}]`, () => {
      assert.deepEqual(search(query), expected);
    });
  }

  test('a hand-built AST is normalized before matching', () => {
    const doc = DOCS[0]?.[1];
    assert.ok(doc);
    const node: QueryNode = {
      kind: 'term',
      field: 'title',
      value: 'Portfolio  MANAGER',
      phrase: true,
      prefix: false,
      raw: '',
      position: 0,
    };
    assert.equal(matchesProfile(node, doc), true);
    assert.equal(matchesProfile({ kind: 'and', children: [] }, doc), true);
    assert.equal(matchesProfile({ kind: 'or', children: [] }, doc), false);
  });
});

describe('profileSearchDocument', () => {
  test('puts each value on its own line and expands the country code', () => {
    const [ana] = CORPUS;
    assert.ok(ana);
    const doc = profileSearchDocument(ana);
    assert.equal(doc.title, 'Portfolio Manager\nQuantitative Analyst');
    assert.equal(doc.company, 'Citadel\nTwo Sigma');
    assert.equal(doc.skill, 'Python\nC++\nRisk Management\nBloomberg\nFactSet');
    assert.equal(doc.school, 'ETH Zürich');
    assert.equal(doc.location, 'Zürich\nZürich\nCH\nSwitzerland');
    assert.equal(doc.industry, 'Investment Management');
    assert.equal(doc.language, 'German\nEnglish');
    for (const line of ['Ana Müller', 'Built factor models in Python and C++.', 'Financial Engineering']) {
      assert.ok(doc.any.split('\n').includes(line), line);
    }
  });

  test('`any` contains every scoped field', () => {
    for (const [, doc] of DOCS) {
      const anyLines = new Set(doc.any.split('\n'));
      for (const field of SEARCH_FIELDS) {
        for (const line of doc[field].split('\n')) assert.ok(anyLines.has(line), `${field}: ${line}`);
      }
    }
  });
});

// --- queryTerms --------------------------------------------------------------------------------

describe('queryTerms', () => {
  const values = (query: string): Partial<Record<SearchField, string[]>> => {
    const terms = queryTerms(parseQuery(query));
    return Object.fromEntries(
      Object.entries(terms)
        .filter(([, list]) => list.length > 0)
        .map(([field, list]) => [field, list.map((t) => t.value + (t.prefix ? '*' : ''))]),
    );
  };

  test('lists positive terms per field, skipping negated ones', () => {
    assert.deepEqual(values('title:("portfolio manager" OR quant*) AND skill:python NOT company:citadel'), {
      title: ['portfolio manager', 'quant*'],
      skill: ['python'],
    });
  });

  test('a doubly negated term is positive', () => {
    assert.deepEqual(values('python NOT (java OR NOT scala)'), { any: ['python', 'scala'] });
  });

  test('duplicates are listed once, in query order', () => {
    assert.deepEqual(values('Python OR python OR java OR skill:python'), {
      any: ['python', 'java'],
      skill: ['python'],
    });
  });

  test('a NOT-only query has no positive terms but every field is present', () => {
    const terms = queryTerms(parseQuery('NOT java'));
    assert.deepEqual(Object.keys(terms).sort(), [...SEARCH_FIELDS].sort());
    assert.ok(Object.values(terms).every((list) => list.length === 0));
  });

  test('terms keep raw and position for highlighting', () => {
    const [term] = queryTerms(parseQuery('NOT java C++')).any;
    assert.equal(term?.raw, 'C++');
    assert.equal(term?.position, 9);
  });
});

// --- properties --------------------------------------------------------------------------------

const VOCABULARY = [
  'python',
  'Java',
  'c++',
  'c#',
  '.net',
  'node.js',
  'e-commerce',
  "o'brien",
  'python*',
  'manag*',
  'and',
  'or',
  'not',
  'AND',
  'OR',
  'NOT',
  '(',
  ')',
  '"',
  '“',
  '"portfolio manager"',
  '""',
  'title:',
  'Skill:',
  'company:',
  'foo:',
  '*',
  '-',
  ':',
  'ci/cd',
  'Zürich',
];

const tokenSequence = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom('', ' ', '  ', '\t')), { maxLength: 30 })
  .map((parts) => parts.map(([word, space]) => word + space).join(''));

const syntaxChars = fc.string({
  unit: fc.constantFrom(
    'a',
    'b',
    ' ',
    '(',
    ')',
    '"',
    '*',
    ':',
    'A',
    'N',
    'D',
    'O',
    'R',
    'T',
    '-',
    'é',
    't',
    'i',
  ),
  maxLength: 60,
});

/** Parses, and checks every invariant of a success or of a failure. */
function checkInput(input: string): void {
  let ast: QueryNode;
  try {
    ast = parseQuery(input);
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    assert.ok(QUERY_ERROR_CODES.includes(error.code));
    assert.ok(error.position >= 0 && error.position <= input.length, `position ${error.position}`);
    assert.ok(error.hint.length > 0);
    return;
  }
  const text = formatQuery(ast);
  const again = parseQuery(text);
  assert.deepEqual(strip(again), strip(ast), `round trip of ${JSON.stringify(input)} via ${text}`);
  assert.equal(formatQuery(again), text);
  const visit = (n: QueryNode): void => {
    if (n.kind === 'term') {
      assert.equal(input.slice(n.position, n.position + n.raw.length), n.raw);
      assert.ok(n.value.length > 0);
    } else if (n.kind === 'not') {
      assert.notEqual(n.child.kind, 'not');
      visit(n.child);
    } else {
      assert.ok(n.children.length >= 2);
      for (const child of n.children) {
        assert.notEqual(child.kind, n.kind);
        visit(child);
      }
    }
  };
  visit(ast);
}

describe('properties', () => {
  test('random strings parse or throw QuerySyntaxError, never anything else', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), checkInput), { numRuns: 2000 });
  });

  test('strings of syntax characters parse or throw QuerySyntaxError', () => {
    fc.assert(fc.property(syntaxChars, checkInput), { numRuns: 3000 });
  });

  test('random token sequences parse or throw QuerySyntaxError, and valid ones round-trip', () => {
    fc.assert(fc.property(tokenSequence, checkInput), { numRuns: 3000 });
  });

  test('nested token sequences with balanced parentheses mostly parse, and round-trip', () => {
    const atom = fc.constantFrom(
      ...VOCABULARY.filter((w) => !['(', ')', '"', '“', '""', 'foo:', ':'].includes(w)),
    );
    const { sequence } = fc.letrec<{ sequence: string }>((tie) => ({
      sequence: fc
        .array(
          fc.oneof(
            { maxDepth: 5, depthIdentifier: 'parens' },
            atom,
            atom,
            tie('sequence').map((inner) => `(${inner})`),
          ),
          { minLength: 1, maxLength: 6 },
        )
        .map((parts) => parts.join(' ')),
    }));
    fc.assert(fc.property(sequence, checkInput), { numRuns: 3000 });
    // Guards the generator itself: most of these inputs must reach the round-trip checks.
    let parsed = 0;
    for (const input of fc.sample(sequence, { numRuns: 500, seed: 42 })) {
      try {
        parseQuery(input);
        parsed += 1;
      } catch {
        // counted as a failure to parse
      }
    }
    assert.ok(parsed > 200, `only ${parsed} of 500 parsed`);
  });

  test('formatting any AST and parsing it back gives the canonical AST with the same matches', () => {
    const word = fc.constantFrom(
      'python',
      'c++',
      '.net',
      'node.js',
      'portfolio',
      'manager',
      "o'brien",
      'and',
      'or',
      'not',
      'title',
      'e-commerce',
      'toronto',
      'java',
      '42',
    );
    const term = fc
      .record({
        field: fc.constantFrom(...SEARCH_FIELDS),
        words: fc.array(word, { minLength: 1, maxLength: 3 }),
        prefix: fc.boolean(),
      })
      .map(({ field, words, prefix }): QueryNode => ({
        kind: 'term',
        field,
        value: words.join(' '),
        phrase: words.length > 1,
        prefix,
        raw: '',
        position: 0,
      }));
    const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
      node: fc.oneof(
        { maxDepth: 4, depthIdentifier: 'ast' },
        term,
        fc
          .array(tie('node'), { minLength: 2, maxLength: 3 })
          .map((children): QueryNode => ({ kind: 'and', children })),
        fc
          .array(tie('node'), { minLength: 2, maxLength: 3 })
          .map((children): QueryNode => ({ kind: 'or', children })),
        tie('node').map((child): QueryNode => ({ kind: 'not', child })),
      ),
    }));
    fc.assert(
      fc.property(node, (ast) => {
        const parsed = parseQuery(formatQuery(ast));
        assert.deepEqual(strip(parsed), canonical(ast));
        for (const [, doc] of DOCS) assert.equal(matchesProfile(parsed, doc), matchesProfile(ast, doc));
      }),
      { numRuns: 1000 },
    );
  });
});
