export * from '../library/as-reading';
