export * from '../view/creator';
