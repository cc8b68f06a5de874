export * from './api.ts';
export * from './session-context.tsx';
export * from './web-module.ts';
export * from './problem-message.ts';
