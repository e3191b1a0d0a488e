import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests import the same modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts", "deploy/**/*.test.ts", "tests/support/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Migrates once into a template that each file's database is copied from.
          globalSetup: ["tests/support/template-database.ts"],
          // Vitest's default is one worker fewer than cores. Against a server these files mostly
          // wait on the database or on child processes: one more worker than cores (on 2 cores,
          // 136 s with 1 worker, 95 s with 3). On PGlite the database works inside each worker,
          // so one worker per core.
          maxWorkers: availableParallelism() + (process.env.DATABASE_URL ? 1 : 0),
          // Each file makes its own database; creating one on PGlite takes seconds.
          testTimeout: 60_000,
          // next-auth imports "next/server" without an extension, which only a bundler resolves:
          // let Vite transform it instead of handing it to Node as is.
          server: { deps: { inline: ["next-auth"] } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
