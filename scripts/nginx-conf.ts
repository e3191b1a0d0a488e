import { parseArgs } from "node:util";
import { renderNginxConf } from "@/deploy/nginx-conf";

// `npm run nginx:conf -- --upstream 10.0.0.11:3000 --upstream 10.0.0.12:3000 > /etc/nginx/nginx.conf`
// prints deploy/nginx.conf filled in for a production host. Check it with `nginx -t`.

const USAGE = `usage: npm run nginx:conf -- --upstream HOST:PORT [--upstream HOST:PORT …]
  [--listen 80] [--user www-data] [--prefix /var/lib/nginx/paperboard]
  [--cache-dir /var/cache/nginx/paperboard] [--static-dir /var/www/paperboard-static] [--microcache-seconds 3]`;

const { values } = parseArgs({
  options: {
    upstream: { type: "string", multiple: true, default: [] },
    listen: { type: "string", default: "80" },
    user: { type: "string", default: "www-data" },
    prefix: { type: "string", default: "/var/lib/nginx/paperboard" },
    "cache-dir": { type: "string", default: "/var/cache/nginx/paperboard" },
    "static-dir": { type: "string", default: "/var/www/paperboard-static" },
    "microcache-seconds": { type: "string", default: "3" },
    help: { type: "boolean", default: false },
  },
});

if (values.help || values.upstream.length === 0) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

try {
  process.stdout.write(
    renderNginxConf({
      listen: values.listen,
      upstreams: values.upstream,
      user: values.user,
      prefixDir: values.prefix,
      cacheDir: values["cache-dir"],
      staticDir: values["static-dir"],
      microcacheSeconds: Number(values["microcache-seconds"]),
    }),
  );
} catch (error) {
  console.error(`nginx:conf: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
