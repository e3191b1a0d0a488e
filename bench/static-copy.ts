import fs from "node:fs";
import path from "node:path";
import { STATIC_PATH } from "./targets";

const PUBLIC_DIR = path.join(process.cwd(), "public");

/**
 * Writes `html` to public/ as the static ceiling and returns its remover. `next start` lists
 * public/ when it starts, so this must happen before the measured server starts.
 */
export function writeStaticCopy(html: string): () => void {
  const createdDir = !fs.existsSync(PUBLIC_DIR);
  const file = path.join(PUBLIC_DIR, STATIC_PATH);
  fs.mkdirSync(PUBLIC_DIR, { recursive: true });
  fs.writeFileSync(file, html);
  return () => {
    fs.rmSync(file, { force: true });
    if (createdDir) fs.rmSync(PUBLIC_DIR, { recursive: true, force: true });
  };
}
