import { RectifyError } from './rectify-error.js';

/**
 * The store holds a schema newer than this library understands: an older library must
 * not write to it. Upgrade the library.
 */
export class SchemaVersionError extends RectifyError {
  constructor(found: number, supported: number) {
    super(
      'storage.schema_newer',
      `The store's schema is version ${found}, newer than the version ${supported} this library supports: upgrade @rectify packages before opening it`,
      { details: { found, supported } },
    );
  }
}

/**
 * The database could not be reached or gave up mid-transaction (lost connection,
 * locked file, server shut down). Nothing was written; retrying the same command (same
 * command id) is safe.
 */
export class StorageUnavailableError extends RectifyError {
  constructor(message: string, cause?: unknown) {
    super('storage.unavailable', message, { cause, retryable: true });
  }
}

/**
 * The database refused the connection's settings: no such database, role or password,
 * or a host name that does not resolve. Unlike {@link StorageUnavailableError},
 * retrying the same settings will not help: fix them (the CLI's `--postgres` URL, the
 * pool's `connectionString`).
 */
export class StorageRejectedError extends RectifyError {
  constructor(message: string, cause?: unknown) {
    super('storage.rejected', message, { cause });
  }
}

/** Stored data that fails a consistency check (an event history that does not replay). */
export class IntegrityError extends RectifyError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('storage.integrity', message, { details });
  }
}
