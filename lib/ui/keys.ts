export * from '../keys';
