import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { isProcessAlive } from "@/lib/process-alive";

// Throwaway PostgreSQL clusters for tests that must stop, restart or replicate a real server
// (which the shared server on 5432 must never be). Each cluster lives in its own temp directory,
// listens on 127.0.0.1 only, trusts local connections, and is removed afterwards.

const run = promisify(execFile);

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
// Override when two test runs share a machine; ports are also locked per process below.
const PORTS = (process.env.PG_CLUSTER_PORTS ?? "5440-5449").split("-").map(Number);

/** Why clusters cannot be made here, or null when they can. */
export function clusterUnavailableReason(): string | null {
  if (!fs.existsSync(path.join(BIN, "initdb"))) return `no PostgreSQL binaries in ${BIN} (set PG_BIN)`;
  if (process.getuid?.() === 0 && !postgresUser()) return "running as root without a `postgres` user to own the cluster";
  return null;
}

export type PgCluster = {
  port: number;
  dataDir: string;
  url: (database?: string) => string;
  start: () => Promise<void>;
  /** "fast" disconnects clients (they get 57P01 admin_shutdown); "immediate" is a crash. */
  stop: (mode?: "fast" | "immediate") => Promise<void>;
  restart: () => Promise<void>;
  /** A streaming standby of this cluster, made with pg_basebackup -R, started and ready. */
  replica: (options?: { slot?: string }) => Promise<PgCluster>;
  /** Stops the cluster if it runs and deletes its files. */
  remove: () => Promise<void>;
};

export async function createCluster(): Promise<PgCluster> {
  const root = makeRoot();
  const dataDir = path.join(root, "data");
  await asPostgres(path.join(BIN, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  fs.appendFileSync(
    path.join(dataDir, "pg_hba.conf"),
    "host replication all 127.0.0.1/32 trust\n",
  );
  return startNew(root, dataDir, [
    "wal_level = replica",
    "max_wal_senders = 5",
    "max_replication_slots = 5",
    "fsync = on",
    "shared_buffers = 16MB",
    "max_connections = 40",
  ]);
}

async function startNew(root: string, dataDir: string, settings: string[]): Promise<PgCluster> {
  const port = await claimPort();
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [...settings, `port = ${port.number}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${root}'`, ""].join("\n"),
  );
  const ctl = (args: string[]) => asPostgres(path.join(BIN, "pg_ctl"), ["-D", dataDir, "-w", "-t", "60", ...args]);
  let running = false;
  const cluster: PgCluster = {
    port: port.number,
    dataDir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port.number}/${database}`,
    start: async () => {
      await ctl(["-l", path.join(root, "server.log"), "start"]);
      running = true;
    },
    stop: async (mode = "fast") => {
      await ctl(["-m", mode, "stop"]);
      running = false;
    },
    restart: async () => {
      await cluster.stop();
      await cluster.start();
    },
    replica: async ({ slot } = {}) => {
      const replicaRoot = makeRoot();
      const replicaDir = path.join(replicaRoot, "data");
      const slotArgs = slot ? ["-C", "-S", slot] : [];
      await asPostgres(path.join(BIN, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(port.number), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream", "--no-sync", ...slotArgs]);
      const replica = await startNew(replicaRoot, replicaDir, []);
      const removeReplica = replica.remove;
      replica.remove = async () => {
        await removeReplica();
        if (slot && running) {
          const sql = postgres(cluster.url(), { max: 1, onnotice: () => {} });
          await sql`select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ${slot}`.finally(() => sql.end());
        }
      };
      return replica;
    },
    remove: async () => {
      if (running) await cluster.stop("immediate").catch(() => {});
      fs.rmSync(root, { recursive: true, force: true });
      port.release();
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    const log = path.join(root, "server.log");
    await cluster.remove();
    throw new Error(`PostgreSQL did not start on ${port.number}${fs.existsSync(log) ? `:\n${fs.readFileSync(log, "utf8")}` : ""}`, { cause: error });
  }
  return cluster;
}

/** Resolves once the standby has replayed everything the primary had written when called. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, { timeoutMs = 10_000 } = {}): Promise<void> {
  const primary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  const replica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ lsn }] = await primary<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ caught }] = await replica<{ caught: boolean }[]>`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as caught`;
      if (caught) return;
      if (Date.now() > deadline) throw new Error(`replica did not replay up to ${lsn} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await Promise.all([primary.end(), replica.end()]);
  }
}

// --- processes, users and ports ---------------------------------------------------------------

function postgresUser(): { uid: number; gid: number } | null {
  try {
    const line = fs.readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
    if (!line) return null;
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

/** PostgreSQL refuses to run as root; as root, the binaries run as the `postgres` user. */
async function asPostgres(command: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  try {
    await run(file, argv, { timeout: 120_000 });
  } catch (error) {
    const { stderr = "", stdout = "" } = error as { stderr?: string; stdout?: string };
    throw new Error(`${path.basename(command)} failed: ${stderr || stdout}`, { cause: error });
  }
}

function makeRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-pg-"));
  const owner = process.getuid?.() === 0 ? postgresUser() : null;
  if (owner) fs.chownSync(root, owner.uid, owner.gid);
  return root;
}

/**
 * The first port in the range that no other test process has claimed (a lock file with our pid,
 * taken over when its process is gone) and that nothing listens on.
 */
async function claimPort(): Promise<{ number: number; release: () => void }> {
  const [first, last = first] = PORTS;
  for (let port = first; port <= last; port += 1) {
    const lock = path.join(os.tmpdir(), `paperboard-pg-port-${port}.lock`);
    if (!takeLock(lock)) continue;
    if (await portIsFree(port)) return { number: port, release: () => fs.rmSync(lock, { force: true }) };
    fs.rmSync(lock, { force: true });
  }
  throw new Error(`no free port for a test PostgreSQL cluster in ${first}–${last}`);
}

function takeLock(file: string): boolean {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch {
    const holder = Number(fs.readFileSync(file, "utf8"));
    if (holder && isProcessAlive(holder)) return false;
    fs.rmSync(file, { force: true });
    return takeLock(file);
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
