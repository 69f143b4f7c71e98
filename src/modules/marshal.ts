// marshal: https://docs.micropython.org/en/latest/library/marshal.html
// (MicroPython's extmod/modmarshal.c).
//
// MicroPython's marshal converts only code objects, to and from its .mpy bytecode format.
// This implementation compiles Python to JavaScript and has no code objects (functions have no
// __code__), so there is nothing dumps() can convert and no .mpy data loads() can accept: both
// raise ValueError with MicroPython's messages. MicroPython's marshal tests detect the missing
// __code__ and skip themselves.

import { builtin } from "../runtime/object.ts";
import { valueError } from "../runtime/exceptions.ts";
import { getBuffer } from "../runtime/buffer.ts";

function marshal_dumps(value: any): any {
  void value;
  throw valueError("unmarshallable object");
}

function marshal_loads(data: any): any {
  getBuffer(data); // TypeError for a non-buffer, as in MicroPython
  throw valueError("incompatible .mpy file");
}

export function makeModule(): Record<string, any> {
  return {
    dumps: builtin("dumps", marshal_dumps),
    loads: builtin("loads", marshal_loads),
  };
}
