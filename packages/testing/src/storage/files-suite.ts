import { expect, it } from 'vitest';
import { fileEvidence, isRectifyError, sha256HexOfBytes, type Bundle, type Store } from '@rectify/core';
import { instant } from '../world.js';
import type { SuiteContext } from './context.js';

/** Bytes no text encoding would carry unchanged: every byte value, then a long run of them. */
function awkwardBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = i < 256 ? i : x >>> 24;
  }
  return bytes;
}

/** An organisation with a coordinator and one assigned finding `f1`, commands numbered from `n`. */
async function organisation(store: Store, id: string): Promise<void> {
  await store.saveOrganisation({ id, name: `单位${id}`, units: [{ id: 'u-law', name: '法治股' }] });
  await store.savePeople(id, [
    { id: 'coord', name: '政工室', organisationId: id, roles: ['coordinator'] },
    { id: 'leader', name: '分管领导', organisationId: id, roles: ['leader_in_charge'] },
    { id: 'resp', name: '责任人', organisationId: id, unitId: 'u-law', roles: ['responsible_person'] },
    { id: 'viewer', name: '查看', organisationId: id, roles: ['observer'] },
  ]);
  await store.saveInspection({ id: 'ins', kind: 'xuncha', title: '巡察', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: id });
  await store.apply({ organisationId: id, type: 'create', commandId: 'c1', findingId: 'f1', actorId: 'coord', at: instant(1), finding: { inspectionId: 'ins', ordinal: 1, title: '财务档案资料管理不规范' } });
  await store.apply({ organisationId: id, type: 'assign', commandId: 'c2', findingId: 'f1', actorId: 'coord', at: instant(2), assignment: { responsibleLeaderId: 'leader', leadUnitId: 'u-law', responsiblePersonId: 'resp', deadline: '2023-11-30' } });
}

