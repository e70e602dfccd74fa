/**
 * A small static file handler for dist/ (used by `npm start`): no directory listings, no path escapes,
 * the MIME types an add-in needs, and no caching so a rebuilt bundle is picked up by the next reload.
 */
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Returns a (req, res) handler serving files under `root`; "/" redirects to /taskpane.html. */
export function staticHandler(root) {
  const base = path.resolve(root);
  return async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === "/") {
        res.writeHead(302, { Location: "/taskpane.html" });
        res.end();
        return;
      }
      const file = path.resolve(base, "." + decodeURIComponent(url.pathname));
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
        // Office on the web loads the pane in an iframe from its own origin.
        "Access-Control-Allow-Origin": "*",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  };
}
