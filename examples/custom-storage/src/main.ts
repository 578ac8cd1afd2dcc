/**
 * Opens a store on the JSON-file driver and takes one finding through a few commands.
 * Run: `pnpm start` in this folder.
 */
import { rmSync } from 'node:fs';
import { openStore } from '@rectify/core';
import { jsonFileDriver } from './json-file-driver.js';

const file = 'out-store.json';
rmSync(file, { force: true });
const store = await openStore(jsonFileDriver(file));
await store.saveOrganisation({ id: 'acme', name: 'ACME' });
await store.savePeople('acme', [{ id: 'qa', name: 'QA lead', organisationId: 'acme', roles: ['coordinator'] }]);
await store.saveInspection({ id: 'audit-1', kind: 'internal_audit', title: 'Internal audit 2026', inspector: { name: 'Internal audit' }, subjectOrganisationId: 'acme' });
await store.apply({ organisationId: 'acme', type: 'create', commandId: 'c1', findingId: 'f1', actorId: 'qa', at: '2026-03-02T09:00:00+01:00', finding: { inspectionId: 'audit-1', ordinal: 1, title: 'Access reviews not performed' } });
console.log(await store.totals({ organisationId: 'acme' }));
