import type { ThreadItem } from './threadModel';

export type JumpKind = 'call' | 'error' | 'edit';

/** Message indices, ascending, of each kind of place a reader jumps between. */
export type JumpTargets = Record<JumpKind, number[]>;

export function jumpTargets(items: readonly ThreadItem[]): JumpTargets {
  const targets: JumpTargets = { call: [], error: [], edit: [] };
  for (const item of items) {
    if (item.calls.length > 0) targets.call.push(item.index);
    if (item.observation?.error) targets.error.push(item.index);
    if (item.edit) targets.edit.push(item.index);
  }
  return targets;
}

/** The first target after `from` (direction 1) or the last before it (-1); undefined at the end. */
export function nextTarget(targets: readonly number[], from: number, direction: 1 | -1): number | undefined {
  let lo = 0;
  let hi = targets.length;
  // First position whose target is > from (direction 1) or >= from (direction -1).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = targets[mid] as number;
    if (direction === 1 ? t <= from : t < from) lo = mid + 1;
    else hi = mid;
  }
  return direction === 1 ? targets[lo] : targets[lo - 1];
}
