# time: ticks arithmetic, sleeping, the calendar functions of the unix port.
# Expected output written by hand (MicroPython-only functions; gmtime gives 9 items on unix).
import time

MAX = time.ticks_add(0, -1)
HALF = MAX // 2 + 1
print(time.ticks_add(20, 12), time.ticks_add(20, -12))
print(time.ticks_diff(0, MAX), time.ticks_diff(MAX, 0), time.ticks_diff(0, MAX - 1))
print(time.ticks_diff(HALF, 1) == HALF - 1, time.ticks_diff(HALF, 0) == -HALF)
for d in (-HALF, HALF):
    try:
        time.ticks_add(0, d)
    except OverflowError as e:
        print("OverflowError", e)

t0 = time.ticks_ms()
time.sleep_ms(20)
dt = time.ticks_diff(time.ticks_ms(), t0)
print(15 <= dt <= 200)
t0 = time.ticks_us()
time.sleep(0.01)
time.sleep_us(1000)
dt = time.ticks_diff(time.ticks_us(), t0)
print(9000 <= dt <= 200000)
time.sleep_ms(-5)

print(time.gmtime(0))
print(time.gmtime(951782400))
print(time.gmtime(1700000000.7)[:6])
lt = time.localtime(1700000000)
print(len(lt), time.mktime(lt) == 1700000000)
print(time.mktime((2000, 13, 1, 0, 0, 0, 0, 0)) == time.mktime((2001, 1, 1, 0, 0, 0, 0, 0)))
try:
    time.mktime((1, 2, 3))
except TypeError as e:
    print(e)
print(type(time.time()).__name__, type(time.time_ns()).__name__)
print(abs(time.time() * 1000 - time.time_ns() // 1000000) < 1000)
