// Saved web pages (html.ts) where the charset is not the plain case the other tests send: UTF-16
// with a BOM, a <meta> spelling "UTF8", an alias of GBK (gbk, x-gbk, cp936, euc-cn) over text with
// characters only GB18030 has (rare characters in names), a charset iconv does not know, an
// ASCII page (Chinese as &#…; entities) declaring GBK or, without a BOM, UTF-16, a "UTF-8" page with one stray byte. Each
// must read the text right and say nothing false about the charset; a Big5 page is read by
// its <meta> however it is spelt. And the page-level
// refusals and problems: text over maxChars, no article at all, parts of the article whose
// class looks like navigation, a title alone widened to the article around it, table sections.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { readSource, SourceError } from '../server/src/sources/index.ts';

const BODY = '<p>某某局2025年政府信息公开工作年度报告</p><p>一、总体情况</p>';
const TEXT = '某某局2025年政府信息公开工作年度报告\n一、总体情况\n';
const page = (head: string, body = BODY) => `<!DOCTYPE html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;

async function readPage(bytes: Uint8Array) {
  const r = await readSource('p.html', bytes);
  return { text: r.text, problems: r.problems.map((p) => p.en) };
}

describe('charsets', () => {
  const swap = (b: Buffer) => { const c = Buffer.from(b); for (let i = 0; i + 1 < c.length; i += 2) [c[i], c[i + 1]] = [c[i + 1], c[i]]; return c; };

  // Pins declaredCharset's FF FE and FE FF branches: UTF-16 pages (as "Unicode" saves them) read by their BOM.
  test('UTF-16 LE and BE with a BOM: read as their text, nothing said', async () => {
    const html = page('<meta charset="utf-16">');
    assert.deepEqual(await readPage(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')])), { text: TEXT, problems: [] });
    assert.deepEqual(await readPage(Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(html, 'utf16le'))])), { text: TEXT, problems: [] });
  });

  // Pins the "utf8" spelling read as UTF-8: otherwise the page is said to lie about its charset.
  test('<meta charset="UTF8"> on a UTF-8 page: no false "declares … but its content is UTF-8"', async () => {
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="UTF8">'))), { text: TEXT, problems: [] });
  });

  // Pins the GBK aliases mapped to GB18030: iconv's own gbk/cp936/euc-cn lose the four-byte characters.
  test('gbk, x-gbk, cp936, euc-cn: read as GB18030, rare characters (𠀀, 䶮) kept', async () => {
    const body = '<p>某某局2025年政府信息公开工作年度报告</p><p>一、总体情况</p><p>联系人：王𠀀䶮</p>';
    for (const cs of ['gbk', 'GBK', 'x-gbk', 'cp936', 'euc-cn']) {
      const bytes = iconv.encode(page(`<meta http-equiv="Content-Type" content="text/html; charset=${cs}">`, body), 'gb18030');
      assert.deepEqual(await readPage(bytes), { text: '某某局2025年政府信息公开工作年度报告\n一、总体情况\n联系人：王𠀀䶮\n', problems: [] }, cs);
    }
  });

  // Pins the <meta> pattern (declaredCharset): a charset other than GBK, declared as pages write
  // it — <meta charset='…'>, spaces around =, http-equiv — is the one the page is read in (a Big5
  // page sniffed as GB18030 would be mojibake).
  test('a Big5 page declared in any of the ways pages write it: read as Big5', async () => {
    const body = '<p>某某局2025年政府資訊公開工作年度報告</p><p>一、總體情況</p>';
    for (const head of [`<meta charset='big5'>`, '<meta charset = "Big5" />', '<meta http-equiv="Content-Type" content="text/html; charset=big5">', '<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=BIG5">']) {
      assert.deepEqual(await readPage(iconv.encode(page(head, body), 'big5')), { text: '某某局2025年政府資訊公開工作年度報告\n一、總體情況\n', problems: [] }, head);
    }
  });

  // Pins the encodingExists check: a charset iconv does not know is ignored (the content decides),
  // not handed to iconv (which throws, and the page would be "damaged").
  test('a charset iconv does not know: the content decides', async () => {
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="x-mac-chinesesimp-unknown">'))), { text: TEXT, problems: [] });
    assert.deepEqual(await readPage(iconv.encode(page('<meta charset="no-such">'), 'gb18030')), { text: TEXT, problems: [] });
  });

  // Pins hasHighBytes: a page of ASCII only (its Chinese as numeric entities) is valid UTF-8 and
  // valid GBK alike; its declaration is not a lie and nothing is said.
  test('an ASCII page declaring GBK (Chinese as &#…; entities): read, nothing said', async () => {
    const body = '<p>&#19968;&#12289;&#24635;&#20307;&#24773;&#20917;</p>';
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="gbk">', body))), { text: '一、总体情况\n', problems: [] });
  });

  // A <meta> found in ASCII bytes cannot be a UTF-16 page's own: as browsers do (the HTML
  // standard's prescan), a page declaring UTF-16 without a BOM is read as UTF-8, not as UTF-16
  // pairs of ASCII bytes (every two letters one CJK character, and nothing said).
  test('a page without a BOM declaring UTF-16: read as UTF-8', async () => {
    const body = '<p>&#19968;&#12289;&#24635;&#20307;&#24773;&#20917;</p>';
    for (const cs of ['utf-16', 'UTF-16LE', 'utf-16be', 'unicode']) {
      assert.deepEqual(await readPage(Buffer.from(page(`<meta charset="${cs}">`, body))), { text: '一、总体情况\n', problems: [] }, cs);
    }
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="utf-16">'))), { text: TEXT, problems: [] }, 'UTF-8 bytes');
  });

  // Pins the GB18030 check of a "UTF-8" page that is not UTF-8: only a page that reads cleanly as
  // GB18030 is taken for one. A UTF-8 page with one stray byte stays UTF-8 (one replacement
  // character), not turned to mojibake with a false problem.
  test('a UTF-8 page with one stray byte: read as UTF-8, its text kept', async () => {
    const [before, after] = page('<meta charset="utf-8">', '<p>某某局2025年政府信息公开工作年度报告</p><p>一、总体情况STRAY</p>').split('STRAY');
    const bytes = Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]);
    assert.deepEqual(await readPage(bytes), { text: '某某局2025年政府信息公开工作年度报告\n一、总体情况\ufffd\n', problems: [] });
  });
});

describe('the page', () => {
  // Pins readHtml's DraftTooLong catch: too much text is "too large", not "damaged".
  test('converted text over maxChars: too-large', async () => {
    await assert.rejects(readSource('p.html', Buffer.from(page('<meta charset="utf-8">', '<p>一、总体情况</p>'.repeat(100))), { maxChars: 200 }), (e) => {
      assert.ok(e instanceof SourceError);
      assert.equal(e.code, 'too-large', e.message);
      assert.match(e.message, /over 200 characters/);
      return true;
    });
  });

  // Pins the "no article" problem: a page with nothing but scripts and navigation says so.
  test('a page without text: read empty, and said', async () => {
    const r = await readPage(Buffer.from(page('<meta charset="utf-8">', '<script>var a = "一、总体情况";</script><style>p{color:red}</style><nav>首页</nav>')));
    assert.deepEqual(r, { text: '', problems: ['No article text found in the page'] });
  });

  // Pins isChrome's exception: inside the article, an element whose class looks like page chrome
  // ("article-header", "content-foot") is kept when it holds the report's title or tables;
  // a real share bar beside them is dropped.
  test('a part of the article classed like page chrome is kept when it holds the title or a table', async () => {
    const body = `<div class="nav">首页 政务公开</div><div class="article"><div class="article-header"><p>某某局2025年政府信息公开工作年度报告</p></div><div class="share">分享到微信</div><div class="content-foot"><table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table></div></div><div class="footer">版权所有</div>`;
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="utf-8">', body))), { text: '某某局2025年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\t3\n', problems: [] });
  });

  // Pins the table walk through <thead>/<tfoot> and <th> cells.
  test('rows in <thead>, <tbody> and <tfoot>; <th> cells are cells', async () => {
    const body = '<table><thead><tr><th>项目</th><th>数量</th></tr></thead><tbody><tr><td>行政许可</td><td>5</td></tr></tbody><tfoot><tr><th>合计</th><td>5</td></tr></tfoot></table>';
    assert.equal((await readPage(Buffer.from(page('<meta charset="utf-8">', body)))).text, '项目\t数量\n行政许可\t5\n合计\t5\n');
  });

  // Pins findArticle's widening: with a title and no report table, the article is the element
  // around the title that holds the report's text, not the title alone.
  test('a title without report tables: widened to the article that holds it', async () => {
    const body = `<div class="links">友情链接</div><div class="content"><h1>某某局2025年政府信息公开工作年度报告</h1><div class="text"><p>一、总体情况</p><p>本机关认真贯彻落实条例。</p></div></div><div>友情链接</div>`;
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="utf-8">', body))), { text: '某某局2025年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实条例。\n', problems: [] });
  });

  // Pins <style> in the body dropped (DROPPED): its rules are not report text.
  test('a <style> in the body is not text', async () => {
    assert.deepEqual(await readPage(Buffer.from(page('<meta charset="utf-8">', `<style>p{color:red}</style>${BODY}`))), { text: TEXT, problems: [] });
  });
});
