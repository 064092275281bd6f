#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include "CGalleySupport.h"

/* Why not Foundation's Thread: on a machine whose other CPUs are idle, Linux places a new thread on
   its creator's CPU and moves it only at the next balancing, often a millisecond or more later; a
   check-in's helper threads are over in a few milliseconds. Starting the thread on one of the other
   allowed CPUs wakes that CPU at once; the thread then gets the whole mask back. */

struct galley_start {
    void (*body)(void *);
    void *context;
    cpu_set_t allowed;
    int restore;
};

static void *galley_thread_main(void *argument) {
    struct galley_start start = *(struct galley_start *)argument;
    free(argument);
    if (start.restore) pthread_setaffinity_np(pthread_self(), sizeof start.allowed, &start.allowed);
    start.body(start.context);
    return NULL;
}

int galley_thread_start(void (*body)(void *), void *context) {
    struct galley_start *start = malloc(sizeof *start);
    if (!start) return -1;
    start->body = body;
    start->context = context;
    start->restore = 0;
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        free(start);
        return -1;
    }
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_getaffinity_np(pthread_self(), sizeof start->allowed, &start->allowed) == 0) {
        cpu_set_t others = start->allowed;
        int here = sched_getcpu();
        if (here >= 0 && here < CPU_SETSIZE) CPU_CLR(here, &others);
        if (CPU_COUNT(&others) > 0 && pthread_attr_setaffinity_np(&attr, sizeof others, &others) == 0) start->restore = 1;
    }
    pthread_t thread;
    int rc = pthread_create(&thread, &attr, galley_thread_main, start);
    if (rc != 0 && start->restore) {
        /* The mask was refused (a CPU gone meanwhile): start it anywhere. */
        start->restore = 0;
        pthread_attr_destroy(&attr);
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        rc = pthread_create(&thread, &attr, galley_thread_main, start);
    }
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(start);
        return -1;
    }
    return 0;
}
