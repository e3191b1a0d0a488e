import { configFromEnv, openDb } from "../client";
import { DEMO_PASSWORD, DEMO_USERS, demoEmail, seedDemo } from "./demo";
import { seedDemoDiscussions } from "./demo-discussions";

// `npm run db:seed`: loads the demo papers, readers, votes and a few discussions. Safe to run again.
const handle = openDb(configFromEnv());
try {
  const summary = await seedDemo(handle.db);
  const discussions = await seedDemoDiscussions(handle.db);
  console.log(
    `Seeded ${summary.papers} papers on ${summary.days[0]} … ${summary.days.at(-1)}, ` +
      `${summary.users} demo readers, ${summary.votes} upvotes and ${discussions.comments} comments on ${discussions.papers} papers.`,
  );
  console.log(`Demo accounts: sign in at /signin with the email below and the password "${DEMO_PASSWORD}".`);
  for (const [username, name] of DEMO_USERS) console.log(`  ${username.padEnd(6)} ${name}  <${demoEmail(username)}>`);
} catch (error) {
  console.error("Seeding failed:", error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
