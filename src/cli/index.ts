/** The bundle's entry (dist-cli/union-books.js): see main.ts. */
import { run } from "./main";

run();
