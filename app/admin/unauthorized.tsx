import { AdminsOnly } from "@/components/admin/admins-only";

// A signed-out visitor at an admin address (lib/admin-page.ts): answered 401.
export default function AdminUnauthorized() {
  return <AdminsOnly signedIn={false} />;
}
