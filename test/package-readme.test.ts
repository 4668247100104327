// The README on the extension page: `npm run package` keeps its links relative
// (--no-rewrite-relative-links; vsce would otherwise point them at the repository's web address,
// where they break), and the .vsix holds every picture and document the READMEs link to, so VS
// Code's extension page shows them from the installed package (docs/ and the pictures; links into
// the source tree are for people reading the repository). Lists the package with `vsce ls`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(__dirname, '..');
const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');

/** Relative link targets of a Markdown file: images and links, without anchors. */
function relativeLinks(md: string): { images: string[]; links: string[] } {
  const images = [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const links = [...md.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const rel = (u: string) => !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('#');
  return { images: images.filter(rel).map((u) => u.split('#')[0]), links: links.filter(rel).map((u) => u.split('#')[0]).filter(Boolean) };
}

describe('the README in the package', () => {
  test('npm run package keeps the links relative', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.match(pkg.scripts.package, /vsce package .*--no-rewrite-relative-links/);
  });

  test('every picture and document the READMEs link to exists and is in the .vsix', { skip: existsSync(VSCE) ? false : 'no @vscode/vsce in node_modules' }, () => {
    const r = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const packaged = new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    let images = 0;
    for (const readme of ['README.md', 'README.zh-CN.md']) {
      const { images: imgs, links } = relativeLinks(readFileSync(join(ROOT, readme), 'utf8'));
      images += imgs.length;
      for (const target of [...imgs, ...links.filter((l) => /^docs\/.*\.(md|png)$/.test(l))]) {
        assert.ok(existsSync(join(ROOT, target)), `${readme} links to ${target}, which does not exist`);
        assert.ok(packaged.has(target), `${readme} links to ${target}, which the .vsix leaves out`);
      }
    }
    assert.ok(images >= 6, `only ${images} pictures found in the READMEs`);
  });
});
