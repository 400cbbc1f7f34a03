/** The query worker: holds opened datasets' feature tables and answers views (see ./queryApi.ts). */
import * as Comlink from 'comlink';
import { openTrajectoryStore } from '../store';
import type { QueryApi } from './queryApi';
import { QueryService } from './queryService';

const service: QueryApi = new QueryService(() => openTrajectoryStore());
Comlink.expose(service);
