import { Foundation1763800000000 } from './1763800000000-Foundation';
import { Meetings1763900000000 } from './1763900000000-Meetings';
import { Calendar1763960000000 } from './1763960000000-Calendar';

/** Every migration in order. A landed migration is never edited: add a new one. */
export const migrations = [Foundation1763800000000, Meetings1763900000000, Calendar1763960000000];
