def f(n):
    try:
        print("try", n)
        if n == 1:
            raise ValueError("v")
        if n == 2:
            raise KeyError("k")
        if n == 3:
            return "returned"
    except ValueError as e:
        print("except ValueError", e)
    except (KeyError, IndexError) as e:
        print("except tuple", type(e).__name__, e.args)
    else:
        print("else")
    finally:
        print("finally", n)
    return "end"
for i in [0, 1, 2, 3]:
    print(f(i))

try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise
except TypeError as e:
    print("reraised", e)

try:
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped")
except ValueError as e:
    print(e)

def g():
    for i in [1, 2, 3]:
        try:
            if i == 2:
                continue
            if i == 3:
                break
        finally:
            print("fin", i)
g()

class MyErr(Exception):
    pass
try:
    raise MyErr
except Exception as e:
    print(type(e).__name__, isinstance(e, MyErr))

try:
    e = 1
    try:
        raise ValueError
    except ValueError as e:
        pass
    print(e)
except NameError:
    print("e unbound after except")

try:
    assert 1 == 2, "bad"
except AssertionError as e:
    print("assert", e)

try:
    undefined_name
except NameError as e:
    print("NameError")