/** A ledger entry of `f1` with a file as its evidence. */
function entryWith(organisationId: string, bytes: Uint8Array, n: number, actorId = 'coord') {
  return { organisationId, type: 'record_progress', commandId: `p${n}`, findingId: 'f1', actorId, at: instant(n), text: '印发整改报告', evidence: [fileEvidence('整改报告.pdf', bytes)] };
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string; issues?: { path: string }[] }> {
  try {
    await work;
  } catch (error) {
    if (isRectifyError(error)) return error as never;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Byte-for-byte equality (vitest's deep equality walks a large array one element at a time). */
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && a.length === b.length && Buffer.compare(a, b) === 0;

const pathsOf = (e: { issues?: { path: string }[] }) => (e.issues ?? []).map((i) => i.path);

/**
 * Evidence files: kept byte for byte under their SHA-256 in each tenant, written with the
 * command that names them or not at all, checked against their hash on every read, in
 * `verify`, and in a bundle that carries them.
 */
export function filesSuite(ctx: SuiteContext): void {
  it('keeps a file byte for byte under its SHA-256, once however often it is sent', async () => {
    const { store } = await ctx.open();
    await organisation(store, 'org-a');
    const bytes = awkwardBytes(300_000);
    const { state } = await store.apply(entryWith('org-a', bytes, 3), { files: [bytes] });
    const sha256 = sha256HexOfBytes(bytes);
    expect(state.progress.at(-1)?.evidence).toEqual([expect.objectContaining({ kind: 'file', sha256, size: 300_000 })]);
    expect(sameBytes(await store.file('org-a', sha256), bytes)).toBe(true);
    // The same bytes again, with another command and by putFile: still one file.
    await store.apply(entryWith('org-a', bytes, 4), { files: [bytes] });
    expect(await store.putFile('org-a', bytes.slice())).toEqual({ sha256, size: 300_000 });
    const small = awkwardBytes(256, 2);
    await store.putFile('org-a', small);
    expect(await store.files('org-a')).toEqual([{ sha256, size: 300_000 }, { sha256: sha256HexOfBytes(small), size: 256 }].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)));
    expect(await store.file('org-a', 'a'.repeat(64))).toBeUndefined();
  });

  it('refuses, writing nothing, a command whose file is neither sent nor stored, a file no evidence names, and one over the limit', async () => {
    const { store, driver } = await ctx.open();
    await organisation(store, 'org-a');
    const bytes = awkwardBytes(1000);
    const notSent = await refusal(store.apply(entryWith('org-a', bytes, 3)));
    expect(notSent.code).toBe('validation');
    expect(pathsOf(notSent)).toEqual(['evidence[0].sha256']);
    const other = awkwardBytes(1000, 9);
    const unnamed = await refusal(store.apply(entryWith('org-a', bytes, 3), { files: [bytes, other] }));
    expect(pathsOf(unnamed)).toEqual(['files[1]']);
    expect(pathsOf(await refusal(store.apply(entryWith('org-a', bytes, 3), { files: [new Uint8Array(0)] })))).toEqual(['files[0]']);
    // A refusal of the rules (an observer may not record progress) keeps the file out too.
    expect((await refusal(store.apply(entryWith('org-a', bytes, 3, 'viewer'), { files: [bytes] }))).code).toBe('permission.denied');
    expect(await store.files('org-a')).toEqual([]);
    expect(await ctx.countEvents(store, driver, 'org-a')).toBe(2);

    const { store: limited } = await ctx.open({ maxFileBytes: 999 });
    await organisation(limited, 'org-a');
    expect(pathsOf(await refusal(limited.apply(entryWith('org-a', bytes, 3), { files: [bytes] })))).toEqual(['files[0]']);
    expect(pathsOf(await refusal(limited.putFile('org-a', bytes)))).toEqual(['files[0]']);
    expect(await limited.files('org-a')).toEqual([]);
  });

  it('lands a batch and its files together: a refused command in applyAll keeps every file out', async () => {
    const { store } = await ctx.open();
    await organisation(store, 'org-a');
    const first = awkwardBytes(3000, 3);
    const second = awkwardBytes(3000, 4);
    const refusedBatch = [entryWith('org-a', first, 3), { ...entryWith('org-a', second, 4), actorId: 'viewer' }];
    const refused = await refusal(store.applyAll(refusedBatch, { files: [first, second] }));
    expect(refused.code).toBe('permission.denied');
    expect(await store.files('org-a')).toEqual([]);
    const applied = await store.applyAll([entryWith('org-a', first, 3), entryWith('org-a', second, 4)], { files: [first, second] });
    expect(applied.map((a) => a.state.version)).toEqual([3, 4]);
    expect((await store.files('org-a')).map((f) => f.sha256).sort()).toEqual([sha256HexOfBytes(first), sha256HexOfBytes(second)].sort());
  });

  it('keeps each tenant\'s files its own: another organisation\'s file is, to it, a file that does not exist', async () => {
    const { store } = await ctx.open();
    await organisation(store, 'org-a');
    await organisation(store, 'org-b');
    const bytes = awkwardBytes(2000);
    await store.apply(entryWith('org-a', bytes, 3), { files: [bytes] });
    const sha256 = sha256HexOfBytes(bytes);
    expect(await store.file('org-b', sha256)).toBeUndefined();
    expect(await store.files('org-b')).toEqual([]);
    // Naming org-a's file from org-b is refused exactly as naming a file nobody stored.
    const fromB = await refusal(store.apply(entryWith('org-b', bytes, 3)));
    const { store: empty } = await ctx.open();
    await organisation(empty, 'org-b');
    const fromEmpty = await refusal(empty.apply(entryWith('org-b', bytes, 3)));
    expect(fromB).toEqual(fromEmpty);
    expect((await refusal(store.putFile('org-x', bytes))).code).toBe('not_found');
  });

  it('carries the files in a bundle, and refuses one whose file was changed or is missing', async () => {
    const { store } = await ctx.open();
    await organisation(store, 'org-a');
    const bytes = awkwardBytes(5000);
    await store.apply(entryWith('org-a', bytes, 3), { files: [bytes] });
    const bundle = await store.exportBundle({ organisationId: 'org-a' });
    expect(bundle.files.map((f) => f.sha256)).toEqual([sha256HexOfBytes(bytes)]);

    const { store: copy } = await ctx.open();
    await copy.importBundle(JSON.parse(JSON.stringify(bundle)));
    expect(sameBytes(await copy.file('org-a', sha256HexOfBytes(bytes)), bytes)).toBe(true);
    expect((await copy.verify('org-a')).files).toEqual({ stored: 1, bytes: 5000, corrupted: [], missing: [] });

    const changed: Bundle = { ...bundle, files: [{ ...bundle.files[0]!, base64: bundle.files[0]!.base64.replace(/^..../, 'AAAA') }] };
    const { store: fresh } = await ctx.open();
    // The changed file is named, and so is the event whose evidence it was (it is not stored).
    expect(pathsOf(await refusal(fresh.importBundle(changed)))).toEqual(['files[0].base64', expect.stringMatching(/^events\[\d+\]\.payload\.evidence\[0\]\.sha256$/)]);
    const withoutFile = await refusal(fresh.importBundle({ ...bundle, files: [] }));
    expect(pathsOf(withoutFile)).toEqual([expect.stringMatching(/^events\[\d+\]\.payload\.evidence\[0\]\.sha256$/)]);
    expect(await fresh.organisations()).toEqual([]);
  });

  const tamperFile = ctx.options.tamperFile;
  it.skipIf(tamperFile === undefined)(`names a stored file whose bytes were changed behind the store, and never returns them${tamperFile ? '' : ' (skipped: no raw writes of files, tamperFile)'}`, async () => {
    const { store, driver } = await ctx.open();
    await organisation(store, 'org-a');
    const bytes = awkwardBytes(4096);
    await store.apply(entryWith('org-a', bytes, 3), { files: [bytes] });
    const sha256 = sha256HexOfBytes(bytes);
    expect((await store.verify('org-a')).files.corrupted).toEqual([]);
    const edited = bytes.slice();
    edited[100] = edited[100]! ^ 0xff;
    await tamperFile!(driver, 'org-a', sha256, edited);
    expect((await store.verify('org-a')).files.corrupted).toEqual([sha256]);
    expect((await refusal(store.file('org-a', sha256))).code).toBe('storage.integrity');
    expect((await refusal(store.exportBundle({ organisationId: 'org-a' }))).code).toBe('storage.integrity');
  });
}
