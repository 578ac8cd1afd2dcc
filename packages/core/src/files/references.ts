import type { FileEvidence } from '../model/evidence.js';

/** A file a command or an event names as evidence, and where it does. */
export interface FileReference {
  sha256: string;
  /** The size the evidence states, if it states one. */
  size: number | undefined;
  /** The file's name as the evidence gives it. */
  name: string | undefined;
  /** Where in the value it was found, e.g. `evidence[1]`. */
  path: string;
}

/**
 * Every file evidence (`{ kind: 'file', sha256 }`) inside a command's fields or an
 * event's payload, wherever the command keeps its evidence: one walk, so that a command
 * type added later with evidence of its own is covered without being listed here.
 */
export function fileReferences(value: unknown, path = ''): FileReference[] {
  const out: FileReference[] = [];
  const walk = (v: unknown, at: string): void => {
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (typeof v === 'object' && v !== null) {
      const o = v as Partial<FileEvidence> & Record<string, unknown>;
      if (o.kind === 'file' && typeof o.sha256 === 'string') out.push({ sha256: o.sha256, size: typeof o.size === 'number' ? o.size : undefined, name: typeof o.name === 'string' ? o.name : undefined, path: at });
      else for (const [k, child] of Object.entries(o)) walk(child, at === '' ? k : `${at}.${k}`);
    }
  };
  walk(value, path);
  return out;
}
