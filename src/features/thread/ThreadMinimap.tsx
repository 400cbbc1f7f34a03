import { memo, useEffect, useRef, useState } from 'react';
import type { JumpTargets } from './model/jumpTargets';
import type { ItemKind, ThreadItem } from './model/threadModel';

export interface ThreadMinimapProps {
  items: readonly ThreadItem[];
  targets: JumpTargets;
  /** Messages holding find matches. */
  matches: ReadonlySet<number>;
  /** Messages in view. */
  first: number;
  last: number;
  selected: number;
  onPick(message: number): void;
}

const KIND_COLOR: Record<ItemKind, string> = {
  system: '--th-system',
  task: '--th-task',
  user: '--th-user',
  assistant: '--th-assistant',
  observation: '--th-rail',
};

/**
 * The whole thread at a glance, one band per message (by position, not height): roles, errors,
 * edits and find matches, and where the view is. Clicking or dragging goes there. A pointer aid;
 * the keyboard has the jumps and find.
 */
export const ThreadMinimap = memo(function ThreadMinimap({ items, targets, matches, first, last, selected, onPick }: ThreadMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const el = canvas.current;
    if (el && height > 0) draw(el, height, { items, targets, matches, first, last, selected });
  }, [height, items, targets, matches, first, last, selected]);
  const pick = (clientY: number) => {
    const el = canvas.current;
    if (!el || items.length === 0) return;
    const rect = el.getBoundingClientRect();
    onPick(Math.min(items.length - 1, Math.max(0, Math.floor(((clientY - rect.top) / rect.height) * items.length))));
  };
  return (
    <canvas
      ref={canvas}
      className="th-minimap"
      aria-hidden="true"
      title="Overview: click to go to a message"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        pick(e.clientY);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) pick(e.clientY);
      }}
    />
  );
});

type DrawInput = Omit<ThreadMinimapProps, 'onPick'>;

function draw(el: HTMLCanvasElement, height: number, { items, targets, matches, first, last, selected }: DrawInput): void {
  const ratio = window.devicePixelRatio || 1;
  const width = el.clientWidth;
  el.width = Math.round(width * ratio);
  el.height = Math.round(height * ratio);
  const ctx = el.getContext('2d');
  if (!ctx || items.length === 0) return;
  ctx.scale(ratio, ratio);
  const style = getComputedStyle(el);
  const color = (name: string) => style.getPropertyValue(name).trim() || '#888';
  const band = height / items.length;
  const y = (i: number) => i * band;
  const h = Math.max(1, band);
  items.forEach((item, i) => {
    ctx.fillStyle = color(KIND_COLOR[item.kind]);
    ctx.globalAlpha = item.kind === 'observation' ? 0.8 : 0.55;
    ctx.fillRect(3, y(i), width - 6, h);
  });
  ctx.globalAlpha = 1;
  const mark = (indices: Iterable<number>, name: string, x: number, w: number) => {
    ctx.fillStyle = color(name);
    for (const i of indices) ctx.fillRect(x, y(i), w, Math.max(2, band));
  };
  mark(targets.edit, '--warn', 0, width);
  mark(targets.error, '--bad', 0, width);
  mark(matches, '--th-find-current', width / 2, width / 2);
  ctx.strokeStyle = color('--text');
  ctx.globalAlpha = 0.6;
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, y(first) + 0.5, width - 1, Math.max(3, y(last + 1) - y(first)) - 1);
  ctx.globalAlpha = 0.18;
  ctx.fillStyle = color('--text');
  ctx.fillRect(0, y(first), width, Math.max(3, y(last + 1) - y(first)));
  ctx.globalAlpha = 1;
  if (selected >= 0) {
    ctx.fillStyle = color('--accent');
    ctx.fillRect(0, y(selected), width, Math.max(2, band));
  }
}
