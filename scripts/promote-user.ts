import { closeDb, configFromEnv, connectDb } from "@/db/client";
import { promoteFromCommandLine } from "@/db/queries/moderation";

// `npm run user:promote -- <email|username>`: makes the first admin (no default admin exists).
const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run user:promote -- <email|username>");
  process.exit(2);
}
connectDb(configFromEnv());
try {
  const result = await promoteFromCommandLine({ emailOrUsername: target });
  if (!result) {
    console.error(`No user with the email or username “${target}”. Sign up first, then promote.`);
    process.exitCode = 1;
  } else {
    console.log(result.alreadyAdmin ? `${result.username} is already an admin.` : `${result.username} is now an admin.`);
  }
} finally {
  await closeDb();
}
