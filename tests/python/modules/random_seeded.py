# random with a seed gives MicroPython's Yasmarang sequence.
# Expected output written by hand from MicroPython's generator (extmod/modrandom.c, compiled).
import random

random.seed(123)
print([random.getrandbits(8) for _ in range(4)])
print(random.getrandbits(32))
print([random.randint(1, 6) for _ in range(6)])
print([random.randrange(10, 30, 5) for _ in range(4)])
print("".join(random.choice("abc") for _ in range(5)))
print(round(random.random(), 6))
print(round(random.uniform(2, 5), 6))

random.seed(1)
a = [random.getrandbits(16) for _ in range(8)]
random.seed(1)
print(a == [random.getrandbits(16) for _ in range(8)])
random.seed()
b = [random.getrandbits(16) for _ in range(8)]
random.seed()
print(b == [random.getrandbits(16) for _ in range(8)])
print(random.getrandbits(0))
for args in ((0,), (2, 1), (2, 1, 0), (2, 1, 1)):
    try:
        random.randrange(*args)
    except ValueError:
        print("ValueError")
try:
    random.choice([])
except IndexError:
    print("IndexError")
try:
    random.getrandbits(33)
except ValueError as e:
    print(e)
