# Inline list/tuple subscripts and list slices without a slice object (compiler fast paths).
# Error messages are MicroPython's ("list index out of range" also for stores, "slice step can't be zero").
a=[1,2,3]; t=(4,5); d={0:'x'}
print(a[0],a[-1],a[2],t[1],t[-2],d[0],"abc"[1])
try: a[3]
except IndexError as e: print('IE', e)
try: t[5]
except IndexError as e: print('IE', e)
a[1]=9; a[-1]=8; print(a)
try: a[5]=1
except IndexError as e: print('IE', e)
class L(list):
    def __getitem__(self,i): return 'sub'
    def __setitem__(self,i,v): print('set',i,v)
l=L([1,2]); print(l[0]); l[0]=5
b=[[0]*3 for _ in range(2)]; b[1][2]=7; print(b, b[1][2])
i=1; a[i]+=10; print(a); a[True]=3; print(a, a[True], a[False])
x=[None, False, 0]; print(x[0], x[1], x[2])
def f():
    print('f'); return a
def g():
    print('g'); return 0
def h():
    print('h'); return 42
f()[g()] = h(); print(a)
print(f()[g()])
a=list(range(10))
for lo in (None,-12,-3,0,2,5,9,10,15):
    for hi in (None,-12,-3,0,2,5,9,10,15):
        for st in (None,1,-1,2,-2):
            print(a[lo:hi:st], end=' ')
            b=list(a)
            if st is None:
                b[lo:hi]=[7,8]; print(b, end=' ')
                b=list(a); b[lo:hi]=b; print(b, end=' ')
    print()
print(a[:], a[::-1], "hello"[1:3], "hello"[::-1], (1,2,3)[1:], b"abc"[1:])
a[2:4] = (9,9,9); print(a)
a[::2] = [0]*len(a[::2]); print(a)
try: a[::0]
except ValueError as e: print('VE', e)
try: a[1.0:]
except TypeError as e: print('TE')
class L(list):
    def __getitem__(self,i): return ('sub', i.start, i.stop)
print(L([1,2])[1:2])
c=[1,2,3]; c[0:1]=[]; print(c); c[5:]=[4,5]; print(c); c[-1:0]=[6]; print(c)
