// Arbitraries for property tests that feed hostile or malformed content to the validators and
// renderers of incoming events: anything at all, the right keys with values of the wrong type,
// strings with lone surrogates or of 70,000 characters, deep nesting, `__proto__` keys and the
// numbers that break arithmetic. Test-only: imported by the `*.property.test.ts` files.
import fc from 'fast-check';

/** Runs per property: enough to hit the special values, quick enough for the whole set. */
export const RUNS = 300;

/** Longer than every limit in the app (65,536 for a message body, 60,000 for an event). */
export const LONG_LENGTH = 70_000;

/** fc.assert over one arbitrary with the suite's run count. */
export function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => unknown, numRuns = RUNS): void {
  // Only a throw fails: what an `expect(...)` chain returns is no verdict.
  fc.assert(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    { numRuns }
  );
}

// --- Strings

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD800b', '\uDC00\uD800', 'x\uD83D'];

/** Strings that mean something to a parser, a URL, HTML, a regex or a prototype chain. */
const SPECIAL_STRINGS = [
  '', ' ', '\n', '\r\n', '\t', '\u0000', '\u0085', '\u2028', '\u2029', '\u202E', '\u200B', '\uFEFF',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', '-0', 'null', 'undefined', '{}', '[]',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'data:text/html,x',
  '!', '$', '@', '@a:b', '!room:example.org', '$event:example.org', 'mxc://', 'https://', 'http://localhost',
  '*', '?', '.*', '(a+)+$', '\\', '%', '%00', '../', 'ğİıß', '🏳️‍🌈', 'e\u0301', ...LONE_SURROGATES
];

/** A string of about LONG_LENGTH UTF-16 code units, of one repeated unit. */
export const longString: fc.Arbitrary<string> = fc
  .constantFrom('x', ' ', '\n', '\uD800', '😀', 'é', '<b>', '*a')
  .map((unit) => unit.repeat(Math.ceil(LONG_LENGTH / unit.length)));

/** Any string: random code units, whole code points, graphemes, special values, lone surrogates, very long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme' }), weight: 1 },
  { arbitrary: fc.constantFrom(...SPECIAL_STRINGS), weight: 3 },
  {
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...SPECIAL_STRINGS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join('')),
    weight: 3
  },
  { arbitrary: fc.tuple(fc.string({ unit: 'binary' }), fc.constantFrom(...LONE_SURROGATES)).map(([s, lone]) => s + lone), weight: 1 },
  { arbitrary: longString, weight: 1 }
);

/** A string that looks like one of `examples` with something hostile before, after or instead of it. */
export function nearString(examples: readonly string[]): fc.Arbitrary<string> {
  const example = fc.constantFrom(...examples);
  return fc.oneof(
    example,
    fc.tuple(example, hostileString).map(([e, s]) => e + s),
    fc.tuple(hostileString, example).map(([s, e]) => s + e),
    example.map((e) => e.toUpperCase()),
    hostileString
  );
}

// --- Numbers

const SPECIAL_NUMBERS = [
  NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e308, -1e308, Number.MIN_VALUE, Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 2 ** 31, 2 ** 32, 8.64e15, 8.64e15 + 1, -8.64e15 - 1
];

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...SPECIAL_NUMBERS),
  fc.double(),
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 })
);

// --- Structure

/** Nests `leaf` `depth` times in arrays or single-key objects (built without recursion). */
function nest(leaf: unknown, depth: number, inObjects: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = inObjects ? { a: value } : [value];
  return value;
}

/** Deep nesting in arrays or objects, up to deeper than JSON.stringify's stack allows (a few thousand). */
function deeply(inObjects: boolean): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(10, 100, 1_000, 10_000), fc.constantFrom<unknown>('x', 1, null, {}))
    .map(([depth, leaf]) => nest(leaf, depth, inObjects));
}
const deeplyNested: fc.Arbitrary<unknown> = fc.oneof(deeply(false), deeply(true));

/** Keys that reach into prototypes when code uses plain objects as maps. */
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Sets an own, enumerable property, even `__proto__` (as JSON.parse does, without changing the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// --- Anything

/** Any JavaScript value fast-check can make: boxed values, dates, maps, sparse and typed arrays… */
export const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
  maxDepth: 4
});

const objectWithProtoKeys: fc.Arbitrary<Record<string, unknown>> = fc
  .array(fc.tuple(fc.constantFrom(...PROTO_KEYS), anything), { minLength: 1, maxLength: 4 })
  .map((entries) => {
    const object: Record<string, unknown> = {};
    for (const [key, value] of entries) setOwn(object, key, value);
    return object;
  });

