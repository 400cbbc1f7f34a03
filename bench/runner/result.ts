import { median } from './stats';

/** A target from the issue: on the ratio figure ÷ baseline, or on the figure itself. */
export type Target = { on: 'ratio'; atLeast: number } | { on: 'ratio'; atMost: number } | { on: 'figure'; atMost: number };

export interface Measure {
  /** Median of the samples. */
  value: number;
  unit: string;
  samples: number[];
  what: string;
}

export interface BenchResult {
  id: string;
  title: string;
  figure: Measure;
  baseline: Measure;
  /** figure ÷ baseline. */
  ratio: number;
  target: Target;
  pass: boolean;
  details: Record<string, unknown>;
}

export interface BenchFailure {
  id: string;
  title: string;
  error: string;
}

export function measure(samples: number[], unit: string, what: string): Measure {
  return { value: median(samples), unit, samples, what };
}

export function result(r: Omit<BenchResult, 'ratio' | 'pass'>): BenchResult {
  const ratio = r.figure.value / r.baseline.value;
  return { ...r, ratio, pass: passes(r.target, ratio, r.figure.value) };
}

export function passes(target: Target, ratio: number, figure: number): boolean {
  const x = target.on === 'ratio' ? ratio : figure;
  if (!Number.isFinite(x)) return false;
  return 'atLeast' in target ? x >= target.atLeast : x <= target.atMost;
}

export function describeTarget(target: Target, unit: string): string {
  const subject = target.on === 'ratio' ? 'ratio' : 'figure';
  const bound = 'atLeast' in target ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`;
  return target.on === 'ratio' ? `${subject} ${bound}` : `${bound} ${unit}`;
}
