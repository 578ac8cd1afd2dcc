import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { decodeText } from '@rectify/core';
import { docxToText, htmlToText, looksLikeHtml } from '../src/index.js';

/** The team's corpus of notices (corpus/), with what each must read as (corpus.json). */
export const CORPUS = join(import.meta.dirname, 'corpus');

/** Every file of the corpus. */
export const corpusFiles = (): string[] => readdirSync(CORPUS).sort();

/** A file's bytes as a notice's text, the way `rectify import` reads it: a page's or a document's text, in its encoding. */
export function corpusText(file: string): string {
  const source = corpusSource(file);
  return extname(file) !== '.docx' && (extname(file) === '.html' || looksLikeHtml(source)) ? htmlToText(source) : source;
}

/** A file as published (the markup of a page, the text of a document): what the fuzzing damages. */
export function corpusSource(file: string): string {
  if (extname(file) === '.docx') return docxToText(readFileSync(join(CORPUS, file)));
  const decoded = decodeText(readFileSync(join(CORPUS, file)));
  if (!decoded.ok) throw new Error(`${file} is not text`);
  return decoded.text;
}
