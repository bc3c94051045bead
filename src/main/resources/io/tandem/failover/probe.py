# Tandem's failover probe, run on an initiator during a failover test (python3, standard library only).
#
#   probe.py FILE BLOCKS INTERVAL_MS MAX_SECONDS STOPFILE RUN_ID
#
# Every INTERVAL_MS it writes one 4 KiB block into FILE (a file Tandem made on the iSCSI disk's
# filesystem, never the raw disk) with O_DIRECT|O_DSYNC: the block holds the run id, a sequence
# number and a CRC, so a read-back proves which acknowledged writes survived. Between writes it reads
# back one earlier acknowledged block (a read-latency probe that also checks the data on the way).
# Each I/O prints one line as it completes:
#   START_EPOCH LATENCY_MS OK|ERR:NAME w|r SEQ
# After STOPFILE appears (or MAX_SECONDS), every block whose write was acknowledged is read back
# (lost: the file's zeros or an older block; corrupt: anything else that is not the block written):
#   VERIFY acked=N lost=N corrupt=N unreadable=N
import errno, mmap, os, struct, sys, time, zlib

path, blocks, interval_ms, max_seconds, stopfile, run_id = (sys.argv[1], int(sys.argv[2]), int(sys.argv[3]),
                                                          float(sys.argv[4]), sys.argv[5], sys.argv[6])
BS = 4096
MAGIC = b"TNDMPRB1"
HEADER = struct.Struct("<8s16sQd")  # magic, run id, sequence, time written
run = run_id.encode()[:16].ljust(16, b"\0")
buf = mmap.mmap(-1, BS)             # page-aligned, as O_DIRECT needs
rbuf = mmap.mmap(-1, BS)
acked = {}                          # slot -> highest sequence whose write was acknowledged


def fill(seq):
    body = HEADER.pack(MAGIC, run, seq, time.time())
    pad = (seq * 2654435761 & 0xFFFFFFFF).to_bytes(4, "little") * ((BS - len(body) - 4) // 4)
    block = body + pad
    block += zlib.crc32(block).to_bytes(4, "little")
    buf.seek(0)
    buf.write(block[:BS].ljust(BS, b"\0"))


def check(data, slot):
    """The sequence a block holds, or None when it is not a whole block of this run."""
    if zlib.crc32(data[:BS - 4]).to_bytes(4, "little") != data[BS - 4:BS]:
        return None
    magic, rid, seq, _ = HEADER.unpack_from(data, 0)
    if magic != MAGIC or rid != run or seq % blocks != slot:
        return None
    return seq


def errname(e):
    return errno.errorcode.get(e.errno, str(e.errno)) if e.errno else type(e).__name__


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def read_slot(fd, slot):
    n = os.preadv(fd, [rbuf], slot * BS)
    if n != BS:
        raise OSError(errno.EIO, "short read")
    return bytes(rbuf)


fd = os.open(path, os.O_RDWR | os.O_DIRECT | os.O_DSYNC)
say("START run=%s blocks=%d interval_ms=%d" % (run_id, blocks, interval_ms))
seq = 0
began = time.time()
next_tick = began
while seq < blocks and time.time() - began < max_seconds and not os.path.exists(stopfile):
    slot = seq % blocks
    fill(seq)
    t0 = time.time()
    try:
        if os.pwrite(fd, buf, slot * BS) != BS:
            raise OSError(errno.EIO, "short write")
        say("%.6f %.3f OK w %d" % (t0, (time.time() - t0) * 1000, seq))
        acked[slot] = seq
    except OSError as e:
        say("%.6f %.3f ERR:%s w %d" % (t0, (time.time() - t0) * 1000, errname(e), seq))
    if acked:
        back = (seq // 2) % blocks if seq else 0
        if back in acked:
            t1 = time.time()
            try:
                found = check(read_slot(fd, back), back)
                ok = found is not None and found >= acked[back]
                say("%.6f %.3f %s r %d" % (t1, (time.time() - t1) * 1000, "OK" if ok else "ERR:BADDATA", acked[back]))
            except OSError as e:
                say("%.6f %.3f ERR:%s r %d" % (t1, (time.time() - t1) * 1000, errname(e), acked[back]))
    seq += 1
    next_tick += interval_ms / 1000.0
    now = time.time()
    if next_tick > now:
        time.sleep(next_tick - now)
    else:
        next_tick = now                # a stalled I/O: start again from now, no burst of missed ticks

lost = corrupt = unreadable = 0
for slot, want in sorted(acked.items()):
    try:
        data = read_slot(fd, slot)
        found = check(data, slot)
    except OSError:
        unreadable += 1
        continue
    if found is None and data.count(0) == BS:
        lost += 1                      # still the zeros Tandem wrote before the run: the write is gone
    elif found is None:
        corrupt += 1
    elif found < want:
        lost += 1
os.close(fd)
say("VERIFY acked=%d lost=%d corrupt=%d unreadable=%d" % (len(acked), lost, corrupt, unreadable))
