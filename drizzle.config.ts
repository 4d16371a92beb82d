import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/backend/db/schema.ts',
  out: './drizzle',
});
