// Inputs for the benchmark (and the abuse tests): generated reports built with the test report
// composer (test/helpers/compose.mjs, keyed by cell key), so every table is consistent unless a fault is put in on purpose. Deterministic: the
// same seed gives the same bytes, so both sides of each comparison read the same inputs.

import { ReportModel, type Table3 } from '../server/src/core/index.js';
import { LAYOUTS, T2_ITEMS, T3_INPUT_COLUMNS, T3_ROWS, T4_GROUPS, T4_INPUT_RESULTS, complete, composeReport, type KeyedReport, type Layout } from '../test/helpers/compose.mjs';

/** mulberry32: small, fast, good enough for picking test inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const choose = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const OFFICES = ['青禾县数据资源局', '临川市自然资源和规划局', '东湖区人民政府办公室', '白石镇人民政府', '南岭县卫生健康委员会', '江北新区市场监督管理局', '松原市教育局', '北塘区住房和城乡建设局'];

/** A consistent report from a seed, keyed by the contract's cell keys: small counts, 结转 never negative. */
export function randomData(r: () => number): KeyedReport {
  const inputs: Record<string, number> = {};
  for (const [row] of T3_ROWS) for (const c of T3_INPUT_COLUMNS) inputs[`t3.${row}.${c}`] = r() < 0.55 ? 0 : int(r, 0, 40);
  const first = complete(inputs);
  for (const c of T3_INPUT_COLUMNS) if (first[`t3.carryOver.${c}`] < 0) inputs[`t3.new.${c}`] -= first[`t3.carryOver.${c}`];
  const office = choose(r, OFFICES);
  const year = int(r, 2021, 2025);
  const t2 = [int(r, 0, 3), 0, int(r, 0, 9), int(r, 0, 20), int(r, 0, 5), int(r, 0, 80), int(r, 0, 900), int(r, 0, 300), int(r, 0, 20), Math.round(r() * 100) / 10];
  const t2Keys = T2_ITEMS.flatMap((it) => it.rows.flatMap(([row]) => it.columns.map((c) => `t2.${row}.${c}`)));
  t2Keys.forEach((k, i) => (inputs[k] = t2[i]));
  for (const g of T4_GROUPS) for (const res of T4_INPUT_RESULTS) inputs[`t4.${g}.${res}`] = r() < 0.7 ? 0 : int(r, 0, 5);
  return { office, year, cells: complete(inputs) };
}

const PROSE = [
  '我单位坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，围绕中心、服务大局，持续深化政务公开，不断提升政府信息公开工作的标准化、规范化水平。',
  '（一）主动公开。及时通过门户网站、政务新媒体等渠道公开机构职能、政策文件、规划计划、财政预决算等信息，全年主动公开政府信息一千余条，其中政策解读类信息六十余条，回应社会关切二十余次。',
  '（二）依申请公开。严格按照法定程序和时限受理、办理政府信息公开申请，规范答复文书格式，加强与申请人的沟通，做到依法答复、按时答复、准确答复，全年未发生因答复不规范引发的纠错情形。',
  '（三）政府信息管理。建立健全政府信息公开属性源头认定机制，对拟公开信息严格进行保密审查，动态更新政府信息公开指南和目录，做好规范性文件的清理和集中公开工作。',
  '（四）政府信息公开平台建设。优化门户网站政府信息公开专栏，完善栏目设置，加强内容保障，推进政务新媒体规范化管理，提升平台的权威性、便捷性和可用性。',
  '（五）监督保障。将政务公开工作纳入年度绩效考核，组织开展业务培训，邀请公众代表参与评议，畅通意见建议渠道，主动接受社会监督，及时整改发现的问题。',
];

/** A report grown to about `bytes` UTF-8 bytes by more prose paragraphs in sections 一 and 五. */
export function reportOfSize(d: KeyedReport, layout: Layout, bytes: number, r: () => number = rng(7)): string {
  const lines = composeReport(d, layout).split('\n');
  const at1 = lines.indexOf('一、总体情况') + 2;
  const at5 = lines.indexOf('五、存在的主要问题及改进情况') + 2;
  const extra1: string[] = [];
  const extra5: string[] = [];
  let size = Buffer.byteLength(lines.join('\n'));
  let k = 0;
  while (size < bytes) {
    const p = choose(r, PROSE);
    (k++ % 3 === 2 ? extra5 : extra1).push(p);
    size += Buffer.byteLength(p) + 1;
  }
  lines.splice(at5, 0, ...extra5);
  lines.splice(at1, 0, ...extra1);
  return lines.join('\n');
}

/** The prose sections of a report pasted over and over until the document is about `bytes`. */
export function prosePastedDocument(base: string, bytes: number): string {
  const lines = base.split('\n');
  const at1 = lines.indexOf('一、总体情况');
  const at2 = lines.indexOf('二、主动公开政府信息情况');
  const at5 = lines.indexOf('五、存在的主要问题及改进情况');
  const at6 = lines.indexOf('六、其他需要报告的事项');
  const s1 = lines.slice(at1 + 1, at2);
  const s5 = lines.slice(at5 + 1, at6);
  const grow1: string[] = [];
  const grow5: string[] = [];
  let size = Buffer.byteLength(base);
  const b1 = Buffer.byteLength(s1.join('\n')) + 1;
  const b5 = Buffer.byteLength(s5.join('\n')) + 1;
  while (size < bytes) {
    grow1.push(...s1);
    grow5.push(...s5);
    size += b1 + b5;
  }
  return [...lines.slice(0, at2), ...grow1, ...lines.slice(at2, at6), ...grow5, ...lines.slice(at6)].join('\n');
}

