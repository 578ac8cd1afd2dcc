import { parseChineseNumeral } from '@rectify/core';

/** 一、 二、 … : a section heading. */
export const SECTION = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$/;
/** （一） … : a category (short) or a narrative point (long). */
export const CATEGORY = /^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$/;
/** 1、 1. 1． : an item. */
export const ITEM = /^(\d{1,3})\s*[、.．]\s*(.+)$/;
/** 问题：… or 问题1：… without a number before it. */
export const PROBLEM = /^问题\s*(\d{0,3})\s*[:：]\s*(.+)$/;
/** 反馈问题一：关于…的问题 (a finding numbered in words, with its heading after the colon). */
export const FEEDBACK_ITEM = /^反馈问题\s*([一二三四五六七八九十]+|\d{1,3})\s*[:：]\s*(.+)$/;
/** 整改情况：… (the measures; 整改：… in an office's digest). */
export const MEASURES_LABEL = /^整改(?:情况|措施|举措|落实情况)?\s*[:：]\s*(.*)$/;
/** 整改进度：… (the status). */
export const STATUS_LABEL = /^(?:整改进度|整改进展|整改状态|完成情况|进展情况)\s*[:：]\s*(.+)$/;
/** A paragraph that starts a measure: 一是, （1）, 1. */
export const MEASURE_START = /^(?:[一二三四五六七八九十]+是|[（(]\d{1,2}[)）]|\d{1,2}[.．、])/;

/** A Chinese numeral (一 … 九十九) as a number; 0 when it is not one. */
export function numeral(text: string): number {
  return parseChineseNumeral(text) ?? 0;
}

/** A heading is short and has no full stop inside it. */
export function isHeading(text: string, max = 60): boolean {
  return text.length <= max && !/[。；;！？!?].+/.test(text);
}
