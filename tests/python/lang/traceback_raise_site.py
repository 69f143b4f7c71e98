# A traceback starts where the exception is raised, not where it was made (MicroPython): one
# that is never raised prints no frames. Expected output from MicroPython's unix port.
import sys


def make():
    return ValueError("made early")


e = make()
sys.print_exception(e)


def late():
    raise e


try:
    late()
except ValueError as x:
    sys.print_exception(x)


def a():
    raise KeyError("k")


def b():
    a()


def r():
    try:
        b()
    except KeyError:
        raise


try:
    r()
except KeyError as x:
    sys.print_exception(x)
