// The programmes' tables that other modules' schema.ts may reference in a foreign key, and
// nothing else: a foreign key needs the table object. Read and write programmes through
// index.ts (docs/decisions/0018-foreign-keys-across-modules.md; src/architecture.test.ts).
export { programmes } from "./schema";
