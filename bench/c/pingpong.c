/*
 * The physical limit for the sockets benchmarks: the same 64-byte ping-pong in
 * C with blocking sockets, a forked echo process on the other end.
 *
 *   pingpong tcp|udp|unix ROUNDS [SIZE]
 *
 * Prints the nanoseconds per round trip measured around the loop (the fork and
 * connection setup are outside the timing).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) { perror(what); exit(2); }

static void full(int fd, char *buf, size_t n, int reading) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = reading ? recv(fd, buf + done, n - done, 0) : send(fd, buf + done, n - done, MSG_NOSIGNAL);
    if (r <= 0) die(reading ? "recv" : "send");
    done += (size_t)r;
  }
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s tcp|udp|unix ROUNDS [SIZE]\n", argv[0]); return 2; }
  const char *mode = argv[1];
  long rounds = atol(argv[2]);
  size_t size = argc > 3 ? (size_t)atol(argv[3]) : 64;
  char buf[65536];
  memset(buf, 7, sizeof buf);
  int stream = strcmp(mode, "udp") != 0;
  int a, b;
  if (strcmp(mode, "unix") == 0) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) die("socketpair");
    a = sv[0]; b = sv[1];
  } else {
    int type = stream ? SOCK_STREAM : SOCK_DGRAM;
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof sa;
    int l = socket(AF_INET, type, 0);
    if (l < 0 || bind(l, (struct sockaddr *)&sa, sizeof sa) < 0 || getsockname(l, (struct sockaddr *)&sa, &len) < 0) die("bind");
    if (stream && listen(l, 1) < 0) die("listen");
    a = socket(AF_INET, type, 0);
    if (a < 0 || connect(a, (struct sockaddr *)&sa, sizeof sa) < 0) die("connect");
    if (stream) {
      b = accept(l, NULL, NULL);
      close(l);
      int one = 1;
      setsockopt(a, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      setsockopt(b, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    } else {
      struct sockaddr_in peer; socklen_t plen = sizeof peer;
      if (getsockname(a, (struct sockaddr *)&peer, &plen) < 0) die("getsockname");
      if (connect(l, (struct sockaddr *)&peer, sizeof peer) < 0) die("connect udp");
      b = l;
    }
  }
  pid_t child = fork();
  if (child < 0) die("fork");
  if (child == 0) {
    close(a);
    for (long i = 0; i < rounds; i++) {
      if (stream) { full(b, buf, size, 1); full(b, buf, size, 0); }
      else { if (recv(b, buf, size, 0) < 0) die("recv"); if (send(b, buf, size, 0) < 0) die("send"); }
    }
    _exit(0);
  }
  close(b);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < rounds; i++) {
    if (stream) { full(a, buf, size, 0); full(a, buf, size, 1); }
    else { if (send(a, buf, size, 0) < 0) die("send"); if (recv(a, buf, size, 0) < 0) die("recv"); }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  waitpid(child, NULL, 0);
  double ns = (double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec);
  printf("%.1f\n", ns / (double)rounds);
  return 0;
}
