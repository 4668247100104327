// The words the prose checks say to users, in Chinese and English. Every message of
// prose-table-mismatch and enumeration-sum (and the hover text) is built here.

import type { Localized } from '../diagnostics.js';
import type { Reading } from './types.js';

const fmt = (n: number) => String(n);

/** A prose number differs from the table cell(s) it states. */
export function mismatchMessage(prose: string, reading: Reading, table: number, others: { reading: Reading; value: number }[]): Localized {
  const alsoZh = others.length ? `；也不等于${others.map((o) => `${o.reading.label.zh}（${fmt(o.value)}）`).join('、')}` : '';
  const alsoEn = others.length ? `; nor ${others.map((o) => `${o.reading.label.en} (${fmt(o.value)})`).join(', ')}` : '';
  return {
    zh: `正文所述 ${prose} 与${reading.label.zh}不一致：表中为 ${fmt(table)}${alsoZh}`,
    en: `The prose says ${prose}, but ${reading.label.en} holds ${fmt(table)}${alsoEn}`,
  };
}

export function mismatchFixTitle(table: number): Localized {
  return { zh: `改为表中的数 ${fmt(table)}`, en: `Write the table's value ${fmt(table)}` };
}

/** Hover on a recognised prose number. */
export function claimHover(prose: string, readings: { reading: Reading; value: number | null }[], agrees: boolean | null): Localized {
  const v = (x: number | null, zh: boolean) => (x === null ? (zh ? '空' : 'blank') : fmt(x));
  const zhList = readings.map((r) => `${r.reading.label.zh}：${v(r.value, true)}`).join('；或 ');
  const enList = readings.map((r) => `${r.reading.label.en}: ${v(r.value, false)}`).join('; or ');
  const zhVerdict = agrees === true ? '一致' : agrees === false ? '不一致' : '无法比较';
  const enVerdict = agrees === true ? 'agrees' : agrees === false ? 'differs' : 'cannot be compared';
  return {
    zh: `正文 ${prose} 对应 ${zhList}（${zhVerdict}）`,
    en: `Prose ${prose} stands for ${enList} (${enVerdict})`,
  };
}

/** 共 N 条，其中 … whose parts add up to another number. */
export function enumerationMessage(total: string, sum: number, parts: number, shortfall: boolean): Localized {
  const zhKind = shortfall ? '少于' : '多于';
  const enKind = shortfall ? 'less' : 'more';
  return {
    zh: `合计 ${total} 与其后列举的 ${parts} 项之和 ${fmt(sum)} 不符（分项之和${zhKind}合计）`,
    en: `The total ${total} differs from the sum of the ${parts} parts listed after it, ${fmt(sum)} (${enKind} than the total)`,
  };
}

export function enumerationFixTitle(sum: number): Localized {
  return { zh: `合计改为分项之和 ${fmt(sum)}`, en: `Write the sum of the parts, ${fmt(sum)}` };
}

/** The same category named twice in one enumeration (规划计划 … 规划计划). */
export function duplicateMessage(label: string): Localized {
  return {
    zh: `列举中“${label}”出现了两次，请确认是否重复计数`,
    en: `The enumeration names “${label}” twice: check that it is not counted twice`,
  };
}

export function firstNamedHere(label: string): Localized {
  return { zh: `“${label}”第一次出现在这里`, en: `“${label}” is first named here` };
}
