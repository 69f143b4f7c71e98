// Every built-in module written in TypeScript, by import name. Add one line per module.
// Each module file exports `makeModule()` returning its member table.
import { makeModule as sysModule } from "./sys.ts";
import { makeModule as ioModule } from "./io.ts";
import { makeModule as jsonModule } from "./json.ts";
import { makeModule as reModule } from "./re.ts";
import { makeModule as mathModule } from "./math.ts";
import { makeModule as cmathModule } from "./cmath.ts";
import { makeModule as arrayModule } from "./array.ts";
import { makeModule as structModule } from "./struct.ts";
import { makeModule as binasciiModule } from "./binascii.ts";
import { makeModule as collectionsModule } from "./collections.ts";
import { makeModule as gcModule } from "./gc.ts";
import { makeModule as micropythonModule } from "./micropython.ts";
import { makeModule as errnoModule } from "./errno.ts";
import { makeModule as timeModule } from "./time.ts";
import { makeModule as osModule } from "./os.ts";
import { makeModule as weakrefModule } from "./weakref.ts";
import { makeModule as randomModule } from "./random.ts";
import { makeModule as heapqModule } from "./heapq.ts";
import { makeModule as platformModule } from "./platform.ts";
import { makeModule as selectModule } from "./select.ts";
import { makeModule as socketModule } from "./socket.ts";
import { makeModule as websocketModule } from "./websocket.ts";
import { makeModule as asyncioModule, makeCoreModule as asyncioCoreModule } from "./asyncio/index.ts";
import { makeModule as framebufModule } from "./framebuf.ts";
import { makeModule as hashlibModule } from "./hashlib.ts";
import { makeModule as deflateModule } from "./deflate.ts";
import { makeModule as marshalModule } from "./marshal.ts";
import { makeModule as uctypesModule } from "./uctypes.ts";
import { makeModule as vfsModule } from "./vfs.ts";
import "./vfs_fat.ts"; // registers vfs.VfsFat
import { makeModule as machineModule } from "./machine/index.ts";

export const builtinModules: [string, () => Record<string, any>][] = [
  ["sys", sysModule],
  ["io", ioModule],
  ["json", jsonModule],
  ["re", reModule],
  ["math", mathModule],
  ["cmath", cmathModule],
  ["array", arrayModule],
  ["struct", structModule],
  ["binascii", binasciiModule],
  ["collections", collectionsModule],
  ["gc", gcModule],
  ["micropython", micropythonModule],
  ["errno", errnoModule],
  ["time", timeModule],
  ["os", osModule],
  ["weakref", weakrefModule],
  ["random", randomModule],
  ["heapq", heapqModule],
  ["platform", platformModule],
  ["select", selectModule],
  ["socket", socketModule],
  ["websocket", websocketModule],
  ["asyncio", asyncioModule],
  ["_asyncio", asyncioCoreModule],
  ["framebuf", framebufModule],
  ["hashlib", hashlibModule],
  ["deflate", deflateModule],
  ["marshal", marshalModule],
  ["uctypes", uctypesModule],
  ["vfs", vfsModule],
  // The unix port's small machine; a board replaces it with the full module at boot.
  ["machine", machineModule],
];
