import { CreateTextSearchFunctions1795370000000 } from './1795370000000-CreateTextSearchFunctions';

/** Every migration, oldest first. A test checks that each file of this folder is listed. */
export const MIGRATIONS = [CreateTextSearchFunctions1795370000000];
