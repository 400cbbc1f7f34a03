/** The patch of a trajectory as a multi-file diff (react-diff-view), with the reference patch beside it. */
import 'react-diff-view/style/index.css';
import '../../ui/highlight/highlight.css';
import './diff.css';

export { PatchView, type PatchViewProps } from './PatchView';
export { comparePatches, type FileComparison, type PatchComparison } from './comparePatches';
export { splitPatch, withGitHeaders, type PatchFileText, type SplitPatch } from './patchFiles';
