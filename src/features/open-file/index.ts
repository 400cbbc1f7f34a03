/** Open local files: picker, page-wide drop zone, and a first summary of each file. */
import './open-file.css';

export { DropZone } from './DropZone';
export { FileResults } from './FileResults';
export { OpenFilesButton } from './OpenFilesButton';
export { useOpenFiles, type OpenedFile, type OpenFilesState } from './useOpenFiles';
