import { z } from 'zod';

/** The languages the library speaks: Chinese first, English second. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** A supported locale. */
export type Locale = (typeof LOCALES)[number];

/** Schema of a {@link Locale}. */
export const LocaleSchema = z.enum(LOCALES);

/** A text in every supported locale. */
export type LocalizedText = Record<Locale, string>;

/** Schema of a {@link LocalizedText}. */
export const LocalizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });

/**
 * Builds a {@link LocalizedText}.
 *
 * @example
 * ```ts
 * const t = text('已完成', 'completed');
 * t['zh-CN']; // '已完成'
 * ```
 */
export function text(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
