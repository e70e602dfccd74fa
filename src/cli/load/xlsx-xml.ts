/**
 * The XML parts of an .xlsx through htmlparser2's streaming Tokenizer (xmlMode), chunk by chunk: the sheet XML is
 * never held whole. The Tokenizer reports positions in the text written so far, not strings; this adapter turns
 * them into the few strings a reader asks for:
 * - element names without their namespace prefix ("x:row" -> "row"), the same string each time;
 * - the attributes of the elements named in `attrsOf` only (a sheet's <c> and <row>, not its million <v>);
 * - text only while the handler's `collect` is on (the values inside <v>/<t>, not the whitespace between tags),
 *   handed over whole before the next tag.
 *
 * Entities are decoded by the `entities` package (htmlparser2's own) once a text or value is whole: the
 * Tokenizer's decoding is off, it costs a state change per character of every text and value. What XML's rules
 * add to what the Tokenizer (an HTML tokenizer at heart) does is done as saxes (exceljs's parser) did it: line
 * ends in text read as "\n" ("\r\n" and a lone "\r"; "&#13;" stays "\r"), and in attribute values a tab, line
 * end or "\r\n" reads as one space. CDATA sections are text; comments and processing instructions are skipped.
 *
 * Why the Tokenizer and not a SAX parser's events: on that sheet, fed in 64 KiB chunks with the same small
 * handler, the Tokenizer took ≈ 1.0–1.1 s of CPU, htmlparser2's Parser ≈ 1.4–1.7 s (a name string and an attribute
 * object per tag), saxes ≈ 1.5–2.2 s, sax ≈ 3.1 s and sax-wasm ≈ 9.7 s (events decoded from WebAssembly memory).
 */
import { StringDecoder } from "node:string_decoder";
import { decodeXML } from "entities";
import { Tokenizer } from "htmlparser2";

/**
 * The attributes of the element just opened (only for elements in `attrsOf`), valid during open(). A value is
 * decoded into a string only when asked for (value(i), get(name)): a sheet's million <c r="B3" s="2" t="s"> are
 * read straight from the text (raw value i is src[i] from start[i] to end[i], as written).
 */
export class XmlAttrs {
  count = 0;
  readonly names: string[] = [];
  readonly src: string[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  private readonly decoded: (string | undefined)[] = [];

  set(i: number, name: string, src: string, start: number, end: number): void {
    this.names[i] = name;
    this.src[i] = src;
    this.start[i] = start;
    this.end[i] = end;
    this.decoded[i] = undefined;
  }

  /** Value i, decoded (entities, and tabs and line ends as spaces). */
  value(i: number): string {
    let v = this.decoded[i];
    if (v === undefined) v = this.decoded[i] = decodeAttr(this.src[i].slice(this.start[i], this.end[i]));
    return v;
  }

  /** Whether raw value i is its own value: no entity, tab or line end to decode. */
  plain(i: number): boolean {
    const src = this.src[i];
    for (let k = this.start[i]; k < this.end[i]; k++) {
      const c = src.charCodeAt(k);
      if (c === 0x26 || c === 0x09 || c === 0x0a || c === 0x0d) return false;
    }
    return true;
  }

  get(name: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.names[i] === name) return this.value(i);
    return undefined;
  }
}

export interface XmlHandler {
  /** Set by the handler: the text that follows is gathered for text() while this is true. */
  collect: boolean;
  /** An element opened; `attrs` are its attributes when its name is in `attrsOf`, else empty. */
  open(name: string, attrs: XmlAttrs): void;
  /** An element closed; also called right after open() for `<x/>`. */
  close(name: string): void;
  /**
   * The text gathered since the last tag (decoded), given before that tag's open() or close(). The string (like
   * an attribute value) is the handler's to keep: it is not a view into the chunk it was read from.
   */
  text(text: string): void;
}

const LINE_END = /\r\n?/g;
const HAS_ATTR_SPACE = /[\t\n\r]/;
const ATTR_SPACE = /\r\n?|[\t\n]/g;

