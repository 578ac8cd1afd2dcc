/**
 * The dashboard on the seed's data: fills an in-memory store with the seed's history
 * and serves it on http://127.0.0.1:3000/ (PORT to change it).
 * Run: `pnpm start` in this folder.
 */
import { memoryDriver, openStore } from '@rectify/core';
import { buildSeedStore, SEED_SCOPE } from '@rectify/example-xiangqiao/src/history.js';
import { dashboardServer } from './app.js';

const store = await openStore(memoryDriver());
await buildSeedStore(store);
const port = Number(process.env.PORT ?? 3000);
dashboardServer(store, SEED_SCOPE).listen(port, '127.0.0.1', () => console.log(`dashboard: http://127.0.0.1:${port}/`));
