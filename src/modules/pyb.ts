// pyb: the pyboard's own module, as far as beginners use it: LED(1..4), Switch(), delay,
// udelay, millis, micros, elapsed_millis, elapsed_micros, Pin (machine's), freq, unique_id.

import { PyObject, PyType, defineBuiltinType, addMethods, builtin, None } from "../runtime/object.ts";
import { valueError } from "../runtime/exceptions.ts";
import { isTrue } from "../runtime/ops.ts";
import { mkBytes } from "../runtime/types/bytes.ts";
import { getHal, PinMode } from "./machine/hal.ts";
import { int, schedule } from "./machine/common.ts";

class PyLed extends PyObject {
  $n = 1;
  $pin = 0;
}
class PySwitch extends PyObject {
  $cb: any = None;
}

const LED_NAMES = ["LED_RED", "LED_GREEN", "LED_YELLOW", "LED_BLUE"];

export function makeModule(): Record<string, any> {
  const hal = getHal()!;
  const led = defineBuiltinType("LED", PyLed.prototype);
  led.$new = (_c: PyType, args: any[]) => {
    const n = int(args[0]);
    if (n < 1 || n > 4) throw valueError(`LED(${n}) doesn't exist`);
    const o = new PyLed();
    o.$n = n;
    o.$pin = hal.pinByName(LED_NAMES[n - 1])!;
    hal.pinConfigure(o.$pin, PinMode.Out, 0, null);
    return o;
  };
  addMethods(led, {
    on: builtin("on", (s: PyLed) => (hal.pinWrite(s.$pin, 1), None)),
    off: builtin("off", (s: PyLed) => (hal.pinWrite(s.$pin, 0), None)),
    toggle: builtin("toggle", (s: PyLed) => (hal.pinWrite(s.$pin, hal.pinLatch(s.$pin) ^ 1), None)),
    intensity: builtin("intensity", (s: PyLed, v?: any) => {
      if (v === undefined) return hal.pinLatch(s.$pin) ? 255 : 0;
      const x = Math.max(0, Math.min(255, int(v)));
      if (s.$n >= 3) hal.pwm(s.$pin, { freq: 1000, duty: x / 255 });
      else hal.pinWrite(s.$pin, x > 0 ? 1 : 0);
      return None;
    }),
    __repr__: builtin("__repr__", (s: PyLed) => `LED(${s.$n})`),
  });

  const sw = defineBuiltinType("Switch", PySwitch.prototype);
  const swPin = hal.pinByName("SW")!;
  let swObj: PySwitch | null = null;
  sw.$new = () => {
    if (swObj === null) {
      swObj = new PySwitch();
      hal.pinConfigure(swPin, PinMode.In, 1, null);
    }
    return swObj;
  };
  const pressed = () => !hal.pinRead(swPin);
  addMethods(sw, {
    value: builtin("value", () => pressed()),
    __call__: builtin("__call__", () => pressed()),
    callback: builtin("callback", (self: PySwitch, fn: any) => {
      self.$cb = fn;
      hal.pinOnEdge(swPin, fn === None ? null : (edges) => {
        if (edges & 2) schedule(self.$cb, None);
      });
      return None;
    }),
  });

  const t0 = hal.nowUs();
  const millis = () => Math.floor((hal.nowUs() - t0) / 1000) & 0x3fffffff;
  const micros = () => Math.floor(hal.nowUs() - t0) & 0x3fffffff;
  return {
    __name__: "pyb",
    LED: led,
    Switch: sw,
    delay: builtin("delay", (ms: any) => (hal.sleepMs(int(ms)), None)),
    udelay: builtin("udelay", (us: any) => (hal.sleepMs(int(us) / 1000), None)),
    millis: builtin("millis", millis),
    micros: builtin("micros", micros),
    elapsed_millis: builtin("elapsed_millis", (start: any) => (millis() - int(start)) & 0x3fffffff),
    elapsed_micros: builtin("elapsed_micros", (start: any) => (micros() - int(start)) & 0x3fffffff),
    freq: builtin("freq", () => hal.cpuFreq),
    unique_id: builtin("unique_id", () => mkBytes(hal.uniqueId())),
    hard_reset: builtin("hard_reset", () => hal.reset(2)),
    wfi: builtin("wfi", () => (hal.waitUntil(() => false, 1000), None)),
    have_cdc: builtin("have_cdc", () => true),
    Pin: null as any,
    isTrue,
  };
}
