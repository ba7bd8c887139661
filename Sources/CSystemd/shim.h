#ifndef MEDIATIOND_CSYSTEMD_SHIM_H
#define MEDIATIOND_CSYSTEMD_SHIM_H
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
#endif
