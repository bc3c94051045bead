# Tandem's failover probe over libiscsi (python3 stdlib + ctypes over libiscsi.so.7), for the
# namespace lab, whose client has no kernel initiator. Same I/O pattern and output as
# src/main/resources/io/tandem/failover/probe.py, so io.tandem.failover.ProbeLog parses it:
#
#   probe-libiscsi.py PORTAL TARGET_IQN LUN BLOCKS INTERVAL_MS MAX_SECONDS STOPFILE RUN_ID
#
# The initiator name and CHAP come from the environment, never the command line:
#   PROBE_INITIATOR, LIBISCSI_CHAP_USERNAME/PASSWORD, LIBISCSI_CHAP_TARGET_USERNAME/PASSWORD (mutual).
#
# Each 4 KiB block goes to LBA slot*8 (512-byte sectors, tgt's default) with FUA. When an I/O fails
# (the target went away) the probe does what the kernel initiator does during replacement_timeout:
# it holds the I/O, logs in again (a new context) and retries the same block; only after GIVE_UP
# seconds without success does the I/O end as an error. The printed latency covers the whole hold.
import ctypes, os, signal, struct, sys, time, zlib

portal, target, lun, blocks, interval_ms, max_seconds, stopfile, run_id = (
    sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]),
    sys.argv[7], sys.argv[8])
BS = 4096
SECTOR = 512
GIVE_UP = 60.0
ATTEMPT = 3              # seconds one connect or I/O may take before it is abandoned (watchdog)
MAGIC = b"TNDMPRB1"
HEADER = struct.Struct("<8s16sQd")
run = run_id.encode()[:16].ljust(16, b"\0")
acked = {}

lib = ctypes.CDLL("libiscsi.so.7")
P = ctypes.c_void_p
lib.iscsi_create_context.restype = P
lib.iscsi_create_context.argtypes = [ctypes.c_char_p]
lib.iscsi_destroy_context.argtypes = [P]
lib.iscsi_get_error.restype = ctypes.c_char_p
lib.iscsi_get_error.argtypes = [P]
for f in ("iscsi_set_targetname", "iscsi_set_initiator_username_pwd", "iscsi_set_target_username_pwd"):
    getattr(lib, f).argtypes = [P, ctypes.c_char_p] + ([ctypes.c_char_p] if "pwd" in f else [])
for f in ("iscsi_set_session_type", "iscsi_set_header_digest", "iscsi_set_timeout", "iscsi_set_noautoreconnect"):
    getattr(lib, f).argtypes = [P, ctypes.c_int]
lib.iscsi_full_connect_sync.argtypes = [P, ctypes.c_char_p, ctypes.c_int]
lib.iscsi_write16_sync.restype = ctypes.POINTER(ctypes.c_int)     # struct scsi_task *: its first field is the SCSI status
lib.iscsi_write16_sync.argtypes = [P, ctypes.c_int, ctypes.c_uint64, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_int,
                                   ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]


class Iovec(ctypes.Structure):
    _fields_ = [("iov_base", P), ("iov_len", ctypes.c_size_t)]


lib.iscsi_read16_iov_sync.restype = ctypes.POINTER(ctypes.c_int)
lib.iscsi_read16_iov_sync.argtypes = [P, ctypes.c_int, ctypes.c_uint64, ctypes.c_uint32, ctypes.c_int, ctypes.c_int,
                                      ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.POINTER(Iovec), ctypes.c_int]
lib.scsi_free_scsi_task.argtypes = [P]

env = lambda k: os.environ.get(k, "").encode()
rbuf = ctypes.create_string_buffer(BS)


class Failed(Exception):
    pass


class Watchdog(Exception):
    pass


def alarm(signum, frame):
    raise Watchdog()


# A SIGALRM makes libiscsi's poll() fail (EINTR), so a connect or I/O to a silent portal (dropped
# packets while portblock blocks) returns instead of waiting for TCP's own timeouts.
signal.signal(signal.SIGALRM, alarm)
ctx = None


def guarded(call):
    signal.setitimer(signal.ITIMER_REAL, ATTEMPT)
    try:
        return call()
    except Watchdog:
        raise Failed("watchdog")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def disconnect():
    global ctx
    if ctx:
        lib.iscsi_destroy_context(ctx)
        ctx = None


