# Where an exception is caught bounds its traceback (the handler's frame down to the raise);
# compiled handlers find their frame by function name and the lines of the try body. Expected
# output from MicroPython's unix port.
import sys


def rec(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        rec(n - 1)
    except KeyError:
        pass


def outer():
    try:
        rec(3)
    except ValueError as e:
        sys.print_exception(e)


outer()

try:

    def inner():
        raise TypeError("inner")

    inner()
except TypeError as e:
    sys.print_exception(e)


def catch_at(depth, n):
    try:
        if n == 0:
            raise IndexError(depth)
        catch_at(depth, n - 1)
    except IndexError as e:
        if n == depth:
            sys.print_exception(e)
        else:
            raise


catch_at(2, 2)
lam = lambda: 1 / 0
try:
    [lam() for _ in range(1)]
except ZeroDivisionError as e:
    sys.print_exception(e)
