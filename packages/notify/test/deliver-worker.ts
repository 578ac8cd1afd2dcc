// A deliverer in a process of its own, for the kill trials: delivers an organisation's
// outbox from a SQLite file to a webhook, then exits. Run with tsx.
import { openStore } from '@rectify/core';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { deliverOutbox, webhookChannel } from '../src/index.js';

const { file, url, secret, organisationId } = JSON.parse(process.argv[2]!) as { file: string; url: string; secret: string; organisationId: string };
const store = await openStore(sqliteDriver(file));
// Lease 0: a run killed a moment ago is not waited for (one deliverer at a time here).
const report = await deliverOutbox(store, { organisationId, channels: [webhookChannel({ url, secret })], leaseSeconds: 0, batch: 5 });
await store.close();
process.stdout.write(JSON.stringify({ sent: report.sent.length, failed: report.failed.length, dead: report.dead.length }));
