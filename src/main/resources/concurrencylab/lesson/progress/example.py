# A button starts long work; bars show its progress.  ## zh: 一个按钮启动耗时的工作，进度条显示进度。
# The loop below stands in for a GUI's event loop: it waits for an event  ## zh: 下面的循环代替图形界面的事件循环：
# or for the next frame (60 a second), and only it draws.  ## zh: 它等待事件或下一帧（每秒 60 帧），只有它能画界面。
import hashlib, queue, threading, time

FRAME_SECONDS = 1 / 60
STEP_SECONDS = JOB_STEP_MILLIS / 1000
events = queue.Queue()                  # what the loop is asked to do  ## zh: 请事件循环做的事
drawn = {}                              # each bar's step as drawn  ## zh: 每个进度条画到第几步
workers = []


def one_step():
    if WORK == "wait":
        time.sleep(STEP_SECONDS)        # like waiting for I/O  ## zh: 就像等待 I/O
    else:
        block = bytes(4096)             # CPU work: hashing  ## zh: CPU 工作：计算哈希
        deadline = time.perf_counter() + STEP_SECONDS
        while time.perf_counter() < deadline:
            block = hashlib.sha256(block).digest() * 128


def draw(bar, step):                    # runs on the loop only  ## zh: 只在事件循环里运行
    drawn[bar] = step
    print(f"{bar}: drew step {step}/{STEPS}")


def long_job():
    bar = threading.current_thread().name
    for step in range(1, STEPS + 1):
        one_step()
        events.put(lambda step=step: draw(bar, step))  # ask the loop to draw  ## zh: 请事件循环去画


def on_click():                         # the button's handler  ## zh: 按钮的处理函数
    if WHERE == "ui_thread":
        long_job()                      # the loop is stuck in here  ## zh: 事件循环卡在这里
    else:
        for n in range(1, JOBS + 1):
            worker = threading.Thread(target=long_job, name=f"job-{n}")
            workers.append(worker)
            worker.start()


def event_loop(bars):
    idle_frames = 0
    while sum(drawn.values()) < bars * STEPS:
        try:
            handle = events.get(timeout=FRAME_SECONDS)  # an event, or the next frame  ## zh: 等事件或下一帧
        except queue.Empty:             # nothing to do this frame  ## zh: 这一帧没事可做
            idle_frames += 1
            if idle_frames == 6:
                events.put(on_click)    # the button is clicked  ## zh: 按钮被点击
            continue
        handle()


event_loop(1 if WHERE == "ui_thread" else JOBS)
for worker in workers:
    worker.join()
print("all jobs drawn")
