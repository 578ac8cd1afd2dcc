export { RectifyError, isRectifyError, type RectifyErrorOptions } from './rectify-error.js';
export { ValidationError, formatPath, issuesFromZod, parseWith, type ValidationIssue } from './validation-error.js';
export {
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RuleViolationError,
  TransitionError,
  type UnmetRule,
} from './domain-errors.js';
export { IntegrityError, SchemaVersionError, StorageRejectedError, StorageUnavailableError } from './storage-errors.js';
