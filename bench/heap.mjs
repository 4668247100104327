// `node --experimental-websocket bench/heap.mjs [N]`: what the real server keeps per open report
// (issue 19, item 4).
// Starts dist/server.js as bench d does (the client's Node options), opens N of bench d's 10 KB
// reports (default 100), takes a V8 heap snapshot (--heapsnapshot-signal) before and after, and
// prints the used heap per report, the self size added per report by kind of object, and the
// retained size (dominator tree) of what the server's document maps hold, per report.
// Needs bench/out/lib.mjs (built by `node bench/run.mjs`) and dist/ (`npm run build`). Env:
// HEAP_SERVER (another server bundle), HEAP_NODE_ARGS (more Node options), HEAP_WAIT (seconds of
// idle to measure again after, `5,10`), HEAP_NO_SNAPSHOT=1, HEAP_MIN (bytes per report to print a path).

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = await import(join(ROOT, 'bench/out/lib.mjs'));
const N = Number(process.argv[2] ?? 100);
const SETTINGS = { disclosureReport: { debounceMs: 0 } };
const dir = mkdtempSync(join(tmpdir(), 'heap-'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function snapshot(pid) {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  for (;;) {
    await sleep(200);
    const f = readdirSync(dir).find((n) => !before.has(n) && n.endsWith('.heapsnapshot'));
    if (!f) continue;
    const p = join(dir, f);
    const s1 = statSync(p).size;
    await sleep(500);
    if (statSync(p).size === s1 && s1 > 0) {
      try {
        return JSON.parse(readFileSync(p, 'utf8'));
      } catch {
        /* still being written */
      }
    }
  }
}

function rssKb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

/** The snapshot as arrays, with each node's kind: its type, and for objects its constructor name. */
function parse(snap) {
  const m = snap.snapshot.meta;
  const nf = m.node_fields.length;
  const ef = m.edge_fields.length;
  const types = m.node_types[0];
  const etypes = m.edge_types[0];
  const nodes = snap.nodes;
  const edges = snap.edges;
  const strings = snap.strings;
  const n = nodes.length / nf;
  const iType = m.node_fields.indexOf('type');
  const iName = m.node_fields.indexOf('name');
  const iSelf = m.node_fields.indexOf('self_size');
  const iEc = m.node_fields.indexOf('edge_count');
  const eType = m.edge_fields.indexOf('type');
  const eName = m.edge_fields.indexOf('name_or_index');
  const eTo = m.edge_fields.indexOf('to_node');
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * nf + iEc];
  const kind = (i) => {
    const t = types[nodes[i * nf + iType]];
    const name = strings[nodes[i * nf + iName]];
    if (t === 'object' || t === 'closure' || t === 'native') return `${t} ${name.length > 60 ? name.slice(0, 60) + '…' : name}`;
    if (t === 'hidden' || t === 'code' || t === 'object shape' || t === 'synthetic') return `${t} ${name.slice(0, 40)}`;
    return t;
  };
  return {
    n,
    self: (i) => nodes[i * nf + iSelf],
    type: (i) => types[nodes[i * nf + iType]],
    name: (i) => strings[nodes[i * nf + iName]],
    kind,
    *children(i) {
      for (let e = firstEdge[i]; e < firstEdge[i + 1]; e++) {
        const et = etypes[edges[e * ef + eType]];
        if (et === 'weak') continue;
        const nameOrIndex = edges[e * ef + eName];
        yield { to: edges[e * ef + eTo] / nf, type: et, name: et === 'element' || et === 'hidden' ? nameOrIndex : strings[nameOrIndex] };
      }
    },
  };
}

/** Immediate dominators (Cooper, Harvey, Kennedy) from node 0, the snapshot's root; and retained sizes. */
function retained(g) {
  const order = new Int32Array(g.n).fill(-1); // postorder number
  const byOrder = [];
  const preds = Array.from({ length: g.n }, () => []);
  const stack = [[0, g.children(0)]];
  order[0] = -2;
  while (stack.length) {
    const top = stack[stack.length - 1];
    const nx = top[1].next();
    if (nx.done) {
      stack.pop();
      order[top[0]] = byOrder.length;
      byOrder.push(top[0]);
      continue;
    }
    const c = nx.value.to;
    preds[c].push(top[0]);
    if (order[c] === -1) {
      order[c] = -2;
      stack.push([c, g.children(c)]);
    }
  }
  const idom = new Int32Array(g.n).fill(-1);
  idom[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = byOrder.length - 1; k >= 0; k--) {
      const v = byOrder[k];
      if (v === 0) continue;
      let d = -1;
      for (const p of preds[v]) if (idom[p] !== -1) d = d === -1 ? p : intersect(p, d);
      if (d !== idom[v]) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  const size = new Float64Array(g.n);
  for (const v of byOrder) size[v] += g.self(v);
  for (const v of byOrder) if (v !== 0 && idom[v] >= 0) size[idom[v]] += size[v];
  return { idom, size, reached: byOrder.length };
}

function totals(g) {
  let all = 0;
  const byKind = new Map();
  for (let i = 0; i < g.n; i++) {
    const s = g.self(i);
    all += s;
    const k = g.kind(i);
    byKind.set(k, (byKind.get(k) ?? 0) + s);
  }
  return { all, byKind };
}

/** Retained size per report of what hangs off each `Map` whose keys are the bench's URIs. */
function perDocumentHolders(g, r) {
  const out = [];
  for (let i = 0; i < g.n; i++) {
    if (g.type(i) !== 'object' || (g.name(i) !== 'Map' && g.name(i) !== 'Object')) continue;
    let table = -1;
    for (const e of g.children(i)) if (e.type === 'internal' && e.name === 'table') table = e.to;
    const holder = table >= 0 ? table : i;
    let count = 0;
    let sum = 0;
    const seen = new Set();
    for (const e of g.children(holder)) {
      if (seen.has(e.to)) continue;
      if (g.type(e.to) === 'string' || g.type(e.to) === 'concatenated string' || g.type(e.to) === 'sliced string') {
        if (g.name(e.to).startsWith('file:///bench/open/')) count++;
        continue;
      }
      seen.add(e.to);
      sum += r.size[e.to];
    }
    if (count >= N / 2) out.push({ node: i, count, perDoc: sum / count });
  }
  return out;
}

/** The retained size below `node`, by kind of what it dominates, for one level of children. */
function breakdown(g, r, node, depth = 2, prefix = '', perDoc = 1) {
  const kids = new Map();
  for (const e of g.children(node)) {
    if (r.idom[e.to] !== node) continue;
    const label = `${e.name}: ${g.kind(e.to)}`;
    const k = kids.get(label) ?? { size: 0, count: 0, nodes: [] };
    k.size += r.size[e.to];
    k.count++;
    k.nodes.push(e.to);
    kids.set(label, k);
  }
  const rows = [...kids].sort((a, b) => b[1].size - a[1].size).slice(0, 12);
  for (const [label, k] of rows) {
    if (k.size / perDoc < 200) continue;
    console.log(`${prefix}${(k.size / perDoc / 1024).toFixed(1).padStart(7)} KB  ${label}${k.count > 1 ? ` ×${k.count}` : ''}`);
    if (depth > 1 && k.count === 1) breakdown(g, r, k.nodes[0], depth - 1, prefix + '    ', perDoc);
  }
}

/**
 * Self sizes summed over the tree of shortest retaining paths from the root (breadth first), the
 * path written as edge names with indices and entry keys as `[]`, so that what each of the N
 * reports keeps at the same place adds up on one line.
 */
function pathTrie(g) {
  const parentEdge = new Array(g.n);
  const trieOf = new Int32Array(g.n).fill(-1);
  const labels = [''];
  const parents = [-1];
  const kids = [new Map()];
  const self = [0];
  const count = [0];
  trieOf[0] = 0;
  // A WeakMap's entries are reached last: its keys (tables, contexts) belong where they are
  // held strongly, and only what it adds for them is put down to the WeakMap.
  const weakTables = new Set();
  for (let i = 0; i < g.n; i++) {
    if (g.type(i) !== 'object' || g.name(i) !== 'WeakMap') continue;
    for (const e of g.children(i)) if (e.name === 'table') weakTables.add(e.to);
  }
  const deferred = [];
  let queue = [0];
  while (queue.length || deferred.length) {
    if (!queue.length) queue = deferred.splice(0);
    const next = [];
    for (const v of queue) {
      if (weakTables.has(v) && !deferred.includes(v) && weakTables.delete(v)) {
        deferred.push(v);
        continue;
      }
      for (const e of g.children(v)) {
        if (trieOf[e.to] !== -1) continue;
        let name = typeof e.name === 'number' ? '[]' : String(e.name).replace(/@\d+/g, '@');
        if (e.type === 'internal' && /^part of key/.test(name)) name = `(${name.replace(/^part of key \((\S+).*pair in (\w+).*$/, '$2 value, key $1')})`;
        if (/^\d+$/.test(name)) name = '[]';
        const t = g.type(e.to);
        const label = `${name}${t === 'object' ? `: ${g.name(e.to)}` : t === 'string' || t.endsWith('string') ? ` (${t})` : t === 'array' ? ' (array)' : t === 'closure' ? ` (closure ${g.name(e.to)})` : ''}`;
        const parentTrie = trieOf[v];
        let k = kids[parentTrie].get(label);
        if (k === undefined) {
          k = labels.length;
          labels.push(label);
          parents.push(parentTrie);
          kids.push(new Map());
          self.push(0);
          count.push(0);
          kids[parentTrie].set(label, k);
        }
        trieOf[e.to] = k;
        parentEdge[e.to] = v;
        next.push(e.to);
      }
    }
    queue = next;
  }
  for (let i = 0; i < g.n; i++) {
    const k = trieOf[i];
    if (k < 0) continue;
    self[k] += g.self(i);
    count[k]++;
  }
  const total = self.slice();
  for (let k = labels.length - 1; k > 0; k--) total[parents[k]] += total[k];
  const pathOf = (k) => {
    const out = [];
    for (; k > 0; k = parents[k]) out.push(labels[k]);
    return out.reverse().join(' / ');
  };
  return { labels, parents, kids, self, total, count, pathOf };
}

/** The trie of `t1` less that of `t0` (same paths), printed where it grew by ≥ `min` bytes per report. */
function printGrowth(t0, t1, n, min) {
  const byPath0 = new Map();
  for (let k = 0; k < t0.labels.length; k++) byPath0.set(t0.pathOf(k), k);
  const grown = (k) => t1.total[k] - (t0.total[byPath0.get(t1.pathOf(k))] ?? 0);
  const walk = (k, indent, prefix) => {
    const rows = [...t1.kids[k].values()].map((c) => [c, grown(c)]).filter(([, d]) => d / n >= min).sort((a, b) => b[1] - a[1]);
    for (const [c, d] of rows) {
      const kept = [...t1.kids[c].values()].filter((x) => grown(x) / n >= min);
      // Runs of one child are printed as one path.
      if (kept.length === 1 && grown(kept[0]) > 0.9 * d && indent.length < 40) {
        walk(c, indent, `${prefix}${t1.labels[c]} / `);
        continue;
      }
      console.log(`${(d / n / 1024).toFixed(1).padStart(7)} KB ${indent}${prefix}${t1.labels[c]}${t1.count[c] > 1 ? ` (${(t1.count[c] / n).toFixed(1)} per report)` : ''}`);
      walk(c, indent + '  ', '');
    }
  };
  walk(0, '', '');
}

async function memoryUsage(ws, id) {
  return (await cdp(ws, id, 'Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })).result.value;
}

let cdpId = 0;
function cdp(ws, _id, method, params = {}) {
  const id = ++cdpId;
  return new Promise((resolve, reject) => {
    const on = (ev) => {
      const msg = JSON.parse(ev.data);
      if (msg.id !== id) return;
      ws.removeEventListener('message', on);
      if (msg.error) reject(new Error(JSON.stringify(msg.error)));
      else resolve(msg.result);
    };
    ws.addEventListener('message', on);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

async function inspector(c) {
  for (let i = 0; i < 100; i++) {
    const m = /ws:\/\/\S+/.exec(c.stderr ?? '');
    if (m) {
      const ws = new WebSocket(m[0]);
      await new Promise((res, rej) => {
        ws.onopen = res;
        ws.onerror = rej;
      });
      return ws;
    }
    await sleep(100);
  }
  throw new Error('no inspector address on the server’s stderr');
}

async function openAll(c, docs) {
  for (let i = 0; i < docs.length; i++) {
    const uri = `file:///bench/open/${i}.report.txt`;
    const got = c.waitFor(lib.isDiagnosticsFor(uri, 1), 60000, `diagnostics for ${uri}`);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'disclosure-report', version: 1, text: docs[i] } });
    await got;
  }
}

const server = (extra) => new lib.LspClient(process.execPath, [...lib.SERVER_NODE_ARGS, ...(process.env.HEAP_NODE_ARGS ?? '').split(' ').filter(Boolean), ...extra, process.env.HEAP_SERVER ?? join(ROOT, 'dist/server.js'), '--stdio'], { settings: SETTINGS });

const r = lib.rng(21);
const docs = Array.from({ length: N }, (_, i) => lib.reportOfSize(lib.randomData(r), lib.LAYOUTS[i % 4], 10240, r));
const chars = docs.reduce((s, d) => s + d.length, 0) / N;
console.log(`${N} reports of ${chars.toFixed(0)} characters (UTF-16: ${((chars * 2) / 1024).toFixed(1)} KB each)`);

// 1. Memory as bench d sees it (no snapshot taken yet), and the heap before and after a full GC.
{
  const c = server(['--inspect=127.0.0.1:0']);
  await c.initialize({ pull: false });
  const ws = await inspector(c);
  try {
    await sleep(300);
    const idle = JSON.parse(await memoryUsage(ws));
    await openAll(c, docs);
    await sleep(500);
    const open = JSON.parse(await memoryUsage(ws));
    for (const wait of (process.env.HEAP_WAIT ?? '').split(',').filter(Boolean).map(Number)) {
      await sleep(wait * 1000);
      const m = JSON.parse(await memoryUsage(ws));
      console.log(`after ${wait} s more idle: RSS ${((m.rss - idle.rss) / N / 1024).toFixed(1)} KB, heap used ${((m.heapUsed - idle.heapUsed) / N / 1024).toFixed(1)} KB per report`);
    }
    await cdp(ws, 0, 'HeapProfiler.collectGarbage');
    const gc = JSON.parse(await memoryUsage(ws));
    const per = (a, b) => `${((b - a) / N / 1024).toFixed(1)} KB`;
    console.log(`per report: RSS ${per(idle.rss, open.rss)} (after a full GC ${per(idle.rss, gc.rss)}); heap used ${per(idle.heapUsed, open.heapUsed)} (after a full GC ${per(idle.heapUsed, gc.heapUsed)}); heap committed ${per(idle.heapTotal, open.heapTotal)}; external ${per(idle.external, open.external)}`);
    console.log(`absolute: idle rss ${(idle.rss / 1048576).toFixed(1)} MB heapUsed ${(idle.heapUsed / 1048576).toFixed(1)} MB; open rss ${(open.rss / 1048576).toFixed(1)} MB heapUsed ${(open.heapUsed / 1048576).toFixed(1)} MB heapTotal ${(open.heapTotal / 1048576).toFixed(1)} MB; after GC heapUsed ${(gc.heapUsed / 1048576).toFixed(1)} MB`);
  } finally {
    ws.close();
    await c.shutdown();
  }
}

// 2. Snapshots: idle, and with the reports open; what grew, by where it is held.
if (!process.env.HEAP_NO_SNAPSHOT) {
  const c = server(['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`]);
  await c.initialize({ pull: false });
  try {
    await sleep(300);
    const s0 = parse(await snapshot(c.pid));
    await openAll(c, docs);
    await sleep(500);
    const s1 = parse(await snapshot(c.pid));
    const t0 = totals(s0);
    const t1 = totals(s1);
    console.log(`live heap per report (snapshots): ${((t1.all - t0.all) / N / 1024).toFixed(1)} KB`);
    console.log('\nSelf size added per report, by kind:');
    const rows = [...t1.byKind].map(([k, v]) => [k, v - (t0.byKind.get(k) ?? 0)]).sort((a, b) => b[1] - a[1]).slice(0, 12);
    for (const [k, v] of rows) console.log(`${(v / N / 1024).toFixed(1).padStart(7)} KB  ${k}`);
    console.log('\nAdded per report, by where it is held (shortest retaining paths):');
    printGrowth(pathTrie(s0), pathTrie(s1), N, Number(process.env.HEAP_MIN ?? 1024));
  } finally {
    await c.shutdown();
  }
}
rmSync(dir, { recursive: true, force: true });
