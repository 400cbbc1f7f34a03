import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeTarget, type BenchFailure, type BenchResult } from './result';

export interface Machine {
  cores: number;
  cpu: string;
  memoryBytes: number;
  node: string;
  chromium: string;
  /** navigator.hardwareConcurrency and the app's token pool size derived from it. */
  browserCores: number;
  poolSize: number;
  /** One-minute load average at the start and the end: the machine is shared. */
  loadStart: number;
  loadEnd: number;
}

export interface Report {
  startedAt: string;
  durationSec: number;
  machine: Machine;
  /** The parquet reader the pipeline used (what src/core/decode has), for comparing runs across it. */
  reader: string;
  /** Ingests ran under the CPU profiler (a little slower). */
  profiled: boolean;
  results: BenchResult[];
  failures: BenchFailure[];
}

/** Writes bench/results/<timestamp>.json and bench/results/latest.json; returns the first path. */
export function writeReport(dir: string, report: Report): string {
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(path.join(dir, 'latest.json'), json);
  return file;
}

export function summary(report: Report): string {
  const m = report.machine;
  const lines = [
    `Benchmarks, ${report.startedAt} (${report.durationSec.toFixed(0)} s)`,
    `machine: ${m.cores} cores (${m.cpu}), Chromium ${m.chromium}, token pool ${m.poolSize}, load ${m.loadStart} → ${m.loadEnd}; reader: ${report.reader}`,
    '',
  ];
  for (const r of report.results) {
    lines.push(`(${r.id}) ${r.title}`);
    lines.push(`    ${fmt(r.figure.value)} ${r.figure.unit}  vs baseline ${fmt(r.baseline.value)} ${r.baseline.unit}  →  ratio ${fmt(r.ratio)}   target ${describeTarget(r.target, r.figure.unit)}   ${r.pass ? 'PASS' : 'FAIL'}`);
    if (r.figure.samples.length > 1 || r.baseline.samples.length > 1) lines.push(`    samples: figure ${r.figure.samples.map(fmt).join(', ')}; baseline ${r.baseline.samples.map(fmt).join(', ')}`);
    lines.push(...profileLines(r.details['profile']));
  }
  for (const f of report.failures) lines.push(`(${f.id}) ${f.title}: did not run to the end: ${f.error}`);
  return lines.join('\n');
}

/** The stages that took most of each worker's CPU time, for a profiled run. */
function profileLines(profile: unknown): string[] {
  if (!Array.isArray(profile)) return [];
  return (profile as Array<{ name: string; totalMs: number; stages: Array<{ stage: string; share: number }> }>)
    .filter((p) => p.totalMs > 100)
    .map((p) => `    cpu ${p.name} ${fmt(p.totalMs / 1000)} s: ${p.stages.slice(0, 5).map((s) => `${s.stage} ${Math.round(s.share * 100)}%`).join(', ')}`);
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
