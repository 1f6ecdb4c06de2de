import { defineConfig } from 'drizzle-kit';

// Registry (PostgreSQL) migrations: `npm run registry:generate -- --name what_changed`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './registry/schema.ts',
  out: './registry/migrations',
});
