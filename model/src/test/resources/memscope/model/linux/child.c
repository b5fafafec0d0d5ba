/* A child process for the Linux tests and benchmark: known mappings, then commands on stdin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long extra = argc > 1 ? atol(argv[1]) : 0;
    long pg = sysconf(_SC_PAGESIZE);
    setvbuf(stdout, NULL, _IONBF, 0);
    /* two pages: the first read-write, the second read-only (a write across them stops at the boundary) */
    unsigned char *two = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(two, 0x11, 2 * pg);
    mprotect(two + pg, pg, PROT_READ);
    /* extra one-page mappings, alternately rw- and r--, so that none merge: a process with many mappings */
    for (long i = 0; i < extra; i++) {
        volatile char *p = mmap(NULL, pg, (i & 1) ? PROT_READ : PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        (void) p[0];
    }
    printf("rw %lx\n", (unsigned long) two);
    printf("code %lx\n", (unsigned long) &main);
    printf("ready\n");
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        if (line[0] == 'm') {
            unsigned char *p = mmap(NULL, pg, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            printf("mapped %lx\n", (unsigned long) p);
        } else if (line[0] == 'i') {
            two[16]++;
            two[17]++;
            printf("incremented\n");
        } else if (line[0] == 'q') {
            return 0;
        }
    }
    return 0;
}
