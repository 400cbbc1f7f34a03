import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './route';

describe('route', () => {
  it('round-trips any place, whatever the ids contain', () => {
    const route = fc.record(
      { dataset: fc.string({ minLength: 1 }), trajectory: fc.string({ minLength: 1 }), message: fc.nat(), tab: fc.constantFrom<Route['tab']>('thread', 'patch'), compare: fc.string({ minLength: 1 }) },
      { requiredKeys: ['dataset'] },
    );
    fc.assert(
      fc.property(route, (r) => {
        const expected: Route = { dataset: r.dataset };
        if (r.trajectory) expected.trajectory = r.trajectory;
        if (r.trajectory && r.message !== undefined) expected.message = r.message;
        if (r.trajectory && r.tab === 'patch') expected.tab = 'patch';
        if (r.trajectory && r.compare) expected.compare = r.compare;
        expect(parseRoute(formatRoute(r)).route).toEqual(expected);
      }),
    );
  });

  it('follows what it can of a garbled link and says what it ignored', () => {
    const parsed = parseRoute('#t=x&m=-3&v=weird');
    expect(parsed.route).toEqual({});
    expect(parsed.problem).toMatch(/names a trajectory but no dataset.*"-3" is not a message number.*"weird" is not a view/);
    expect(parseRoute('#d=hub%7Cx&m=2&t=a%23b').route).toEqual({ dataset: 'hub|x', trajectory: 'a#b', message: 2 });
    expect(parseRoute('').route).toEqual({});
    expect(parseRoute('#d=x&c=b').problem).toMatch(/compares with a trajectory but names none/);
    expect(parseRoute('#d=x&t=a&c=b%26c&v=patch').route).toEqual({ dataset: 'x', trajectory: 'a', compare: 'b&c', tab: 'patch' });
  });
});
