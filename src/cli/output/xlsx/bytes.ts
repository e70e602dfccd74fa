/**
 * A byte writer for the bulk of a worksheet. A sheet's cell XML is mostly ASCII (most texts live in the shared
 * string table, cells hold its indexes), so it is written straight into buffers: no string is built per cell,
 * which with ~400k cells on a 100k-row ledger was most of the writer's time and garbage. Texts written in the
 * cell go through Buffer's native UTF-8 encoder.
 */
const CHUNK = 1 << 16;

export class AsciiWriter {
  private readonly parts: Buffer[] = [];
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(n, CHUNK));
  }

  private flush(): void {
    if (this.pos === 0) return;
    this.parts.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }

  /** Text known to be ASCII (markup of our own, digits, column letters). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A non-negative integer below 2^53, in decimal. */
  uint(n: number): void {
    this.room(16);
    const buf = this.buf;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    while (n >= 10) {
      const q = Math.floor(n / 10);
      buf[--p] = 48 + (n - q * 10);
      n = q;
    }
    buf[--p] = 48 + n;
  }

  /** A finite number spelled exactly as String(v) spells it (see numberText). */
  number(v: number): void {
    const hundredths = Math.round(v * 100);
    // Whole numbers and amounts in yuan (fen / 100) below 10^12 take the allocation-free path: their shortest
    // round-trip spelling is the decimal of the integer fen, which is what String(v) gives.
    if (hundredths / 100 === v && Math.abs(hundredths) < 1e14) {
      let n = hundredths;
      if (n < 0) {
        this.ascii("-");
        n = -n;
      }
      const whole = Math.floor(n / 100);
      const cents = n - whole * 100;
      this.uint(whole);
      if (cents !== 0) {
        this.room(3);
        const buf = this.buf;
        buf[this.pos++] = 46; // "."
        buf[this.pos++] = 48 + Math.floor(cents / 10);
        if (cents % 10 !== 0) buf[this.pos++] = 48 + (cents % 10);
      }
      return;
    }
    this.ascii(String(v));
  }

  /** Text in UTF-8, already escaped for XML (at most 3 bytes per UTF-16 unit). */
  utf8(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  /** Arbitrary text (UTF-8), e.g. a part's head and tail. */
  text(s: string): void {
    this.flush();
    this.parts.push(Buffer.from(s, "utf8"));
  }

  bytes(): Buffer {
    this.flush();
    return this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
  }

  /** The bytes written so far as the buffers they were written into (for one Buffer.concat by the caller). */
  chunks(): Buffer[] {
    this.flush();
    return this.parts;
  }
}
