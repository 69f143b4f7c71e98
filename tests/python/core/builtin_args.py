# builtin methods check their argument count and, taken from the class, their self type
def t(f):
    try:
        f()
        print("no error")
    except TypeError:
        print("TypeError")

t(lambda: [].append())
t(lambda: [].append(1, 2))
t(lambda: [].insert(1))
t(lambda: {}.get())
t(lambda: set().add())
t(lambda: "a".join())
t(lambda: "a".startswith())
t(lambda: bytearray().extend())
t(lambda: list.append())
t(lambda: list.append(1))
t(lambda: list.append(1, 2))
t(lambda: str.upper(1))
t(lambda: dict.get([], 1))
t(lambda: round())
t(lambda: round(1, 2, 3))
l = []
list.append(l, 2)
getattr(list, "append")(l, 3)
print(l)
print(str.join(",", ["a", "b"]), list(map(str.upper, ["x"])), int.__add__(True, 2))

class L(list):
    def append(self, x):
        list.append(self, x * 2)
m = L()
m.append(4)
print(m)
