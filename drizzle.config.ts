import { defineConfig } from 'drizzle-kit';

// Station (SQLite) migrations. The registry has its own config in registry/.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
