import { configFromEnv, openDb } from "../client";
import { DEMO_USERS, seedDemo } from "./demo";

// `npm run db:seed`: loads the demo papers, readers and votes. Safe to run again.
const handle = openDb(configFromEnv());
try {
  const summary = await seedDemo(handle.db);
  console.log(
    `Seeded ${summary.papers} papers on ${summary.days[0]} … ${summary.days.at(-1)}, ` +
      `${summary.users} demo readers and ${summary.votes} upvotes.`,
  );
  console.log("Demo accounts (sign-in arrives with accounts):");
  for (const [username, name] of DEMO_USERS) console.log(`  ${username.padEnd(6)} ${name}  <${username}@demo.paperboard.local>`);
} catch (error) {
  console.error("Seeding failed:", error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
