import { useCallback, useRef, useState } from 'react';
import { TrajectoryTable } from '../features/browse';
import { DatasetsPanel, useDatasets } from '../features/datasets';
import { DropZone, FileResults, OpenFilesButton, useOpenFiles } from '../features/open-file';
import { Compare } from './Compare';
import { Reader } from './Reader';
import { ThemeToggle } from './ThemeToggle';
import { useRoute } from './useRoute';
import { useTheme } from './useTheme';

export function App() {
  const opened = useOpenFiles();
  const datasets = useDatasets();
  const { route, problem, navigate } = useRoute();
  const [theme, setTheme] = useTheme();
  const [lastOpened, setLastOpened] = useState<string>();
  const scrolledTo = useRef<string | undefined>(undefined);
  const dataset = datasets.datasets.find((d) => d.key === route.dataset);
  // Any stored row or exact token count arriving makes the table look again.
  const storeVersion = dataset ? `${dataset.rows}/${dataset.tokensPending}/${dataset.state}` : '';

  const openDataset = useCallback((key: string) => navigate({ dataset: key }), [navigate]);
  const closeReader = useCallback(() => navigate({ ...(route.dataset ? { dataset: route.dataset } : {}) }), [navigate, route.dataset]);

  const closeCompare = useCallback(() => {
    const { compare: _, tab: __, ...single } = route;
    navigate(single);
  }, [navigate, route]);

  const reading = route.dataset !== undefined && route.trajectory !== undefined && dataset !== undefined;
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#" onClick={(e) => (e.preventDefault(), navigate({}))}>
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="28" height="28" />
          <div>
            <h1>Trajectory Explorer</h1>
            <p className="tagline">Agentic coding trajectories, read in your browser</p>
          </div>
        </a>
        <nav className="header-actions" aria-label="File actions">
          <ThemeToggle theme={theme} onChange={setTheme} />
          <OpenFilesButton onFiles={opened.open} />
        </nav>
      </header>
      <DropZone onFiles={opened.open}>
        {problem && (
          <p className="route-problem" role="alert">
            {problem}
          </p>
        )}
        {datasets.ready && route.dataset && !dataset && (
          <p className="route-problem" role="alert">
            This link opens a dataset that is not in this browser{route.dataset.startsWith('hub|') ? `: ${route.dataset.split('|')[2]}` : ''}. Load it below, then open the link again.
          </p>
        )}
        {reading && route.compare !== undefined ? (
          <Compare
            key={`${route.dataset}\u0000${route.trajectory}\u0000${route.compare}`}
            datasetKey={route.dataset as string}
            a={route.trajectory as string}
            b={route.compare}
            tab={route.tab ?? 'thread'}
            onTab={(tab) => navigate({ ...route, tab }, 'replace')}
            onOpen={navigate}
            onBack={closeCompare}
          />
        ) : reading ? (
          <Reader
            key={`${route.dataset}\u0000${route.trajectory}`}
            datasetKey={route.dataset as string}
            id={route.trajectory as string}
            message={route.message}
            tab={route.tab ?? 'thread'}
            onMessage={(m) => navigate({ ...route, message: m }, 'replace')}
            onTab={(tab) => navigate({ ...route, tab }, 'replace')}
            onCompare={navigate}
            onClose={closeReader}
          />
        ) : (
          <>
            <DatasetsPanel state={datasets} selectedKey={route.dataset} onOpen={openDataset} />
            {dataset && (
              <section
                className="browse-section"
                aria-label={`Trajectories of ${dataset.label}`}
                // Opening a dataset brings its table into view below the library.
                ref={(el) => {
                  if (el && scrolledTo.current !== dataset.key) {
                    scrolledTo.current = dataset.key;
                    el.scrollIntoView({ block: 'start', behavior: 'smooth' });
                  }
                }}
              >
                <TrajectoryTable
                  datasetKey={dataset.key}
                  storeVersion={storeVersion}
                  label={`Trajectories of ${dataset.label}`}
                  {...(lastOpened ? { selectedId: lastOpened } : {})}
                  onOpen={(id) => {
                    setLastOpened(id);
                    navigate({ dataset: dataset.key, trajectory: id });
                  }}
                />
              </section>
            )}
            <FileResults files={opened.files} formats={opened.formats} onReread={opened.reread} onRemove={opened.remove} />
          </>
        )}
      </DropZone>
    </div>
  );
}
