import { DatasetCard } from './DatasetCard';
import { HubLookup } from './HubLookup';
import { LocalImport } from './LocalImport';
import { PlanPicker } from './PlanPicker';
import type { DatasetsState } from './useDatasets';

interface Props {
  state: DatasetsState;
  selectedKey: string | undefined;
  onOpen(key: string): void;
}

/** Load from the Hub, and the datasets already in this browser's storage. */
export function DatasetsPanel({ state, selectedKey, onOpen }: Props) {
  const { lookup } = state;
  return (
    <div className="datasets">
      <HubLookup busy={lookup.state === 'looking'} onLookup={state.discover} />
      <LocalImport onFiles={(label, files) => void state.ingestLocal(label, files).then((key) => key && onOpen(key))} onNothing={state.fail} />
      {lookup.state === 'failed' && (
        <p className="lookup-error" role="alert">
          {lookup.message}
        </p>
      )}
      {lookup.state === 'found' && (
        <PlanPicker
          key={`${lookup.plan.repo}@${lookup.plan.commit}`}
          plan={lookup.plan}
          onCancel={state.clearLookup}
          onLoad={(selection, mode) => {
            void state.ingest(selection, mode).then((key) => key && onOpen(key));
          }}
        />
      )}
      {state.actionError && (
        <p className="lookup-error" role="alert">
          {state.actionError}
        </p>
      )}
      {state.datasets.length > 0 && (
        <div className="dataset-list">
          <h2 className="section-title">In this browser</h2>
          {state.datasets.map((d) => (
            <DatasetCard
              key={d.key}
              dataset={d}
              selected={d.key === selectedKey}
              onOpen={() => onOpen(d.key)}
              onPause={() => state.pause(d.key)}
              onResume={() => state.resume(d.key)}
              onRemove={() => state.remove(d.key)}
              onReattach={(files) => state.reattach(d.key, files)}
            />
          ))}
        </div>
      )}
    </div>
  );
}
