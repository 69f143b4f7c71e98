# framebuf: subclass without __init__, GS2/GS4 pixel packing, blit with a colour key and a
# palette, scroll in both directions, ellipse quadrants, poly from a bytes buffer, and the
# legacy FrameBuffer1 constructor. Expected output written by hand from MicroPython's
# modframebuf.c rules (CPython has no framebuf).
import framebuf


class FB(framebuf.FrameBuffer):
    pass


buf = bytearray(4)
fb = FB(buf, 8, 4, framebuf.MONO_HMSB)
fb.pixel(1, 0, 1)
fb.hline(0, 3, 8, 1)
print(isinstance(fb, framebuf.FrameBuffer), buf)

# GS2_HMSB: 4 pixels per byte, first pixel in the low bits.
buf = bytearray(2)
fb = framebuf.FrameBuffer(buf, 8, 1, framebuf.GS2_HMSB)
for x in range(8):
    fb.pixel(x, 0, x)
print(buf, [fb.pixel(x, 0) for x in range(8)])

# GS4_HMSB: 2 pixels per byte, first pixel in the high nibble.
buf = bytearray(3)
fb = framebuf.FrameBuffer(buf, 5, 1, framebuf.GS4_HMSB)
fb.fill_rect(1, 0, 3, 1, 0x1A)
print(buf, fb.pixel(0, 0), fb.pixel(1, 0))

# blit with a key colour (skipped) and with a palette.
dst = bytearray(9)
d = framebuf.FrameBuffer(dst, 3, 3, framebuf.GS8)
d.fill(7)
src = (b"\x01\x00\x02\x00", 2, 2, framebuf.GS8)
d.blit(src, 1, 1, 0)
print(dst)
d.blit(src, 0, 0, -1, (b"\x10\x11\x12", 3, 1, framebuf.GS8))
print(dst)

# scroll right/down then left/up.
buf = bytearray(16)
fb = framebuf.FrameBuffer(buf, 4, 4, framebuf.GS8)
fb.pixel(0, 0, 9)
fb.scroll(2, 1)
print(buf)
fb.scroll(-1, -1)
print(buf)

# ellipse: one quadrant, outline and filled.
buf = bytearray(25)
fb = framebuf.FrameBuffer(buf, 5, 5, framebuf.GS8)
fb.ellipse(2, 2, 2, 2, 1, False, 0b0001)
print(buf)
fb.fill(0)
fb.ellipse(2, 2, 2, 2, 1, True, 0b0100)
print(buf)

# poly from a bytes buffer (typecode 'B').
fb.fill(0)
fb.poly(0, 0, b"\x00\x00\x04\x00\x00\x04", 3, True)
print(buf)

fb = framebuf.FrameBuffer1(bytearray(8), 8, 8)
fb.pixel(0, 7, 1)
print(bytes(fb))
try:
    fb.blit(None, 0, 0)
except TypeError:
    print("TypeError")
