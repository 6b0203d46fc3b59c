// SHIM (removed once the components branch is merged): creators.ts, snapshots.ts.
export * from './creators';
export { history } from './snapshots';
