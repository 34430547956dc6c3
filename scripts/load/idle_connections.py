#!/usr/bin/env python3
"""Hold N idle TCP connections open to a server until killed (SIGTERM/SIGINT).

Each connection is opened and left silent (no request sent), the way a crowd of
stalled or slow clients would sit on a server. Prints "holding N" once all are
open, and how many the server had closed by the end.

    python3 scripts/load/idle_connections.py 127.0.0.1 7700 200
"""
import signal
import socket
import sys
import time


def main():
    host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    socks = []
    for _ in range(n):
        s = socket.create_connection((host, port), timeout=5)
        s.setblocking(False)
        socks.append(s)
    print(f"holding {len(socks)}", flush=True)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    while not stop:
        time.sleep(0.2)
    closed = 0
    for s in socks:
        try:
            if s.recv(1) == b"":
                closed += 1
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
        s.close()
    print(f"closed by the server: {closed} of {len(socks)}", flush=True)


if __name__ == "__main__":
    main()
