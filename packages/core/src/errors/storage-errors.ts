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

/** Stored data that fails a consistency check (an event history that does not replay). */
export class IntegrityError extends RectifyError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('storage.integrity', message, { details });
  }
}
