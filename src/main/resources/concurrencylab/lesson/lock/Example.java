// LockLesson: each thread, `increments` times
switch (mode) {
  case NO_LOCK -> increment(lane, counter, pacer);
  case LOCK -> {
    lock.lock(lane);        // a fair ReentrantLock; may block
    try {
      increment(lane, counter, pacer);
    } finally {
      lock.unlock(lane);
    }
  }
  case RLOCK -> {
    lock.lock(lane);        // hold count 1
    try {
      incrementHoldingTheLockAgain(lane, lock, counter, pacer);
    } finally {
      lock.unlock(lane);
    }
  }
}

// counter += 1, as the machine does it
static void increment(...) {
  int seen = counter.read(lane);  // read   (then a pause)
  int next = seen + 1;            // add    (then a pause)
  pacer.step();
  counter.write(lane, next);      // write  (then a pause)
}

static void incrementHoldingTheLockAgain(...) {
  lock.lock(lane);                // hold count 2
  try { increment(lane, counter, pacer); }
  finally { lock.unlock(lane); }  // back to 1
}
