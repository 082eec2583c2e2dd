/**
 * fast-check inputs for an operation of the app's own OpenAPI document: values shaped by each
 * schema (so requests get past validation and into the domain) mixed with hostile ones (NUL,
 * lone surrogates, huge strings, wrong types, out-of-range numbers, nested junk).
 */
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the OpenAPI document spells it
export type JsonSchema = Record<string, any>;

export interface Operation {
  method: string;
  /** The OpenAPI path, `{param}` style. */
  path: string;
  permission: string;
  parameters: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  body: JsonSchema | undefined;
  documented: Set<number>;
}

export interface RequestInput {
  path: string;
  body: string | undefined;
}

const hostileString = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  'x'.repeat(70_000),
  '',
  ' ',
  '\u202Eevil',
  "' or 1=1 --",
  '../../etc/passwd',
  '-1',
  '9'.repeat(40),
  'NaN',
  '2026-02-30T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
);

// Forged keyset cursors: shaped like the API's, holding values SQL would choke on.
const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const forgedCursor = fc.constantFrom(
  '9999999999999999999',
  forged('garbage'),
  forged({ at: '2026-02-30T00:00:00.000000Z', id: SOME_ID }),
  forged({ at: '2026-12-01T10:00:00.000000Z', id: 'x' }),
  forged({ priority: 1e300, openedAt: '2026-12-01T10:00:00.000000Z', id: SOME_ID }),
  forged({ priority: 1, openedAt: 'Tue, 1 Dec 2026 10:00:00 GMT', id: SOME_ID }),
);

const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, -1, 0, 1.5, -(2 ** 31) - 1, 2 ** 53, 1e308, -1e308),
  fc.constantFrom([], {}, [[[[]]]], { a: { b: { c: '\u0000' } } }),
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
);

export function operations(document: JsonSchema): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries<JsonSchema>(document.paths ?? {})) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, operation] of Object.entries<JsonSchema>(methods)) {
      found.push({
        method: method.toUpperCase(),
        path,
        permission: operation['x-permission'],
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
        documented: new Set(Object.keys(operation.responses ?? {}).map(Number)),
      });
    }
  }
  return found;
}

function resolve(schema: JsonSchema, document: JsonSchema): JsonSchema {
  const ref: string | undefined = schema.$ref;
  if (!ref) return schema;
  return resolve(document.components.schemas[ref.replace('#/components/schemas/', '')], document);
}

const YEAR_2000 = new Date('2000-01-01T00:00:00Z');
const YEAR_2100 = new Date('2100-01-01T00:00:00Z');

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time')
    return fc.date({ min: YEAR_2000, max: YEAR_2100, noInvalidDate: true }).map((date) => date.toISOString());
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number = schema.maxLength ?? 200;
  const fits = (text: string) => text.length >= minLength && text.length <= maxLength;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  // Long minimums ask for prose (justifications, reasons): words, not noise.
  if (minLength >= 10)
    return fc
      .lorem({ mode: 'sentences', maxCount: 3 })
      .map((text) => text.padEnd(minLength, '.'))
      .filter(fits);
  return fc.string({ minLength, maxLength: Math.min(maxLength, 40) });
}

function numberFor(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1000;
  if (schema.type !== 'integer') return fc.double({ min, max, noNaN: true });
  // Near the minimum half the time: durations and limits within policy, not only at its edges.
  return fc.oneof(fc.integer({ min, max: Math.min(max, min + 30) }), fc.integer({ min, max }));
}

/**
 * Values the schema describes; when `hostile`, a hostile one in about one place of five. Inputs
 * without hostility reach the domain's own refusals (not found, conflict), not only validation.
 */
export function valueFor(schema: JsonSchema, document: JsonSchema, hostile: boolean, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedBy(schema, document, hostile, depth);
  return hostile ? fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue }) : shaped;
}

function shapedBy(raw: JsonSchema, document: JsonSchema, hostile: boolean, depth: number): fc.Arbitrary<unknown> {
  const schema = resolve(raw, document);
  if (depth > 5) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice: JsonSchema) => shapedBy(choice, document, hostile, depth + 1)));
  if (schema.allOf)
    return shapedBy(
      Object.assign({}, ...schema.allOf.map((s: JsonSchema) => resolve(s, document))),
      document,
      hostile,
      depth,
    );
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
    case 'number':
      return numberFor(schema);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, document, hostile, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const required = new Set<string>(schema.required ?? []);
      const properties = Object.fromEntries(
        Object.entries<JsonSchema>(schema.properties ?? {}).map(([key, value]) => [
          key,
          valueFor(value, document, hostile, depth + 1),
        ]),
      );
      return fc.record(properties, { requiredKeys: [...required].filter((key) => key in properties) });
    }
    default:
      return hostileValue;
  }
}

// A URL cannot carry an unpaired surrogate; the text rule's tests cover those in bodies.
const encode = (value: unknown) => encodeURIComponent(String(value).replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

const json = (value: unknown) => JSON.stringify(value) ?? 'null';

const JUNK_BODIES = fc.constantFrom('{', 'null', '[]', '"text"', '{"a":', '\u0000', '{"__proto__":{"x":1}}');

/** A request for the operation: path parameters, some query parameters, a JSON body or junk. */
export function requestFor(operation: Operation, document: JsonSchema): fc.Arbitrary<RequestInput> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const params = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof(shapedBy(p.schema ?? {}, document, false, 0), hostileString).filter((v) => String(v).length > 0),
      ]),
    ),
  );
  // Well-formed queries, queries with one hostile parameter (the others well-formed, so the
  // hostile one reaches the handler), and queries hostile anywhere.
  const queryWith = (hostileName: string | null, hostileAnywhere: boolean) =>
    fc.record(
      Object.fromEntries(
        queryParams.map((p) => [
          p.name,
          p.name === hostileName
            ? fc.oneof(p.name === 'cursor' ? forgedCursor : hostileString, hostileValue)
            : valueFor(p.schema ?? {}, document, hostileAnywhere),
        ]),
      ),
      { requiredKeys: queryParams.filter((p) => p.required || p.name === hostileName).map((p) => p.name) },
    );
  const query = queryParams.length
    ? fc.oneof(
        queryWith(null, false),
        fc.constantFrom(...queryParams.map((p) => p.name)).chain((name) => queryWith(name, false)),
        queryWith(null, true),
      )
    : fc.constant({});
  const body = operation.body
    ? fc.oneof(
        { weight: 3, arbitrary: valueFor(operation.body, document, false).map(json) },
        { weight: 3, arbitrary: valueFor(operation.body, document, true).map(json) },
        { weight: 1, arbitrary: JUNK_BODIES },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    : fc.constant(undefined);
  return fc.record({ params, query, body }).map(({ params, query, body }) => {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name]));
    const search = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${encode(typeof value === 'object' ? JSON.stringify(value) : value)}`)
      .join('&');
    return { path: search ? `${path}?${search}` : path, body };
  });
}