/** Many different reports one after another, about `bytes` in all. */
export function manyReportsDocument(each: number, bytes: number, seed = 11): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const t = reportOfSize(randomData(r), choose(r, LAYOUTS), each, r);
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return parts.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// The CLI batch: 2,000 reports in every layout, some with faults, a few with CRLF or a BOM.

export interface BatchFile {
  name: string;
  bytes: Buffer;
}

function fault(text: string, r: () => number): string {
  const lines = text.split('\n');
  const kind = int(r, 0, 4);
  // Lines holding numbers: change one digit, blank a number, or write it full-width.
  const numbered = lines.map((l, i) => [l, i] as const).filter(([l]) => /\d/.test(l) && !/年/.test(l));
  const [line, i] = choose(r, numbered);
  const nums = [...line.matchAll(/\d+/g)];
  const m = choose(r, nums);
  const s = m.index!;
  const e = s + m[0].length;
  let cell = m[0];
  if (kind === 0 || kind === 1) cell = String(Number(m[0]) + int(r, 1, 9));
  else if (kind === 2) cell = '';
  else if (kind === 3) cell = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
  else cell = m[0] + '.5';
  lines[i] = line.slice(0, s) + cell + line.slice(e);
  return lines.join('\n');
}

export function batch(n: number, seed = 1): BatchFile[] {
  const r = rng(seed);
  const out: BatchFile[] = [];
  for (let k = 0; k < n; k++) {
    const layout = LAYOUTS[k % LAYOUTS.length];
    let text = composeReport(randomData(r), layout);
    if (r() < 0.3) text = fault(text, r);
    if (r() < 0.2) text = fault(text, r);
    if (r() < 0.1) text = text.replace(/\n/g, '\r\n');
    let bytes = Buffer.from(text, 'utf8');
    if (r() < 0.05) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    out.push({ name: `r${String(k).padStart(5, '0')}-${layout}.txt`, bytes });
  }
  return out;
}

/** Places and kinds of office whose combinations name the offices of pairedBatch. */
const PLACES = ['青禾县', '临川市', '东湖区', '白石镇', '南岭县', '江北新区', '松原市', '北塘区', '西山县', '云溪区', '长宁市', '安平县', '清河区', '石桥镇', '金沙县', '河阳市', '龙泉区', '桃源县', '平湖市', '柳林镇'];
const KINDS = ['数据资源局', '自然资源和规划局', '人民政府办公室', '卫生健康委员会', '市场监督管理局', '教育局', '住房和城乡建设局', '交通运输局', '农业农村局', '生态环境局', '民政局', '财政局', '司法局', '文化和旅游局', '水利局', '应急管理局', '统计局', '审计局', '人力资源和社会保障局', '商务局'];

/**
 * A province's reports over the years: `n` reports, each office (place × kind) one report a year
 * for `years` consecutive years, so that every report but the first year's pairs with last year's
 * (check's cross-year rules run on every pair); every layout, some with a fault, as batch.
 */
export function pairedBatch(n: number, years = 5, seed = 2): BatchFile[] {
  const r = rng(seed);
  const out: BatchFile[] = [];
  for (let k = 0; k < n; k++) {
    const o = Math.floor(k / years);
    const office = `${PLACES[o % PLACES.length]}${KINDS[Math.floor(o / PLACES.length) % KINDS.length]}`;
    const layout = LAYOUTS[k % LAYOUTS.length];
    let text = composeReport({ ...randomData(r), office, year: 2021 + (k % years) }, layout);
    if (r() < 0.3) text = fault(text, r);
    out.push({ name: `p${String(k).padStart(5, '0')}-${layout}.txt`, bytes: Buffer.from(text, 'utf8') });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Single-cell edits: LSP content changes that replace the text of one input cell of table 三.

export interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/**
 * `n` edits in pairs, as a user corrects a number: the first of a pair replaces one input cell of
 * a table 三 with another number (the table then has a few arithmetic errors), the second puts
 * the old number back (the table is consistent again). With several reports in the document, the
 * table is picked at random. Ranges are computed against a model of the document kept here, so
 * they are right for the text as it is when each edit arrives.
 */
export function cellEdits(text: string, n: number, seed = 5): Edit[] {
  const r = rng(seed);
  const m = new ReportModel(text);
  const edits: Edit[] = [];
  let undo: Edit | null = null;
  for (let k = 0; k < n; k++) {
    let e: Edit;
    if (undo) {
      e = undo;
      undo = null;
    } else {
      const tables = m.analysis().tables.filter((t): t is Table3 => t.kind === 't3');
      const t = choose(r, tables);
      const inputs = t.rows.flatMap((row) => row.cells).filter((c) => c && !c.derived && c.text !== '');
      const c = choose(r, inputs)!;
      let v = String(int(r, 0, 60));
      if (v === c.text) v = String(Number(v) + 1);
      e = { range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } }, text: v };
      undo = { range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.start + v.length } }, text: c.text };
    }
    m.apply(e);
    edits.push(e);
  }
  return edits;
}

/**
 * A document that is not one report: `n` generated reports (every layout, about a third with a
 * fault) pasted one after another into one text, as when someone pastes a whole folder.
 */
export function pastedReports(n: number, seed = 3): string {
  return batch(n, seed).map((f) => f.bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n')).join('\n\n');
}
