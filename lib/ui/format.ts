export * from '../view/format';
