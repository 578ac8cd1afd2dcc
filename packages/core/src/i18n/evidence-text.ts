import type { Evidence } from '../model/evidence.js';
import { formatDay } from './date-format.js';
import type { Locale } from './locale.js';

/** A size as people read it: 812 B, 12.3 KB, 4.1 MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One piece of evidence in a line, as a ledger's 佐证材料 column or a dashboard lists it:
 * `《关于规范财务档案管理的通知》（湘司〔2023〕12号，2023年8月30日印发）`,
 * `附件：整改报告.pdf（12.3 KB，SHA-256 3f1c2d4e5b6a）`. A file's hash is cut to its first
 * 12 characters, enough to tell files apart and to find the one meant.
 */
export function evidenceText(e: Evidence, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const parts = (items: (string | undefined)[]) => {
    const kept = items.filter((x): x is string => x !== undefined && x !== '');
    return kept.length === 0 ? '' : zh ? `（${kept.join('，')}）` : ` (${kept.join(', ')})`;
  };
  const day = (d: string | undefined, zhVerb: string, enVerb: string) => (d === undefined ? undefined : zh ? `${formatDay(d, locale)}${zhVerb}` : `${enVerb} ${d}`);
  const count = (n: number | undefined, unit: string) => (n === undefined ? undefined : zh ? `${n}${unit}` : `${n}×`);
  switch (e.kind) {
    case 'document':
    case 'regulation':
      return `${zh ? `《${e.title}》` : `“${e.title}”`}${parts([e.documentNumber, day(e.issuedOn, '印发', 'issued')])}`;
    case 'meeting':
      return `${e.title}${parts([day(e.heldOn, '召开', 'held'), count(e.count, '场次')])}`;
    case 'training':
      return `${e.title}${parts([day(e.heldOn, '举办', 'held'), count(e.count, '场次'), e.participants === undefined ? undefined : zh ? `${e.participants}人次` : `${e.participants} participants`])}`;
    case 'activity':
      return `${e.title}${parts([day(e.heldOn, '', 'on'), e.count === undefined ? undefined : `${e.count}${e.unit ?? ''}`])}`;
    case 'link':
      return e.title === undefined ? e.url : `${e.title} ${e.url}`;
    case 'file':
      return `${zh ? '附件：' : 'file: '}${e.name}${parts([e.size === undefined ? undefined : formatBytes(e.size), `SHA-256 ${e.sha256.slice(0, 12)}`])}`;
    case 'note':
      return e.text;
  }
}
