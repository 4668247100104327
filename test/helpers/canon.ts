// Analyses compared as data (the incremental model against a fresh parse): Maps by their entries,
// arrays element by element, objects by their sorted keys, undefined properties and functions dropped.

export function canon(x: unknown): unknown {
  if (x instanceof Map) return { map: [...x.entries()].map(([k, v]) => [canon(k), canon(v)]) };
  if (Array.isArray(x)) return x.map(canon);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x).sort()) {
      const v = (x as Record<string, unknown>)[k];
      if (v !== undefined && typeof v !== 'function') out[k] = canon(v);
    }
    return out;
  }
  return x;
}
