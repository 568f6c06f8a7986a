export * from './events';
export * from './errors';
export * from './limits';
export * from './requests';
export * from './resources';
