# Blink with PIO: a state machine toggles the Pico's LED (GP25) on its own, at 1 Hz, while
# the CPU only reports. The program is MicroPython's PIO example from docs/rp2/quickref.rst:
# at 2000 Hz each half period takes 1 + 7 + 32 * (30 + 1) = 1000 cycles, i.e. 500 ms.
# Run it with `upy board --trace gpio examples/pio_blink` to watch the pin.
import time
import rp2
from machine import Pin


@rp2.asm_pio(set_init=rp2.PIO.OUT_LOW)
def blink_1hz():
    # Cycles: 1 + 7 + 32 * (30 + 1) = 1000
    set(pins, 1)
    set(x, 31)                  [6]
    label("delay_high")
    nop()                       [29]
    jmp(x_dec, "delay_high")

    # Cycles: 1 + 7 + 32 * (30 + 1) = 1000
    set(pins, 0)
    set(x, 31)                  [6]
    label("delay_low")
    nop()                       [29]
    jmp(x_dec, "delay_low")


print("program:", [hex(w) for w in blink_1hz[0]])

# Create the StateMachine with the blink_1hz program, outputting on Pin(25).
sm = rp2.StateMachine(0, blink_1hz, freq=2000, set_base=Pin(25))

# Start the StateMachine: the LED blinks while the CPU only looks at it now and then.
sm.active(1)
led = Pin(25)
time.sleep_ms(250)
while True:
    print("at", time.ticks_ms() // 250 * 250, "ms the LED is", "on" if led.value() else "off")
    time.sleep_ms(500)
