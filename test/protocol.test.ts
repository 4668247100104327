// The names client and server share (server/src/protocol.ts) against what package.json
// contributes, and against what the server declares and publishes: one spelling of each.
// Run: node test/run.mjs test/protocol.test.ts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, LANGUAGE_ID, NOTIFICATIONS, REQUESTS, SERVER_COMMANDS, SERVER_NAME, SERVER_REQUESTS, SETTINGS_SECTION } from '../server/src/protocol';

const pkg = JSON.parse(readFileSync(join(resolve(__dirname, '..'), 'package.json'), 'utf8'));

describe('protocol.ts and package.json', () => {
  test('the language id is the one package.json contributes, with its grammar', () => {
    assert.deepEqual(pkg.contributes.languages.map((l: { id: string }) => l.id), [LANGUAGE_ID]);
    assert.deepEqual(pkg.contributes.grammars.map((g: { language: string }) => g.language), [LANGUAGE_ID]);
    assert.ok(pkg.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
  });

  test('every contributed setting is in the settings section', () => {
    const keys = Object.keys(pkg.contributes.configuration.properties);
    assert.ok(keys.length >= 4);
    for (const k of keys) assert.ok(k.startsWith(`${SETTINGS_SECTION}.`), k);
  });

  test('the client commands are exactly the contributed commands', () => {
    assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(), Object.values(CLIENT_COMMANDS).sort());
  });

  test('the server bin, the fix-all kind and the server commands are named after the source', () => {
    assert.ok(SERVER_NAME in pkg.bin);
    assert.equal(FIX_ALL_KIND, `source.fixAll.${DIAGNOSTIC_SOURCE}`);
    for (const c of Object.values(SERVER_COMMANDS)) assert.ok(c.startsWith(`${DIAGNOSTIC_SOURCE}.server.`), c);
    // Server commands and client commands are different names (VS Code rejects a duplicate registration).
    for (const c of Object.values(SERVER_COMMANDS)) assert.ok(!(Object.values(CLIENT_COMMANDS) as string[]).includes(c));
  });
});

const ROOT = resolve(__dirname, '..');
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}
const text = (dir: string) => sources(join(ROOT, dir)).map((f) => ({ f, code: readFileSync(f, 'utf8') }));

describe('the custom requests are typed on both sides (protocol.ts REQUESTS)', () => {
  test('each has one method, under the settings section, and SERVER_REQUESTS names the same methods', () => {
    const methods = Object.values(REQUESTS).map((r) => r.method);
    assert.equal(new Set(methods).size, methods.length);
    for (const m of methods) assert.ok(m.startsWith(`${SETTINGS_SECTION}/`), m);
    assert.deepEqual(Object.fromEntries(Object.entries(REQUESTS).map(([k, r]) => [k, r.method])), SERVER_REQUESTS);
  });

  test('the server answers each through onCustom, the client sends each through sendCustom, and neither spells a method', () => {
    const server = text('server/src/lsp');
    const client = text('client/src');
    for (const name of Object.keys(REQUESTS)) {
      assert.equal(server.filter((x) => x.code.includes(`onCustom(ctx, REQUESTS.${name},`)).length, 1, `the server answers ${name} once`);
      assert.ok(client.some((x) => x.code.includes(`sendCustom(`) && x.code.includes(`REQUESTS.${name},`)), `the client sends ${name}`);
    }
    for (const { f, code } of [...server, ...client]) {
      assert.doesNotMatch(code, /SERVER_REQUESTS\.|['"]disclosureReport\/[a-zA-Z]+['"]/, `${f} names a request by its method`);
      assert.doesNotMatch(code, /sendRequest<[^>]*>\(\s*(REQUESTS|SERVER_REQUESTS)/, f);
    }
  });
});

describe('the custom notifications are typed on both sides (protocol.ts NOTIFICATIONS)', () => {
  test('the server sends each through sendNotice, the client listens through onNotice', () => {
    const server = text('server/src/lsp');
    const client = text('client/src');
    for (const [name, n] of Object.entries(NOTIFICATIONS)) {
      assert.ok(n.method.startsWith(`${SETTINGS_SECTION}/`), n.method);
      assert.equal(server.filter((x) => x.code.includes(`sendNotice(ctx, NOTIFICATIONS.${name})`) || x.code.includes(`sendNotice(ctx, NOTIFICATIONS.${name},`)).length, 1, `the server sends ${name} in one place`);
      assert.ok(client.some((x) => x.code.includes(`onNotice(c, NOTIFICATIONS.${name},`)), `the client listens to ${name}`);
    }
    for (const { f, code } of [...server, ...client]) assert.doesNotMatch(code, /sendNotification\(\s*NOTIFICATIONS|onNotification\(\s*NOTIFICATIONS/, f);
  });
});