/**
 * A copy of a string that may be a view into a chunk: V8 makes a slice of 13 or more characters a view into its
 * parent, so a value sliced from a 64 KiB chunk would keep the whole chunk alive. Flattening " " + text copies
 * it; slice(1) then views only that copy.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** Text as written -> its value: line ends normalised, entities decoded. */
function decodeText(raw: string): string {
  let s = raw;
  if (s.includes("\r")) s = s.replace(LINE_END, "\n");
  if (s.includes("&")) s = decodeXML(s);
  return own(s);
}

/** An attribute value as written -> its value: tabs and line ends as spaces, entities decoded. */
function decodeAttr(raw: string): string {
  let s = raw;
  if (HAS_ATTR_SPACE.test(s)) s = s.replace(ATTR_SPACE, " ");
  if (s.includes("&")) s = decodeXML(s);
  return own(s);
}

/**
 * Element and attribute names, repeated millions of times: a small cache, checked character by character, hands
 * out the same strings instead of slicing new ones per tag: the name as written, the local name (without a
 * namespace prefix) and whether the reader wants the element's attributes.
 */
class NameCache {
  private readonly full: string[] = new Array<string>(256).fill("");
  private readonly local: string[] = new Array<string>(256).fill("");
  private readonly wanted: boolean[] = new Array<boolean>(256).fill(false);
  /** Set by get(): the last name's local part and whether its attributes are wanted. */
  localName = "";
  wantAttrs = false;

  constructor(private readonly attrsOf: ReadonlySet<string>) {}

  get(text: string, start: number, end: number): string {
    const len = end - start;
    if (len <= 0) {
      this.localName = "";
      this.wantAttrs = false;
      return "";
    }
    const slot = (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & 255;
    const cached = this.full[slot];
    if (cached.length === len) {
      let k = 0;
      while (k < len && cached.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) {
        this.localName = this.local[slot];
        this.wantAttrs = this.wanted[slot];
        return cached;
      }
    }
    const name = own(text.slice(start, end));
    const colon = name.indexOf(":");
    this.full[slot] = name;
    this.localName = this.local[slot] = colon < 0 ? name : name.slice(colon + 1);
    this.wantAttrs = this.wanted[slot] = this.attrsOf.has(this.localName);
    return name;
  }
}

class Adapter {
  /** The chunks that positions may still point into; bufs[0] starts at offset `base`. */
  private readonly bufs: string[] = [];
  private base = 0;
  private readonly names: NameCache;
  private readonly attrs = new XmlAttrs();
  private readonly noAttrs = new XmlAttrs();
  private tag = "";
  private wantAttrs = false;
  private attrName = "";
  /** The attribute value being read: attrSrc from attrStart to attrEnd. */
  private attrSrc = "";
  private attrStart = 0;
  private attrEnd = 0;
  /** Raw text gathered while the handler collects. */
  private raw = "";
  private hasRaw = false;
  readonly tokenizer: Tokenizer;

  constructor(
    private readonly handler: XmlHandler,
    attrsOf: ReadonlySet<string>,
  ) {
    this.names = new NameCache(attrsOf);
    this.tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, this);
  }

  write(chunk: string): void {
    if (chunk === "") return;
    this.bufs.push(chunk);
    this.tokenizer.write(chunk);
  }

  /** Drops the chunks that end before `start`; bufs[0] then holds `start`. */
  private seek(start: number): string {
    const bufs = this.bufs;
    while (bufs.length > 1 && start - this.base >= bufs[0].length) {
      this.base += bufs[0].length;
      bufs.shift();
    }
    return bufs[0];
  }

  private slice(start: number, end: number): string {
    const first = this.seek(start);
    const s = start - this.base;
    const e = end - this.base;
    if (e <= first.length) return first.slice(s, e);
    // Across chunks (a name or value cut by a chunk end): gather the pieces.
    let out = first.slice(s);
    let at = this.base + first.length;
    for (let k = 1; k < this.bufs.length && at < end; k++) {
      const b = this.bufs[k];
      out += b.slice(0, end - at);
      at += b.length;
    }
    return out;
  }

