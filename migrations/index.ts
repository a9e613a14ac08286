import { CreateTextSearchFunctions1795370000000 } from './1795370000000-CreateTextSearchFunctions';
import { CreateNotificationOutbox1795430000000 } from './1795430000000-CreateNotificationOutbox';

/** Every migration, oldest first. A test checks that each file of this folder is listed. */
export const MIGRATIONS = [
  CreateTextSearchFunctions1795370000000,
  CreateNotificationOutbox1795430000000,
];
