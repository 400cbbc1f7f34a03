import type { DatasetPlan, HubTarget } from '../datasetsApi';
import { discoverHubDataset } from '../sources/hubDataset';
import { rowCounts } from '../sources/rowCounts';

/**
 * What the UI shows before loading: configs × splits × files with sizes and, from the parquet
 * footers (one small range read each), row counts. A footer that cannot be read leaves the count
 * unknown and says why; the file may still load.
 */
export async function discoverPlan(target: HubTarget): Promise<DatasetPlan> {
  const token = target.token ? { token: target.token } : {};
  const plan = await discoverHubDataset({ repo: target.repo, ...(target.revision ? { revision: target.revision } : {}), ...(target.endpoint ? { endpoint: target.endpoint } : {}), ...token });
  const counts = await rowCounts(plan, token);
  const rowsOf = new Map(counts.map((c) => [c.file.path, c.rows]));
  const footerWarnings = counts.flatMap((c) => (c.error ? [c.error] : []));
  return {
    repo: plan.repo,
    revision: plan.revision,
    commit: plan.commit,
    endpoint: plan.endpoint,
    via: plan.source,
    configs: plan.configs.map((c) => ({
      name: c.name,
      splits: c.splits.map((s) => ({ name: s.name, files: s.files.map((f) => ({ path: f.path, size: f.size, rows: rowsOf.get(f.path) ?? null, kind: f.kind })) })),
    })),
    warnings: [...plan.warnings, ...footerWarnings],
  };
}
