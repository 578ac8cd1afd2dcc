// The driver as a child process of the multi-process checks makes it.
import pg from 'pg';
import { postgresDriver } from '../src/index.js';

export default (options: { url: string; schema: string }) =>
  postgresDriver(new pg.Pool({ connectionString: options.url, max: 2 }), { schema: options.schema });