/** Any value at all, weighted towards the ones that break validators. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anything, weight: 4 },
  { arbitrary: hostileString, weight: 2 },
  { arbitrary: hostileNumber, weight: 2 },
  { arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, [], {}, 0n, -1n, Object.create(null)), weight: 1 },
  { arbitrary: deeplyNested, weight: 1 },
  { arbitrary: objectWithProtoKeys, weight: 1 }
);

/** The kind of a value, finer than typeof: null and arrays are kinds of their own. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Hostile values of each kind (undefined aside: a missing key is generated separately). */
const BY_KIND: Record<string, fc.Arbitrary<unknown>> = {
  string: hostileString,
  number: hostileNumber,
  boolean: fc.boolean(),
  null: fc.constant(null),
  bigint: fc.bigInt(),
  array: fc.oneof(fc.array(anything, { maxLength: 4 }), deeply(false), fc.constant([])),
  object: fc.oneof(
    anything.filter((value) => kindOf(value) === 'object'),
    objectWithProtoKeys,
    deeply(true),
    fc.constantFrom<unknown>({}, Object.create(null), new Date(NaN), new Map(), new Set(), new Uint8Array(2), new String('x'), /x/)
  )
};

/** A hostile value of another kind than `example`. */
function otherKindThan(example: unknown): fc.Arbitrary<unknown> {
  const kind = kindOf(example);
  return fc.oneof(...Object.entries(BY_KIND).flatMap(([other, arbitrary]) => (other === kind ? [] : [arbitrary])));
}

/** A hostile value of the same kind as `example`: another string, another number... */
function sameKindAs(example: unknown): fc.Arbitrary<unknown> {
  switch (kindOf(example)) {
    case 'string':
      return hostileString;
    case 'number':
      return hostileNumber;
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant(example);
  }
}

const MISSING = Symbol('missing');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Variants of a valid example: every value, at every depth, is kept, replaced by a hostile value
 * of its own kind (a long string, NaN...), by one of another kind, or left out; objects may gain
 * `__proto__`-like keys and arrays hostile items.
 */
export function mutated(example: unknown, depth = 0): fc.Arbitrary<unknown> {
  const replaced = fc.oneof(sameKindAs(example), otherKindThan(example));
  if (depth > 6) return fc.oneof(fc.constant(example), replaced);
  if (Array.isArray(example)) {
    const items = fc.tuple(...example.map((item) => mutated(item, depth + 1)), fc.array(hostileValue, { maxLength: 2 }));
    const array = items.map((parts) => [...(parts.slice(0, -1) as unknown[]), ...(parts[parts.length - 1] as unknown[])]);
    return fc.oneof({ arbitrary: array, weight: 4 }, { arbitrary: replaced, weight: 1 });
  }
  if (isPlainObject(example)) {
    const keys = Object.keys(example);
    const values = keys.map((key) =>
      fc.oneof(
        { arbitrary: mutated(example[key], depth + 1), weight: 4 },
        { arbitrary: fc.constant<unknown>(MISSING), weight: 1 }
      )
    );
    const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString), hostileValue), { maxLength: 2 });
    const object = fc.tuple(fc.tuple(...values), extra).map(([chosen, added]) => {
      const out: Record<string, unknown> = {};
      keys.forEach((key, i) => chosen[i] !== MISSING && setOwn(out, key, chosen[i]));
      for (const [key, value] of added) if (!keys.includes(key)) setOwn(out, key, value);
      return out;
    });
    return fc.oneof({ arbitrary: object, weight: 4 }, { arbitrary: replaced, weight: 1 });
  }
  return fc.oneof({ arbitrary: fc.constant(example), weight: 2 }, { arbitrary: replaced, weight: 3 });
}

/** The example's keys, every one holding a value of another kind than the example's. */
export function everyFieldWrong(example: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(example);
  return fc.tuple(...keys.map((key) => otherKindThan(example[key]))).map((values) => {
    const out: Record<string, unknown> = {};
    keys.forEach((key, i) => setOwn(out, key, values[i]));
    return out;
  });
}

/** Content for a validator whose valid input looks like `example`: anything, near misses, all-wrong. */
export function hostileContent(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileValue, weight: 1 },
    { arbitrary: mutated(example), weight: 3 },
    { arbitrary: everyFieldWrong(example), weight: 1 },
    { arbitrary: fc.constant<unknown>(example), weight: 1 }
  );
}

/** JSON.stringify that never throws (BigInt, cycles, too deep): such values become `null`. */
export function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

/** Stored text as localStorage may hold it: JSON of hostile content, truncated JSON, or any string, or nothing. */
export function hostileStoredText(example: Record<string, unknown>): fc.Arbitrary<string | null> {
  const json = hostileContent(example).map(jsonOf);
  return fc.oneof(
    { arbitrary: json, weight: 4 },
    { arbitrary: json.map((text) => text.slice(0, Math.floor(text.length / 2))), weight: 1 },
    { arbitrary: hostileString, weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 }
  );
}

// --- Assertions on what came out

/** Lines as a renderer would break them: LF, CR, and the Unicode line and paragraph separators. */
export const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** A string of at most `max` UTF-16 code units (`min` at least). */
export function isBoundedString(value: unknown, max: number, min = 0): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}
