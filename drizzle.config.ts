import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/db/schema.ts', './src/resources/*/tables.ts'],
  out: './migrations',
  dbCredentials: { url: process.env.DATABASE_PATH ?? 'data/sponsors.db' }
})
