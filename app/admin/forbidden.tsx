import { AdminsOnly } from "@/components/admin/admins-only";

// A signed-in reader who is not an admin (or is suspended) at an admin address (lib/admin-page.ts): answered 403.
export default function AdminForbidden() {
  return <AdminsOnly signedIn />;
}
