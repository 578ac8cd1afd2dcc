import { describe, expect, it } from 'vitest';
import {
  CommandSchema,
  ConflictError,
  formatPath,
  InspectionSchema,
  isRectifyError,
  NotFoundError,
  parseInspection,
  parseWith,
  RectifyError,
  unholdableCharacter,
  ValidationError,
  withoutUnholdable,
} from '../src/index.js';

describe('errors', () => {
  it('have a stable code, details and JSON form', () => {
    const e = new NotFoundError('finding', 'f-9');
    expect(e.code).toBe('not_found');
    expect(e.name).toBe('NotFoundError');
    expect(e.toJSON()).toEqual({ name: 'NotFoundError', code: 'not_found', message: 'No finding with id "f-9"', details: { kind: 'finding', id: 'f-9' } });
    expect(new ConflictError('f', 1, 2).retryable).toBe(true);
    expect(e.retryable).toBe(false);
  });

  it('are recognised by code and prefix, and nothing else is', () => {
    const e = new ConflictError('f', 1, 2);
    expect(isRectifyError(e)).toBe(true);
    expect(isRectifyError(e, 'concurrency')).toBe(true);
    expect(isRectifyError(e, 'concurrency.conflict')).toBe(true);
    expect(isRectifyError(e, 'concur')).toBe(false);
    expect(isRectifyError(new Error('x'))).toBe(false);
    expect(isRectifyError({ code: 'validation' })).toBe(false);
    expect(isRectifyError(null)).toBe(false);
  });

  it('are recognised across two copies of the package, where instanceof fails', async () => {
    // The built package is a second copy of every class: what an app gets when two
    // versions of @rectify/core are installed side by side.
    const built = (await import('../dist/index.js')) as unknown as typeof import('../src/index.js');
    const foreign = new built.NotFoundError('finding', 'f-1');
    expect(foreign instanceof RectifyError).toBe(false);
    expect(isRectifyError(foreign, 'not_found')).toBe(true);
    expect(built.isRectifyError(new NotFoundError('x', 'y'))).toBe(true);
  });

  it('validation lists every bad field with its path', () => {
    let error: unknown;
    try {
      parseInspection({ id: '', kind: 'visit', title: 'x', inspector: {}, subjectOrganisationId: 'o', onSite: { start: '2023-06-30', end: '2023-04-12' }, feedbackDate: '2023-13-01' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['id', 'kind', 'inspector.name', 'onSite.end', 'feedbackDate']));
    expect((error as ValidationError).message).toContain('Invalid inspection');
  });

  it('checks cross-field rules of an inspection', () => {
    const result = InspectionSchema.safeParse({
      id: 'i', kind: 'xuncha', title: 't', inspector: { name: 'n' }, subjectOrganisationId: 'o',
      onSite: { start: '2023-04-12', end: '2023-06-30' }, feedbackDate: '2023-04-01', planAdoptedDate: '2023-03-01',
      categories: [{ id: 'a', ordinal: 1, title: 'x' }, { id: 'a', ordinal: 1, title: 'y' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => formatPath(i.path))).toEqual(['categories[1].id', 'categories[1].ordinal', 'feedbackDate', 'planAdoptedDate']);
  });

  it('formats paths', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['measures', 2, 'deadline'])).toBe('measures[2].deadline');
    expect(() => parseWith(InspectionSchema, 42, 'inspection')).toThrow(/\(root\)/);
  });
});

describe('errors that say what to write', () => {
  const base = { commandId: 'c-1', findingId: 'f-1', actorId: 'p-1' };
  const issuesOf = (input: unknown) => {
    try {
      parseWith(CommandSchema, input, 'command');
    } catch (error) {
      return (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    throw new Error('accepted');
  };

  it('tells a time without an offset to add one, with an example, and names what was found otherwise', () => {
    expect(issuesOf({ ...base, type: 'start', at: '2024-07-16T09:00:00' })).toEqual([
      'at: "2024-07-16T09:00:00" has no offset, so it names no moment: add where it was, e.g. 2024-07-16T09:00:00+08:00 (China) or 2024-07-16T01:00:00Z (UTC)',
    ]);
    expect(issuesOf({ ...base, type: 'start', at: 'yesterday' })[0]).toMatch(/^at: Expected an instant written in ISO 8601 with its offset, e\.g\. .* \(found "yesterday"\)$/);
    expect(issuesOf({ ...base, type: 'start', at: 20240716 })[0]).toMatch(/^at: Expected an instant: a date and time with its offset, written as text/);
  });

  it('says that type is required, or is not one, before listing the 22 there are', () => {
    const [missing] = issuesOf({ ...base, at: '2024-07-16T09:00:00+08:00' });
    expect(missing).toMatch(/^type: type is required: which command this is, one of create, assign, .*, supervise$/);
    expect(missing!.split('one of ')[1]!.split(', ')).toHaveLength(22);
    expect(issuesOf({ ...base, type: 'sign-off', at: '2024-07-16T09:00:00+08:00' })[0]).toMatch(/^type: "sign-off" is not a command type: one of create, /);
  });
});

describe('text no store or document can hold', () => {
  const valid = { id: 'i1', kind: 'xuncha', title: '巡察', inspector: { name: '区委第一巡察组' }, subjectOrganisationId: 'org' };
  const issuesOf = (input: unknown) => {
    try {
      parseWith(InspectionSchema, input, 'inspection');
    } catch (error) {
      return (error as ValidationError).issues;
    }
    return [];
  };

  it('is refused wherever it is, naming the path and the character', () => {
    expect(issuesOf({ ...valid, title: '巡察\u0000' })).toEqual([{ path: 'title', message: 'Contains U+0000 at position 2, which text here cannot hold', code: 'invalid_text' }]);
    expect(issuesOf({ ...valid, inspector: { name: 'a\u0007b' } })[0]?.path).toBe('inspector.name');
    expect(issuesOf({ ...valid, title: 'x\ud800' })[0]?.message).toContain('U+D800');
    expect(issuesOf({ ...valid, title: '\udc00' })[0]?.message).toContain('U+DC00');
  });

  it('lets tab, line breaks and whole surrogate pairs through', () => {
    expect(issuesOf({ ...valid, title: '第一\t第二\r\n𠀀🚩' })).toEqual([]);
  });

  it('checks what the schema keeps: fields it drops are neither checked nor kept, however deep', () => {
    let deep: Record<string, unknown> = { leaf: '\u0001' };
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(issuesOf({ ...valid, extra: deep, ['bad\u0001key']: 1 })).toEqual([]);
    expect(parseWith(InspectionSchema, { ...valid, extra: deep }, 'inspection')).not.toHaveProperty('extra');
  });

  it('is found and dropped by the helpers readers of damaged text use', () => {
    expect(unholdableCharacter('整改\u0000')).toEqual({ index: 2, codePoint: 'U+0000' });
    expect(unholdableCharacter('🚩\ud83d')).toEqual({ index: 2, codePoint: 'U+D83D' });
    expect(unholdableCharacter('第一\t第二\n🚩\uffff')?.codePoint).toBe('U+FFFF');
    expect(unholdableCharacter('第一\t第二\r\n𠀀🚩')).toBeUndefined();
    expect(withoutUnholdable('a\u0000b\u001fc\ud800d🚩\udc00')).toBe('abcd🚩');
  });
});
