# A push button with a pin interrupt: each press (a falling edge on GP14, which the button
# pulls to ground) toggles the LED on GP15. The callback runs through micropython.schedule
# between statements, also while the main loop sleeps.
# Try it: `upy board --trace gpio examples/button`; the JavaScript API can press "btn1".
from machine import Pin
import time

led = Pin(15, Pin.OUT, value=0)
button = Pin(14, Pin.IN, Pin.PULL_UP)
presses = 0


def pressed(pin):
    global presses
    presses += 1
    led.toggle()
    print("press", presses, "LED", led.value())


button.irq(trigger=Pin.IRQ_FALLING, handler=pressed)
while True:
    time.sleep(1)
