export { readClerkLedger, type ReadClerkLedgerOptions } from './read.js';
export type { ClerkFinding, ClerkLedger, ClerkMeasure, ClerkProgress, ClerkSheet } from './ledger.js';
export { LedgerMappingSchema, parseLedgerMapping, type LedgerMapping, type LedgerMappingInput } from './mapping.js';
export { HEADER_WORDS, AMBIGUOUS_HEADERS, type LedgerField } from './headers.js';
export { STATUS_WORDS } from './words.js';
export { placeOf, type LedgerImportIssue } from './issues.js';
export { clerkLedgerBundle, type ClerkLedgerBundle, type ClerkLedgerBundleOptions } from './bundle.js';
export { isRectifyWorkbook } from './detect.js';
export { writeLedgerTemplate, type LedgerTemplateOptions } from './template.js';
