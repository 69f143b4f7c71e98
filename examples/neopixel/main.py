# A rainbow running round a ring of 8 NeoPixels on GP6.
from machine import Pin
import neopixel
import time

N = 8
np = neopixel.NeoPixel(Pin(6), N)


def wheel(pos):
    # A colour wheel: 0..255 goes red -> green -> blue -> red.
    if pos < 85:
        return (255 - pos * 3, pos * 3, 0)
    if pos < 170:
        pos -= 85
        return (0, 255 - pos * 3, pos * 3)
    pos -= 170
    return (pos * 3, 0, 255 - pos * 3)


step = 0
while True:
    for i in range(N):
        np[i] = wheel((i * 256 // N + step) & 255)
    np.write()
    step = (step + 16) & 255
    time.sleep_ms(100)
