# Text on an SSD1306 OLED (128x64, I2C address 0x3C) with the ssd1306 driver beside this file.
# The display's pixels can be read from the JS API: board.query("oled1", "pixels").
from machine import I2C, Pin
import ssd1306
import time

i2c = I2C(0, sda=Pin(4), scl=Pin(5))
oled = ssd1306.SSD1306_I2C(128, 64, i2c)
oled.fill(0)
oled.text("Hello, board!", 0, 0)
oled.text("micropython-ts", 0, 16)
oled.rect(0, 40, 128, 24, 1)
oled.show()
n = 0
while True:
    oled.fill_rect(2, 42, 124, 20, 0)
    oled.text("count %d" % n, 8, 48)
    oled.show()
    n += 1
    time.sleep(1)
