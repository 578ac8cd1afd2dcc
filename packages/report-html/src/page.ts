import type { Locale } from '@rectify/core';
import { escapeHtml as e } from './escape.js';
import { DASHBOARD_CSS } from './style.js';

/**
 * No script, no request: a page is inert by construction. Escaping keeps users' text
 * out of the markup; this policy would stop a script even if escaping failed.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * A whole self-contained page of the dashboard's kind: the policy above, the inline
 * stylesheet, a header with the title and a line under it, then `main` and `footer`
 * (markup already escaped by the caller).
 */
export function htmlPage(parts: { locale: Locale; title: string; meta: string; main: readonly string[]; footer: string }): string {
  return [
    '<!doctype html>',
    `<html lang="${parts.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(parts.title)}</title>`,
    `<style>${DASHBOARD_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1 class="word-break">${e(parts.title)}</h1><p class="meta">${parts.meta}</p></header>`,
    '<main>',
    ...parts.main,
    '</main>',
    `<footer>${parts.footer}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
