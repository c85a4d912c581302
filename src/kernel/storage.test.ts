import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diskFileStore } from "./storage";

describe("the file store on disk", () => {
  it("keeps bytes under a new key, gives them back, and forgets them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "samspill-store-"));
    const store = diskFileStore(dir);
    const key = await store.put(new TextEncoder().encode("søknad"));
    const other = await store.put(new TextEncoder().encode("vedlegg"));
    expect(key).not.toBe(other);
    expect((await store.get(key))?.toString("utf8")).toBe("søknad");
    expect(await readdir(dir)).toHaveLength(2); // no temporary files left behind
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });

  it("never reads outside its directory, whatever key it is given", async () => {
    const store = diskFileStore(await mkdtemp(join(tmpdir(), "samspill-store-")));
    expect(await store.get("../../etc/passwd")).toBeNull();
    expect(await store.get("")).toBeNull();
    await expect(store.delete("../x")).rejects.toThrow("bad file key");
  });
});
