# for i in reversed(range(...)) counts down when both names are the builtins (codegen_stmt.ts).
for i in reversed(range(4)): print(i, end=" ")
print()
for i in reversed(range(2, 6)): print(i, end=" ")
print()
for i in reversed(range(0)): print(i)
for i in reversed(range(5, 2)): print(i)
n = 3
for i in reversed(range(n)):
    if i == 1: break
    print(i)
else:
    print("else")
for i in reversed(range(n)):
    pass
else:
    print("else2", i)
def reversed(x): return [9, 8]
for i in reversed(range(3)): print(i)
del reversed
range = lambda *a: [7, 6]
for i in reversed(range(3)): print(i)
del range
for i in reversed(range(2**60, 2**60+2)): print(i)
try:
    for i in reversed(range(1.5)): pass
except TypeError as e:
    print("TE")
