export { GuardDb, getDb, DEFAULT_DB_NAME } from './db';
export type * from './types';
