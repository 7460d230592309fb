// The deadline basis (D5) lives in the calendar context so that every workflow can show it; supervision
// keeps its import path.
export { DeadlineBasis, deadlineBasis, storedBasis } from '@core/calendar';
