# Expected output written by hand from MicroPython's unix port (sockaddr bytes, addrinfo errors,
# errno values): CPython differs.
# Socket errors and address helpers that need no network traffic.
import socket, errno

s = socket.socket()
print(s.fileno() >= 3)
for name, f in (
    ("recv", lambda: s.recv(1)),
    ("read", lambda: s.read(1)),
    ("send", lambda: s.send(b"x")),
    ("accept", lambda: s.accept()),
):
    try:
        f()
    except OSError as e:
        print(name, e.errno)
s.close()
s.close()
try:
    s.recv(1)
except OSError as e:
    print("closed", e.errno)

for args in ((None,), (socket.AF_INET, None), (socket.AF_INET, socket.SOCK_DGRAM, None)):
    try:
        socket.socket(*args)
    except TypeError:
        print("TypeError")
try:
    socket.socket(socket.AF_INET, 123456)
except OSError as e:
    print("bad type", e.errno)

# getaddrinfo on literals needs no resolver
for ai in socket.getaddrinfo("127.0.0.1", 8000):
    print(ai)
print(socket.getaddrinfo("10.1.2.3", "80", 0, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", 80, socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo("1.2.3.4", 65536 + 80, 0, socket.SOCK_STREAM)[0][-1][2:4])
try:
    socket.getaddrinfo("1.2.3.4", "http-ish")
except OSError as e:
    print(e)

# sockaddr, inet_pton, inet_ntop
print(socket.sockaddr(socket.getaddrinfo("192.168.1.20", 1234)[0][-1]))
print(socket.sockaddr(socket.getaddrinfo("fe80::1", 1234, socket.AF_INET6)[0][-1]))
for a in ("0.0.0.0", "255.1.2.3"):
    b = socket.inet_pton(socket.AF_INET, a)
    print(b, socket.inet_ntop(socket.AF_INET, b))
for a in ("::", "::1", "2001:db8::8:800:200c:417a", "1:0:0:2:0:0:0:3", "::ffff:1.2.3.4", "fe80:1:2:3:4:5:6:7"):
    b = socket.inet_pton(socket.AF_INET6, a)
    print(len(b), socket.inet_ntop(socket.AF_INET6, b))
try:
    socket.inet_pton(socket.AF_INET, "1.2.3")
except OSError as e:
    print("inet_pton", e.errno)

# setsockopt, settimeout and setblocking on a fresh socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.settimeout(1.5)
s.settimeout(None)
s.setblocking(False)
print(s.makefile("rwb") is s)
s.close()
print(socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.AF_INET, socket.AF_INET6, socket.SOL_SOCKET, socket.SO_REUSEADDR)
