/** Reports and exports: pure functions over LogEntry arrays (no Dexie, no DOM). */
export * from './labels';
export * from './period';
export * from './summary';
export * from './redact';
export * from './rows';
export * from './csv';
export * from './xlsx-writer';
export * from './xlsx';
export * from './printable';
export * from './bundle';
export * from './aggregate';
