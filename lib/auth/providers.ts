import "server-only";
import GitHub from "next-auth/providers/github";
import HuggingFace from "next-auth/providers/huggingface";
import { oauthCredentials, type Env } from "../env";

// GitHub and Hugging Face are offered only when their client ID and secret are both set; the
// sign-in page lists exactly the providers built here.

export type OAuthOption = { id: "github" | "huggingface"; name: string };

export function oauthProviders(env: Env) {
  const github = oauthCredentials(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET);
  const huggingface = oauthCredentials(env.AUTH_HUGGINGFACE_ID, env.AUTH_HUGGINGFACE_SECRET);
  return [
    github &&
      GitHub({
        ...github,
        // `username` is only a hint for the adapter's createUser (db/queries/auth-adapter.ts).
        profile(profile) {
          const user = { id: String(profile.id), name: profile.name ?? profile.login, email: profile.email, image: profile.avatar_url, username: profile.login };
          return user;
        },
      }),
    huggingface &&
      HuggingFace({
        ...huggingface,
        issuer: env.AUTH_HUGGINGFACE_ISSUER,
        authorization: { params: { scope: "openid profile email" } },
        profile(profile) {
          const user = {
            id: String(profile.sub),
            name: (profile.name as string | undefined) ?? (profile.preferred_username as string | undefined) ?? null,
            email: (profile.email as string | undefined) ?? null,
            image: (profile.picture as string | undefined) ?? null,
            username: (profile.preferred_username as string | undefined) ?? null,
          };
          return user;
        },
      }),
  ].filter((provider) => provider !== null);
}

export function oauthOptions(env: Env): OAuthOption[] {
  const options: OAuthOption[] = [];
  if (oauthCredentials(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET)) options.push({ id: "github", name: "GitHub" });
  if (oauthCredentials(env.AUTH_HUGGINGFACE_ID, env.AUTH_HUGGINGFACE_SECRET)) options.push({ id: "huggingface", name: "Hugging Face" });
  return options;
}
