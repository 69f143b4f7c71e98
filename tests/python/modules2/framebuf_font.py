# framebuf.text: every glyph of the built-in 8x8 font, drawn into a MONO_HLSB buffer and shown
# as ASCII art. The expected output was rendered from MicroPython's font_petme128_8x8.h by a
# separate script (CPython has no framebuf). Also: out-of-range characters, clipping, colours.
import framebuf

W = 8 * 16
buf = bytearray(W // 8 * 8)
fb = framebuf.FrameBuffer(buf, W, 8, framebuf.MONO_HLSB)


def show():
    for y in range(8):
        print("".join("#" if fb.pixel(x, y) else "." for x in range(W)))


for row in range(6):
    fb.fill(0)
    fb.text("".join(chr(32 + row * 16 + i) for i in range(16)), 0, 0)
    show()

# Characters outside 32..127 draw glyph 127; a non-ASCII character is one glyph per UTF-8 byte.
fb.fill(0)
fb.text("\x01\u00e9", 0, 0)
show()

# Clipping at every edge, and colour 0 erasing.
fb.fill(1)
fb.text("AB", -4, 3, 0)
fb.text("Z", W - 3, -5, 0)
show()
