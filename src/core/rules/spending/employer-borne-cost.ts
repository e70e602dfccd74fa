/** §1.9: costs the employer should bear (office rent, utilities, full-time union staff pay, 职代会…). */
import { keywordRule } from "./keyword-rule";

export const employerBorneCost = keywordRule("employer-borne-cost", "warning");
