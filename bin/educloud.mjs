#!/usr/bin/env node
// Runs the TypeScript entry point through tsx, so the command works from a plain checkout.
import { register } from 'tsx/esm/api';

register();
await import('../apps/server/src/main.ts');
