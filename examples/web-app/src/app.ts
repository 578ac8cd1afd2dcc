/**
 * A web app on rectify: Hono for the app's own pages and login, and rectify's JSON API
 * mounted under /api. The app decides who is signed in; rectify decides what they may do.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Store } from '@rectify/core';
import { createRectifyHandler, type HttpActor } from '@rectify/http';
import { noticeTextRenderer } from '@rectify/report-notice';

/** One account of the app: the person it is in rectify, and a password kept as a scrypt hash. */
export interface Account {
  personId: string;
  salt: string;
  passwordHash: string;
  /** A supervising office's reader: the organisations they may read without acting in them. */
  oversees?: readonly string[] | 'all';
}

/** An account for a person with a password (the hash is what the app keeps). */
export function account(personId: string, password: string): Account {
  const salt = randomBytes(16).toString('hex');
  return { personId, salt, passwordHash: scryptSync(password, salt, 32).toString('hex') };
}

export function createApp(store: Store, accounts: readonly Account[]): Hono {
  const app = new Hono();
  // Sessions of the app, by token. A real app keeps them in its own store, with expiry.
  const sessions = new Map<string, HttpActor>();

  app.post('/login', async (c) => {
    const { personId, password } = await c.req.json<{ personId?: string; password?: string }>();
    const found = accounts.find((a) => a.personId === personId);
    const given = scryptSync(String(password ?? ''), found?.salt ?? 'none', 32);
    if (found === undefined || !timingSafeEqual(given, Buffer.from(found.passwordHash, 'hex'))) return c.json({ error: 'wrong person or password' }, 401);
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, { personId: found.personId, ...(found.oversees === undefined ? {} : { oversees: found.oversees }) });
    return c.json({ token });
  });

  // rectify's API: every route, with the app's login as its `authenticate`.
  const api = createRectifyHandler({
    store,
    basePath: '/api',
    authenticate: (request) => sessions.get((request.headers.get('authorization') ?? '').replace(/^Bearer /, '')) ?? null,
    formats: { notice: { renderer: noticeTextRenderer, internal: false } },
  });
  app.all('/api/*', (c) => api(c.req.raw));

  app.get('/', (c) => c.text('整改台账 · rectify: POST /login, then /api/openapi.json'));
  return app;
}
