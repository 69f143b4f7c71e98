# closures, nonlocal, late binding, global
def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

c = counter()
print(c(), c(), c(5))

fs = []
for i in [1, 2, 3]:
    fs.append(lambda: i)
print([f() for f in fs])

fs = [lambda x=i: x for i in [1, 2, 3]]
print([f() for f in fs])

g = 10
def setg():
    global g
    g += 1
setg()
print(g)

def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())

def unbound():
    def r():
        return y
    try:
        r()
    except NameError:
        print("NameError")
    y = 1
    return r()
print(unbound())

def local_unbound():
    try:
        print(z)
    except NameError:
        print("local NameError")
    z = 5
    del z
    try:
        z
    except NameError:
        print("deleted NameError")
local_unbound()

def make_adders():
    return [lambda a, k=k: a + k for k in [10, 20]]
print([f(1) for f in make_adders()])

x = "global"
class K:
    x = "class"
    def m(self):
        return x
    y = [x for _ in [0]]
print(K().m(), K.y, K.x)
