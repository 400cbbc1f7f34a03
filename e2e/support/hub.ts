import { startFakeHub, type FakeHub, type FakeHubOptions } from '../../scripts/hub/fakeHub';
import { GENERATED_DIR } from './fixtures';
import { test as base } from './test';

/**
 * `test` with a loopback fake Hub serving the generated fixture datasets; each test gets its own
 * server, so the faults one test injects never reach another.
 */
export const test = base.extend<{ hub: FakeHub; hubOptions: Partial<FakeHubOptions> }>({
  hubOptions: [{}, { option: true }],
  hub: async ({ hubOptions }, use) => {
    const hub = await startFakeHub({ root: GENERATED_DIR, pageSize: 50, ...hubOptions });
    await use(hub);
    await hub.close();
  },
});

export { expect } from './test';
