/** The trajectory store's public API: import from here. */
export { openTrajectoryStore, TrajectoryStore, type OpenStoreOptions } from './trajectoryStore';
export { StorageFullError, StoreClosedError, StoreError } from './errors';
export { estimateQuota } from './quota';
export { chunkKeyOf, DB_NAME, DB_VERSION, shardKeyOf } from './schema';
export * from './records';
