/** Starts the web app on http://127.0.0.1:8787/ over rectify.db, with one account for trying it. */
import { serve } from '@hono/node-server';
import { openStore } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { account, createApp } from './app.js';

const store = await openStore(sqliteDriver({ filename: process.env['RECTIFY_DB'] ?? 'rectify.db' }));
const app = createApp(store, [account('importer', process.env['RECTIFY_PASSWORD'] ?? 'change-me')]);
serve({ fetch: app.fetch, port: 8787, hostname: '127.0.0.1' }, (info) => console.log(`http://127.0.0.1:${info.port}/`));
