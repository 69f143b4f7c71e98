# Blink, the "hello world" of boards: a virtual Raspberry Pi Pico toggles its LED once a second.
# Run it with `upy board examples/blink` and press Ctrl-C to stop it and get the REPL.
# (The LED is printed for now; machine.Pin("LED") drives a real/virtual LED once machine exists.)
import os
import time

print("blink on", os.uname().machine)
led = False
count = 0
while True:
    led = not led
    count += 1
    print("LED", "on " if led else "off", "tick", count, "ms", time.ticks_ms())
    time.sleep(1)