def connect():
    global ctx
    disconnect()
    ctx = lib.iscsi_create_context(env("PROBE_INITIATOR"))
    lib.iscsi_set_targetname(ctx, target.encode())
    lib.iscsi_set_session_type(ctx, 2)            # ISCSI_SESSION_NORMAL
    lib.iscsi_set_header_digest(ctx, 1)           # ISCSI_HEADER_DIGEST_NONE_CRC32C
    lib.iscsi_set_noautoreconnect(ctx, 1)         # failures surface here; the probe reconnects itself
    lib.iscsi_set_timeout(ctx, ATTEMPT)
    if os.environ.get("LIBISCSI_CHAP_USERNAME"):
        lib.iscsi_set_initiator_username_pwd(ctx, env("LIBISCSI_CHAP_USERNAME"), env("LIBISCSI_CHAP_PASSWORD"))
    if os.environ.get("LIBISCSI_CHAP_TARGET_USERNAME"):
        lib.iscsi_set_target_username_pwd(ctx, env("LIBISCSI_CHAP_TARGET_USERNAME"), env("LIBISCSI_CHAP_TARGET_PASSWORD"))
    if guarded(lambda: lib.iscsi_full_connect_sync(ctx, portal.encode(), lun)) != 0:
        raise Failed(lib.iscsi_get_error(ctx).decode(errors="replace"))


def finish(task):
    if not task:
        raise Failed(lib.iscsi_get_error(ctx).decode(errors="replace"))
    status = task[0]
    lib.scsi_free_scsi_task(ctypes.cast(task, P))
    if status != 0:
        raise Failed("SCSI status %#x" % status)


def once(op, slot, data):
    if ctx is None:
        connect()
    lba = slot * (BS // SECTOR)
    if op == "w":
        finish(guarded(lambda: lib.iscsi_write16_sync(ctx, lun, lba, data, BS, SECTOR, 0, 0, 1, 0, 0)))
        return None
    iov = Iovec(ctypes.cast(rbuf, P), BS)
    finish(guarded(lambda: lib.iscsi_read16_iov_sync(ctx, lun, lba, BS, SECTOR, 0, 0, 0, 0, 0, ctypes.byref(iov), 1)))
    return rbuf.raw


def io(op, slot, data=None):
    """The I/O, held and retried over new sessions until it succeeds or GIVE_UP passes."""
    began = time.time()
    while True:
        try:
            return once(op, slot, data)
        except Failed:
            disconnect()
            if time.time() - began > GIVE_UP:
                raise
            time.sleep(0.2)


def block(seq):
    body = HEADER.pack(MAGIC, run, seq, time.time())
    pad = (seq * 2654435761 & 0xFFFFFFFF).to_bytes(4, "little") * ((BS - len(body) - 4) // 4)
    b = body + pad
    return (b + zlib.crc32(b).to_bytes(4, "little"))[:BS].ljust(BS, b"\0")


def check(data, slot):
    if zlib.crc32(data[:BS - 4]).to_bytes(4, "little") != data[BS - 4:BS]:
        return None
    magic, rid, seq, _ = HEADER.unpack_from(data, 0)
    if magic != MAGIC or rid != run or seq % blocks != slot:
        return None
    return seq


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


say("START run=%s blocks=%d interval_ms=%d" % (run_id, blocks, interval_ms))
seq = 0
began = time.time()
next_tick = began
while seq < blocks and time.time() - began < max_seconds and not os.path.exists(stopfile):
    slot = seq % blocks
    t0 = time.time()
    try:
        io("w", slot, block(seq))
        say("%.6f %.3f OK w %d" % (t0, (time.time() - t0) * 1000, seq))
        acked[slot] = seq
    except Failed:
        say("%.6f %.3f ERR:EIO w %d" % (t0, (time.time() - t0) * 1000, seq))
    if acked:
        back = (seq // 2) % blocks if seq else 0
        if back in acked:
            t1 = time.time()
            try:
                found = check(io("r", back), back)
                ok = found is not None and found >= acked[back]
                say("%.6f %.3f %s r %d" % (t1, (time.time() - t1) * 1000, "OK" if ok else "ERR:BADDATA", acked[back]))
            except Failed:
                say("%.6f %.3f ERR:EIO r %d" % (t1, (time.time() - t1) * 1000, acked[back]))
    seq += 1
    next_tick += interval_ms / 1000.0
    now = time.time()
    if next_tick > now:
        time.sleep(next_tick - now)
    else:
        next_tick = now

lost = corrupt = unreadable = 0
for slot, want in sorted(acked.items()):
    try:
        data = io("r", slot)
        found = check(data, slot)
    except Failed:
        unreadable += 1
        continue
    if found is None and data.count(0) == BS:
        lost += 1
    elif found is None:
        corrupt += 1
    elif found < want:
        lost += 1
disconnect()
say("VERIFY acked=%d lost=%d corrupt=%d unreadable=%d" % (len(acked), lost, corrupt, unreadable))
