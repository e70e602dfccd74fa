// Minimal typings for the parts of lunar-javascript (6tail) the project uses.
declare module "lunar-javascript" {
  export class Lunar {
    static fromYmd(year: number, month: number, day: number): Lunar;
    getSolar(): Solar;
    /** Solar terms (节气) of this lunar year by Chinese name ("清明", "冬至", ...); added for festivals.ts. */
    getJieQiTable(): Record<string, Solar>;
  }
  export class Solar {
    static fromYmd(year: number, month: number, day: number): Solar;
    getLunar(): Lunar;
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    toYmd(): string;
  }
}
