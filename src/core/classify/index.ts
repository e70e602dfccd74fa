/** Classification of ledger rows, shared by the rules and the reports. */
export * from "./keywords";
export { welfareOccasion, type WelfareOccasion } from "./welfare";
export { hardshipAidType, HARDSHIP_ACCOUNTS, type HardshipAidType } from "./hardship";
export { isInternalTransfer } from "./transfer";
export { entryText, localDetails, type EntryText } from "./entry-text";
