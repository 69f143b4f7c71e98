// Board profiles: what distinguishes one virtual board from another, as data. The values are
// those the real boards report (ports/rp2, ports/esp32, ports/stm32 and their board configs).

export interface BoardProfile {
  /** The id used by `upy board --board ID` and createBoard({ board }). */
  id: string;
  /** MICROPY_HW_BOARD_NAME */
  name: string;
  /** MICROPY_HW_MCU_NAME */
  mcu: string;
  /** sys.platform (and os.uname().sysname) */
  platform: string;
  /** GC heap size in bytes (gc.mem_free() + gc.mem_alloc()) */
  heap: number;
  /** machine.unique_id() length in bytes */
  uniqueIdLength: number;
  /** machine.freq() in Hz */
  freq: number;
  /** Size of the flash file system in bytes */
  flashSize: number;
  /** Pin name of the on-board LED, if any */
  ledPin: string | null;
  /** The type of the flash file system _boot.py mounts at "/" (what vfs.mount() and df show) */
  rootFs: "VfsLfs2" | "VfsFat";
}

export const profiles: Record<string, BoardProfile> = {
  pico: {
    id: "pico", name: "Raspberry Pi Pico", mcu: "RP2040", platform: "rp2",
    heap: 192 * 1024, uniqueIdLength: 8, freq: 125_000_000, flashSize: 1408 * 1024, ledPin: "LED", rootFs: "VfsLfs2",
  },
  pico_w: {
    id: "pico_w", name: "Raspberry Pi Pico W", mcu: "RP2040", platform: "rp2",
    heap: 166 * 1024, uniqueIdLength: 8, freq: 125_000_000, flashSize: 848 * 1024, ledPin: "LED", rootFs: "VfsLfs2",
  },
  esp32: {
    id: "esp32", name: "Generic ESP32 module", mcu: "ESP32", platform: "esp32",
    heap: 110 * 1024, uniqueIdLength: 6, freq: 160_000_000, flashSize: 2048 * 1024, ledPin: null, rootFs: "VfsLfs2",
  },
  pyboard: {
    id: "pyboard", name: "PYBv1.1", mcu: "STM32F405RG", platform: "pyboard",
    heap: 100 * 1024, uniqueIdLength: 12, freq: 168_000_000, flashSize: 96 * 1024, ledPin: "LED_RED", rootFs: "VfsFat",
  },
};

/** Other names accepted for a profile (the MicroPython board directory names). */
const aliases: Record<string, string> = {
  rpi_pico: "pico", rp2: "pico", "pico-w": "pico_w", picow: "pico_w", rpi_pico_w: "pico_w",
  esp32_generic: "esp32", devkitc: "esp32", pybv11: "pyboard", stm32: "pyboard", pyb: "pyboard",
};

export function findProfile(id: string): BoardProfile | null {
  const k = id.toLowerCase();
  return profiles[k] ?? profiles[aliases[k] ?? ""] ?? null;
}

export const BUILD_DATE = "2026-11-29";

/** The first line the board prints at power-on and after Ctrl-B. */
export function bannerLine(p: BoardProfile, version: string): string {
  return `MicroPython v${version} on ${BUILD_DATE}; ${p.name} with ${p.mcu}`;
}

/** A stable unique id for a board instance (machine.unique_id()). */
export function uniqueId(p: BoardProfile, seed: string): Uint8Array {
  const out = new Uint8Array(p.uniqueIdLength);
  let h = 2166136261;
  const s = p.id + ":" + seed;
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619) >>> 0;
    h = Math.imul(h ^ i, 16777619) >>> 0;
    out[i] = h & 0xff;
  }
  return out;
}
