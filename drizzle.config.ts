import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; `npm run db:migrate` applies them
// to whichever database lib/env.ts selects (server or embedded).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
