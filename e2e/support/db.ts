import postgres from "postgres";

/** A direct connection to the run's database, so tests can check the page against the data. */
export function testSql() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is unset: run browser tests with `npm run test:e2e`.");
  return postgres(url, { max: 1, onnotice: () => {} });
}
