# machine on a virtual Raspberry Pi Pico (no diagram: only the on-board LED).
# Expected output written by hand from MicroPython's rp2 port (messages from ports/rp2/*.c).
from machine import Pin, Signal, ADC, PWM, I2C, SoftI2C, SPI, UART, Timer, WDT
import machine, time, micropython
# pins and names
led = Pin("LED", Pin.OUT)
print(led, Pin(25) is led, Pin.OUT, Pin.PULL_UP, Pin.IRQ_RISING)
p = Pin(3, Pin.IN, Pin.PULL_DOWN)
print(p, p.value(), p())
o = Pin(4, Pin.OPEN_DRAIN, value=1)
print(o)
led.on(); print(led.value()); led.off(); print(led())
led.high(); led.low(); led(1); print(led.value()); led.toggle(); print(led.value())
s = Signal(led, invert=True)
s.on(); print(led.value(), s.value())
for bad in ("FOO", 99, 1.5):
    try:
        Pin(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    Pin(2, 7)
except ValueError as e:
    print("ValueError", e)
# loopback wiring is not in the default circuit: an output drives its own pin
a = Pin(10, Pin.OUT, value=0)
seen = []
a.irq(lambda pin: seen.append(pin.irq().flags()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
a(1); a(0); a(1)
time.sleep_ms(1)
print("irq", seen)
t = Timer(period=100, mode=Timer.PERIODIC, callback=lambda t: None)
print(t)
t.deinit()
# ADC / PWM
print(ADC(0), ADC(Pin(27)).read_u16(), ADC(4).read_u16() > 0)
try:
    ADC(Pin(5))
except ValueError as e:
    print("ValueError", e)
pwm = PWM(Pin(16), freq=2000, duty_u16=1000)
print(pwm.freq(), pwm.duty_u16())
# rp2 has no upper limit (the divider is 1, TOP as small as 0); below 8 Hz the divider overflows
for f in (1, 7):
    try:
        pwm.freq(f)
    except ValueError as e:
        print("ValueError", e)
pwm.duty_ns(250000); print(pwm.duty_ns())
pwm.deinit()
# I2C with nothing attached
i2c = I2C(0)
print(i2c.scan())
try:
    i2c.writeto(0x3c, b"x")
except OSError as e:
    print("OSError", e)
si = SoftI2C(scl=Pin(1), sda=Pin(0))
try:
    si.readfrom(0x40, 2)
except OSError as e:
    print("OSError", e)
try:
    I2C(5)
except ValueError as e:
    print("ValueError", e)
# UART loopback needs a wire: nothing arrives
u = UART(0, 9600)
print(u.write(b"hi"), u.any(), u.read())
# SPI with nothing attached: MISO floats high
spi = SPI(0)
print(spi.read(2))
print(machine.freq(), len(machine.unique_id()), machine.reset_cause())
try:
    Timer(2)
except ValueError as e:
    print("ValueError", e)
try:
    WDT(timeout=10000)
except ValueError as e:
    print("ValueError", e)
print(machine.time_pulse_us(Pin(11, Pin.IN), 1, 1000))
t0 = time.ticks_ms(); machine.lightsleep(100); print(time.ticks_diff(time.ticks_ms(), t0) >= 100)
