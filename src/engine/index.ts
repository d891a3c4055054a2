export * from './vocabulary';
export * from './model';
export * from './condition';
export * from './diagnostics';
export * from './explore';
