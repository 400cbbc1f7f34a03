import { useState } from 'react';
import { DatasetsPanel, useDatasets } from '../features/datasets';
import { DropZone, FileResults, OpenFilesButton, useOpenFiles } from '../features/open-file';

export function App() {
  const opened = useOpenFiles();
  const datasets = useDatasets();
  const [datasetKey, setDatasetKey] = useState<string>();
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="28" height="28" />
          <div>
            <h1>Trajectory Explorer</h1>
            <p className="tagline">Agentic coding trajectories, read in your browser</p>
          </div>
        </div>
        <nav className="header-actions" aria-label="File actions">
          <OpenFilesButton onFiles={opened.open} />
        </nav>
      </header>
      <DropZone onFiles={opened.open}>
        <DatasetsPanel state={datasets} selectedKey={datasetKey} onOpen={setDatasetKey} />
        <FileResults files={opened.files} formats={opened.formats} onReread={opened.reread} onRemove={opened.remove} />
      </DropZone>
    </div>
  );
}
