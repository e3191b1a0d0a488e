import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getProfile, getRecentComments, getSubmittedPapers, getUpvotedPapers } from "@/db/queries/users";
import { formatDay } from "@/lib/dates";
import { Avatar } from "@/components/avatar";
import { OwnProfileLink } from "@/components/own-profile-link";
import { ProfileCommentList } from "@/components/profile-comment-list";
import { ProfilePaperList } from "@/components/profile-paper-list";

type Props = { params: Promise<{ username: string }> };

async function loadProfile(params: Props["params"]) {
  const raw = (await params).username;
  // Usernames are short and plain ASCII (lib/auth/username.ts): anything else costs no query.
  if (raw.length > 64 || !/^[\w-]+$/.test(raw)) return null;
  // Usernames are lower case; /u/Alice, typed or linked from elsewhere, means /u/alice.
  if (raw !== raw.toLowerCase()) permanentRedirect(`/u/${raw.toLowerCase()}`);
  return getProfile({ username: raw });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile(params);
  return profile ? { title: `${profile.name ?? profile.username} (@${profile.username})` } : { title: "Reader not found" };
}

export default async function ProfilePage({ params }: Props) {
  const profile = await loadProfile(params);
  if (!profile) notFound();
  const [submitted, upvoted, comments] = await Promise.all([
    getSubmittedPapers({ userId: profile.id }),
    getUpvotedPapers({ userId: profile.id }),
    getRecentComments({ userId: profile.id }),
  ]);
  return (
    <article aria-labelledby="profile-name" className="flex flex-col gap-8">
      <header className="flex items-center gap-4">
        <Avatar name={profile.name} username={profile.username} size="lg" />
        <div className="flex min-w-0 flex-col">
          <h1 id="profile-name" className="truncate text-2xl font-bold tracking-tight">
            {profile.name ?? profile.username}
          </h1>
          <p className="text-zinc-600 dark:text-zinc-400">@{profile.username}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Joined <time dateTime={profile.joinedAt.toISOString()}>{formatDay(profile.joinedAt.toISOString().slice(0, 10))}</time>
          </p>
          <OwnProfileLink username={profile.username} />
        </div>
      </header>
      {profile.suspendedSince && <SuspendedNotice username={profile.username} since={profile.suspendedSince} />}
      <Section id="submitted" title="Submitted papers">
        <ProfilePaperList papers={submitted} empty="No papers submitted yet." datePrefix="Submitted" />
      </Section>
      <Section id="upvoted" title="Upvoted papers">
        <ProfilePaperList papers={upvoted} empty="No upvotes yet." datePrefix="Upvoted" />
      </Section>
      <Section id="comments" title="Recent comments">
        <ProfileCommentList comments={comments} />
      </Section>
    </article>
  );
}

/** Why a reader's comments and submissions may have vanished: said here, with the public record. */
function SuspendedNotice({ username, since }: { username: string; since: Date }) {
  const moderationRecord = `/moderation?${new URLSearchParams({ target: "user", id: username })}`;
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      This account was suspended by the moderators on{" "}
      <time dateTime={since.toISOString()}>{formatDay(since.toISOString().slice(0, 10))}</time>.{" "}
      <a href={moderationRecord} className="font-medium underline underline-offset-2">
        See the moderation log
      </a>{" "}
      for the reason.
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-2">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
