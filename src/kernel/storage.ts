import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Where uploaded files' bytes live (attachments, documents on programme pages): one interface,
 * a directory on disk by default (under DATA_DIR), something S3-compatible when several
 * machines share it. Metadata (name, type, size, owner) lives in the owning module's table;
 * the store knows only keys.
 */
export type FileStore = {
  /** Store bytes under a new key, and return the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes under a key, or null. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
};

const KEY = /^[A-Za-z0-9_-]{22,64}$/;

/** A store in a directory: each file written to a temporary name, then renamed (never half a file). */
export function diskFileStore(dir: string): FileStore {
  let ready: Promise<unknown> | undefined;
  const ensure = () => (ready ??= mkdir(dir, { recursive: true }));
  const pathOf = (key: string) => {
    // Keys are ours, but a key from a URL must never walk out of the directory.
    if (!KEY.test(key)) throw new Error("bad file key");
    return join(dir, key);
  };
  return {
    async put(bytes) {
      await ensure();
      const key = randomBytes(18).toString("base64url");
      const temp = join(dir, `.${key}.part`);
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, pathOf(key));
      return key;
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      try {
        return await readFile(pathOf(key));
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

/** A store of its own in the system's temporary directory (tests, and apps built without one). */
export function temporaryFileStore(): FileStore {
  return diskFileStore(
    join(tmpdir(), `samspill-files-${process.pid}-${randomBytes(4).toString("hex")}`),
  );
}
