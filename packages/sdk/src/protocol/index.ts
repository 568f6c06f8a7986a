// Protocol modules import zod as `import * as z from 'zod/mini'`: bundlers can tree-shake a
// namespace import, but not the `z` object that `import { z }` brings (85 KB gzip instead of 5).
export * from './events';
export * from './errors';
export * from './limits';
export * from './requests';
export * from './resources';
