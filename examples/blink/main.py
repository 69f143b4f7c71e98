# Blink, the "hello world" of boards: a virtual Raspberry Pi Pico toggles its on-board LED
# twice a second. Run it with `upy board --trace gpio examples/blink` to watch the pin, and
# press Ctrl-C to stop it and get the REPL.
from machine import Pin
import os
import time

print("blink on", os.uname().machine)
led = Pin("LED", Pin.OUT)
count = 0
while True:
    led.toggle()
    count += 1
    print("LED", "on " if led.value() else "off", "tick", count)
    time.sleep_ms(500)
