/**
 * `@rectify/http`: a JSON API over a rectify store, as one request handler on the Fetch
 * API (`(request: Request) => Promise<Response>`), with its OpenAPI 3.1 document. Mount it
 * in node:http (`nodeListener`) or any framework that speaks Fetch (Hono, Deno, Bun).
 *
 * @packageDocumentation
 */
export { createRectifyHandler, type FetchHandler, type RectifyHandlerOptions } from './handler.js';
export { nodeListener } from './node.js';
export { HTTP_STATUS, HttpError, problemResponse, statusOf, type Problem } from './errors.js';
export { commandDraftSchema, openApiDocument } from './openapi.js';
export { DEFAULT_UPLOAD_ROLES, etagOf, routes, type HttpReportFormat, type Route, type RouteContext, type RouteOptions, type RouteResponse } from './routes.js';
export type { Access, HttpActor } from './access.js';
export { accessTo } from './access.js';
