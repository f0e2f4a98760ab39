# A button starts long work; a bar shows its progress.  ## zh: 一个按钮启动耗时的工作，进度条显示进度。
import hashlib, threading, time
import tkinter as tk
from tkinter import ttk


STEP_SECONDS = JOB_STEP_MILLIS / 1000


def one_step():
    if WORK == "wait":
        time.sleep(STEP_SECONDS)        # like waiting for I/O  ## zh: 就像等待 I/O
    else:
        block = bytes(4096)             # CPU work: hashing  ## zh: CPU 工作：计算哈希
        deadline = time.perf_counter() + STEP_SECONDS
        while time.perf_counter() < deadline:
            block = hashlib.sha256(block).digest() * 128


def long_job(report):
    for step in range(1, STEPS + 1):
        one_step()
        report(step / STEPS)


def on_ui_thread():                     # freezes the window  ## zh: 窗口会卡住
    long_job(lambda p: bars[0].config(value=p * 100))


def in_background():                    # window stays alive  ## zh: 窗口保持响应
    for bar in bars:
        def report(p, bar=bar):         # only the UI thread  ## zh: 只有 UI 线程能改界面
            root.after(0, bar.config, {"value": p * 100})
        threading.Thread(target=long_job, args=(report,),
                         daemon=True).start()


root = tk.Tk()
bars = [ttk.Progressbar(root, length=300) for _ in range(JOBS)]
for bar in bars:
    bar.pack()
start = on_ui_thread if WHERE == "ui_thread" else in_background
tk.Button(root, text="Start", command=start).pack()
root.mainloop()
