# Tracebacks hold the frames from the handler's frame to the raise, also when the handler is
# several calls up, inside a loop, in a recursive function, or the exception is raised again.
import sys


def g(n):
    if n == 0:
        raise ValueError("deep")
    return g(n - 1)


def f(n):
    try:
        return g(n)
    except ValueError as e:
        sys.print_exception(e, sys.stdout)
        raise


def rec(n):
    if n == 0:
        raise KeyError(n)
    try:
        rec(n - 1)
    except KeyError as e:
        if n == 2:
            sys.print_exception(e, sys.stdout)
        else:
            raise


for i in range(2):
    try:
        f(3)
    except ValueError as e:
        sys.print_exception(e, sys.stdout)

rec(3)


def h():
    try:
        raise TypeError("same frame")
    except TypeError as e:
        sys.print_exception(e, sys.stdout)
        return e


err = h()
try:
    raise err
except TypeError as e:
    sys.print_exception(e, sys.stdout)
