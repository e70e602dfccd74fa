/**
 * The .xlsx container: yauzl reads the zip's central directory (at the end of the file), so the parts can be
 * read in the order the workbook needs them (workbook.xml, rels, styles and shared strings before the sheets),
 * whatever order the writer stored them in. exceljs's streaming reader goes through the zip front to back
 * instead and, for files written sheets-first (its own WorkbookWriter does that), copied every sheet to a temp
 * file to read it again later. Entries are inflated by node:zlib (native) as a stream of chunks: a sheet's XML is
 * never held whole in memory.
 */
import { createInflateRaw } from "node:zlib";
import { open, type Entry, type ZipFile } from "yauzl";

/** Inflated chunks of 64 KiB instead of zlib's default 16 KiB: a quarter of the callbacks and chunk handovers. */
const CHUNK = 64 * 1024;

export interface XlsxZip {
  /** Entry names in the order the zip stores them. */
  readonly names: string[];
  has(name: string): boolean;
  /** The whole (small) part, or undefined when the zip has no such entry. */
  read(name: string): Promise<Buffer | undefined>;
  /** The part's bytes as they are inflated. */
  stream(name: string): AsyncIterable<Buffer>;
  close(): void;
}

/** Opens a zip file; rejects (with yauzl's message) when it is not one. */
export function openZip(path: string): Promise<XlsxZip> {
  return new Promise((resolve, reject) => {
    open(path, { lazyEntries: true, autoClose: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("cannot open zip"));
      const entries = new Map<string, Entry>();
      const names: string[] = [];
      zip.on("error", (e: Error) => {
        zip.close();
        reject(e);
      });
      zip.on("entry", (entry: Entry) => {
        if (!entries.has(entry.fileName)) names.push(entry.fileName);
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve(wrap(zip, entries, names)));
      zip.readEntry();
    });
  });
}

function wrap(zip: ZipFile, entries: Map<string, Entry>, names: string[]): XlsxZip {
  const openStream = (name: string) =>
    new Promise<NodeJS.ReadableStream>((resolve, reject) => {
      const entry = entries.get(name);
      if (!entry) return reject(new Error(`no ${name} in the zip`));
      zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error(name)) : resolve(stream)));
    });
  return {
    names,
    has: (name) => entries.has(name),
    async read(name) {
      if (!entries.has(name)) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of await openStream(name)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async *stream(name) {
      const entry = entries.get(name);
      if (entry?.compressionMethod !== 8) {
        for await (const chunk of await openStream(name)) yield chunk as Buffer;
        return;
      }
      const raw = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, { decompress: false }, (err, s) => (err || !s ? reject(err ?? new Error(name)) : resolve(s))),
      );
      const inflate = createInflateRaw({ chunkSize: CHUNK });
      raw.on("error", (e) => inflate.destroy(e));
      let size = 0;
      for await (const chunk of raw.pipe(inflate)) {
        size += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      // yauzl checks this when it inflates; a damaged zip must not pass as a short sheet.
      if (size !== entry.uncompressedSize) throw new Error(`${name}: ${size} bytes inflated, ${entry.uncompressedSize} expected`);
    },
    close: () => zip.close(),
  };
}
