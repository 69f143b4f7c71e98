# `a != b`: each side's __ne__, then its negated __eq__ (MicroPython's order)
class E:
    def __repr__(self):
        return "E"
    def __eq__(self, other):
        print("E eq", other)
        return 123

class F:
    def __repr__(self):
        return "F"
    def __ne__(self, other):
        print("F ne", other)
        return -456

print(E() != F())
print(F() != E())
for val in (None, 0, 1, "a"):
    print(val != E())
    print(val != F())
    print(F() != val)
