# objects with only __getitem__ iterate until IndexError (or StopIteration)
class A:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print(list(A()))
for x in A():
    print(x)

class MyIndexError(IndexError):
    pass

class B:
    def __getitem__(self, i):
        if i == 2:
            raise MyIndexError("end")
        return i
print(list(B()), tuple(B()), sum(B()))

class C:
    def __getitem__(self, i):
        raise TypeError("boom")
try:
    for x in C():
        pass
except TypeError as e:
    print("TypeError", e)
