// Which office's report for which year: the title (one line or several, 关于…的报告), the period
// statement, the file name; the comparable office; pairing with last year's report. On composed
// titles, and on every seed and published report of ../shared.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPrevious, identityFromFileName, officeKey, reportIdentity, sameOffice } from '../server/src/core/years/index.ts';
import { buildReport, exampleData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const lines = (text: string) => text.split(/\r\n|\r|\n/);
const id = (text: string, file?: string) => {
  const r = reportIdentity(lines(text), file);
  return { office: r.office, year: r.year, source: r.source };
};
const BODY = '\n一、总体情况\n本年度，本机关认真贯彻落实《条例》要求。\n';

describe('report identity: the title', () => {
  const cases: [string, string, number][] = [
    ['洪泽区人民政府2023年政府信息公开工作年度报告', '洪泽区人民政府', 2023],
    ['上海市科学技术委员会2024年政府信息公开工作年度报告', '上海市科学技术委员会', 2024],
    ['2024 年上海市科委政府信息公开工作年度报告', '上海市科委', 2024],
    ['沭阳县发展和改革局2023年政府信息公开年度报告', '沭阳县发展和改革局', 2023],
    ['卢氏县国防动员办公室 2023 年政府信息公开工作 年度报告', '卢氏县国防动员办公室', 2023],
    ['青禾县人民政府关于2023年度政府信息公开工作情况的报告', '青禾县人民政府', 2023],
    ['关于青禾县数据资源局2023年政府信息公开工作的报告', '青禾县数据资源局', 2023],
    ['青禾县数据资源局政府信息公开工作年度报告（2023年度）', '青禾县数据资源局', 2023],
    ['# 青禾县数据资源局２０２５年政府信息公开工作年度报告', '青禾县数据资源局', 2025],
    ['青禾县数据资源局2022年度政务公开工作报告', '青禾县数据资源局', 2022],
  ];
  for (const [title, office, year] of cases) {
    test(title, () => assert.deepEqual(id(title + BODY), { office, year, source: { office: 'title', year: 'title' } }));
  }

  test('a title split over two lines: office above, year and topic below', () => {
    assert.deepEqual(id('淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告' + BODY), { office: '淮安市洪泽区人民政府', year: 2024, source: { office: 'title', year: 'title' } });
    const r = reportIdentity(lines('\n淮安市洪泽区人民政府\n2024 年政府信息公开工作年度报告' + BODY));
    assert.deepEqual(r.titleRange, { start: { line: 1, character: 0 }, end: { line: 2, character: 18 } });
  });
  test('a title split before 年度报告', () => {
    assert.deepEqual(id('青禾县数据资源局2023年政府信息公开工作\n年度报告' + BODY), { office: '青禾县数据资源局', year: 2023, source: { office: 'title', year: 'title' } });
  });
  test('a line above joins only to give what the title lacks', () => {
    assert.deepEqual(id('青禾县数据资源局\n青禾县人民政府政府信息公开工作年度报告\n本报告所列数据的统计期限为2023年1月1日至2023年12月31日。' + BODY), { office: '青禾县人民政府', year: 2023, source: { office: 'title', year: 'period' } });
    assert.deepEqual(id('2023年度\n青禾县人民政府政府信息公开工作年度报告' + BODY), { office: '青禾县人民政府', year: 2023, source: { office: 'title', year: 'title' } });
    assert.deepEqual(id('首页>政务公开>年报\n2023年政府信息公开工作年度报告' + BODY), { office: null, year: 2023, source: { office: null, year: 'title' } });
  });
  test('a saved web page’s 标题： label', () => {
    assert.deepEqual(id('索引号：014000000/2024-00001\n标题：青禾县数据资源局2023年政府信息公开工作年度报告' + BODY).office, '青禾县数据资源局');
  });
  test('a metadata or date line above the title is not joined to it', () => {
    assert.deepEqual(id('发布日期：2020-01-31\n2019年政府信息公开工作年度报告' + BODY).office, null);
    assert.deepEqual(id('（2024年1月5日）\n2023年政府信息公开工作年度报告' + BODY), { office: null, year: 2023, source: { office: null, year: 'title' } });
  });
  test('the preamble is no title, nor is a line below the first heading', () => {
    const t = '本报告由青禾县数据资源局根据《中华人民共和国政府信息公开条例》要求编制此报告。\n一、总体情况\n青禾县数据资源局2023年政府信息公开工作年度报告\n';
    assert.deepEqual(id(t), { office: null, year: null, source: { office: null, year: null } });
  });
  test('the composed reports of the tests', () => {
    const d = exampleData();
    assert.deepEqual(id(buildReport(d, 'pipe')), { office: '青禾县数据资源局', year: 2025, source: { office: 'title', year: 'title' } });
  });
});

describe('report identity: the period statement and the file name', () => {
  test('no title: the year of the period statement', () => {
    assert.deepEqual(id('根据《条例》编制本报告。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。' + BODY), { office: null, year: 2023, source: { office: null, year: 'period' } });
    assert.equal(id('本年度报告中所列数据的统计周期为 2024 年 1 月 1 日至 12 月 31 日。' + BODY).year, 2024);
    assert.equal(id('报告所列统计时限为2022年1月1日至2022年12月31日。' + BODY).year, 2022);
  });
  test('the title year wins over the period (period-year reports the difference)', () => {
    assert.deepEqual(id('青禾县数据资源局2024年政府信息公开工作年度报告\n本报告所列数据的统计期限为2023年1月1日至2023年12月31日。' + BODY).year, 2024);
  });
  test('no title, no period: the file name', () => {
    assert.deepEqual(id(BODY, '/work/shared/real/r04_suqian_2023.txt'), { office: 'suqian', year: 2023, source: { office: 'file', year: 'file' } });
    assert.deepEqual(id(BODY, 'C:\\年报\\2024年洪泽区人民政府政府信息公开工作年度报告.docx'), { office: '洪泽区人民政府', year: 2024, source: { office: 'file', year: 'file' } });
  });
  test('the file name fills what the text lacks, and only that', () => {
    assert.deepEqual(id('本报告所列数据的统计期限为2023年1月1日至2023年12月31日。' + BODY, '洪泽区2022年报.txt'), { office: '洪泽区', year: 2023, source: { office: 'file', year: 'period' } });
  });
  const files: [string, string | null, number | null][] = [
    ['r01_hongze_2023.txt', 'hongze', 2023],
    ['r06_jinhu_2023_tables_only.txt', 'jinhu', 2023],
    ['2024年报.docx', null, 2024],
    ['洪泽区2023年政府信息公开工作年度报告.report.txt', '洪泽区', 2023],
    ['000_5436d58b22527656.txt', null, null],
    ['a2023ffee99.txt', null, null],
    ['比对_洪泽区_2023vs2024.pdf', '比对_洪泽区', null],
    ['draft.txt', null, null],
    ['洪泽区年报.txt', '洪泽区', null],
  ];
  for (const [name, office, year] of files) test(`file name ${name}`, () => assert.deepEqual(identityFromFileName(name), { office, year }));
});

describe('the same office', () => {
  test('white space, full width, 人民政府 and 政府, 政府办公室 and 政府办', () => {
    assert.equal(officeKey('洪泽区 人民政府'), '洪泽区政府');
    assert.ok(sameOffice('洪泽区人民政府', '洪泽区政府'));
    assert.ok(sameOffice('瑞安市人民政府办公室', '瑞安市政府办'));
    assert.ok(sameOffice('ＡＢ县数据局', 'AB县数据局'));
  });
  test('a higher-level place in front of a county-level office', () => {
    assert.ok(sameOffice('淮安市洪泽区人民政府', '洪泽区人民政府'));
    assert.ok(sameOffice('洪泽区人民政府', '江苏省淮安市洪泽区人民政府'));
  });
  test('different offices stay different', () => {
    assert.ok(!sameOffice('淮安市人民政府', '淮安市洪泽区人民政府'));
    assert.ok(!sameOffice('宿迁市城市管理局', '城市管理局'));
    assert.ok(!sameOffice('上海市人民政府办公厅', '上海市科委'));
    assert.ok(!sameOffice('洪泽区人民政府办公室', '洪泽区人民政府'));
    assert.ok(!sameOffice(null, null));
  });
});

describe('pairing with last year’s report', () => {
  test('same office, year − 1; none for the earliest', () => {
    const p = findPrevious([
      { path: 'a/2024.txt', office: '淮安市洪泽区人民政府', year: 2024 },
      { path: 'a/2023.txt', office: '洪泽区人民政府', year: 2023 },
      { path: 'a/city.txt', office: '淮安市人民政府', year: 2023 },
      { path: 'a/2022.txt', office: '洪泽区人民政府', year: 2021 },
    ]);
    assert.deepEqual(p.map((x) => [x.path, x.previous, x.reason]), [
      ['a/2024.txt', 'a/2023.txt', null],
      ['a/2023.txt', null, 'none'],
      ['a/city.txt', null, 'none'],
      ['a/2022.txt', null, 'none'],
    ]);
    assert.match(p[1].message!.zh, /2022/);
  });
  test('two candidates: none, and the reason names both', () => {
    const [p] = findPrevious([
      { path: 'x/2024.txt', office: '青禾县数据资源局', year: 2024 },
      { path: 'x/2023.txt', office: '青禾县数据资源局', year: 2023 },
      { path: 'y/2023-copy.txt', office: '青禾县数据资源局', year: 2023 },
    ]);
    assert.equal(p.previous, null);
    assert.equal(p.reason, 'ambiguous');
    assert.deepEqual(p.candidates, ['x/2023.txt', 'y/2023-copy.txt']);
    assert.match(p.message!.en, /2023\.txt, 2023-copy\.txt/);
  });
  test('unknown office or year: none, with the reason', () => {
    const p = findPrevious([{ path: 'a', office: null, year: 2024 }, { path: 'b', office: '某局', year: null }]);
    assert.deepEqual(p.map((x) => x.reason), ['no-office', 'no-year']);
  });
});

describe('identity of the seeds and published reports', { skip: SKIP_SHARED }, () => {
  // name → office, year, where each was read. Seeds 000–003 have no title; 000 and 001 state the
  // period; 002 and 003 state neither and have hash names, so their year is unknown.
  const expected: Record<string, [string | null, number | null, string | null, string | null]> = {
    'r01_hongze_2023.txt': ['洪泽区人民政府', 2023, 'title', 'title'],
    'r02_hongze_2024.txt': ['淮安市洪泽区人民政府', 2024, 'title', 'title'],
    'r03_huaian_2024.txt': ['淮安市人民政府', 2024, 'title', 'title'],
    'r04_suqian_2023.txt': ['suqian', 2023, 'file', 'file'],
    'r05_suqian_2024.txt': ['suqian', 2024, 'file', 'file'],
    'r06_jinhu_2023_tables_only.txt': ['jinhu', 2023, 'file', 'file'],
    'r07_shuyang_fgj_2023.txt': ['沭阳县发展和改革局', 2023, 'title', 'title'],
    'r08_shuyang_county_2025.txt': ['沐阳县人民政府', 2025, 'title', 'title'],
    'r09_shanghai_stcsm_2024.txt': ['上海市科委', 2024, 'title', 'title'],
    'r10_shanghai_office_2025.txt': ['上海市人民政府办公厅', 2025, 'title', 'title'],
    'r11_shanghai_office_2019_old_format.txt': ['上海市人民政府办公厅', 2019, 'title', 'title'],
    '000_5436d58b22527656.txt': [null, 2024, null, 'period'],
    '001_7f404b4c2ca7fa08.txt': [null, 2024, null, 'period'],
    '002_4e3048a979d6098a.txt': [null, null, null, null],
    '003_3a9fe340881f2550.txt': [null, null, null, null],
    '004_30eabbe77a56ee75.txt': ['卢氏县国防动员办公室', 2023, 'title', 'title'],
  };
  const all = [...sharedFiles('real'), ...sharedFiles('seeds')];
  test('every file is listed', () => assert.deepEqual(all.map((f) => f.name).sort(), Object.keys(expected).sort()));
  for (const { name, text } of all) {
    test(name, () => {
      const r = reportIdentity(lines(text), name);
      assert.deepEqual([r.office, r.year, r.source.office, r.source.year], expected[name]);
    });
  }
  test('pairs: r02 with r01 (洪泽区, the 2024 title adds 淮安市), r05 with r04 (by file name); no other', () => {
    const reports = all.map(({ name, text }) => ({ path: name, ...reportIdentity(lines(text), name) }));
    const paired = findPrevious(reports).filter((p) => p.previous).map((p) => [p.path, p.previous]);
    assert.deepEqual(paired, [
      ['r02_hongze_2024.txt', 'r01_hongze_2023.txt'],
      ['r05_suqian_2024.txt', 'r04_suqian_2023.txt'],
    ]);
  });
});

describe('never throws', () => {
  // Seeded pieces of titles, periods, headings and noise: identity and pairing take anything.
  const PIECES = ['洪泽区人民政府', '2023 年', '２０２４年', '政府信息公开工作', '年度报告', '关于', '的报告', '（2023年度）', '一、总体情况', '统计期限自', '1月1日', '：', '。', '\t', '|', ' ', '\n', '', '报告', '#', '淮安市', 'r01_', '.txt', '9999年', '1900年'];
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  test('400 random texts and file names', () => {
    const reports = [];
    for (let i = 0; i < 400; i++) {
      const text = Array.from({ length: rand(30) }, () => PIECES[rand(PIECES.length)]).join('');
      const name = Array.from({ length: rand(5) }, () => PIECES[rand(PIECES.length)]).join('');
      const r = reportIdentity(lines(text), name);
      assert.ok(r.year === null || (r.year >= 2008 && r.year <= 2099));
      assert.equal(r.officeKey === null, r.office === null);
      reports.push({ path: String(i), office: r.office, year: r.year });
    }
    const p = findPrevious(reports);
    assert.equal(p.length, 400);
    assert.ok(p.every((x) => (x.previous === null) === (x.reason !== null)));
  });
});
