/** Browse: the virtualized trajectory table over a stored dataset (sorting and filtering in the query worker). */
import './browse.css';

export { TrajectoryTable, type TrajectoryTableProps } from './TrajectoryTable';
