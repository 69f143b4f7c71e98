# Complex arithmetic trees (compiled unboxed, compiler/complextree.ts) must give exactly what the
# operators one at a time give: signed zeros, inf and nan included, and mixed int/float operands.
# Expected output from MicroPython's unix port.
import math


def parts(z):
    if isinstance(z, complex):
        return (z.real, math.copysign(1, z.real), z.imag, math.copysign(1, z.imag))
    return (type(z).__name__, z)


def step(op, a, b):
    # One operator at a time: never a tree.
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return a / b


def check(name, got, want):
    g, w = parts(got), parts(want)
    if repr(g) != repr(w):
        print("MISMATCH", name, g, w)


def trees(z, c):
    check("z*z+c", z * z + c, step("+", step("*", z, z), c))
    check("c+z*z", c + z * z, step("+", c, step("*", z, z)))
    check("z*c-c", z * c - c, step("-", step("*", z, c), c))
    check("c*z-z", c * z - z, step("-", step("*", c, z), z))
    check("z*c*z", z * c * z, step("*", step("*", z, c), z))
    check("(z+c)*(z-c)", (z + c) * (z - c), step("*", step("+", z, c), step("-", z, c)))
    check("z*2j+1", z * 2j + 1, step("+", step("*", z, 2j), 1))
    check("-2j*z", -2j * z, step("*", -2j, z))
    check("z*-1.5+c", z * -1.5 + c, step("+", step("*", z, -1.5), c))
    check("z/2+c", z / 2 + c, step("+", step("/", z, 2), c))
    check("z/2j", z / 2j, step("/", z, 2j))
    check("c/-4j", c / -4j, step("/", c, -4j))
    check("-z*c+0", -z * c + 0, step("+", step("*", -z, c), 0))
    check("z*z+0j", z * z + 0j, step("+", step("*", z, z), 0j))
    check("z+2*3+c", z + 2 * 3 + c, step("+", step("+", z, 6), c))


vals = [0, 1, -1, 0.0, -0.0, 2.5, 1e308, 0j, -0j, complex(-0.0, -0.0), complex(-0.0, 0.0), 1 + 2j,
        complex(3, -0.0), complex(math.inf, 1), complex(1, -math.inf), complex(math.nan, 0),
        complex(1e200, 1e200), complex(-2.5, 0.5), True, 2 ** 70]
n = 0
for z in vals:
    for c in vals:
        try:
            trees(z, c)
        except Exception as e:
            print("exception", repr(z), repr(c), type(e).__name__)
        n += 1
print("pairs", n)

# Mandelbrot: z starts as an int.
def in_set(c):
    z = 0
    for i in range(32):
        z = z * z + c
        if abs(z) > 100:
            return i
    return 0


print([in_set(complex(x / 4, y / 4)) for x in range(-8, 3) for y in range(-4, 5)])


# Attribute and global leaves, augmented assignment.
class P:
    def __init__(self, z):
        self.z = z


g = 1 - 1j
p = P(0.5 + 0.5j)
w = p.z * p.z + g
print(w, p.z * g * 2j)
w += p.z * g
print(w)
w -= g * 1j
print(w)
p.z *= p.z * 2j
print(p.z)
p.z = 3
print(p.z * g * 2j, p.z * p.z * 2j)
del g
try:
    print(p.z * g * 2j)
except NameError:
    print("NameError")

# A float subclass and non-numbers take the generic path.
class F(float):
    pass


print(F(2.0) * 1j * 1j)
try:
    print([1] * 1j * 2)
except TypeError:
    print("TypeError")
try:
    print(1j * 2j / 0)
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    print(1j * 2j / 0j)
except ZeroDivisionError:
    print("ZeroDivisionError")


# abs(z) compared with a literal.
def absc(z):
    return (abs(z) > 5, abs(z) <= 5.0, abs(z) < 1e308, abs(z) >= -1)


for z in [3 + 4j, 3 + 4.5j, complex(math.inf, 0), complex(math.nan, 1), -0j, 5, -6.0, True]:
    print(absc(z))


def shadowed(z):
    abs = lambda x: 1000
    return abs(z) > 100


print(shadowed(1j))
abs = lambda x: -1
print(absc(3 + 4j))
del abs
print(absc(3 + 4j))
