# complex numbers
print(1j, 2j * 2, complex(1, 2), complex(1.5), complex(), complex("1+2j"), complex("3j"), complex(" 4 "))
a = 1 + 2j
b = 3 - 4j
print(a + b, a - b, a * b, a / b, a == 1 + 2j, a != b, abs(b))
print(a.real, a.imag, a.conjugate(), -a, 2 * a, a + 1, 1 - a)
try:
    a // b
except TypeError:
    print("TypeError")
try:
    a / 0
except ZeroDivisionError:
    print("ZeroDivisionError")
