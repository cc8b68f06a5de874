import { defineModule } from '#kernel';
import { pruneSessionsJob } from './server/prune-sessions.ts';

/** Sign-in, sessions, CSRF and the second factor. Its hooks and routes are wired by the server. */
export const authModule = defineModule({
  id: 'auth',
  tablePrefix: 'core',
  dependsOn: ['users', 'access'],
  migrationsDir: new URL('./migrations/', import.meta.url),
  jobs: [pruneSessionsJob],
});
