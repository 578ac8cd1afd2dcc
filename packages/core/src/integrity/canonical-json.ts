/**
 * The canonical JSON of a value: object keys sorted by code unit, no whitespace,
 * `undefined` members left out (as `JSON.stringify` does). Two values that mean the same
 * have the same canonical text whatever order their keys were written in, which is what
 * a hash over them needs: a bundle written by another tool may order keys its own way.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, sortedKeys);
  // A function or a symbol has no JSON; an event never holds one.
  if (text === undefined) throw new TypeError(`A ${typeof value} has no canonical JSON`);
  return text;
}

/**
 * `JSON.stringify`'s replacer: each object with its keys in order. Most objects of an
 * event already are (the schema's order is not sorted, but many small ones are), and
 * are passed on as they are; the others are copied sorted (`fromEntries` keeps a key
 * named `__proto__` as a key).
 */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return value;
  return Object.fromEntries(keys.sort().map((k) => [k, (value as Record<string, unknown>)[k]]));
}
