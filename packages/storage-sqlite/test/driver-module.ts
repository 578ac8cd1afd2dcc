// The driver as a child process of the multi-process checks makes it.
import { sqliteDriver, type SqliteDriverOptions } from '../src/index.js';

export default (options: SqliteDriverOptions) => sqliteDriver(options);