  /** A name as written; names.localName and names.wantAttrs then tell its local part and if its attributes are wanted. */
  private name(start: number, end: number): string {
    const first = this.seek(start);
    const s = start - this.base;
    const e = end - this.base;
    if (e <= first.length) return this.names.get(first, s, e);
    // A name cut by a chunk end: put it together, then look it up as a whole.
    const whole = this.slice(start, end);
    return this.names.get(whole, 0, whole.length);
  }

  /** Hands the gathered text to the handler (before a tag). */
  private flush(): void {
    if (!this.hasRaw) return;
    const raw = this.raw;
    this.raw = "";
    this.hasRaw = false;
    this.handler.text(decodeText(raw));
  }

  // --- Tokenizer callbacks ---

  onopentagname(start: number, end: number): void {
    if (this.hasRaw) this.flush();
    this.name(start, end);
    this.tag = this.names.localName;
    this.wantAttrs = this.names.wantAttrs;
    this.attrs.count = 0;
  }

  onattribname(start: number, end: number): void {
    if (!this.wantAttrs) return;
    this.attrName = this.name(start, end);
    this.attrSrc = "";
    this.attrStart = this.attrEnd = 0;
  }

  onattribdata(start: number, end: number): void {
    if (!this.wantAttrs || start >= end) return;
    if (this.attrSrc === "") {
      // Usually the whole value: where it is in its chunk.
      const first = this.seek(start);
      if (end - this.base <= first.length) {
        this.attrSrc = first;
        this.attrStart = start - this.base;
        this.attrEnd = end - this.base;
        return;
      }
    }
    // A value in more than one piece (cut by a chunk end): put it together.
    const value = this.attrSrc.slice(this.attrStart, this.attrEnd) + this.slice(start, end);
    this.attrSrc = value;
    this.attrStart = 0;
    this.attrEnd = value.length;
  }

  onattribentity(): void {} // entities are left in the value (decodeEntities: false)

  onattribend(): void {
    if (!this.wantAttrs) return;
    const a = this.attrs;
    a.set(a.count++, this.attrName, this.attrSrc, this.attrStart, this.attrEnd);
  }

  onopentagend(): void {
    this.handler.open(this.tag, this.wantAttrs ? this.attrs : this.noAttrs);
  }

  onselfclosingtag(): void {
    this.onopentagend();
    this.handler.close(this.tag);
  }

  onclosetag(start: number, end: number): void {
    if (this.hasRaw) this.flush();
    this.name(start, end);
    this.handler.close(this.names.localName);
  }

  ontext(start: number, end: number): void {
    if (!this.handler.collect) {
      this.seek(start);
      return;
    }
    const piece = this.slice(start, end);
    this.raw = this.hasRaw ? this.raw + piece : piece;
    this.hasRaw = true;
  }

  ontextentity(): void {} // not called with decodeEntities: false

  oncdata(start: number, end: number, endOffset: number): void {
    if (!this.handler.collect) return;
    // The text so far is decoded on its own: a CDATA section's content is not (its "&amp;" stays as written).
    this.flush();
    // end is at the ">" of "]]>", endOffset the length of "]]".
    this.handler.text(own(this.slice(start, end - endOffset).replace(LINE_END, "\n")));
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {
    this.flush();
  }
}

/** Feeds an XML part (whole, or as chunks of bytes) through the tokenizer to the handler. */
export async function parseXml(
  source: Buffer | AsyncIterable<Buffer>,
  handler: XmlHandler,
  attrsOf: Iterable<string> = [],
): Promise<void> {
  const adapter = new Adapter(handler, new Set(attrsOf));
  // StringDecoder: a UTF-8 character cut between two chunks is put together.
  const decoder = new StringDecoder("utf8");
  if (Buffer.isBuffer(source)) adapter.write(decoder.write(source));
  else for await (const chunk of source) adapter.write(decoder.write(chunk));
  adapter.write(decoder.end());
  adapter.tokenizer.end();
}
