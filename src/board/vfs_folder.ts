// Node.js only: a VFS backend keeping the board's files in a host folder (`upy board --fs DIR`).
// Each board file is a real file under the folder. Writes go to a temporary file beside the
// target and are renamed over it, so a file is always either its old or its new contents.
// Symbolic links are not followed (they look absent), so nothing outside the folder is reachable.

import * as fs from "node:fs";
import * as nodePath from "node:path";
import { HostError, type StatResult } from "../runtime/host.ts";
import type { VfsBackend } from "./vfs.ts";

const TMP_PREFIX = ".upy-tmp-";

const errnoByCode: Record<string, number> = {
  ENOENT: 2, EIO: 5, EACCES: 13, EEXIST: 17, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, ENOSPC: 28, ENOTEMPTY: 39,
};

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    throw new HostError(errnoByCode[code] ?? 5, code);
  }
}

let tmpCounter = 0;

export class FolderBackend implements VfsBackend {
  readonly root: string;

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.root = fs.realpathSync(dir);
    this.cleanTemps(this.root);
  }

  /** The host path of a normalised board path (which never contains `..`). */
  private host(p: string): string {
    return p === "/" ? this.root : nodePath.join(this.root, ...p.split("/").filter((x) => x !== ""));
  }

  /** Removes temporary files a killed board left behind. */
  private cleanTemps(dir: string): void {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = nodePath.join(dir, e.name);
      if (e.name.startsWith(TMP_PREFIX)) fs.rmSync(p, { force: true });
      else if (e.isDirectory()) this.cleanTemps(p);
    }
  }

  /** lstat of a board path; null when it or any directory on the way is missing or a link. */
  private lstat(p: string): fs.Stats | null {
    let host = this.root;
    let st: fs.Stats | null = null;
    try {
      st = fs.lstatSync(host);
      for (const part of p.split("/")) {
        if (part === "") continue;
        if (!st.isDirectory()) return null;
        host = nodePath.join(host, part);
        st = fs.lstatSync(host);
        if (st.isSymbolicLink()) return null;
      }
      return st;
    } catch {
      return null;
    }
  }

  read(p: string): Uint8Array | null {
    const st = this.lstat(p);
    if (st === null || !st.isFile()) return null;
    try {
      return new Uint8Array(fs.readFileSync(this.host(p)));
    } catch {
      return null;
    }
  }

  write(p: string, data: Uint8Array): void {
    const target = this.host(p);
    const tmp = nodePath.join(nodePath.dirname(target), `${TMP_PREFIX}${process.pid}-${tmpCounter++}`);
    wrap(() => {
      try {
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, target);
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
      }
    });
  }

  stat(p: string): StatResult | null {
    const st = this.lstat(p);
    if (st === null) return null;
    return { isDir: st.isDirectory(), size: st.isDirectory() ? 0 : st.size, mtime: Math.floor(st.mtimeMs / 1000) };
  }

  list(p: string): string[] {
    return wrap(() =>
      fs.readdirSync(this.host(p), { withFileTypes: true })
        .filter((e) => !e.name.startsWith(TMP_PREFIX) && !e.isSymbolicLink())
        .map((e) => e.name),
    );
  }

  mkdir(p: string): void {
    wrap(() => fs.mkdirSync(this.host(p)));
  }
  rmdir(p: string): void {
    wrap(() => fs.rmdirSync(this.host(p)));
  }
  remove(p: string): void {
    wrap(() => fs.unlinkSync(this.host(p)));
  }
  rename(from: string, to: string): void {
    wrap(() => fs.renameSync(this.host(from), this.host(to)));
  }
}
