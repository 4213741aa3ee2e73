import { parseCsv } from './csv.ts';

/**
 * Recounts the results from an open-data CSV, independently of the SQL aggregates: what a person doing
 * the same sums in a spreadsheet would get. Returns one line per figure that differs from the results JSON.
 */
export function compareCsvWithResults(csv: string, results: any): string[] {
  const [header, ...rows] = parseCsv(csv);
  const diffs: string[] = [];
  const expect = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) diffs.push(`${what}: csv ${JSON.stringify(got)} ≠ results ${JSON.stringify(want)}`);
  };
  const column = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) diffs.push(`missing column ${name}`);
    return rows.map((r) => r[i] ?? '');
  };
  const tally = (cells: string[], split = false) => {
    const counts = new Map<string, number>();
    for (const cell of cells) for (const v of split ? cell.split(';') : [cell]) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };

  expect('responses', rows.length, results.totals.responses);
  const channels = tally(column('canal'));
  for (const c of results.totals.byChannel) expect(`channel ${c.channel}`, channels.get(c.channel) ?? 0, c.count);
  const sources = tally(column('fuente').map((v) => v || 'sin_red'));
  for (const n of results.totals.byNetwork) expect(`network ${n.network}`, sources.get(n.network) ?? 0, n.count);

  for (const q of results.questions) {
    if (q.type === 'matrix') {
      for (const item of q.items) {
        const cells = column(`${q.id}.${item.key}`);
        const counts = tally(cells);
        expect(`${q.id}.${item.key} answered`, cells.filter((c) => c !== '').length, item.answered);
        for (const o of item.options) expect(`${q.id}.${item.key}=${o.value}`, counts.get(o.value) ?? 0, o.count);
      }
      continue;
    }
    const cells = column(q.id);
    const answered = cells.filter((c) => c !== '').length;
    if (q.type === 'short_text' || q.type === 'long_text') {
      expect(`${q.id} published texts`, answered, q.texts.published.length);
      continue;
    }
    expect(`${q.id} answered`, answered, q.answered);
    if (q.type === 'date') {
      const months = tally(cells.map((c) => c.slice(0, 7)));
      for (const d of q.distribution) expect(`${q.id} ${d.value}`, months.get(d.value) ?? 0, d.count);
      continue;
    }
    const counts = tally(cells, q.type === 'multiple_choice');
    for (const o of q.options ?? q.distribution ?? []) {
      if (q.type === 'number' && o.value.includes('–')) continue; // ranges are checked through the mean
      expect(`${q.id}=${o.value}`, counts.get(o.value) ?? 0, o.count);
    }
    if (q.type === 'scale_5' || q.type === 'nps' || q.type === 'number') {
      const numbers = cells.filter((c) => c !== '').map(Number);
      const mean = numbers.length ? Math.round((numbers.reduce((a, b) => a + b, 0) / numbers.length) * 100) / 100 : null;
      expect(`${q.id} mean`, mean, q.mean);
    }
    if (q.texts) {
      const others = column(`${q.id}__otro`).filter((c) => c !== '').length;
      expect(`${q.id} published «otro» texts`, others, q.texts.published.length);
    }
  }
  return diffs;
}
