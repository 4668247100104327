// The server's settings (lsp/settings.ts SettingsStore) when the client says nothing: a
// didChangeConfiguration with `settings: null` (a client that wants to be asked) keeps what it
// pushed before, and a `workspace/configuration` answer of null for a document (a client that has
// no value for it) falls back to the pushed settings, not to the defaults; a failed request too.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SettingsStore, type SettingsSource } from '../../server/src/lsp/settings.ts';

function store(pull?: (uri: string) => Promise<unknown>): { settings: SettingsStore; errors: string[] } {
  const errors: string[] = [];
  const source: SettingsSource = {
    canPull: () => !!pull,
    pull: pull ?? (() => Promise.reject(new Error('not asked'))),
    clientLocale: () => undefined,
    log: { error: (message) => void errors.push(message), info: () => undefined },
  };
  return { settings: new SettingsStore(source), errors };
}

const pushed = { disclosureReport: { maxDiagnostics: 7, locale: 'en', severity: { 'word-repeated': 'off' } } };

describe('SettingsStore: what the client does not say keeps what it said', () => {
  test('settings: null after pushed settings keeps them (and still counts as a change)', async () => {
    const { settings } = store();
    settings.changed(pushed);
    const generation = settings.generation;
    settings.changed(null);
    const s = await settings.get('file:///a.txt');
    assert.deepEqual({ max: s.maxDiagnostics, locale: s.locale, severity: s.severity }, { max: 7, locale: 'en', severity: { 'word-repeated': 'off' } });
    assert.equal(settings.generation, generation + 1, 'listeners and pull results see a change');
  });

  test('pushed settings without the section are the defaults', async () => {
    const { settings } = store();
    settings.changed(pushed);
    settings.changed({ other: {} });
    assert.equal((await settings.get('file:///a.txt')).maxDiagnostics, 1000);
  });

  test('a null workspace/configuration answer, or a failed one, falls back to the pushed settings', async () => {
    const answers: Record<string, () => Promise<unknown>> = {
      'file:///null.txt': async () => null,
      'file:///failed.txt': async () => { throw new Error('boom'); },
      'file:///own.txt': async () => ({ maxDiagnostics: 3 }),
    };
    const { settings, errors } = store((uri) => answers[uri]());
    settings.changed(pushed);
    assert.equal((await settings.get('file:///null.txt')).maxDiagnostics, 7);
    assert.equal((await settings.get('file:///failed.txt')).maxDiagnostics, 7);
    assert.equal((await settings.get('file:///own.txt')).maxDiagnostics, 3);
    assert.equal(errors.length, 1, 'the failed request logged once');
  });
});
