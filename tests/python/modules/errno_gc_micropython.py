# errno, gc and micropython: constants, OSError's text, heap figures, const, opt_level,
# heap_lock, schedule.
# Expected output written by hand (MicroPython-only modules).
import errno, gc, micropython

print(errno.ENOENT, errno.EIO, errno.EEXIST, errno.EINVAL, errno.ETIMEDOUT, errno.EAGAIN)
print(errno.errorcode[errno.EACCES], len(errno.errorcode))
print(str(OSError(errno.ENOENT)), str(OSError(errno.EIO, "details")), str(OSError(9999)))

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(type(gc.collect()) is int, type(gc.mem_free()) is int, type(gc.mem_alloc()) is int)
print(gc.mem_free() > 0, gc.mem_alloc() > 0)
print(gc.threshold(1), gc.threshold(), gc.threshold(-1), gc.threshold())

X = micropython.const(12)
print(X, micropython.const("s"))
micropython.opt_level(2)
print(micropython.opt_level())
micropython.opt_level(0)
micropython.heap_lock()
micropython.heap_lock()
print(micropython.heap_unlock(), micropython.heap_unlock())
print(micropython.kbd_intr(3), type(micropython.stack_use()) is int)

@micropython.native
def f(x):
    return x + 1

# viper needs typed operands: `object * int` is a ViperTypeError in MicroPython
@micropython.viper
def g(x: int) -> int:
    return x * 2

print(f(1), g(2))

done = []

def cb(arg):
    done.append(arg)
    if arg == 1:
        micropython.schedule(cb, 2)
        for i in range(3):
            pass
        print("outer done", done)

micropython.schedule(cb, 1)
while len(done) < 2:
    pass
print(done)

def fill(arg):
    try:
        for i in range(10):
            micropython.schedule(lambda x: None, None)
    except RuntimeError as e:
        print("RuntimeError", e)
    done.append("filled")

micropython.schedule(fill, None)
while "filled" not in done:
    pass
