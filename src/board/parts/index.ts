// The part types a diagram.json may use, by Wokwi type name.
import type { Part } from "./part.ts";
import { Led } from "./led.ts";
import { Resistor } from "./resistor.ts";
import { Button } from "./button.ts";
import { SlideSwitch } from "./slide_switch.ts";
import { Potentiometer } from "./potentiometer.ts";
import { NeoPixel } from "./neopixel.ts";
import { Ssd1306 } from "./ssd1306.ts";
import { Mpu6050 } from "./mpu6050.ts";
import { Dht } from "./dht22.ts";
import { HcSr04 } from "./hcsr04.ts";
import { Ds18b20 } from "./ds18b20.ts";
import { Max7219 } from "./max7219.ts";

export type PartFactory = (id: string, type: string, attrs: Record<string, unknown>) => Part;

const int = (v: unknown, d: number) => (v === undefined ? d : Math.max(1, Math.floor(Number(v)) || d));

export const partTypes: Record<string, PartFactory> = {
  "wokwi-led": (id, t) => new Led(id, t),
  "wokwi-resistor": (id, t) => new Resistor(id, t),
  "wokwi-pushbutton": (id, t) => new Button(id, t),
  "wokwi-pushbutton-6mm": (id, t) => new Button(id, t),
  "wokwi-slide-switch": (id, t) => new SlideSwitch(id, t),
  "wokwi-potentiometer": (id, t) => new Potentiometer(id, t),
  "wokwi-slide-potentiometer": (id, t) => new Potentiometer(id, t),
  "wokwi-neopixel": (id, t) => new NeoPixel(id, t, 1),
  "wokwi-led-ring": (id, t, a) => new NeoPixel(id, t, int(a.pixels, 16)),
  "wokwi-neopixel-matrix": (id, t, a) => new NeoPixel(id, t, int(a.rows, 8) * int(a.cols, 8)),
  "board-ssd1306": (id, t) => new Ssd1306(id, t),
  "wokwi-ssd1306": (id, t) => new Ssd1306(id, t),
  "wokwi-mpu6050": (id, t) => new Mpu6050(id, t),
  "wokwi-dht22": (id, t) => new Dht(id, t, false),
  "wokwi-dht11": (id, t) => new Dht(id, t, true),
  "wokwi-hc-sr04": (id, t) => new HcSr04(id, t),
  "wokwi-ds18b20": (id, t) => new Ds18b20(id, t),
  "wokwi-max7219-matrix": (id, t, a) => new Max7219(id, t, int(a.chain, 1)),
};

export { Led, Resistor, Button, SlideSwitch, Potentiometer, NeoPixel, Ssd1306, Mpu6050, Dht, HcSr04, Ds18b20, Max7219 };
