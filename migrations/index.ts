import { Foundation1763800000000 } from './1763800000000-Foundation';

/** Every migration in order. A landed migration is never edited: add a new one. */
export const migrations = [Foundation1763800000000];
