import { z } from 'zod';
import { jsonSchema } from '@rectify/core';
import { HTTP_STATUS } from './errors.js';
import type { Route } from './routes.js';

/**
 * The JSON Schema of a command as the API takes it: rectify's command schema, generated
 * from its zod schema, without what the server fills in (who acts, and when) and with the
 * command id optional (one is made when none is sent).
 */
export function commandDraftSchema(): Record<string, unknown> {
  const { $schema: _s, ...schema } = jsonSchema('command') as { $schema?: string; oneOf: Record<string, unknown>[] };
  const variants = (schema.oneOf ?? []).map((variant) => {
    const { properties = {}, required = [], ...rest } = variant as { properties?: Record<string, unknown>; required?: string[] };
    const { actorId: _a, at: _t, ...kept } = properties;
    return { ...rest, properties: kept, required: required.filter((k) => k !== 'actorId' && k !== 'at' && k !== 'commandId') };
  });
  return { ...schema, oneOf: variants };
}

/** The problem document every error answers with (RFC 9457). */
const PROBLEM = {
  type: 'object',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' },
    code: { type: 'string', description: `rectify's error code; its status is always the same: ${Object.entries(HTTP_STATUS).map(([c, s]) => `${c} ${s}`).join(', ')}` },
    detail: { type: 'string' }, details: { type: 'object' },
  },
  required: ['type', 'title', 'status', 'code', 'detail'],
};

/** A query schema's fields as OpenAPI parameters. */
function parametersOf(route: Route): Record<string, unknown>[] {
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query === undefined) return path;
  const schema = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const query = Object.entries(schema.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: (schema.required ?? []).includes(name), ...(description === undefined ? {} : { description }), schema: rest };
  });
  return [...path, ...query];
}

/**
 * The OpenAPI 3.1 document of the API, made from the same list of routes the handler
 * dispatches on, with the command's schema generated from rectify's zod schemas.
 */
export function openApiDocument(routes: readonly Route[], options: { formats: readonly string[] }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const content = r.schema === undefined && r.contentType === undefined ? undefined : { [r.contentType ?? 'application/json']: r.schema === undefined ? {} : { schema: r.schema } };
      responses[status] = { description: r.description, ...(content === undefined ? {} : { content }) };
    }
    responses['default'] = { description: 'An error, as a problem document', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const body = route.body === undefined ? undefined
      : route.body.kind === 'json'
        ? { required: true, description: route.body.description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Command' } } } }
        : { required: true, description: route.body.description, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
    const parameters = parametersOf(route);
    if (route.method === 'POST' && route.path.endsWith('/commands')) {
      parameters.push({ name: 'If-Match', in: 'header', required: false, description: 'The ETag of the finding as last read ("7"): refused with 412 if it has changed since', schema: { type: 'string' } });
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'The command id, when the body has none: a retry with the same key returns the first result', schema: { type: 'string' } });
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body === undefined ? {} : { requestBody: body }),
      responses,
    };
  }
  paths['/openapi.json'] = { get: { operationId: 'getOpenApi', summary: 'This document', tags: ['meta'], security: [], responses: { 200: { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'rectify',
      version: '0.1.0',
      description: `Inspection findings, their rectification (整改) and sign-off (销号). Report formats served: json${options.formats.map((f) => `, ${f}`).join('')}.`,
    },
    security: [{ login: [] }],
    paths,
    components: {
      schemas: { Command: commandDraftSchema(), Problem: PROBLEM },
      securitySchemes: { login: { type: 'http', scheme: 'bearer', description: 'The app\'s own login: the server maps each request to a person (authenticate)' } },
    },
  };
}
