import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate';

describe('RateMeter', () => {
  it('measures the recent rate and the time left', () => {
    const m = new RateMeter(10_000);
    expect(m.rates()).toBeNull();
    m.add(0, 0, 0);
    m.add(1000, 100, 1000);
    m.add(2000, 200, 2000);
    expect(m.rates()).toEqual({ rowsPerSec: 100, bytesPerSec: 1000 });
    expect(m.eta(500, 0)).toBe(5);
    expect(m.eta(null, 3000)).toBe(3);
  });

  it('forgets samples older than its window', () => {
    const m = new RateMeter(1000);
    m.add(0, 0, 0);
    m.add(500, 1000, 0);
    m.add(5000, 1100, 0);
    m.add(6000, 1200, 0);
    expect(m.rates()?.rowsPerSec).toBe(100);
  });
});
