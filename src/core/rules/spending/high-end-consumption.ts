/** 八不准 #4: high-end entertainment and fitness (KTV, clubs, golf, spa…). */
import { keywordRule } from "./keyword-rule";

export const highEndConsumption = keywordRule("high-end-consumption", "error");
