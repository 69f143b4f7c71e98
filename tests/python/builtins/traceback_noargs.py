# An exception without arguments still prints "Type: " (MicroPython).
class MyErr(Exception):
    pass


raise MyErr
