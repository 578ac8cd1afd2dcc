import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  EvidenceSchema,
  evidenceText,
  fileEvidence,
  fileReferences,
  formatBytes,
  mediaTypeOf,
  memoryDriver,
  openStore,
  sha256HexOfBytes,
  type DriverTransaction,
  type Evidence,
  type StorageDriver,
} from '../src/index.js';

describe('evidence files', () => {
  it('writes bytes to Base64 and back, every byte value and sizes past one slice', () => {
    for (const length of [0, 1, 2, 3, 255, 256, 0x8000, 0x8001, 100_003]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + (i >> 8)) % 256);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.compare(base64ToBytes(text), bytes)).toBe(0);
    }
    expect(() => base64ToBytes('not base64!')).toThrow();
  });

  it('hashes bytes the same with Node\'s SHA-256 and the JavaScript one', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 251);
    expect(sha256HexOfBytes(bytes)).toBe(sha256HexOfBytes(bytes, 'javascript'));
    expect(sha256HexOfBytes(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('names a file\'s media type by its extension, whatever its case, and evidence for it that validates', () => {
    expect(mediaTypeOf('整改报告.PDF')).toBe('application/pdf');
    expect(mediaTypeOf('会议照片.jpeg')).toBe('image/jpeg');
    expect(mediaTypeOf('台账.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mediaTypeOf('README')).toBe('application/octet-stream');
    expect(mediaTypeOf('archive.tar.unknown')).toBe('application/octet-stream');
    const e = fileEvidence('整改报告.pdf', new Uint8Array([1, 2, 3]), { description: '扫描件' });
    expect(e).toEqual({ kind: 'file', description: '扫描件', name: '整改报告.pdf', mediaType: 'application/pdf', sha256: sha256HexOfBytes(new Uint8Array([1, 2, 3])), size: 3 });
    expect(EvidenceSchema.parse(e)).toEqual(e);
  });

  it('finds every file evidence in a command or payload, with its path, and nothing else', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const command = {
      type: 'record_progress', text: 'kind: file', evidence: [{ kind: 'note', text: 'x' }, { kind: 'file', name: 'a.pdf', mediaType: 'application/pdf', sha256: a, size: 9 }],
      nested: { evidence: [{ kind: 'file', name: 'b.pdf', sha256: b }] },
    };
    expect(fileReferences(command)).toEqual([
      { sha256: a, size: 9, name: 'a.pdf', path: 'evidence[1]' },
      { sha256: b, size: undefined, name: 'b.pdf', path: 'nested.evidence[0]' },
    ]);
    expect(fileReferences({ payload: command }, 'events[3]')).toHaveLength(2);
    expect(fileReferences('kind: file')).toEqual([]);
  });

  it('says each kind of evidence in a line, in Chinese and in English', () => {
    const cases: [Evidence, string, string][] = [
      [{ kind: 'document', title: '关于规范财务档案管理的通知', documentNumber: '湘司〔2023〕12号', issuedOn: '2023-08-30' }, '《关于规范财务档案管理的通知》（湘司〔2023〕12号，2023年8月30日印发）', '“关于规范财务档案管理的通知” (湘司〔2023〕12号, issued 2023-08-30)'],
      [{ kind: 'regulation', title: '财务管理制度' }, '《财务管理制度》', '“财务管理制度”'],
      [{ kind: 'meeting', title: '党组会议', count: 7 }, '党组会议（7场次）', '党组会议 (7×)'],
      [{ kind: 'training', title: '法治培训', heldOn: '2023-09-01', participants: 40 }, '法治培训（2023年9月1日举办，40人次）', '法治培训 (held 2023-09-01, 40 participants)'],
      [{ kind: 'activity', title: '抽查台账', count: 173, unit: '条' }, '抽查台账（173条）', '抽查台账 (173条)'],
      [{ kind: 'link', url: 'https://www.example.gov.cn/a.html', title: '通报' }, '通报 https://www.example.gov.cn/a.html', '通报 https://www.example.gov.cn/a.html'],
      [{ kind: 'file', name: '扫描件.pdf', mediaType: 'application/pdf', sha256: 'ab'.repeat(32), size: 12_600 }, '附件：扫描件.pdf（12.3 KB，SHA-256 abababababab）', 'file: 扫描件.pdf (12.3 KB, SHA-256 abababababab)'],
      [{ kind: 'note', text: '已整改' }, '已整改', '已整改'],
    ];
    for (const [e, zh, en] of cases) {
      expect(evidenceText(e, 'zh-CN')).toBe(zh);
      expect(evidenceText(e, 'en')).toBe(en);
    }
    expect([formatBytes(812), formatBytes(2048), formatBytes(5 * 1024 * 1024)]).toEqual(['812 B', '2.0 KB', '5.0 MB']);
  });

  it('refuses file evidence on a driver that keeps no files, saying which drivers do', async () => {
    const inner = memoryDriver();
    // A third-party driver written before files: the contract's file methods are optional.
    const withoutFiles = ({ putFile: _p, getFile: _g, listFiles: _l, ...rest }: DriverTransaction): DriverTransaction => rest;
    const driver: StorageDriver = { ...inner, transaction: (work, o) => inner.transaction((tx) => work(withoutFiles(tx)), o) };
    const store = await openStore(driver);
    await store.saveOrganisation({ id: 'o', name: '单位' });
    await expect(store.putFile('o', new Uint8Array([1]))).rejects.toMatchObject({ code: 'storage.unsupported', message: expect.stringContaining('@rectify/storage-sqlite') });
    expect(await store.files('o')).toEqual([]);
    expect((await store.verify('o')).files).toEqual({ stored: 0, bytes: 0, corrupted: [], missing: [] });
  });
});
