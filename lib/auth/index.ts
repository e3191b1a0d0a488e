import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { getEnv } from "../env";
import { buildAuthConfig } from "./config";

// Built on first use, never at import: `next build` imports this module, and building the
// config opens the database (the adapter) and reads secrets that the build does not have.
let config: NextAuthConfig | undefined;

export const { handlers, auth, signIn, signOut } = NextAuth(() => (config ??= buildAuthConfig(getEnv())));
