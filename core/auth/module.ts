import { defineModule } from '#kernel';

/** Sign-in, sessions, CSRF and the second factor. Its hooks and routes are wired by the server. */
export const authModule = defineModule({
  id: 'auth',
  tablePrefix: 'core',
  dependsOn: ['users', 'access'],
  migrationsDir: new URL('./migrations/', import.meta.url),
});
