# MicroPython behaviour (CPython drops the value for enumerate/map/zip): expected output by hand
# next() on a builtin iterator re-raises the StopIteration value of the iterator it wraps
class A:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)

class B:
    def __getitem__(self, i):
        raise StopIteration(42)  # ends the iteration; its value is not kept

for name, it in (("enumerate", enumerate(A())), ("map", map(lambda x: x, A())), ("zip", zip(A())), ("iter", iter(B()))):
    try:
        next(it)
    except StopIteration as e:
        print(name, e.args)
