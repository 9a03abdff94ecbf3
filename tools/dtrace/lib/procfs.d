/* SPDX-License-Identifier: GPL-2.0 */
/*
 * procfs.d - the process and thread types of DTrace's proc and sched
 * providers (Dynamic Tracing Guide, "proc Provider": psinfo_t,
 * lwpsinfo_t) and curpsinfo, curlwpsinfo, translated from Linux's
 * struct task_struct (types from the kernel's BTF).
 *
 * Values as on Linux (fields Linux has no equivalent of are 0):
 *   psinfo_t
 *     pr_nlwp     threads of the process (signal->nr_threads)
 *     pr_pid      the process id: the task's tgid
 *     pr_ppid     the real parent's tgid
 *     pr_pgid     process group id, pr_sid session id
 *     pr_uid, pr_euid, pr_gid, pr_egid   real/effective ids (cred)
 *     pr_addr     the task_struct's address
 *     pr_ttydev   controlling tty as a Linux dev_t (major << 20 | minor),
 *                 0 without a tty
 *     pr_fname    the command name (comm, 16 bytes)
 *     pr_psargs   the process's arguments separated by spaces, as ps(1)
 *                 shows them, up to 79 bytes: d_execargs(T), read from
 *                 the user memory of the thread the probe fires in; the
 *                 comm for any other task (its memory cannot be read in
 *                 probe context) and for kernel threads
 *     pr_argv, pr_envp   user addresses of the argument and environment
 *                 strings (mm->arg_start, env_start), 0 without an mm
 *     pr_dmodel   PR_MODEL_LP64
 *     pr_argc, pr_taskid, pr_projid, pr_poolid, pr_zoneid: 0
 *     pr_start    when the process started, as a wall-clock time (seconds
 *                 and nanoseconds since the epoch): the thread group
 *                 leader's start_time (CLOCK_MONOTONIC at fork) moved to
 *                 the wall clock by walltimestamp - timestamp, as ps(1)
 *                 computes STIME from the boot time (a clock step since
 *                 then moves it too)
 *   lwpsinfo_t
 *     pr_lwpid    the thread id: the task's pid
 *     pr_addr     the task_struct's address
 *     pr_state, pr_sname   SONPROC 'O' running, SRUN 'R' runnable,
 *                 SSLEEP 'S' sleeping, SSTOP 'T' stopped or traced,
 *                 SZOMB 'Z' exited
 *     pr_nice     nice + 20 (0 .. 39)
 *     pr_pri      the kernel's priority (task prio, lower is higher)
 *     pr_clname   "RT" (SCHED_FIFO, SCHED_RR), "DL" (SCHED_DEADLINE),
 *                 else "TS"
 *     pr_onpro    the CPU it last ran on
 *     pr_bindpro, pr_bindpset: -1 (none)
 *     pr_flag, pr_wchan, pr_stype, pr_syscall: 0
 */
#pragma D depends_on module vmlinux

typedef int taskid_t;
typedef int projid_t;
typedef int poolid_t;
typedef int zoneid_t;
typedef int psetid_t;

typedef struct timespec {
	time_t tv_sec;
	long tv_nsec;
} timestruc_t;

typedef struct psinfo {
	int pr_nlwp;
	pid_t pr_pid;
	pid_t pr_ppid;
	pid_t pr_pgid;
	pid_t pr_sid;
	uid_t pr_uid;
	uid_t pr_euid;
	gid_t pr_gid;
	gid_t pr_egid;
	uintptr_t pr_addr;
	dev_t pr_ttydev;
	timestruc_t pr_start;
	char pr_fname[16];
	char pr_psargs[80];
	int pr_argc;
	uintptr_t pr_argv;
	uintptr_t pr_envp;
	char pr_dmodel;
	taskid_t pr_taskid;
	projid_t pr_projid;
	poolid_t pr_poolid;
	zoneid_t pr_zoneid;
} psinfo_t;

typedef struct lwpsinfo {
	int pr_flag;
	id_t pr_lwpid;
	uintptr_t pr_addr;
	uintptr_t pr_wchan;
	char pr_stype;
	char pr_state;
	char pr_sname;
	char pr_nice;
	short pr_syscall;
	int pr_pri;
	char pr_clname[8];
	processorid_t pr_onpro;
	processorid_t pr_bindpro;
	psetid_t pr_bindpset;
} lwpsinfo_t;

inline int PR_MODEL_ILP32 = 1;
inline int PR_MODEL_LP64 = 2;

inline char SSLEEP = 1;
inline char SRUN = 2;
inline char SZOMB = 3;
inline char SSTOP = 4;
inline char SIDL = 5;
inline char SONPROC = 6;
inline char SWAIT = 7;

translator psinfo_t < struct task_struct *T >
{
	pr_nlwp = T->signal->nr_threads;
	pr_pid = T->tgid;
	pr_ppid = T->real_parent->tgid;
	pr_pgid = T->signal->pids[PIDTYPE_PGID]->numbers[0].nr;
	pr_sid = T->signal->pids[PIDTYPE_SID]->numbers[0].nr;
	pr_uid = T->cred->uid.val;
	pr_euid = T->cred->euid.val;
	pr_gid = T->cred->gid.val;
	pr_egid = T->cred->egid.val;
	pr_addr = (uintptr_t)T;
	pr_ttydev = T->signal->tty == NULL ? 0 :
	    (T->signal->tty->driver->major << 20) |
	    (T->signal->tty->driver->minor_start + T->signal->tty->index);
	pr_start.tv_sec = (walltimestamp - timestamp +
	    T->group_leader->start_time) / 1000000000;
	pr_start.tv_nsec = (walltimestamp - timestamp +
	    T->group_leader->start_time) % 1000000000;
	pr_fname = T->comm;
	pr_psargs = d_execargs(T);
	pr_argc = 0;
	pr_argv = T->mm == NULL ? 0 : T->mm->arg_start;
	pr_envp = T->mm == NULL ? 0 : T->mm->env_start;
	pr_dmodel = PR_MODEL_LP64;
	pr_taskid = 0;
	pr_projid = 0;
	pr_poolid = 0;
	pr_zoneid = 0;
};

translator lwpsinfo_t < struct task_struct *T >
{
	pr_flag = 0;
	pr_lwpid = T->pid;
	pr_addr = (uintptr_t)T;
	pr_wchan = 0;
	pr_stype = 0;
	pr_state = T->exit_state != 0 ? SZOMB :
	    (T->__state & 0xc) != 0 ? SSTOP :
	    (T->__state & 0x3) != 0 ? SSLEEP :
	    T->on_cpu ? SONPROC : SRUN;
	pr_sname = T->exit_state != 0 ? 'Z' :
	    (T->__state & 0xc) != 0 ? 'T' :
	    (T->__state & 0x3) != 0 ? 'S' :
	    T->on_cpu ? 'O' : 'R';
	pr_nice = T->static_prio - 100;
	pr_syscall = 0;
	pr_pri = T->prio;
	pr_clname = T->policy == 1 || T->policy == 2 ? "RT" :
	    T->policy == 6 ? "DL" : "TS";
	pr_onpro = T->thread_info.cpu;
	pr_bindpro = -1;
	pr_bindpset = -1;
};

inline psinfo_t *curpsinfo = xlate <psinfo_t *> (curthread);
#pragma D binding "1.0" curpsinfo
inline lwpsinfo_t *curlwpsinfo = xlate <lwpsinfo_t *> (curthread);
#pragma D binding "1.0" curlwpsinfo
