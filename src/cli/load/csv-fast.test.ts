import Papa from "papaparse";
import fc from "fast-check";
import { allRows, decodeCsv, guessLineBreak, parseCsvRows, parseCsvText, utf8Text } from "./csv";

/** What parseCsvText gave before the plain-text path: papaparse on the whole text, trailing empty row dropped. */
function reference(text: string): unknown[][] {
  const rows = Papa.parse<string[]>(text, { header: false, dynamicTyping: false, skipEmptyLines: false }).data as unknown[][];
  while (rows.length && rows[rows.length - 1].length <= 1 && (rows[rows.length - 1][0] ?? "") === "") rows.pop();
  return rows;
}

describe("parseCsvText gives papaparse's rows", () => {
  const cases: Record<string, string> = {
    lf: "日期,摘要,收入\n2025-01-01,会费,100\n2025-01-02,提现,\n",
    crlf: "a,b\r\n1,2\r\n\r\n3,4\r\n",
    cr: "a,b\r1,2\r3,4",
    mixed: "a,b\r\n1,2\n3,4\r\n5,6",
    tabs: "日期\t摘要\t金额\n2025-01-01\t会费\t1\n2025-01-02\t提现\t2\n",
    semicolons: "a;b;c\n1;2;3\n4;5;6\n",
    quoted: 'a,b\n"x, y",2\n"多\n行",3\n',
    bom: "\uFEFF\uFEFFa,b\n1,2\n",
    empty: "",
    blankLines: "\n\n\n",
    oneCell: "x",
    ragged: "a,b,c\n1\n1,2,3,4\n",
  };
  test.each(Object.entries(cases))("%s", (_name, text) => {
    expect(parseCsvText(text)).toEqual(reference(text));
  });

  test("a big file: the guess made on the first megabyte holds for the whole text", () => {
    const line = "2025-01-01,记-0000001,工会干部培训费,业务支出—培训费,培训费,,2255.43,497744.57,江城市总工会干部学校,,转账";
    const text = `日期,凭证号,摘要,会计科目,预算项目,收入,支出,余额,领取人,会员编号,结算方式\r\n${Array(20_000).fill(line).join("\r\n")}\r\n`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const rows = parseCsvText(text);
    expect(rows).toHaveLength(20_001);
    expect(rows).toEqual(reference(text));
  });

  test("random small texts", () => {
    const char = fc.constantFrom("a", "b", "中", ",", ";", "\t", "|", "\n", "\r", " ", "1", "\uFEFF");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        expect(parseCsvText(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("decodeCsv", () => {
  test("UTF-8 with and without BOM, and GBK", () => {
    const utf8 = Buffer.from("\uFEFF日期,摘要\n", "utf8");
    expect(decodeCsv(utf8)).toEqual({ text: "日期,摘要\n", encoding: "utf8" });
    expect(decodeCsv(Buffer.from("日期", "utf8"))).toEqual({ text: "日期", encoding: "utf8" });
    const gbk = Buffer.from([0xc8, 0xd5, 0xc6, 0xda]); // 日期 in GBK
    expect(decodeCsv(gbk)).toEqual({ text: "日期", encoding: "gb18030" });
    expect(decodeCsv(new Uint8Array(gbk).subarray(0, 2))).toEqual({ text: "日", encoding: "gb18030" });
  });

  test("UTF-16 by its byte-order mark (Excel's 「Unicode 文本」), little- and big-endian, the BOM dropped", () => {
    const text = "日期\t摘要\t收入\n2025-01-05\t收会费\t500\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeCsv(le)).toEqual({ text, encoding: "utf16le" });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeCsv(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: "utf16be" });
    // A view into a larger buffer is decoded from its own start.
    const padded = Buffer.concat([Buffer.from("xx"), le]);
    expect(decodeCsv(padded.subarray(2))).toEqual({ text, encoding: "utf16le" });
  });
});

describe("the rows as a RowSource", () => {
  test("row(i) gives the rows parseCsvText gives, width is the widest row, outside rows are undefined", () => {
    const text = "a,b,c\n1\n1,2,3,4\n\n5,6\n\n\n";
    const source = parseCsvRows(text);
    const rows = reference(text);
    expect(source.length).toBe(rows.length);
    expect(allRows(source)).toEqual(rows);
    expect(source.width).toBe(4);
    expect(source.row(-1)).toBeUndefined();
    expect(source.row(rows.length)).toBeUndefined();
  });

  test("random texts: the widest row for plain and quoted text alike", () => {
    const char = fc.constantFrom("a", "中", ",", ";", "|", "\t", "\n", "\r", " ", '"');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join("");
        const rows = reference(text);
        const source = parseCsvRows(text);
        expect(allRows(source)).toEqual(rows);
        expect(source.width).toBe(rows.reduce((w, r) => Math.max(w, r.length), 0));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("guessLineBreak is papaparse's guess on quote-free text", () => {
  test("random texts", () => {
    const char = fc.constantFrom("a", "中", ",", "\n", "\r", "\r\n", " ");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 80 }), (chars) => {
        const text = chars.join("");
        expect(guessLineBreak(text)).toBe(Papa.parse(text, { preview: 1 }).meta.linebreak);
      }),
      { numRuns: 3000 },
    );
  });

  test("many lines with mixed breaks: rows and guesses as papaparse's", () => {
    const line = fc.array(fc.constantFrom("a", "中", ",", ";", "\t", "1"), { maxLength: 8 }).map((c) => c.join(""));
    const br = fc.constantFrom("\n", "\r", "\r\n");
    fc.assert(
      fc.property(fc.array(fc.tuple(line, br), { minLength: 8, maxLength: 40 }), (parts) => {
        const text = parts.map(([l, b]) => l + b).join("");
        expect(guessLineBreak(text)).toBe(Papa.parse(text, { preview: 1 }).meta.linebreak);
        expect(parseCsvText(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("utf8Text is buf.toString(\"utf8\") for valid UTF-8", () => {
  // Pieces of every UTF-8 length (1-4 bytes), a BOM, controls and the edges of the ranges around the surrogates.
  const pieces = ["a", "1,", "\n", "\r\n", "\t", "\u0000", "\u007f", "\u0080", "\u07ff", "\u0800", "工会", "经费",
    "\ud7ff", "\ue000", "\uffef", "\uFEFF", "\uffff", "😀", "\u{10ffff}", "\u{10000}", "，", "—"];
  const big = (parts: string[], repeat: number) => Buffer.from(parts.join("").repeat(repeat), "utf8");

  test("mixed text over the size where transcode is used", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40_000 }), (parts, repeat) => {
        const buf = big(parts, repeat);
        expect(utf8Text(buf)).toBe(buf.toString("utf8"));
      }),
      { numRuns: 60 },
    );
  });

  test("pure ASCII, a BOM at the start, a buffer that is a view into a bigger one", () => {
    const ascii = big(["2025-01-01,abc,100.00\r\n"], 10_000);
    expect(utf8Text(ascii)).toBe(ascii.toString("utf8"));
    const bom = big(["\uFEFF日期,摘要\n2025-01-01,会费\n"], 5_000);
    expect(utf8Text(bom)).toBe(bom.toString("utf8"));
    const whole = big(["x工会经费😀\n"], 50_000);
    const view = whole.subarray(1, whole.length - 5);
    expect(utf8Text(view)).toBe(view.toString("utf8"));
  });

  test("decodeCsv of a big UTF-8 file: the text of the fatal decoder, without the BOM", () => {
    const buf = big(["\uFEFF日期,摘要,收入\n", "2025-01-01,会费😀,100\n".repeat(3)], 20_000);
    const { text, encoding } = decodeCsv(buf);
    expect(encoding).toBe("utf8");
    expect(text).toBe(new TextDecoder("utf-8", { fatal: true }).decode(buf));
  });
});
