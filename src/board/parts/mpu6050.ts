// An MPU-6050 accelerometer and gyroscope on I2C (wokwi-mpu6050: INT, AD0, XCL, XDA, SDA, SCL,
// GND, VCC; address 0x68, 0x69 with AD0 high), with its register map: WHO_AM_I, PWR_MGMT_1
// (sleeps after power-on, reset bit), ACCEL_CONFIG / GYRO_CONFIG full-scale ranges, the
// sample registers 0x3B-0x48 (big-endian, two's complement), auto-incrementing addresses.
// Commands: set {accelX, accelY, accelZ (g), rotationX, rotationY, rotationZ (°/s),
// temperature (°C)} (Wokwi's attribute names).
import { Part, PartError, num, clamp } from "./part.ts";

const REG_ACCEL_CONFIG = 0x1c;
const REG_GYRO_CONFIG = 0x1b;
const REG_PWR_MGMT_1 = 0x6b;
const REG_WHO_AM_I = 0x75;
const FIELDS = ["accelX", "accelY", "accelZ", "rotationX", "rotationY", "rotationZ", "temperature"] as const;

export class Mpu6050 extends Part {
  override readonly pins = ["INT", "AD0", "XCL", "XDA", "SDA", "SCL", "GND", "VCC"];
  override readonly i2cPins = { scl: "SCL", sda: "SDA" };
  readonly regs = new Uint8Array(128);
  private ptr = 0;
  values: Record<(typeof FIELDS)[number], number> = {
    accelX: 0, accelY: 0, accelZ: 1, rotationX: 0, rotationY: 0, rotationZ: 0, temperature: 24,
  };

  constructor(id: string, type: string) {
    super(id, type);
    this.powerOn();
    this.i2c = {
      address: () => (this.ctx.level("AD0").v === 1 ? 0x69 : 0x68),
      write: (d) => this.write(d),
      read: (n) => this.read(n),
    };
  }

  protected override init(): void {
    for (const f of FIELDS) if (this.ctx.attrs[f] !== undefined) this.values[f] = num(this.ctx.attrs[f], f);
  }

  private powerOn(): void {
    this.regs.fill(0);
    this.regs[REG_PWR_MGMT_1] = 0x40;
    this.regs[REG_WHO_AM_I] = 0x68;
  }

  private write(d: Uint8Array): void {
    if (d.length === 0) return;
    this.ptr = d[0] & 0x7f;
    for (let i = 1; i < d.length; i++) {
      const r = this.ptr;
      if (r === REG_PWR_MGMT_1 && d[i] & 0x80) this.powerOn();
      else if (r !== REG_WHO_AM_I && !(r >= 0x3b && r <= 0x48)) this.regs[r] = d[i];
      this.ptr = (this.ptr + 1) & 0x7f;
    }
  }

  private sample(): void {
    const r = this.regs;
    const put = (reg: number, v: number) => {
      const x = clamp(Math.round(v), -32768, 32767) & 0xffff;
      r[reg] = x >> 8;
      r[reg + 1] = x & 0xff;
    };
    if (r[REG_PWR_MGMT_1] & 0x40) return; // asleep: the sample registers hold still
    const aScale = 16384 >> ((r[REG_ACCEL_CONFIG] >> 3) & 3);
    const gScale = 131 / (1 << ((r[REG_GYRO_CONFIG] >> 3) & 3));
    const v = this.values;
    put(0x3b, v.accelX * aScale);
    put(0x3d, v.accelY * aScale);
    put(0x3f, v.accelZ * aScale);
    put(0x41, (v.temperature - 36.53) * 340);
    put(0x43, v.rotationX * gScale);
    put(0x45, v.rotationY * gScale);
    put(0x47, v.rotationZ * gScale);
  }

  private read(n: number): Uint8Array {
    this.sample();
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = this.regs[this.ptr];
      this.ptr = (this.ptr + 1) & 0x7f;
    }
    return out;
  }

  override command(action: string, value: unknown): unknown {
    if (action !== "set") return super.command(action, value);
    if (typeof value !== "object" || value === null) throw new PartError(`set expects {${FIELDS.join(", ")}}`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!(FIELDS as readonly string[]).includes(k)) throw new PartError(`mpu6050 has no reading '${k}'`);
      this.values[k as (typeof FIELDS)[number]] = num(v, k);
    }
    this.ctx.emit("reading", { ...this.values });
    return undefined;
  }

  override state(): Record<string, unknown> {
    return { ...this.values, asleep: (this.regs[REG_PWR_MGMT_1] & 0x40) !== 0 };
  }
}
