import clsx from "clsx";
import { avatarColor, initials } from "@/lib/avatar";

// The small size is .avatar's own (app/globals.css): it is the one beside every comment.
const SIZES = { sm: null, md: "size-10 text-sm", lg: "size-16 text-xl" } as const;

/**
 * Initials on a colour of their own. Decorative by default (the name is usually right beside
 * it); pass `label` when it stands alone.
 */
export function Avatar({
  name,
  username,
  size = "sm",
  label,
}: {
  name: string | null;
  username: string | null;
  size?: keyof typeof SIZES;
  label?: string;
}) {
  return (
    <span
      className={clsx("avatar", SIZES[size])}
      style={{ backgroundColor: avatarColor(username ?? name ?? "") }}
      {...(label ? { role: "img", "aria-label": label } : { "aria-hidden": true })}
    >
      {initials(name, username)}
    </span>
  );
}
