import { configFromEnv } from "./client";
import { migrateDatabase } from "./migrator";

// `npm run db:migrate`: exits non-zero when a migration fails.
const config = configFromEnv();
const target = config.kind === "server" ? "the PostgreSQL server in DATABASE_URL" : `the embedded database in ${config.dir}`;
try {
  await migrateDatabase(config);
  console.log(`Migrations applied to ${target}.`);
} catch (error) {
  console.error(`Migration failed on ${target}:`, error);
  process.exit(1);
}
