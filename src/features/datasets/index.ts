/** Datasets: look one up on the Hub, choose what to load, watch it stream into storage. */
import './datasets.css';

export { DatasetsPanel } from './DatasetsPanel';
export { useDatasets, type DatasetsState } from './useDatasets';
