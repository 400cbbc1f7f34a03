import { describe, expect, it } from 'vitest';
import { commandFor, SHORTCUTS } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('thread shortcuts', () => {
  it('maps single keys to commands outside text fields only', () => {
    expect(commandFor(key('e'), false)).toBe('error-next');
    expect(commandFor(key('E'), false)).toBe('error-prev');
    expect(commandFor(key('e'), true)).toBeUndefined();
    expect(commandFor(key('e', { ctrlKey: true }), false)).toBeUndefined();
    expect(commandFor(key('x'), false)).toBeUndefined();
    expect(commandFor(key('constructor'), false)).toBeUndefined();
  });

  it('opens find with Ctrl/⌘ F even while typing', () => {
    expect(commandFor(key('f', { ctrlKey: true }), true)).toBe('find');
    expect(commandFor(key('F', { metaKey: true }), false)).toBe('find');
  });

  it('documents every single-key command it handles', () => {
    const documented = new Set(SHORTCUTS.flatMap((s) => s.keys));
    for (const k of ['/', 'n', 'N', 'j', 'k', 't', 'T', 'e', 'E', 'd', 'D', 'o', 'O', 'r', '?']) {
      expect(commandFor(key(k), false), k).toBeDefined();
      expect(documented.has(k), k).toBe(true);
    }
  });
});
