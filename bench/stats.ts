export type Series = { name: string; kind: "write" | "read" | "list page"; samples: number[]; server: number[]; wallMs: number };

/** Server-side handling times (request received to response written), filled by the bench's request hook. */
export const serverSamples: number[] = [];

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `fn` for each item sequentially, timing each call in milliseconds. */
export async function measure<T>(name: string, kind: Series["kind"], items: T[], fn: (item: T) => Promise<unknown>): Promise<Series> {
  const samples: number[] = [];
  serverSamples.length = 0;
  const start = performance.now();
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    samples.push(performance.now() - t);
  }
  return { name, kind, samples, server: [...serverSamples], wallMs: performance.now() - start };
}

export function report(series: Series[], aims: Record<Series["kind"], number>): string {
  const rows = series.map((s) => {
    const sorted = [...s.samples].sort((a, b) => a - b);
    const server = [...s.server].sort((a, b) => a - b);
    const p99 = percentile(server, 99);
    const aim = aims[s.kind];
    return [
      s.name,
      s.kind,
      String(s.samples.length),
      ((s.samples.length / s.wallMs) * 1000).toFixed(0),
      percentile(sorted, 50).toFixed(2),
      percentile(sorted, 99).toFixed(2),
      percentile(server, 50).toFixed(2),
      percentile(server, 95).toFixed(2),
      p99.toFixed(2),
      `${aim}`,
      (p99 / aim).toFixed(2),
    ];
  });
  const head = ["action", "kind", "calls", "ops/s", "SDK p50", "SDK p99", "server p50", "server p95", "server p99", "aim p99", "p99/aim"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
