// Opens an embedded database directory and exits; used to prove a second process is refused.
import { openDb } from "@/db/client";

const handle = openDb({ kind: "embedded", dir: process.argv[2] });
await handle.close();
