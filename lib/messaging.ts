// SHIM (removed once the components branch is merged)
export * from './protocol';
