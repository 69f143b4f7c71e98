# Read an MPU-6050 accelerometer over I2C: wake it, check WHO_AM_I, then print acceleration
# (in g) and temperature every half second. Change the readings from the JS API ("imu1").
from machine import I2C, Pin
import struct
import time

MPU = 0x68
i2c = I2C(0, sda=Pin(4), scl=Pin(5), freq=400000)
print("scan:", [hex(a) for a in i2c.scan()])
i2c.writeto_mem(MPU, 0x6B, b"\x00")  # PWR_MGMT_1: wake up
print("WHO_AM_I:", hex(i2c.readfrom_mem(MPU, 0x75, 1)[0]))
while True:
    ax, ay, az, t = struct.unpack(">hhhh", i2c.readfrom_mem(MPU, 0x3B, 8))
    print("accel g: %.2f %.2f %.2f  temp C: %.1f" % (ax / 16384, ay / 16384, az / 16384, t / 340 + 36.53))
    time.sleep_ms(500)
