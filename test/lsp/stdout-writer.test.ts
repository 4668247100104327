// The --stdio writer (server/src/lsp/stdoutWriter.ts): each message goes out as one write of
// header and body, with the body's length in UTF-8 bytes (the diagnostics are Chinese), and
// vscode-jsonrpc's own reader reads back the messages sent, in order. A failed write rejects and
// is reported as the connection's error. Run: node test/run.mjs test/lsp/stdout-writer.test.ts
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { StdoutMessageWriter } from '../../server/src/lsp/stdoutWriter';

const published = (version: number): Message =>
  ({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri: 'file:///r.txt', version, diagnostics: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, message: '编号从“（四）”开始，缺少“（一）”', data: { version } }] },
  }) as Message;

describe('the --stdio writer', () => {
  test('one write per message, Content-Length in UTF-8 bytes; vscode-jsonrpc reads the messages back in order', async () => {
    const chunks: string[] = [];
    const pipe = new PassThrough();
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString('utf8'));
        pipe.write(chunk, done);
      },
    });
    const writer = new StdoutMessageWriter(out);
    const sent = [published(2), published(3), { jsonrpc: '2.0', id: 7, result: null } as Message];
    const got: Message[] = [];
    const all = new Promise<void>((resolve) => {
      new StreamMessageReader(pipe).listen((m) => {
        got.push(m);
        if (got.length === sent.length) resolve();
      });
    });
    await Promise.all(sent.map((m) => writer.write(m)));
    await all;
    assert.deepEqual(got, sent);
    assert.equal(chunks.length, sent.length, 'each message is one write');
    chunks.forEach((c, i) => {
      const body = JSON.stringify(sent[i]);
      assert.equal(c, `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    assert.ok(Buffer.byteLength(chunks[0]) > chunks[0].length, 'the body holds characters of more than one byte');
  });

  test('a failed write rejects and is reported as an error of the writer', async () => {
    const out = new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const writer = new StdoutMessageWriter(out);
    const errors: unknown[] = [];
    writer.onError(([err]) => errors.push(err));
    await assert.rejects(writer.write(published(2)), /EPIPE/);
    assert.ok(errors.some((e) => /EPIPE/.test(String((e as Error)?.message))), 'the connection hears of it');
  });
});
