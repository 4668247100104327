// outline-numbering (issue 18, item 4): a sub-topic numbered like a section, sub-items skipping or
// out of order, on composed reports and on every seed and published report of ../shared, number
// by number (docs/assessment.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULE_BY_ID, analyzeText } from '../server/src/core/index.ts';
import { buildReport, exampleData } from './helpers/report.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';

const GENERAL = '2025年，青禾县数据资源局认真贯彻落实《条例》要求，坚持以公开为常态、不公开为例外，持续做好主动公开、依申请公开和政府信息管理工作，不断提升政务公开质量。';
const withBody = (...body: string[]) => buildReport(exampleData(), 'pipe').replace(GENERAL, body.join('\n'));
const outline = (text: string) => analyzeText(text).diagnostics.filter((d) => d.rule === 'outline-numbering');
const where = (text: string) => outline(text).map((d) => [text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character), d.message.zh]);

describe('outline-numbering', () => {
  test('（一）（二）（四）: a warning at （四）, naming the missing （三）', () => {
    const text = withBody('（一）主动公开。全年主动公开信息120条。', '（二）依申请公开。依法办理申请。', '（四）平台建设。完善门户网站。');
    assert.deepEqual(where(text), [['（四）', '编号跳号：“（二）”之后是“（四）”，缺少“（三）”']]);
    assert.equal(outline(text)[0].severity, 'warning');
    assert.equal(RULE_BY_ID.get('outline-numbering')!.severity, 'warning');
  });
  test('out of order, and Arabic items skipping', () => {
    assert.deepEqual(where(withBody('(一)主动公开。', '(三)依申请公开。', '(二)政府信息管理。')).map((x) => x[0]), ['(三)', '(二)']);
    assert.deepEqual(where(withBody('1.加强组织领导；', '2.完善制度；', '4.强化监督。')).map((x) => x[0]), ['4.']);
  });
  test('r09’s 总体情况: its sub-topics numbered 二、三、 like sections', () => {
    const text = withBody('二、工作机制保障', '市科委设立政务公开工作协调小组。', '三、主动公开工作情况', '市科委积极做好政府信息主动公开工作。');
    assert.deepEqual(where(text), [
      ['二、', '“一、总体情况”中的小标题用了一级标题的编号“二、”，与六个部分的编号混淆（应为“（二）”）'],
      ['三、', '“一、总体情况”中的小标题用了一级标题的编号“三、”，与六个部分的编号混淆（应为“（三）”）'],
    ]);
  });
  test('seed 004’s 六: a list begun 1、 2、 going on 3. 4. 5. 6、 — one warning, at 3.', () => {
    const text = withBody('- 1、依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费；', '- 2、2023年，我办认真学习贯彻落实有关文件；', '- 3.认证贯彻落实政务公开标准化规范化工作；', '- 4.认真开展政府网站和政务新媒体监管工作；', '- 5.按照有关规定开展行政执法三次；', '- 6、填报说明：数据来源于单位行政审批。');
    assert.deepEqual(where(text), [['3.', '同一层级混用两种编号：“3.”与本列表开头的“1、”体例不同']]);
  });
  test('no alarm: lists that start again at （一）, nested 1. 2. under each, one list 1、 the next 1., decimals, 一是', () => {
    const text = withBody(
      '（一）存在的主要问题。', '1.公开意识不强；', '2.解读形式单一。', '（二）改进措施。', '1、加强培训；', '2、丰富解读形式。',
      '（一）下一步工作。', '12.5%的申请为自然人提出。', '一是加强领导，二是完善制度。',
    );
    assert.deepEqual(where(text), []);
  });
  test('the numbering the format prints inside the tables is not read (第二十条第（一）项, （一）予以公开)', () => {
    const base = buildReport(exampleData(), 'pipe');
    assert.ok(base.includes('第二十条第（五）项') && base.includes('（一）予以公开'));
    assert.deepEqual(outline(base), []);
  });
});

describe('outline-numbering on the seeds and published reports, number by number', { skip: SKIP_SHARED }, () => {
  test('seed 001’s 二、 in 五, seed 004’s 3. in a list begun 1、, r09’s 二、… 六、 in 总体情况, nothing else', () => {
    const all = [...sharedFiles('seeds').map((f) => ({ ...f, name: `seeds/${f.name}` })), ...sharedFiles('real').map((f) => ({ ...f, name: `real/${f.name}` }))];
    const found = all.flatMap(({ name, text }) => analyzeText(text, { name }).diagnostics.filter((d) => d.rule === 'outline-numbering').map((d) => [name.slice(0, 9), d.range.start.line + 1]));
    assert.deepEqual(found, [['seeds/001', 66], ['seeds/004', 85], ['real/r09_', 5], ['real/r09_', 8], ['real/r09_', 10], ['real/r09_', 12], ['real/r09_', 14]]);
  });
});
