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
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // A function or a symbol has no JSON; an event never holds one.
    if (text === undefined) throw new TypeError(`A ${typeof value} has no canonical JSON`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${members.join(',')}}`;
}
