# A potentiometer sets an LED's brightness: the knob's voltage on GP26 (ADC0) is read with
# read_u16() and written as the PWM duty of GP15. Turn the knob "pot1" from the JS API.
from machine import ADC, Pin, PWM
import time

pot = ADC(Pin(26))
led = PWM(Pin(15), freq=1000)
last = -1
while True:
    value = pot.read_u16()
    if abs(value - last) > 512:
        led.duty_u16(value)
        print("knob", value * 100 // 65535, "%")
        last = value
    time.sleep_ms(100)
