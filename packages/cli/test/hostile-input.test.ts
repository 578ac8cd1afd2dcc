import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chainHistories, memoryDriver, monthsBetween, openStore, type Bundle } from '@rectify/core';
import { ledgerOf, writeLedgerWorkbook } from '@rectify/report-xlsx';
import { sqliteDriver } from '@rectify/storage-sqlite';
import { buildWorld, fuzzParameters, fuzzRuns, hostileString, worldReportModel } from '@rectify/testing';
import { EXIT, run, type Io, type Running } from '../src/index.js';

function io(cwd: string, now = '2023-11-20T02:00:00Z'): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (t) => lines.push(t), err: (t) => errors.push(t), tty: false, cwd, now: () => new Date(now) };
}

const SEED = join(import.meta.dirname, '..', '..', '..', 'examples', 'xiangqiao', 'data', 'seed-notice.txt');
/** Percent-encoded, lone surrogates dropped (encodeURIComponent throws on them). */
const uriSafe = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''));
/** A real PostgreSQL server (CI always has one). */
const PG_URL = process.env['RECTIFY_PG_URL'];
const SEED_GB18030 = join(import.meta.dirname, 'fixtures', 'seed-notice.gb18030.txt');

/** A raw GET, path and headers as given (fetch would normalise `//` and set Host itself). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject).end();
  });
}

// Cases from the adversarial run of issue 22 that this change fixes.
describe('clumsy and hostile input to the command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rectify-hostile-'));
    writeFileSync(join(dir, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 6 })), { locale: 'zh-CN' }));
    expect(await run(['import', 'ledger.xlsx', '--org', 'o'], io(dir), {})).toBe(EXIT.ok);
  });

  it('refuses to write a report over the store itself, and the store is untouched', async () => {
    const before = readFileSync(join(dir, 'rectify.db'));
    for (const target of ['rectify.db', './rectify.db', 'rectify.db-wal']) {
      const out = io(dir);
      expect(await run(['report', '--format', 'csv', '-o', target], out, {})).toBe(EXIT.badInput);
      expect(out.errors.join('\n')).toContain('is the store itself');
    }
    expect(readFileSync(join(dir, 'rectify.db')).equals(before)).toBe(true);
    // Nor over any file that exists, unless told to.
    writeFileSync(join(dir, 'kept.csv'), 'a clerk\'s own file');
    const refused = io(dir);
    expect(await run(['report', '--format', 'csv', '-o', 'kept.csv'], refused, {})).toBe(EXIT.badInput);
    expect(refused.errors.join('\n')).toContain('kept.csv exists: add --force to replace it');
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('a clerk\'s own file');
    expect(await run(['report', '--format', 'csv', '-o', 'kept.csv', '--force'], io(dir), {})).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toMatch(/^\uFEFF序号,问题类别,反馈问题/);
    const ok = io(dir);
    expect(await run(['status'], ok, {})).toBe(EXIT.ok);
  });

  it('tells a command that lost a race on its finding (exit 3: run it again) from a refusal (exit 1), writing nothing', async () => {
    expect(await run(['report', '--format', 'json', '-o', 'race.json', '--force'], io(dir), {})).toBe(EXIT.ok);
    const model = JSON.parse(readFileSync(join(dir, 'race.json'), 'utf8')) as { categories: { findings: { id: string; status: string }[] }[] };
    const open = model.categories.flatMap((c) => c.findings).find((f) => f.status === 'in_progress')!;
    const progress = (now: string, text: string) => {
      const out = io(dir, now);
      return run(['apply', 'progress', '--finding', open.id, '--as', 'importer', '--text', text], out, {}).then((code) => ({ code, out }));
    };
    // The winner's clock read 03:00; the loser read its clock at 02:30 and wrote after it.
    const won = await progress('2023-11-20T03:00:00Z', '先到');
    expect(won.code, won.out.errors.join('\n')).toBe(EXIT.ok);
    const version = Number(/version (\d+)/.exec(won.out.lines[0]!)![1]);
    const lost = await progress('2023-11-20T02:30:00Z', '后到');
    expect(lost.code).toBe(EXIT.store);
    expect(lost.out.errors.join('\n')).toContain(`${open.id} 已有晚于本指令时间（2023-11-20T10:30:00+08:00）的记录：另一条指令先写入了`);
    // Run again, it goes through, right after the winner: the lost attempt wrote nothing.
    const again = await progress('2023-11-20T03:00:05Z', '后到');
    expect(again.out.lines[0]).toBe(`${open.id}: in_progress (version ${version + 1})`);
    // A refusal by the lifecycle stays a refusal.
    const refused = io(dir, '2023-11-20T03:01:00Z');
    expect(await run(['apply', 'sign-off', '--finding', open.id, '--as', 'importer'], refused, {})).toBe(EXIT.refused);
  });

  it('refuses impossible days and days past the supported range instead of reading them as others (or hanging)', async () => {
    for (const day of ['2023-02-30', '2023-13-01', '0000-00-00', '9999-12-31', '1899-12-31']) {
      const out = io(dir);
      expect(await run(['status', '--as-of', day], out, {}), day).toBe(EXIT.badInput);
      expect(out.errors.join('\n')).toContain('must be a real day from 1990-01-01 to 2199-12-31');
    }
    // The month walk that looped for ever on "10000-01" < "9999-12" ends.
    expect(monthsBetween('9999-11-15', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(monthsBetween('2023-11-01', '2024-01-31')).toEqual(['2023-11', '2023-12', '2024-01']);
  });

  it('serve answers a path that is no URL and an impossible as-of with 400, and goes on serving', async () => {
    const out = io(dir);
    const server = (await run(['serve', '--port', '0'], out, {})) as Running;
    try {
      const port = Number(/:(\d+)\//.exec(out.lines[0]!)![1]);
      expect(await get(port, '//')).toBe(400);
      expect(await get(port, '/?as-of=9999-12-31')).toBe(400);
      expect(await get(port, '/?as-of=2023-02-30')).toBe(400);
      expect(await get(port, '/?as-of=2023-11-20')).toBe(200);
    } finally {
      await server.stop();
    }
    expect(statSync(join(dir, 'rectify.db')).size).toBeGreaterThan(0);
  });

  it('serve refuses a Host that is not its own (DNS rebinding) and survives fuzzed paths, queries and headers', async () => {
    const out = io(dir);
    const server = (await run(['serve', '--port', '0'], out, {})) as Running;
    try {
      const port = Number(/:(\d+)\//.exec(out.lines[0]!)![1]);
      expect(await get(port, '/', { host: `evil.example:${port}` })).toBe(403);
      expect(await get(port, '/', { host: `localhost:${port}` })).toBe(200);
      const segment = fc.oneof(fc.constantFrom('', '/', '//', '..', '%', '%00', '%ZZ', '?', '#', 'reminders.ics', '?as-of=', '?as-of=9999-12-31', '?person=', '&unit=%'), hostileString().map(uriSafe));
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { maxLength: 6 }), fc.option(hostileString().map(uriSafe)), async (parts, header) => {
          const status = await get(port, `/${parts.join('')}`, header === null ? {} : { 'x-fuzz': header, 'accept-language': header });
          // 414 and 431 are Node's own answers to a URL or headers too long.
          expect([200, 400, 403, 404, 405, 414, 431]).toContain(status);
        }),
        // At most 2,000 requests even in CI: many render the whole dashboard (~10 ms each),
        // and 10,000 took two minutes on a busy machine.
        { ...fuzzParameters(60), numRuns: Math.min(fuzzRuns(60), 2_000) },
      );
      expect(await get(port, '/')).toBe(200);
    } finally {
      await server.stop();
    }
  }, 300_000);
});

describe('clumsy and hostile imports', () => {
  // The seed notice is of 2023-12: these imports happen after it.
  const at = (d: string) => io(d, '2024-06-01T02:00:00Z');
  const fresh = () => mkdtempSync(join(tmpdir(), 'rectify-hostile-import-'));

  it('adds to the organisation and people on a later import, never emptying them, and refuses a notice with no finding', async () => {
    const d = fresh();
    writeFileSync(join(d, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 6 })), { locale: 'zh-CN' }));
    copyFileSync(SEED, join(d, 'seed.txt'));
    expect(await run(['import', 'ledger.xlsx', '--org', 'o'], at(d), {})).toBe(EXIT.ok);
    const directory = async (inspection: string) => {
      expect(await run(['report', '--format', 'json', '-o', 'model.json', '--force', '--org', 'o', '--inspection', inspection], at(d), {})).toBe(EXIT.ok);
      return (JSON.parse(readFileSync(join(d, 'model.json'), 'utf8')) as { directory: { units: unknown[]; people: unknown[] } }).directory;
    };
    const before = await directory(await onlyInspection(d));
    expect(before.units.length).toBeGreaterThan(1);
    // A text that is no notice: refused, and nothing written.
    writeFileSync(join(d, 'empty.txt'), '会议纪要\n\n');
    const refused = at(d);
    expect(await run(['import', 'empty.txt', '--org', 'o', '--inspection', 'empty'], refused, {})).toBe(EXIT.badInput);
    expect(refused.errors.join('\n')).toContain('未能从 empty.txt 读出任何问题');
    // The seed notice (no units, a placeholder organisation) into the same organisation, by a known person.
    expect(await run(['import', 'seed.txt', '--org', 'o', '--inspection', 'seed', '--as', 'org-a-coord'], at(d), {})).toBe(EXIT.ok);
    expect(await directory(await onlyInspection(d, 'seed'))).toEqual(before);
  });

  it('reads a notice saved as GB18030, and refuses a binary file, a BOM in JSON being no error', async () => {
    const d = fresh();
    copyFileSync(SEED_GB18030, join(d, 'gbk.txt'));
    const gbk = at(d);
    expect(await run(['import', 'gbk.txt', '--org', 'xq'], gbk, {})).toBe(EXIT.ok);
    expect(gbk.lines.join('\n')).toMatch(/imported 2[0-9] findings/);
    expect(gbk.errors.join('\n')).toContain('gbk.txt is not UTF-8: read as GB18030');
    // The same notice as the web page it was published on, in GB2312 as many sites still serve.
    const gbLines: Buffer[] = [];
    const raw = readFileSync(SEED_GB18030);
    for (let start = 0; start < raw.length;) {
      const end = raw.indexOf(0x0a, start) === -1 ? raw.length : raw.indexOf(0x0a, start);
      gbLines.push(Buffer.from('<p style="text-indent:2em">&emsp;&emsp;'), raw.subarray(start, end), Buffer.from('</p>\n'));
      start = end + 1;
    }
    const head = '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><script>var x = "<p>一、</p>";</script></head><body><ul><li>首页</li><li>政务公开</li></ul><div class="TRS_Editor">\n';
    writeFileSync(join(d, 'page.html'), Buffer.concat([Buffer.from(head), ...gbLines, Buffer.from('</div></body></html>')]));
    const page = at(d);
    expect(await run(['import', 'page.html', '--org', 'xq', '--db', 'page.db'], page, {}), page.errors.join('\n')).toBe(EXIT.ok);
    expect(page.lines.join('\n')).toBe(gbk.lines.join('\n'));
    expect(page.errors.join('\n')).toContain('page.html is not UTF-8: read as GB18030');
    writeFileSync(join(d, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0, 0xff, 0xfe, 0, 0]));
    const binary = at(d);
    expect(await run(['import', 'binary.txt', '--org', 'xq'], binary, {})).toBe(EXIT.badInput);
    expect(binary.errors.join('\n')).toContain('不是文本文件');
    // A bundle saved by Notepad, BOM first.
    const bundle = await worldBundle();
    writeFileSync(join(d, 'bom.json'), `\uFEFF${JSON.stringify(bundle)}`);
    const bom = at(d);
    expect(await run(['import', 'bom.json'], bom, {})).toBe(EXIT.ok);
    expect(bom.lines.join('\n')).toContain(`imported 4 findings (${bundle.events.length} events)`);
  });
  it('names a wrong store, scope or serve option, and a refused import leaves no store behind', async () => {
    const d = fresh();
    mkdirSync(join(d, 'dir'));
    const say = async (args: string[], code: number, text: string) => {
      const out = at(d);
      expect(await run(args, out, {}), args.join(' ')).toBe(code);
      expect(out.errors.join('\n'), args.join(' ')).toContain(text);
    };
    writeFileSync(join(d, 'empty.txt'), '会议纪要');
    await say(['import', 'empty.txt', '--org', 'o'], EXIT.badInput, '未能从 empty.txt 读出任何问题');
    await say(['status', '--db', 'typo.db'], EXIT.badInput, 'No store at typo.db');
    await say(['status', '--db', 'dir'], EXIT.badInput, '--db dir is a directory');
    await say(['import', 'empty.txt', '--db', 'missing/x.db'], EXIT.badInput, 'the directory missing does not exist');
    expect(readdirSync(d).sort()).toEqual(['dir', 'empty.txt']);
    // A store, then scopes that are not in it.
    const bundle = await worldBundle();
    writeFileSync(join(d, 'world.json'), JSON.stringify(bundle));
    await say(['import', 'world.json'], EXIT.ok, '');
    await say(['status', '--org', 'org-a', '--inspection', 'typo'], EXIT.badInput, 'No inspection typo of organisation org-a in the store: it holds org-a/ins-a');
    await say(['status', '--org', 'org-a', '--unit', 'typo'], EXIT.badInput, 'No unit "typo"');
    await say(['serve', '--org', 'org-a', '--port', ''], EXIT.badInput, '--port must be a port number');
    await say(['serve', '--org', 'org-a', '--port', '0', '--host', 'no such host!'], EXIT.badInput, 'Cannot listen on no such host!:0');
    // Bundles dated after the clock, or whose days contradict their instants: refused, nothing written.
    const events = (await worldBundle()).events;
    const shifted = (from: string, to: string) => JSON.stringify(bundle).replaceAll(from, to);
    writeFileSync(join(d, 'future.json'), shifted('org-a', 'org-f').replaceAll('org-b', 'org-g').replace(/"at":"[^"]+"/, '"at":"2099-01-01T00:00:00+08:00"'));
    await say(['import', 'future.json'], EXIT.badInput, 'is later than now (2024-06-01T02:00:00.000Z)');
    const forged = JSON.parse(shifted('org-a', 'org-h').replaceAll('org-b', 'org-i')) as Bundle;
    forged.events[1] = { ...forged.events[1]!, on: '2020-01-01' };
    // Chained again by its forger: the day, not the hash, must give it away.
    writeFileSync(join(d, 'forged.json'), JSON.stringify({ ...forged, events: chainHistories(forged.events) }));
    await say(['import', 'forged.json'], EXIT.badInput, `events[1].on: 2020-01-01 is not the day of ${events[1]!.at}`);
    await say(['status', '--org', 'org-h'], EXIT.badInput, 'No inspection of organisation org-h');
  });

  it('holds a bundle to the rules live commands meet, unless it is restored as trusted, which the store records', async () => {
    const d = fresh();
    const store = await openStore(memoryDriver());
    await buildWorld(store, 8);
    const bundle = await store.exportBundle({ organisationId: 'org-a' });
    const signedOff = bundle.events.find((e) => e.type === 'signed_off')!.findingId;
    let version = 0;
    const events = bundle.events
      .filter((e) => !(e.findingId === signedOff && e.type === 'approved'))
      .map((e) => (e.findingId === signedOff ? { ...e, version: ++version } : e));
    // Left with the hashes it had, the forgery is refused even as a restore, with no hint to restore it.
    writeFileSync(join(d, 'careless.json'), JSON.stringify({ ...bundle, events }));
    const careless = at(d);
    expect(await run(['import', 'careless.json', '--trusted'], careless, {})).toBe(EXIT.badInput);
    expect(careless.errors.join('\n')).toMatch(new RegExp(`finding ${signedOff}, event \\d+: its content does not give its hash`));
    expect(careless.errors.join('\n')).not.toContain('--trusted');
    expect(existsSync(join(d, 'rectify.db'))).toBe(false);
    // Chained again by someone who knows how: now the rules must catch it.
    writeFileSync(join(d, 'forged.json'), JSON.stringify({ ...bundle, events: chainHistories(events) }));
    const refused = at(d);
    expect(await run(['import', 'forged.json'], refused, {})).toBe(EXIT.badInput);
    expect(refused.errors.join('\n')).toMatch(new RegExp(`events\\[\\d+\\]: finding ${signedOff}, event \\d+ \\(signed_off by org-a-coord\\)`));
    expect(refused.errors.join('\n')).toContain('如 forged.json 是本系统自己的备份，可加 --trusted 恢复');
    expect(existsSync(join(d, 'rectify.db'))).toBe(false);
    const restored = at(d);
    expect(await run(['import', 'forged.json', '--trusted'], restored, {})).toBe(EXIT.ok);
    expect(restored.errors.join('\n')).toContain('note: 未按规则逐条校验即恢复；存储中已记录此次恢复');
    const db = await openStore(sqliteDriver({ filename: join(d, 'rectify.db') }));
    expect(await db.restorations('org-a')).toEqual([expect.objectContaining({ id: 'restoration-1', events: events.length, checked: false })]);
    await db.close();
    writeFileSync(join(d, 'ledger.xlsx'), await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'zh-CN' }));
    const notBundle = at(d);
    expect(await run(['import', 'ledger.xlsx', '--trusted'], notBundle, {})).toBe(EXIT.badInput);
    expect(notBundle.errors.join('\n')).toContain('--trusted restores a bundle (.json)');
  });

  it('says what is wrong with each cell of a refused workbook in the language asked for', async () => {
    const d = fresh();
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeLedgerWorkbook(ledgerOf(await worldReportModel({ findings: 3 })), { locale: 'zh-CN' })) as unknown as ArrayBuffer);
    wb.getWorksheet('问题清单')!.getCell('G2').value = '下周';
    await wb.xlsx.writeFile(join(d, 'bad.xlsx'));
    const zh = at(d);
    expect(await run(['import', 'bad.xlsx', '--org', 'o'], zh, {})).toBe(EXIT.badInput);
    expect(zh.errors.join('\n')).toBe('台账工作簿无法导入：\n  - 问题清单!G2 (整改期限): 整改期限须为日期，如 2023-11-30 或 2023年11月30日（现为“下周”）');
    const en = at(d);
    expect(await run(['import', 'bad.xlsx', '--org', 'o', '--lang', 'en'], en, {})).toBe(EXIT.badInput);
    expect(en.errors.join('\n')).toBe('Invalid ledger workbook:\n  - 问题清单!G2 (整改期限): 整改期限 must be a date such as 2023-11-30 or 2023年11月30日 (found "下周")');
    expect(existsSync(join(d, 'rectify.db'))).toBe(false);
  });

  it('refuses a file too large for its kind before reading it, and names a file that is not there', async () => {
    const d = fresh();
    const say = async (args: string[], text: string) => {
      const out = at(d);
      expect(await run(args, out, {}), args.join(' ')).toBe(EXIT.badInput);
      expect(out.errors.join('\n'), args.join(' ')).toContain(text);
    };
    // Sparse files: 600 MiB on paper, nothing on the disk; read whole, each would take
    // seconds and hundreds of MiB before anything could say no.
    for (const [name, limit] of [['huge.txt', 16], ['huge.json', 256], ['huge.xlsx', 128], ['huge.csv', 128]] as const) {
      writeFileSync(join(d, name), '');
      truncateSync(join(d, name), 600 * 1024 * 1024);
      await say(['import', name, '--org', 'o'], `Cannot import ${name}: 600 MiB is more than the ${limit} MiB`);
    }
    await say(['import', 'gone.xlsx', '--org', 'o'], 'Cannot import gone.xlsx: no such file');
    mkdirSync(join(d, 'folder.json'));
    await say(['import', 'folder.json', '--org', 'o'], 'Cannot import folder.json: not a file');
    await say(['import', `${'长'.repeat(200)}.txt`, '--org', 'o'], 'the name is too long');
    await say(['import', 'a\u0000b.csv', '--org', 'o'], 'Cannot import a\u0000b.csv');
    expect(existsSync(join(d, 'rectify.db'))).toBe(false);
  });
});

describe('a --postgres that cannot be used', () => {
  const say = async (url: string, code: number, text: string) => {
    const out = io(mkdtempSync(join(tmpdir(), 'rectify-hostile-pg-')));
    expect(await run(['status', '--postgres', url], out, {}), url).toBe(code);
    expect(out.errors.join('\n'), url).toContain(text);
  };

  it('refuses a text that is no postgres:// URL before reaching for a server', async () => {
    for (const url of ['garbage', 'postgres://:::', 'mysql://root@127.0.0.1/x', 'host=127.0.0.1 dbname=test']) {
      await say(url, EXIT.badInput, `--postgres must be a URL such as postgres://user@host:5432/database, not "${url}"`);
    }
  });

  // A database or role that does not exist is the user's setting (exit 2, no retry);
  // a server that does not answer is the store being unavailable (exit 3, retry).
  it.skipIf(!PG_URL)('names a database or role the server does not have, and tells an unreachable server apart', async () => {
    const url = (edit: (u: URL) => void) => {
      const u = new URL(PG_URL!);
      edit(u);
      return u.href;
    };
    await say(url((u) => { u.pathname = '/rectify_no_such_database'; }), EXIT.badInput, 'PostgreSQL refused the connection settings (database "rectify_no_such_database" does not exist)');
    await say(url((u) => { u.username = 'rectify_no_such_role'; }), EXIT.badInput, 'role "rectify_no_such_role" does not exist');
    await say(url((u) => { u.hostname = 'no-such-host.invalid'; }), EXIT.badInput, 'PostgreSQL refused the connection settings (getaddrinfo ENOTFOUND no-such-host.invalid)');
    await say(url((u) => { u.port = '1'; }), EXIT.store, 'PostgreSQL is unavailable');
  });
});

/** A small world's bundle (two organisations, two findings each), as `exportBundle` writes it. */
async function worldBundle(): Promise<Bundle> {
  const store = await openStore(memoryDriver());
  await buildWorld(store, 2);
  return store.exportBundle();
}

/** The id of the store's inspection other than `but` (the store of a test holds one or two). */
async function onlyInspection(dir: string, but?: string): Promise<string> {
  const store = await openStore(sqliteDriver({ filename: join(dir, 'rectify.db') }));
  try {
    const ids = (await store.inspections('o')).map((i) => i.id).filter((id) => id !== but);
    expect(ids).toHaveLength(1);
    return ids[0]!;
  } finally {
    await store.close();
  }
}
