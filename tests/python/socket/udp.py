# Expected output written by hand from MicroPython's unix port (sockaddr bytes, EAGAIN on
# timeout): CPython differs.
# UDP on loopback: bind, sendto/recvfrom, connect/send/recv, non-blocking and timeouts, poll.
import socket, select, random, errno


def bind_any():
    for _ in range(20):
        port = random.randint(20000, 60000)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            s.bind(socket.getaddrinfo("127.0.0.1", port)[0][-1])
            return s, port
        except OSError:
            s.close()
    raise SystemExit("no free port")


a, pa = bind_any()
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
addr_a = socket.getaddrinfo("127.0.0.1", pa, 0, socket.SOCK_DGRAM)[0][-1]

# fresh UDP sockets are writable, not readable
p = select.poll()
p.register(a)
print(p.poll(0) == [(a, select.POLLOUT)])

print(b.sendto(b"one", addr_a))
print(b.sendto(b"two", ("127.0.0.1", pa)))
data, frm = a.recvfrom(100)
print(data, type(frm), socket.sockaddr(frm)[:2])
# the second datagram may still be on its way (the host delivers them asynchronously): wait
# for it alone, so that an always-ready POLLOUT does not end the wait first
p.modify(a, select.POLLIN)
print(p.poll(1000) == [(a, select.POLLIN)])
p.modify(a, select.POLLIN | select.POLLOUT)
print(p.poll(0) == [(a, select.POLLIN | select.POLLOUT)])
print(a.recv(2))  # datagram cut to the size asked; the rest is dropped
print(p.poll(0) == [(a, select.POLLOUT)])

# reply to the sender's address
a.sendto(b"back", frm)
print(b.recv(10))

# connected UDP
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.connect(addr_a)
c.send(b"via connect")
print(a.recv(100))

# non-blocking and timeouts
a.settimeout(0)
try:
    a.recv(1)
except OSError as e:
    print("EAGAIN", e.errno == errno.EAGAIN)
a.settimeout(0.05)
try:
    a.recvfrom(1)
except OSError as e:
    print("timeout", e.errno == errno.EAGAIN)

for s in (a, b, c):
    s.close()
print(a.fileno(), p.poll(0) == [(a, 32)])  # POLLNVAL
