# Fade an LED in and out with PWM: the duty cycle of GP15 steps up to full and back down.
from machine import Pin, PWM
import time

pwm = PWM(Pin(15), freq=1000, duty_u16=0)
while True:
    for duty in range(0, 65536, 8192):
        pwm.duty_u16(duty)
        time.sleep_ms(50)
    for duty in range(65535, -1, -8192):
        pwm.duty_u16(duty)
        time.sleep_ms(50)
